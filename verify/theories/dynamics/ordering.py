r"""Inequality steps between real scalars, proved exactly where the dynamics sign tests can.

``\sqrt{1 + \eta^2} > 1`` for a nonzero ``eta`` is a chain step as often as a claim. The
checker's canonical tier asks SymPy for the sign of ``lhs - rhs``, which misses square roots
and one-parameter polynomials; here the sides are compared as the ``inequality`` claim does
(``dynamics.sign``: squaring nonnegative sides, Sturm root counts, the symbols' assumptions,
``nonzero`` included). Only ``proved`` is said here; anything else is left to the later tiers.

The signs the reader infers by convention (a step size is positive) are not premises the
author wrote, so this handler does not use them: each symbol keeps only ``real``, ``integer``
and a ``nonzero`` without a sign (``\eta \ne 0``). What it proves holds for every such value,
a stronger statement than the context asks; a step that needs a sign goes to the other tiers.
"""
from __future__ import annotations

import sympy
from sympy import Derivative, Expr, Indexed, Integral, Sum
from sympy.core.function import AppliedUndef
from sympy.matrices import MatrixBase
from sympy.matrices.expressions.matexpr import MatrixExpr

from ...config import CheckConfig
from ...model import Context, Relation
from ...verdict import Verdict, proved
from ...vocabulary.linalg import PlusMinus
from ..algebra import apply_facts
from ..base import step_handler
from .region import region_of
from .rules import DYNAMICS
from .sign import decide_relation
from .written import SPECTRAL

MAX_OPERATIONS = 40  # a larger side is left to the other tiers: the assumption system can be slow on it


def _plain_real(expr: Expr) -> bool:
    """A real scalar in plain real parameters, small enough for the exact sign tests."""
    if not isinstance(expr, Expr) or getattr(expr, "is_Matrix", False):
        return False
    if expr.has(Sum, Integral, Derivative, Indexed, AppliedUndef, MatrixBase, MatrixExpr, PlusMinus, *SPECTRAL):
        return False
    if not all(type(s) is sympy.Symbol and s.is_real for s in expr.free_symbols):
        return False
    return sympy.count_ops(expr) <= MAX_OPERATIONS


def _plainly_signed(lhs: Expr, relation: Relation, rhs: Expr) -> bool:
    """SymPy's assumptions already give ``lhs - rhs`` (or its factored form) the required sign."""
    difference = sympy.expand(lhs - rhs) * relation.direction
    test = (lambda d: d.is_positive) if relation.strict else (lambda d: d.is_nonnegative)
    return bool(test(difference) or test(sympy.factor(difference)))


def _without_sign(symbol: sympy.Symbol) -> sympy.Symbol:
    """The symbol as a real (integer) number, nonzero only when it is nonzero without a sign."""
    unsigned_nonzero = bool(symbol.is_nonzero) and not (symbol.is_positive or symbol.is_negative)
    return sympy.Symbol(symbol.name, real=True, integer=bool(symbol.is_integer) or None,
                        nonzero=True if unsigned_nonzero else None)


@step_handler
def ordered_step(lhs, relation, rhs, context: Context, config: CheckConfig) -> Verdict | None:
    """``lhs < rhs`` (or <=, >, >=) proved on the symbols' whole domain, else passed on."""
    if relation.direction == 0:
        return None
    lhs, _ = apply_facts(lhs, context)
    rhs, _ = apply_facts(rhs, context)
    if not (_plain_real(lhs) and _plain_real(rhs)):
        return None
    if _plainly_signed(lhs, relation, rhs):
        return None  # the canonical tier proves it with the context's own assumptions, and says so
    unsigned = {s: _without_sign(s) for s in lhs.free_symbols | rhs.free_symbols}
    lhs, rhs = lhs.xreplace(unsigned), rhs.xreplace(unsigned)
    bigger, smaller = (lhs, rhs) if relation.direction > 0 else (rhs, lhs)
    region = region_of((bigger, smaller))
    sign = decide_relation(bigger, smaller, relation.strict, region)
    if sign.holds is True:
        return proved(f"{bigger} {'>' if relation.strict else '>='} {smaller} for {region.describe()}: "
                      f"{sign.reason}", (DYNAMICS,))
    return None
