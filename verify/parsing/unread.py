"""Premises the reader could not read, and the names they mention.

A formula the document introduces as a premise ("Assume $a, b \\geq 0$") that fails to parse states
something the checker cannot use. A counterexample might be exactly what it excludes, so the checker
lets no refutation rest on a name it mentions (``Context.unread``). The names are found piece by
piece: the formula is cut at its top-level commas and relations and each piece read with our own
grammar; a piece that still fails gives the names its tokens spell, so the set errs on the large side.
"""
from __future__ import annotations

import re

from sympy import Basic, Symbol

from ..errors import LimitExceeded, ParseError
from ..model import UnreadPremise
from .expressions import parse_latex_expr
from .latex_lexer import lex_latex
from .limits import DEFAULT_LIMITS

_CUT = re.compile(r"\\(?:geq|leq|ge|le|neq|ne|in|notin|subseteq|subset|sim|approx|to|mapsto|iff|implies|"
                  r"Rightarrow|Leftrightarrow|quad|qquad|text\{[^{}]*\}|mathrm\{[^{}]*\})(?![A-Za-z])|[,;<>=:]")


def unread_premises(formulas, is_premise, random_names: frozenset[str] = frozenset(),
                    independent: frozenset[str] = frozenset()) -> tuple[UnreadPremise, ...]:
    """The formulas that failed to parse, that ``is_premise`` (by position in the list) says the
    document assumes, and that state something no other reader took (``states_something``)."""
    return tuple(UnreadPremise(frozenset(mentioned(f.text)), f.text, f.line, f.column)
                 for k, f in enumerate(formulas) if f.statement is None and f.error is not None and is_premise(k)
                 and states_something(f.text, random_names, independent))


def case_conditions(formulas) -> tuple[UnreadPremise, ...]:
    """``i \\neq j`` written as the condition of a case ("Case $i \\neq j$:", "for $i = j$ ... for $i \\neq j$"):
    the steps under it hold in that case only, and which case a step is in the reader does not know, so no
    refutation may rest on i or j (one drawn at i = j refuted a step of the other case)."""
    return tuple(_read_premise(f, "is the condition of a case, which the steps under it may assume")
                 for f in formulas if f.statement is not None and f.statement.relations == ("!=",)
                 and len(f.statement.exprs) == 2 and all(isinstance(e, Symbol) for e in f.statement.exprs))


def set_aside(claims, in_list) -> tuple[UnreadPremise, ...]:
    """Relations written inline in a premise list but introduced as consequences ("minimising over x gives
    $x^{(k)} = ...$"): neither assumed nor checked, yet the document takes them for granted, so, as an
    unread premise, none may carry a refutation about a name it mentions. ``claims`` are the (formula,
    piece) pairs introduced as claims that no reader took (a one-hot "so $\\sum_j y_j = 1$" is a fact already)."""
    return tuple(_read_premise(f, "is stated among the premises as a consequence (neither assumed nor checked)")
                 for f, piece in claims
                 if f.statement is not None and f.statement.relations and not piece.display
                 and in_list(piece.offset) and not _a_law_of_densities(f.statement))


def _a_law_of_densities(statement) -> bool:
    """``\\sum_Z q(Z) = 1``, Jensen's inequality: a law of densities or averages, which the probability theory
    applies itself; it constrains no drawn value."""
    from ..vocabulary import KL, Density, Expectation

    return any(isinstance(e, Basic) and e.has(Density, Expectation, KL) for e in statement.exprs)


def unused_equations(formulas, imaginary: bool = False) -> tuple[UnreadPremise, ...]:
    """Premise equations the reader keeps but no theory uses (``\\pi^{y_i} = \\prod_j \\pi_j^{y_{ij}}``):
    what they assume is not applied, so no refutation may rest on a name they mention."""
    return tuple(_read_premise(f, "is a relation among the premises that no rule applies", imaginary) for f in formulas)


def _read_premise(formula, why: str, imaginary: bool = False) -> UnreadPremise:
    """A premise that was read but is not used: it mentions the names free in it (a summation index
    ``\\sum_Z q(Z) = 1`` binds is no value a counterexample gives), and an equation is absorbed by any name
    it holds to an odd power with a numeric leading coefficient (a real root exists whatever the rest is),
    or to any power in an equation over the complex numbers (``\\lambda^2 - (1 - 2i\\eta)\\lambda - i\\eta = 0``)."""
    from sympy import I, Indexed, Poly, expand
    from sympy.core.function import AppliedUndef
    from sympy.polys.polyerrors import BasePolynomialError

    from ..vocabulary import Density

    exprs = formula.statement.exprs
    free = set().union(*(e.free_symbols for e in exprs))
    heads = {a.func.__name__ for e in exprs for a in e.atoms(AppliedUndef)} | {d.name for e in exprs
                                                                               for d in e.atoms(Density)}
    names = frozenset(str(s) for s in free if isinstance(s, (Symbol, Indexed))) | heads  # P of P(H) = 0.5 too
    absorbing: set[str] = set()
    if formula.statement.relations == ("=",) and len(exprs) == 2:
        difference = expand(exprs[0] - exprs[1])
        for name in (s for s in free if isinstance(s, Symbol)):
            try:
                poly = Poly(difference, name)
            except (BasePolynomialError, ValueError, TypeError):
                continue
            coefficients, leading = poly.all_coeffs(), poly.LC()
            if not (leading.is_number and leading != 0 and poly.degree() >= 1):
                continue
            unit = (I, Symbol("i")) if imaginary else (I,)  # the document's i, when it says i is imaginary
            complex_equation = any(c.has(*unit) for c in coefficients)  # over C every such polynomial has a root
            if complex_equation or (poly.degree() % 2 == 1 and leading.is_real
                                    and all(c.is_real is not False for c in coefficients)):
                absorbing.add(str(name))
    return UnreadPremise(names, formula.text, formula.line, formula.column, why, frozenset(absorbing))


def states_something(text: str, random_names: frozenset[str] = frozenset(),
                     independent: frozenset[str] = frozenset()) -> bool:
    """Whether ``text`` may assume what the context lacks. A list of names (``\\mu_p, \\mu_q``) or a bare
    term assumes nothing; a shape ``q, k \\in \\mathbb{R}^d`` is read by the declarations and a law
    ``x \\sim \\mathcal{N}(0, 1)`` of a declared random variable (``random_names``) by the randomness
    reader, as is ``X \\perp Y`` between names a declared independence holds (``independent``). Any
    other relation, or notation our lexer does not know (it may be one), may assume more."""
    if _INDEPENDENCE.search(text) and mentioned(_INDEPENDENCE.sub(",", text)) <= independent:
        return False
    pieces, cuts = _cut(text)
    left: set[str] = set()
    for piece, cut in zip(pieces, cuts):
        left |= _names_of(piece)
        token = cut.group(0)
        if token in {",", ";", "\\quad", "\\qquad"} or token.startswith("\\mathrm"):  # a name, no relation
            continue
        if token == "\\in" and _SET_OF_NUMBERS.match(text, cut.end()):
            left = set()
            continue
        if token == "\\sim" and left and all(_base(n) in random_names for n in left):
            left = set()
            continue
        return True
    return any(not _lexes(piece) for piece in pieces)


_INDEPENDENCE = re.compile(r"(?:\\!)*\\(?:perp|independent|indep)(?![A-Za-z])(?:\\!|\\perp(?![A-Za-z]))*")
_SET_OF_NUMBERS = re.compile(r"\s*\\mathbb\s*\{?\s*[RCNZQ]\b")


def _base(name: str) -> str:
    return name.split("_")[0]


def _lexes(piece: str) -> bool:
    try:
        lex_latex(piece, DEFAULT_LIMITS)
        return True
    except (ParseError, LimitExceeded, ValueError, TypeError):
        return False


def mentioned(text: str) -> set[str]:
    """The names ``text`` mentions, as the grammar names them (``d_{model}`` is ``d_{m o d e l}``)."""
    names: set[str] = set()
    for piece in _pieces(text):
        names |= _names_of(piece)
    return names


def _pieces(text: str) -> list[str]:
    """``text`` cut at the commas and relations outside brackets."""
    return [p for p in _cut(text)[0] if p.strip()]


def _cut(text: str) -> tuple[list[str], list[re.Match]]:
    """The pieces of ``text`` between its top-level commas and relations, and those cuts (one fewer)."""
    pieces, cuts, depth, start, at = [], [], 0, 0, 0
    while at < len(text):
        char = text[at]
        if char == "\\" and text.startswith(("\\{", "\\}"), at):
            at += 2
            continue
        if char in "({[":
            depth += 1
        elif char in ")}]":
            depth = max(0, depth - 1)
        found = _CUT.match(text, at) if depth == 0 else None
        if found and found.end() > at:
            pieces.append(text[start:at])
            cuts.append(found)
            start = at = found.end()
            continue
        at += 1
    pieces.append(text[start:])
    return pieces, cuts


def _names_of(piece: str) -> set[str]:
    try:
        return {s.name for s in parse_latex_expr(piece).free_symbols if isinstance(s, Symbol)}
    except (ParseError, LimitExceeded, ValueError, TypeError):
        pass
    try:
        return {str(t.value) for t in lex_latex(piece, DEFAULT_LIMITS) if t.type == "NAME"}
    except (ParseError, LimitExceeded, ValueError, TypeError):
        return set(re.findall(r"[A-Za-z]+", piece))
