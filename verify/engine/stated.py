"""Results the premises state, used as facts: ``\\int p \\log p \\, dx = -\\tfrac12 (1 + \\log 2\\pi\\sigma^2)``.

A premise equation whose one side is an integral, an expectation or a divergence (times a number)
is a lemma the document assumes. Premises are taken as true, so an occurrence of that quantity in
a step may be replaced by the value the premise gives it: the rewritten step holds exactly when
the step does, under the premises. A quantity matches when it is the premise's, or when their
canonical forms agree (a symbolic argument either way), never by its letters.

Numbers alone cannot use such a premise (a drawn density almost never meets it), which is why the
rewriting is done here, before the numeric tier. The premises used are dropped from the relations
a draw must meet (the rewritten step no longer holds their quantity); the others still filter.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from sympy import Eq, Expr, Integral
from sympy.core.function import AppliedUndef

from ..model import Context
from ..printing.plain import plain_math
from ..rules import Rule, register_rule
from ..vocabulary import KL, Density, Expectation
from ..vocabulary.random import Expect
from .canonical import canonical_form

RESULTS = (Integral, Expectation, Expect, KL)
MAX_PASSES = 8  # rewriting passes: a chain of premises defining one quantity by the next

STATED_PREMISE = register_rule(Rule(
    "stated premise", "a quantity a premise gives a value (int p log p dx = ...) may be replaced by that value",
    aliases=("by the premises", "stated result")))


@dataclass(frozen=True)
class StatedResult:
    """``quantity = value`` as a premise states it (``premise``), solved for the quantity."""

    quantity: Expr
    value: Expr
    premise: Expr


def _is_result(expr: Expr) -> bool:
    """An integral, an expectation, a divergence, or a function no one defines applied to densities
    (``\\mathcal{D}[Q \\| P]``, a divergence by another name)."""
    return isinstance(expr, RESULTS) or (isinstance(expr, AppliedUndef)
                                         and any(isinstance(a, Density) for a in expr.args))


def _results_in(expr: Expr) -> set[Expr]:
    """The outermost results of ``expr`` (``_is_result``)."""
    if _is_result(expr):
        return {expr}
    return set().union(set(), *(_results_in(a) for a in expr.args if isinstance(a, Expr)))


def _solved(side: Expr, other: Expr, premise: Expr) -> StatedResult | None:
    """``c * Q = other`` (c a nonzero number, Q one result): ``Q = other / c``; None otherwise, or when
    ``other`` holds Q itself (no value, a cycle)."""
    coefficient, rest = side.as_coeff_Mul()
    if not _is_result(rest) or coefficient == 0 or other.has(rest):
        return None
    return StatedResult(rest, other / coefficient, premise)


def stated_results(context: Context) -> tuple[StatedResult, ...]:
    """The premise equations of ``context`` that give a result a value, each solved for it."""
    found = []
    for premise in context.relations:
        if not isinstance(premise, Eq):
            continue
        for side, other in ((premise.lhs, premise.rhs), (premise.rhs, premise.lhs)):
            solved = _solved(side, other, premise)
            if solved is not None:
                found.append(solved)
                break
    return tuple(found)


def _same(quantity: Expr, stated: Expr, context: Context) -> bool:
    if quantity == stated:
        return True
    if type(quantity) is not type(stated):
        return False
    try:
        return canonical_form(quantity - stated, context)[0] == 0
    except Exception:  # noqa: BLE001 -- a form that cannot be built matches nothing
        return False


def rewritten(expr: Expr, results: tuple[StatedResult, ...], context: Context
              ) -> tuple[Expr, tuple[StatedResult, ...]]:
    """``expr`` with each result a premise gives replaced by its value, and the premises used. A result
    left is looked for again in the canonical form (``\\int q (\\log p - \\log q)`` is two integrals there)."""
    expr, used = _rewritten(expr, results, context)
    if not _results_in(expr):
        return expr, used
    try:
        form = canonical_form(expr, context)[0]
    except Exception:  # noqa: BLE001 -- no canonical form: the rewriting as written stands
        return expr, used
    again, more = _rewritten(form, results, context)
    return (again, used + tuple(m for m in more if m not in used)) if more else (expr, used)


def _rewritten(expr: Expr, results: tuple[StatedResult, ...], context: Context
               ) -> tuple[Expr, tuple[StatedResult, ...]]:
    used: list[StatedResult] = []
    for _ in range(MAX_PASSES):
        mapping = {}
        for quantity in _results_in(expr):
            match = next((r for r in results if _same(quantity, r.quantity, context)), None)
            if match is not None:
                mapping[quantity] = match.value
                used += [match] if match not in used else []
        if not mapping:
            break
        expr = expr.xreplace(mapping)
    return expr, tuple(used)


def free_of_densities(expr: Expr) -> bool:
    """No density left whose law is open: numbers drawn for the rewritten step stand for the document's."""
    return not expr.atoms(Density)


def without_premises(context: Context, used: tuple[StatedResult, ...]) -> Context:
    """``context`` less the premises used: a draw need not meet them, the step no longer holds their quantity."""
    gone = {r.premise for r in used}
    return replace(context, relations=tuple(r for r in context.relations if r not in gone))


def premises_text(used: tuple[StatedResult, ...]) -> str:
    return "; ".join(plain_math(r.premise, unicode=False) for r in used)
