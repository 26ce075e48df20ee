"""``E_q[f]``, the law named bare: the expectation under the density q the document writes out.

Papers define ``q(z)`` (or ``q_\\phi(z|x)``) and go on with ``\\mathbb{E}_q[\\cdot]``; the variable averaged
over is the one q is a density of. Read alone, ``E_q`` is an undefined function and no step about it
can be decided. The law is taken only when the document applies q in exactly one way, to plain
names: with ``q(z)`` and ``q(w)`` both written, ``E_q`` names no one law and stays undefined.

A sentence may name the law instead ("$E_q$ is the expectation over $z \\sim q_\\phi(z|x)$", "$\\mathbb{E}_q$
denotes the expectation with respect to $q_\\phi(z \\mid x)$"): then ``E_q`` is the expectation under that
density, whatever the document applies q to (``named_in_prose``).
"""
from __future__ import annotations

import re

from sympy import Expr, Symbol
from sympy.core.function import AppliedUndef

from ..errors import ParseError
from ..printing.plain import plain_math
from ..vocabulary import Density
from .randomness.rewriting import under_densities


def averages(exprs: list[Expr]) -> list[tuple[str, AppliedUndef]]:
    """Each ``E_q(f)`` of ``exprs`` (an average under a law named bare), with the name q."""
    return [(call.func.__name__[2:], call) for expr in exprs for call in expr.atoms(AppliedUndef)
            if call.func.__name__.startswith("E_") and len(call.args) == 1]


def laws(exprs: list[Expr]) -> dict[str, Density]:
    """Each law named bare under an ``E_`` of ``exprs`` that the document applies in one way only, to
    plain names (``q(z)``, written as a density or as a function), with that application. Where an
    average holds densities by their bare names too (``E_{p_g}[\\log p_g / m]``), the reading of bare
    densities (``randomness``) takes the whole document instead."""
    written_averages = averages(exprs)
    named = {name for name, _ in written_averages}
    found: dict[str, set] = {}
    for expr in exprs:
        for density in expr.atoms(Density):
            if density.name in named:
                found.setdefault(density.name, set()).add((density.variables, density.given))
        for call in expr.atoms(AppliedUndef):
            if call.func.__name__ in named:
                found.setdefault(call.func.__name__, set()).add((tuple(call.args), ()))
    bare = {s.name for _, call in written_averages for s in call.args[0].free_symbols
            if isinstance(s, Symbol) and (s.name in found or s.name in named)}
    return {name: Density(name, *next(iter(written))) for name, written in found.items()
            if len(written) == 1 and all(isinstance(v, Symbol) for v in next(iter(written))[0]) and not bare}


def applications(exprs: list[Expr], known: dict[str, Density]) -> dict[Expr, Density]:
    """Each ``q(z)`` of ``exprs`` written as a function whose q is one of the ``known`` laws, with the
    density it is (so the density inside ``E_q[f(z) / q(z)]`` is the law averaged under)."""
    return {call: known[call.func.__name__] for expr in exprs for call in expr.atoms(AppliedUndef)
            if call.func.__name__ in known}


def expanded(expr: Expr, known: dict[str, Density], written: dict[Expr, Density]) -> Expr:
    """``expr`` with each application a density and each ``E_q`` under its law (``under_densities``)."""
    return under_densities(expr.xreplace(written), known) if known else expr


def note(exprs: list[Expr], known: dict[str, Density]) -> str | None:
    """What the report says of the readings, so a misreading is visible."""
    used = {name for name, _ in averages(exprs) if name in known}
    laws_used = sorted(plain_math(known[name], unicode=False) for name in used)
    if not laws_used:
        return None
    return "an expectation E_q with its law named bare is read under the density written out: " + ", ".join(laws_used)


_HEAD = (r"\$\s*(?:\\mathbb\s*\{\s*E\s*\}|\\mathbb\s+E|\\operatorname\{E\}|\\mathrm\{E\}|E)\s*_\s*"
         r"(\{[^{}$]*\}|\\?[A-Za-z]+)\s*\$")
_NAMED_LAW = re.compile(_HEAD + r"\s+(?:is|denotes|means|stands\s+for|is\s+shorthand\s+for)\s+(?:the\s+)?"
                        r"expectations?\s+(?:taken\s+)?(?:over|under|with\s+respect\s+to|w\.\s?r\.\s?t\.?|in)\s+"
                        r"(?:the\s+(?:density|distribution|law|posterior|approximate\s+posterior)\s+)?\$([^$]+)\$", re.I)


def named_in_prose(text: str) -> dict[str, Density]:
    """The law of each ``E_q`` a sentence names ("$E_q$ is the expectation over $z \\sim q_\\phi(z|x)$"):
    q (as the reader names it) -> that density. Only a density at plain names is taken, and a name given
    two laws is left out."""
    from .expressions import parse

    found: dict[str, set] = {}
    for match in _NAMED_LAW.finditer(text):
        try:
            head = parse(f"E_{match.group(1)}[x]").exprs
            law = parse(match.group(2).strip()).exprs
        except (ParseError, ValueError):
            continue
        if len(head) != 1 or not isinstance(head[0], AppliedUndef) or not head[0].func.__name__.startswith("E_"):
            continue
        density = law[-1]
        if isinstance(density, Density) and density.variables and all(isinstance(v, Symbol) for v in density.variables):
            found.setdefault(head[0].func.__name__[2:], set()).add(density)
    return {name: next(iter(laws)) for name, laws in found.items() if len(laws) == 1}
