"""What a document says its names are, each with its evidence: the reading the parser and the context use.

Gathered from a first parse of every formula, the prose, and a probe parse (``kinds``):
which names are matrices or vectors (``matrices``), which capitals are of open kind and do
not commute (``kinds``), which names are densities and which are positive, nonnegative or
counts (``premises``). Nothing comes from a letter's name alone; every entry says why, for
the "assumed" line.
"""
from __future__ import annotations

from dataclasses import dataclass

from sympy import Expr

from ..vocabulary import Density
from . import kinds, matrices, premises
from .context import INTEGER, POSITIVE
from .kinds import Kinds
from .objects import is_density_name


@dataclass(frozen=True)
class Reading:
    """``matrices``: name -> (shape or None, why); ``noncommuting``: names of open kind;
    ``densities``: name -> why; ``stated``: name -> (kind, why) for the context's assumptions."""

    matrices: dict
    noncommuting: frozenset[str]
    densities: dict
    stated: dict

    def kinds(self, first_reading: list[Expr]) -> Kinds | None:
        """How to parse again, or None when the first parse already reads every name this way."""
        undeclared = any(d.name not in self.densities for e in first_reading for d in e.atoms(Density))
        if not (self.matrices or self.noncommuting or undeclared):
            return None
        shapes = matrices.shapes(self.matrices)
        return Kinds(shapes, self.noncommuting, kinds.identity(shapes) if shapes else None,
                     densities=frozenset(self.densities))

    def notes(self) -> dict[str, tuple[str, str]]:
        """name -> (what it was read as, why), for the kinds; the assumptions are noted by the context."""
        notes = {name: ("a vector" if shape and shape[1] == 1 else "a matrix", why)
                 for name, (shape, why) in self.matrices.items()}
        notes.update({name: ("not assumed to commute", "a capital in a product, kind not stated")
                      for name in self.noncommuting})
        notes.update({name: ("a density", why) for name, why in self.densities.items() if is_density_name(name)})
        return notes

    def sizes(self) -> set[str]:
        """The sizes written in declarations: they occur in the file."""
        return matrices.shape_symbols(self.matrices)


def read_names(text: str, formulas: list[tuple[str, bool, object]], probe: list[Expr],
               stated_premises: list[tuple[object, str]], premise_at=lambda offset: True) -> Reading:
    """The reading of a document: ``formulas`` are (text, display, statement or None) of the first
    parse; ``probe`` the expressions of the probe parse (every capital not commuting);
    ``stated_premises`` the (statement, source) the document introduces as premises (``roles``);
    ``premise_at(offset)`` whether the formula at that offset of ``text`` is one."""
    statements = [(statement, source) for source, _, statement in formulas if statement is not None]
    plain = [e for statement, _ in statements for e in statement.exprs]
    texts = [source for source, _, _ in formulas]
    counts = premises.counts_in_prose(text)
    sizes = kinds.sizes(plain) | set(counts)
    used, multiplied, products = kinds.uses(probe)
    found = matrices.evidence(text, texts, plain, texts, {name: why for name, why in used.items() if name not in sizes})
    for names in products:  # ``A V`` with A a matrix elsewhere: V is one too
        if names & set(found):
            for name in sorted(names - set(found) - sizes - {kinds.IDENTITY_NAME}):
                found[name] = (None, "a product with a matrix")
    noncommuting = frozenset(multiplied - set(found) - sizes - {kinds.IDENTITY_NAME})
    scales = {**premises.scales_in_prose(text), **premises.normal_scales(plain)}
    stated = {**{name: (POSITIVE, why) for name, why in scales.items()}, **premises.in_interval(text, premise_at),
              **premises.stated_bounds(stated_premises), **{name: (INTEGER, why) for name, why in counts.items()}}
    return Reading(found, noncommuting, premises.density_names(text, plain, statements), stated)
