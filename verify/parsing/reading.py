"""What a document says its names are, each with its evidence: the reading the parser and the context use.

Gathered from a first parse of every formula, the prose, and a probe parse (``kinds``):
which names are matrices or vectors (``matrices``), which capitals are of open kind and do
not commute (``kinds``), which names are densities and which are positive, nonnegative or
counts (``premises``). Nothing comes from a letter's name alone; every entry says why, for
the "assumed" line.
"""
from __future__ import annotations

from dataclasses import dataclass

from sympy import Expr, Symbol

from ..vocabulary import Density
from . import bounds, kinds, matrices, premises, stated as said
from .context import INTEGER, NONNEGATIVE, POSITIVE, merged
from .kinds import Kinds
from .objects import is_density_name
from .randomness.laws import written_normals


@dataclass(frozen=True)
class Reading:
    """``matrices``: name -> (shape or None, why); ``noncommuting``: names of open kind;
    ``densities``: name -> why; ``stated``: name -> (kind, why) for the context's assumptions;
    ``identity``: why ``I`` is the identity (None: the prose does not say); ``imaginary``: why ``i``
    is the imaginary unit (None: it is a name)."""

    matrices: dict
    noncommuting: frozenset[str]
    densities: dict
    stated: dict
    identity: str | None = None
    imaginary: str | None = None

    def kinds(self, first_reading: list[Expr]) -> Kinds | None:
        """How to parse again, or None when the first parse already reads every name this way."""
        undeclared = any(d.name not in self.densities for e in first_reading for d in e.atoms(Density))
        undeclared = undeclared or any(not is_density_name(name) for name in self.densities)  # P(X) after P(z|X)
        if not (self.matrices or self.noncommuting or undeclared or self.identity):
            return None
        shapes = matrices.shapes(self.matrices)
        return Kinds(shapes, self.noncommuting, kinds.identity(shapes) if shapes or self.identity else None,
                     densities=frozenset(self.densities))

    def notes(self) -> dict[str, tuple[str, str]]:
        """name -> (what it was read as, why), for the kinds; the assumptions are noted by the context."""
        notes = {name: ("a vector" if shape and shape[1] == 1 else "a matrix", why)
                 for name, (shape, why) in self.matrices.items()}
        notes.update({name: ("not assumed to commute", "a capital in a product, kind not stated")
                      for name in self.noncommuting})
        notes.update({name: ("a density", why) for name, why in self.densities.items() if is_density_name(name)})
        if self.identity:
            notes[kinds.IDENTITY_NAME] = ("the identity", self.identity)
        if self.imaginary:
            notes["i"] = ("the imaginary unit", self.imaginary)
        return notes

    def sizes(self) -> set[str]:
        """The sizes written in declarations: they occur in the file."""
        return matrices.shape_symbols(self.matrices)


def read_names(text: str, formulas: list[tuple[str, bool, object]], probe: list[Expr],
               stated_premises: list[tuple[object, str]], premise_at=lambda offset: True,
               claim_at=lambda offset: False, premised: list[tuple[object, str]] = ()) -> Reading:
    """The reading of a document: ``formulas`` are (text, display, statement or None) of the first
    parse; ``probe`` the expressions of the probe parse (every capital not commuting);
    ``stated_premises`` the (statement, source) the document introduces as premises (``roles``) that only
    bound names, ``premised`` all it introduces as premises;
    ``premise_at(offset)`` whether the formula at that offset of ``text`` is one, ``claim_at`` whether it
    is a claim (what a claim says of a name is checked, never assumed)."""
    statements = [(statement, source) for source, _, statement in formulas if statement is not None]
    plain = [e for statement, _ in statements for e in statement.exprs]
    texts = [source for source, _, _ in formulas]
    counts = premises.counts_in_prose(text)
    prose_sizes = said.sizes(text)
    sizes = kinds.sizes(plain) | set(counts) | set(prose_sizes)
    used, multiplied, products = kinds.uses(probe)
    found = matrices.evidence(text, texts, plain, texts, {name: why for name, why in used.items() if name not in sizes})
    for name, entry in matrices.defined_as_matrices(statements, texts).items():
        shape = found.get(name, (None,))[0]
        if shape is None or (entry[0][0] == 1 and not all(side.is_Integer for side in shape)):
            found[name] = entry  # a written shape beats the convention's (a tuple's row, a transpose's column)
    identity = said.identity(text)
    if identity:  # "I the identity": the identity, never a general matrix named I
        found.pop(kinds.IDENTITY_NAME, None)
    for name in sorted(set(found) & prose_sizes.keys()):  # "K is the kernel size": a number
        if found[name][0] is None:
            del found[name]
    for names in products:  # ``A V`` with A a matrix elsewhere: V is one too
        if names & set(found):
            for name in sorted(names - set(found) - sizes - {kinds.IDENTITY_NAME}):
                found[name] = (None, "a product with a matrix")
    functions = matrices.derivative_functions(text) - set(found)  # F of "F has Jacobian J(F(x))"
    normals = written_normals(premised)
    scales = {**said.scales(text), **premises.normal_scales(plain),  # the names next to the words only
              **{scale: "the scale of a normal density written out" for names in normals.values() for scale in names}}
    stated = {**{name: (POSITIVE, why) for name, why in scales.items()}, **bounds.interval_signs(text, premise_at),
              **premises.stated_bounds(stated_premises), **{name: (INTEGER, why) for name, why in counts.items()}}
    for name, evidence in {**said.integers(text, claim_at), **prose_sizes}.items():
        stated[name] = merged(stated.get(name), evidence)
    for name, evidence in _signs_through_chains(stated_premises, stated).items():
        stated.setdefault(name, evidence)
    # a capital the premises bound or count (``0 < \\mu \\le L``, ``T \\geq 1``) is a number: it commutes
    noncommuting = frozenset((multiplied | functions) - set(found) - sizes - set(stated) - {kinds.IDENTITY_NAME})
    densities = {**{name: "a normal density written out" for name in normals if not is_density_name(name)},
                 **premises.density_names(text, plain, statements)}
    return Reading(found, noncommuting, densities, stated, identity,
                   said.imaginary(text, claim_at))


def _signs_through_chains(stated_premises, known: dict) -> dict:
    """``0 < \\mu \\le L``: L is at least a positive name, so positive (and nonnegative above a nonnegative
    one), through every link of the premises' order chains; what ``known`` already says is kept."""
    signs = {name: kind for name, (kind, _) in known.items() if kind in (POSITIVE, NONNEGATIVE)}
    found: dict = {}
    links = [(link, source) for statement, source in stated_premises if statement is not None
             for link in bounds.chained(statement)]
    for _ in range(len(links)):
        grew = False
        for link, source in links:
            if link.rel_op in (">", ">="):
                big, small = link.lhs, link.rhs
            elif link.rel_op in ("<", "<="):
                small, big = link.lhs, link.rhs
            else:
                continue
            if not isinstance(big, Symbol) or big.name in signs:
                continue
            below = _sign_of(small, signs)
            if below is None:
                continue
            kind = POSITIVE if below == POSITIVE or link.rel_op in ("<", ">") else NONNEGATIVE
            signs[big.name] = kind
            found[big.name] = (kind, f"stated: {' '.join(source.split())}")
            grew = True
        if not grew:
            break
    return found


def _sign_of(value: Expr, signs: dict) -> str | None:
    """POSITIVE or NONNEGATIVE for a number or a name of that known sign; None otherwise."""
    if value.is_Number:
        return POSITIVE if value > 0 else NONNEGATIVE if value == 0 else None
    return signs.get(value.name) if isinstance(value, Symbol) else None
