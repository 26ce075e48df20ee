r"""A stated norm bound ``\|\eta A\| < 1`` gives the Neumann series its condition: ``\rho(M) \le \|M\|`` for
the operator norm, so the series converges to the inverse. Only a norm of the same matrix below 1 does;
an absolute value (a determinant reads the same), an entrywise ``norm_p``, a bound of 1 or more, or the
norm of another matrix proves nothing; and a broken series stays refuted by its 1 x 1 instance."""
from __future__ import annotations

import sympy
from sympy import Identity, Inverse, MatPow, MatrixSymbol, Sum, Symbol, oo

from verify.config import CheckConfig
from verify.model import Context, Relation
from verify.theories.linalg.neumann import neumann_series
from verify.verdict import Status

N = Symbol("n", integer=True, positive=True)
A = MatrixSymbol("A", N, N)
B = MatrixSymbol("B", N, N)
ETA = Symbol("eta", positive=True)
K = Symbol("k", integer=True, nonnegative=True)


def norm(matrix, name: str = "norm"):
    """The reader's undefined norm of a matrix, real-valued so that it can be compared."""
    return sympy.Function(name, real=True)(matrix)


def status(premise, start: int = 0, ratio=ETA * A) -> Status:
    context = Context(symbols=(ETA,), theories=("linalg", "algebra"), relations=(premise,) if premise is not None else ())
    series = Sum(MatPow(ratio, K), (K, start, oo))
    return neumann_series(Inverse(Identity(N) - ETA * A), Relation.EQ, series, context, CheckConfig()).status


def test_a_norm_of_the_ratio_below_one_proves_the_series():
    assert status(norm(ETA * A) < 1) is Status.PROVED


def test_a_norm_at_most_a_half_proves_the_series():
    assert status(norm(ETA * A) <= sympy.Rational(1, 2)) is Status.PROVED


def test_a_norm_at_most_one_proves_nothing():
    assert status(norm(ETA * A) <= 1) is Status.UNKNOWN


def test_a_norm_below_two_proves_nothing():
    assert status(norm(ETA * A) < 2) is Status.UNKNOWN


def test_the_norm_of_another_matrix_proves_nothing():
    assert status(norm(ETA * B) < 1) is Status.UNKNOWN


def test_an_absolute_value_of_the_matrix_is_not_a_norm():
    assert status(sympy.Abs(ETA * Symbol("A")) < 1) is Status.UNKNOWN


def test_an_entrywise_norm_proves_nothing():
    assert status(norm(ETA * A, "norm_max") < 1) is Status.UNKNOWN


def test_a_broken_series_under_the_norm_premise_is_refuted():
    assert status(norm(ETA * A) < 1, start=1) is Status.REFUTED
    assert status(norm(ETA * A) < 1, ratio=-ETA * A) is Status.REFUTED
