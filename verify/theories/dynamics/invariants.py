r"""Quantities of coupled recurrences: ``x_t^2 + y_t^2 = (1+\eta^2)^t (x_0^2 + y_0^2)`` for simultaneous GDA.

The recurrences ``x_{t+1} = x_t - \eta y_t``, ``y_{t+1} = y_t + \eta x_t`` are facts; a step ``E(n) = f(n)``
has on one side an expression ``E`` of the families at the index ``n`` and on the other a closed form
``f`` in the base values (``x_0, y_0``), the index and free sequences (step sizes ``\eta_t``). With the
ratio ``c(n) = f(n+1)/f(n)`` reduced to a form free of the base values, the step holds for every
``n >= b`` when ``E(b) = f(b)``, ``f(n+1) = c(n) f(n)`` and ``E(n+1) = c(n) E(n)`` once the recurrences
are put in for the members at ``n + 1`` -- three identities without division, so a closed form that
vanishes somewhere is covered too (induction on n). Otherwise the families are unrolled together from
exact rational base values: a closed form that differs at ``n = b, b+1, b+2`` is refuted there.
"""
from __future__ import annotations

import sympy
from sympy import Expr, Function, Integer, Symbol
from sympy.core.function import AppliedUndef
from sympy.core.facts import InconsistentAssumptions

from ...config import CheckConfig
from ...model import Context, Relation
from ...verdict import Verdict, proved, unknown
from ..algebra import fact_rule
from ..base import step_handler
from .recurrence import (INDUCTION, VALUE_KINDS, _zero, advanced, as_families, fails_at, finite, member, recurrences,
                         tested_indices, universal)


def _moving(expr: Expr, families: dict) -> set:
    return {a for a in expr.atoms(AppliedUndef) if str(a.func) in families and not a.args[0].is_Integer}


def _based(expr: Expr, families: dict) -> set:
    return {a for a in expr.atoms(AppliedUndef) if str(a.func) in families and a.args[0].is_Integer}


def _sides(lhs: Expr, rhs: Expr, found: dict) -> tuple[Expr, Expr, Symbol, bool] | None:
    """(E, f, n, E written on the left): E's family members all at one plain index n, f's at integers."""
    for side, other, left in ((lhs, rhs, True), (rhs, lhs, False)):
        e = as_families(side)
        moving = _moving(e, found)
        indices = {a.args[0] for a in moving}
        if len(indices) != 1 or not isinstance(next(iter(indices)), Symbol) or _based(e, found):
            continue
        n = next(iter(indices))
        f = as_families(other, n)
        if _moving(f, found):
            continue
        return e, f, n, left
    return None


def _ready(found: dict) -> bool:
    """Each recurrence steps from its families at its own index only (``x_{t+1}`` from ``x_t, y_t``)."""
    for recurrence in found.values():
        for a in recurrence.step.atoms(AppliedUndef):
            if str(a.func) in found and a.args[0] != recurrence.variable:
                return False
    return True


def _advance(expr: Expr, n: Symbol, found: dict) -> Expr:
    """``expr`` at ``n + 1`` with each member at n + 1 replaced by its recurrence's step from n."""
    steps = {Function(stem, real=True)(n + 1): r.step.xreplace({r.variable: n}) for stem, r in found.items()}
    return expr.xreplace({n: n + 1}).xreplace(steps)


def _base_index(f: Expr, found: dict) -> int:
    based = {int(a.args[0]) for a in _based(f, found)}
    return based.pop() if len(based) == 1 else 0


@step_handler
def invariant_step(lhs, relation, rhs, context: Context, config: CheckConfig) -> Verdict | None:
    """``E(n) = f(n)`` over coupled recurrences (see the module docstring)."""
    if relation is not Relation.EQ or not context.facts:
        return None
    found = recurrences(context)
    if not found or not _ready(found):
        return None
    sides = _sides(lhs, rhs, found)
    if sides is None:
        return None
    try:
        return _decide(*sides, found, context)
    except (InconsistentAssumptions, ValueError, TypeError, NotImplementedError, ZeroDivisionError) as error:
        return unknown(f"the quantity of the recurrences is not decided: SymPy failed on it ({type(error).__name__})")


def _decide(e: Expr, f: Expr, n: Symbol, left: bool, found: dict, context: Context) -> Verdict | None:
    used = (INDUCTION, *(fact_rule(r.fact) for r in found.values()))
    names = ", ".join(f"{r.fact.lhs} = {r.fact.rhs}" for r in found.values())
    b = _base_index(f, found)
    ratio = sympy.cancel(sympy.together(advanced(f, n) / f)) if f != 0 else None
    if ratio is not None and not _based(ratio, found) and not ratio.has(sympy.Sum, sympy.Product) and \
            _zero(finite(e.xreplace({n: b})) - finite(f.xreplace({n: b})), context) and \
            _zero(advanced(f, n) - ratio * f, context) and _zero(_advance(e, n, found) - ratio * e, context):
        return proved(f"by induction on the index from {b}: both sides agree at {b}, and one step of the "
                      f"recurrences ({names}) multiplies each by {ratio}", used)
    return _unrolled(e, f, n, b, found, context, left, names)


def _unrolled(e: Expr, f: Expr, n: Symbol, b: int, found: dict, context: Context, left: bool, names: str) -> Verdict:
    """``_unrolled_with`` for each kind of values in turn, until one keeps the stated relations."""
    for kind in range(VALUE_KINDS):
        verdict = _unrolled_with(e, f, n, b, found, context, left, names, kind)
        if verdict is not None:
            return verdict
    return unknown(f"unrolling the recurrences ({names}) would test the closed form only at values outside the "
                   "stated relations; no admissible instance was found")


def _unrolled_with(e: Expr, f: Expr, n: Symbol, b: int, found: dict, context: Context, left: bool, names: str,
                   kind: int) -> Verdict | None:
    """The families run together from rational base values (a stated base value is used as stated)."""
    stated = {}
    for fact in context.facts:
        read = member(fact.lhs)
        if read is not None and read[0] in found and read[1] == b:
            stated[Function(read[0], real=True)(Integer(b))] = as_families(fact.rhs)
    general = universal(n, *(r.variable for r in found.values()))
    failures, held = [], []
    values: dict = {}
    state = {Function(stem, real=True)(Integer(b)): stated.get(Function(stem, real=True)(Integer(b)),
                                                               Function(stem, real=True)(Integer(b)))
             for stem in found}
    for k in range(b, b + 4):
        if k > b:
            state = {Function(stem, real=True)(Integer(k)): r.step.xreplace({r.variable: Integer(k - 1)})
                     .xreplace(previous) for stem, r in found.items()}
        previous = dict(state)
        quantity = finite(e.xreplace({n: Integer(k)})).xreplace(state)
        claimed = finite(f.xreplace({n: Integer(k)}))
        difference = quantity - claimed
        if _moving(difference, found) or any(str(a.func) in found and a.args[0] != b
                                             for a in _based(difference, found)):
            return unknown(f"the recurrences ({names}) do not give every member the step needs")
        fails = fails_at(difference, values, kind, context)
        if fails is None:
            return None
        if k == b and not general:
            continue  # another letter: b + 1 .. b + 3 decide
        if fails:
            failures.append((k, quantity, claimed))
            if general:
                break
        else:
            held.append(k)
    tested = tested_indices(failures, held, general, n, values, left, f"unrolling the recurrences ({names})",
                            lambda k, got, written: f"unrolling the recurrences ({names}) from index {b}: at index "
                                                    f"{k} the quantity is {got}, the closed form {written}")
    if tested is not None:
        return tested
    return unknown(f"the closed form agrees with the recurrences ({names}) at the first indices, but no "
                   "induction step of the form E(n+1) = c(n) E(n) was found")
