"""Positive semidefinite matrices: Gram matrices, and the quadratic forms they make nonnegative.

``B^T B`` and ``B B^T`` are symmetric positive semidefinite for every B (``x^T B^T B x = |Bx|^2``);
so are ``I``, ``0`` and nonnegative combinations of such matrices. A product whose factors read
the same backwards up to transposition (``x^T A^T A x``, ``(Ax)^T (Ax)``) is a squared norm,
nonnegative whatever the factors; one with a semidefinite middle (``x^T (I + A^T A) x``) too.
Anything else is not decided here (``unknown`` for the claim, the other tiers for a step).
"""
from __future__ import annotations

import sympy
from sympy import Expr, Identity, MatAdd, MatMul, ZeroMatrix

from ...config import CheckConfig
from ...model import Claim, Context, Relation
from ...undecided import Undecided
from ...verdict import Status, Verdict, proved, unknown
from ..base import claim_handler, step_handler
from .rules import GRAM_SEMIDEFINITE
from .written import eigenvalues, explicit


def _factors(expr) -> tuple[Expr, list]:
    """(scalar coefficient, matrix factors) of a product (a single matrix is one factor)."""
    if isinstance(expr, MatMul):
        return sympy.Mul(*[a for a in expr.args if not a.is_Matrix]), [a for a in expr.args if a.is_Matrix]
    return sympy.S.One, [expr]


def _transposed(a) -> Expr:
    return a.T  # SymPy's transpose of an expression: (A^T)^T = A, (AB)^T = B^T A^T


def _mirrored(factors: list) -> bool:
    """``F_1 ... F_k`` with ``F_{k+1-i} = F_i^T``: an even product ``(F_1..F_m)(F_1..F_m)^T``."""
    k = len(factors)
    return k % 2 == 0 and k > 0 and all(factors[k - 1 - i] == _transposed(factors[i]) for i in range(k // 2))


def semidefinite(matrix) -> bool:
    """Plainly positive semidefinite (see the module docstring); False means only 'not shown'."""
    if isinstance(matrix, (Identity, ZeroMatrix)):
        return True
    if isinstance(matrix, MatAdd):
        return all(semidefinite(term) for term in matrix.args)
    coefficient, factors = _factors(matrix)
    if coefficient.is_nonnegative is not True:
        return False
    if len(factors) == 1 and factors[0] is not matrix:
        return semidefinite(factors[0])
    return _mirrored(factors) or _mirrored_with_middle(factors)


def _mirrored_with_middle(factors: list) -> bool:
    """``F_1 .. F_m M F_m^T .. F_1^T`` with M plainly semidefinite."""
    k = len(factors)
    if k < 3 or k % 2 == 0:
        return False
    return _mirrored(factors[:k // 2] + factors[k // 2 + 1:]) and semidefinite(factors[k // 2])


def nonnegative_form(expr) -> bool:
    """A 1 x 1 product that is a squared norm or ``v^T M v`` with M plainly semidefinite."""
    if not (getattr(expr, "is_Matrix", False) and expr.shape == (1, 1)):
        return False
    if isinstance(expr, MatAdd):
        return all(nonnegative_form(term) for term in expr.args)
    coefficient, factors = _factors(expr)
    if coefficient.is_nonnegative is not True:
        return False
    return _mirrored(factors) or _mirrored_with_middle(factors)


@step_handler
def quadratic_form_step(lhs, relation, rhs, context: Context, config: CheckConfig) -> Verdict | None:
    """``x^T B^T B x >= 0`` (or ``0 <= ...``): a squared norm is nonnegative."""
    if relation is Relation.GE and rhs == 0:
        form = lhs
    elif relation is Relation.LE and lhs == 0:
        form = rhs
    else:
        return None
    if nonnegative_form(form):
        return proved(f"{form} is a squared norm (or v^T M v with M positive semidefinite), so it is >= 0",
                      (GRAM_SEMIDEFINITE,))
    if getattr(form, "is_Matrix", False) and form.shape == (1, 1):
        return unknown(f"{form} >= 0 needs a squared norm or v^T M v with M plainly positive semidefinite "
                       "(a Gram matrix B^T B, I, or a nonnegative combination of them)")
    return None


@claim_handler("positive_semidefinite")
def check_semidefinite(claim: Claim, context: Context, config: CheckConfig) -> Verdict:
    """subject a matrix expression: a Gram form (proved), or an explicit matrix (its exact eigenvalues)."""
    matrix = claim.subject
    if semidefinite(matrix):
        return proved(f"{matrix} is a Gram matrix or a nonnegative combination of such (and I): "
                      "x^T B^T B x = |Bx|^2 >= 0", (GRAM_SEMIDEFINITE,))
    entries = explicit(matrix)
    if entries is None:
        return unknown(f"{matrix} is not a plain Gram form; with explicit entries (scalar blocks, a fixed "
                       "small size) its eigenvalues would decide it")
    if entries != entries.T:
        return Verdict(Status.REFUTED, f"{entries.tolist()} is not symmetric")
    try:
        values = eigenvalues(entries)
    except Undecided as why:
        return unknown(str(why))
    if all(v.is_nonnegative for v in values):
        return proved(f"symmetric with eigenvalues {values}, all >= 0", (GRAM_SEMIDEFINITE,))
    negative = [v for v in values if v.is_negative]
    if negative:
        return Verdict(Status.REFUTED, f"the eigenvalue {negative[0]} is negative (eigenvalues {values})")
    return unknown(f"the signs of the eigenvalues {values} are not decided")
