"""Carrying out a derivative without SymPy's index capture.

``d/d o_j sum_j y_j o_j``: the sum's own j is another index than the free j of o_j, but SymPy
differentiates through the bound j as if it were the free one (and gets sum_j y_j, not y_j), which
proved a wrong step and refuted a right one. Every tier that differentiates goes through ``carried``.
"""
from __future__ import annotations

import sympy
from sympy import Expr


def without_captured_indices(derivative: sympy.Derivative) -> sympy.Derivative:
    """The derivative with every bound index (of a sum, product or integral in its body) that one of its
    variables also names renamed to a fresh dummy."""
    free = set().union(*(v.free_symbols for v, _ in derivative.variable_count))
    if not free or not derivative.expr.has(sympy.Sum, sympy.Product, sympy.Integral):
        return derivative

    def renamed(node):
        for limit in node.limits:
            if limit[0] in free:
                fresh = sympy.Dummy(limit[0].name, **limit[0].assumptions0)
                node = node.xreplace({limit[0]: fresh})
        return node

    body = derivative.expr.replace(
        lambda e: isinstance(e, (sympy.Sum, sympy.Product, sympy.Integral))
        and any(limit[0] in free for limit in e.limits), renamed)
    return sympy.Derivative(body, *derivative.variable_count)


def without_captured(expr: Expr) -> Expr:
    """``expr`` with every derivative in it renamed as ``without_captured_indices`` does."""
    if isinstance(expr, sympy.Derivative):
        return without_captured_indices(expr)
    if expr.has(sympy.Derivative):
        return expr.replace(lambda e: isinstance(e, sympy.Derivative), without_captured_indices)
    return expr


def carried(expr: Expr) -> Expr:
    """``expr.doit(deep=False)`` for a derivative (or any expression holding derivatives at its top),
    with the captured indices renamed first."""
    return without_captured(expr).doit(deep=False)
