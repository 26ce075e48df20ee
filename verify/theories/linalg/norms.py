"""The squared Euclidean norm of a vector as the sum of its squared components, as ``x^T x`` is read.

``\\|q - k\\|^2`` is read as ``norm(q - k)`` (an undefined function of a vector); squared, it is
``(q - k)^T (q - k)`` for real vectors, so the expansion ``q^T q - 2 q^T k + k^T k`` is decided by
the same sums as any inner product. Only the square of the unsubscripted norm of a column is
rewritten: another power, a matrix or a subscripted norm (``\\|x\\|_1``) stays undefined.
"""
from __future__ import annotations

import sympy
from sympy import Expr, Pow

from .rules import SQUARED_NORM


def _column(value) -> bool:
    shape = getattr(value, "shape", None)
    return bool(getattr(value, "is_Matrix", False)) and shape is not None and shape[1] == 1


def squared_norms(expr: Expr, used: set) -> Expr:
    """``norm(x)**2`` of a column ``x`` as ``sum_k x_k^2`` (noting the rule in ``used``)."""
    def rewritten(power):
        used.add(SQUARED_NORM)
        vector = power.base.args[0]
        k = sympy.Dummy("k", integer=True, nonnegative=True)
        return sympy.Sum(sympy.expand(vector[k, 0]) ** 2, (k, 0, vector.shape[0] - 1))

    return expr.replace(lambda e: isinstance(e, Pow) and e.exp == 2 and isinstance(e.base, sympy.Function)
                        and e.base.func.__name__ == "norm" and len(e.base.args) == 1 and _column(e.base.args[0]),
                        rewritten)
