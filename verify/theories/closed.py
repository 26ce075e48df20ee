"""Closed integrals held as opaque constants while SymPy sorts terms.

An integral with no free symbol and nothing but SymPy's functions inside (``Integral(x**2, (x,
-oo, oo))``, left by linearity when a density's argument is not the integration variable) is a
number to SymPy: to sort the terms of a sum (printing it, ``signsimp`` inside ``cancel``) SymPy
evaluates it numerically, and a divergent one takes seconds of quadrature for each comparison,
to produce a meaningless value.
Held as a fresh symbol, such an integral is a constant the algebra does not look into, which
is all these steps need; it is put back afterwards.
"""
from __future__ import annotations

from typing import Callable

from sympy import Dummy, Expr, Integral, Symbol, preorder_traversal
from sympy.core.function import AppliedUndef


def _quadrature(integral: Integral) -> bool:
    """Would SymPy evaluate it numerically: no free symbol, and only SymPy's own functions inside
    (an undefined ``p(x)`` or a density of ours stops its evaluation at once, and is left as it is)."""
    return not integral.free_symbols and all(
        not isinstance(node, AppliedUndef) and (type(node).__module__ or "").startswith("sympy.")
        for node in preorder_traversal(integral))


def closed_integrals(expr: Expr) -> list[Integral]:
    """The outermost integrals of ``expr`` SymPy would evaluate by quadrature, in traversal order."""
    found, walk = [], preorder_traversal(expr)
    for node in walk:
        if isinstance(node, Integral) and _quadrature(node):
            found.append(node)
            walk.skip()
    return found


def holding_closed(transform: Callable[[Expr], Expr], expr: Expr) -> Expr:
    """``transform(expr)`` with each closed integral held as a fresh symbol, put back after."""
    integrals = closed_integrals(expr)
    if not integrals:
        return transform(expr)
    held = {integral: Dummy("closed") for integral in dict.fromkeys(integrals)}
    result = transform(expr.xreplace(held))
    return result.xreplace({symbol: integral for integral, symbol in held.items()})


def closed_str(expr: Expr) -> str:
    """``str(expr)``, its closed integrals printed as they are but sorted by that text, not by value."""
    integrals = closed_integrals(expr)
    if not integrals:
        return str(expr)
    return str(expr.xreplace({i: Symbol(str(i)) for i in dict.fromkeys(integrals)}))
