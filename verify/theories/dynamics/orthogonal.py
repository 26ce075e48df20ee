"""Orthogonal and rotation matrices as context facts, and the rewrites they license.

A context says ``R`` is orthogonal with a fact ``R^T R = I`` (or ``R R^T = I``); a rotation
(``R in SO(n)``) adds ``det R = 1``. For a square ``R`` either product being ``I`` makes ``R``
invertible with ``R^-1 = R^T``, so the other product is ``I`` too: adjacent ``R^T R`` and
``R R^T`` inside a product contract to nothing, ``R^-1`` is ``R^T`` and ``det R^T = det R``.
"""
from __future__ import annotations

import sympy
from sympy import Expr, Identity, Inverse, MatMul, MatrixSymbol, Transpose
from sympy.matrices.expressions.determinant import Determinant

from ...model import Context, Fact
from .rules import ORTHOGONALITY


def _orthogonal_by(fact: Fact) -> MatrixSymbol | None:
    """The square matrix a fact ``R^T R = I`` or ``R R^T = I`` declares orthogonal, or None."""
    lhs, rhs = fact.lhs, fact.rhs
    if not (isinstance(lhs, MatMul) and isinstance(rhs, Identity) and len(lhs.args) == 2):
        return None
    first, second = lhs.args
    for matrix, transposed in ((second, first), (first, second)):
        if isinstance(matrix, MatrixSymbol) and transposed == Transpose(matrix) and matrix.is_square:
            return matrix
    return None


def orthogonal_matrices(context: Context) -> frozenset:
    """The matrices the context's facts declare orthogonal."""
    return frozenset(m for m in (_orthogonal_by(f) for f in context.facts) if m is not None)


def membership_facts(matrix: MatrixSymbol, special: bool) -> tuple[Fact, ...]:
    """The facts ``R in O(n)`` (``special``: ``R in SO(n)``) stands for, as a reader should add them."""
    name = f"{matrix.name} in {'SO' if special else 'O'}({matrix.rows})"
    facts = (Fact(name, MatMul(Transpose(matrix), matrix), Identity(matrix.rows)),)
    return facts + ((Fact(name, Determinant(matrix), sympy.S.One),) if special else ())


def _contracted(factors: list, orthogonal: frozenset) -> list:
    """Adjacent ``R^T R`` and ``R R^T`` removed, repeatedly (a stack, so ``R^T R R^T R`` empties)."""
    kept: list = []
    for factor in factors:
        if kept and any(_cancels(kept[-1], factor, r) for r in orthogonal):
            kept.pop()
        else:
            kept.append(factor)
    return kept


def _cancels(left, right, r) -> bool:
    return (left == Transpose(r) and right == r) or (left == r and right == Transpose(r))


def contract(expr: Expr, context: Context, used: set) -> Expr:
    """``expr`` with the orthogonality of the context's matrices used (see the module docstring)."""
    orthogonal = orthogonal_matrices(context)
    if not orthogonal or not any(expr.has(r) for r in orthogonal):
        return expr

    def product(e: MatMul) -> Expr:
        scalars = [a for a in e.args if not a.is_Matrix]
        matrices = [a for a in e.args if a.is_Matrix]
        kept = _contracted(matrices, orthogonal)
        if len(kept) == len(matrices):
            return e
        used.add(ORTHOGONALITY)
        if not kept:
            kept = [Identity(matrices[0].rows)]
        return MatMul(*scalars, *kept).doit(deep=False) if len(kept) > 1 or scalars else kept[0]

    def inverse(e: Inverse) -> Expr:
        used.add(ORTHOGONALITY)
        return Transpose(e.arg)

    expr = expr.replace(lambda e: isinstance(e, Inverse) and e.arg in orthogonal, inverse)
    expr = expr.replace(lambda e: isinstance(e, Determinant) and isinstance(e.arg, Transpose)
                        and e.arg.arg in orthogonal, lambda e: Determinant(e.arg.arg))
    return expr.replace(lambda e: isinstance(e, MatMul), product)
