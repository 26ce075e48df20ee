"""``\\mathbb{E}[(z - \\mu)^2]`` with no law, in a document that averages z under one law only.

Writers name the law once (``\\mathbb{E}_{z \\sim q}[\\ldots]``) and drop the subscript after: the bare
``E[f(z)]`` is the average under that law. It is read so only when the document writes every expectation
over z with the same law, and the bare body holds exactly one variable the document averages over (and
no density, which ``checker.unnamed_expectations`` reads); the report says so. Otherwise it stays an
undefined ``E`` and no step about it is decided by a guess.
"""
from __future__ import annotations

from sympy import Expr, Symbol
from sympy.core.function import AppliedUndef

from ..printing.plain import plain_math
from ..vocabulary import Density, Expectation


def _laws_by_variable(exprs: list[Expr]) -> dict[Symbol, set]:
    found: dict[Symbol, set] = {}
    for expr in exprs:
        for average in expr.atoms(Expectation):
            found.setdefault(average.var, set()).add(average.dist)
    return found


def readings(exprs: list[Expr]) -> dict[AppliedUndef, Expectation]:
    """Each bare ``E(f)`` of ``exprs`` that one law of the document reads, with its reading."""
    laws = _laws_by_variable(exprs)
    found: dict[AppliedUndef, Expectation] = {}
    for expr in exprs:
        for call in expr.atoms(AppliedUndef):
            if call.func.__name__ != "E" or len(call.args) != 1 or call.args[0].has(Density):
                continue
            averaged = [v for v in call.args[0].free_symbols if v in laws]
            if len(averaged) == 1 and len(laws[averaged[0]]) == 1:
                variable = averaged[0]
                found[call] = Expectation(call.args[0], next(iter(laws[variable])), variable)
    return found


def note(found: dict[AppliedUndef, Expectation]) -> str | None:
    """What the report says of the readings, so a user sees which law each bare E took."""
    if not found:
        return None
    laws = sorted({f"{plain_math(e.var, unicode=False)} ~ {plain_math(e.dist, unicode=False)}"
                   for e in found.values()})
    return "E[...] with no law read under the one law the document averages its variable under: " + "; ".join(laws)
