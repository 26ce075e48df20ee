"""Closed forms of finite sums of polynomials (Faulhaber), fast enough for the canonical tier.

``Sum(f(k), (k, a, b))`` with ``f`` a polynomial in ``k`` becomes an exact polynomial
in ``a`` and ``b``: an identity, so a zero residual after it is still a proof. SymPy's
``Sum.doit`` does the same but takes tens of milliseconds; this takes well under one.
"""
from __future__ import annotations

from functools import lru_cache

import sympy
from sympy import Expr

from ..base import Rule, register_rule

CLOSED_FORM_SUMS = register_rule(Rule(
    "closed-form sums", "sum_{k=a}^{b} of a polynomial in k by Faulhaber's formula "
    "(a constant c sums to (b - a + 1) c)",
    aliases=("sum of a constant", "faulhaber", "arithmetic series", "summation")))

_X = sympy.Dummy("x")


@lru_cache(maxsize=None)
def power_sum(j: int) -> Expr:
    """``F_j(x) = sum_{k=1}^{x} k^j`` as a polynomial in the dummy ``_X`` (Bernoulli form)."""
    return sympy.expand((sympy.bernoulli(j + 1, _X + 1) - sympy.bernoulli(j + 1, 1)) / (j + 1))


def _coefficients(body: Expr, index: sympy.Symbol) -> dict[int, Expr] | None:
    """``{j: c_j}`` with ``body = sum c_j index^j``, or None when ``body`` is not a polynomial in ``index``."""
    found: dict[int, Expr] = {}
    for term in sympy.Add.make_args(sympy.expand(body)):
        coefficient, power = term.as_independent(index, as_Add=False)
        exponent = sympy.S.Zero if power == 1 else (power.exp if power.is_Pow and power.base == index else
                                                    (sympy.S.One if power == index else None))
        if exponent is None or not (exponent.is_Integer and exponent >= 0):
            return None
        found[int(exponent)] = found.get(int(exponent), sympy.S.Zero) + coefficient
    return found


def close_sum(body: Expr, index: sympy.Symbol, low: Expr, high: Expr) -> Expr | None:
    """``sum_{index=low}^{high} body`` in closed form, or None when ``body`` is not polynomial
    or the range is not known to be a (possibly empty) run of integers.

    Faulhaber's formula agrees with "an empty sum is 0" only when high >= low - 1; below
    that it follows SymPy's Karr convention (sum_{k=3}^{1} 1 = -1), which is not what a
    student means, so such sums are left alone.
    """
    if not (low.is_integer and high.is_integer and (high - low + 1).is_nonnegative):
        return None
    coefficients = _coefficients(body, index)
    if coefficients is None:
        return None
    total = sympy.S.Zero
    for j, c in coefficients.items():
        total += c * (power_sum(j).xreplace({_X: high}) - power_sum(j).xreplace({_X: low - 1}))
    return sympy.expand(total)


def _close(node: sympy.Sum) -> Expr:
    body = node.function
    for index, low, high in node.limits:
        closed = close_sum(body, index, low, high)
        if closed is None:
            return node
        body = closed
    return body


def close_sums(expr: Expr) -> tuple[Expr, bool]:
    """Every polynomial ``Sum`` in ``expr`` replaced by its closed form; also whether any was."""
    if not expr.has(sympy.Sum):
        return expr, False
    closed = expr.replace(lambda e: isinstance(e, sympy.Sum), _close)
    return closed, closed != expr
