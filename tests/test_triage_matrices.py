"""A matrix beside a scalar: ``A B - B A = 0`` reads 0 as the zero matrix (it was a checker failure), and a
matrix equated with another scalar is undecided with a reason, never a crash."""
from __future__ import annotations

import pytest
from sympy import Integer, MatrixSymbol, Symbol

from verify.config import CheckConfig
from verify.engine.checker import check_step
from verify.model import Context
from verify.verdict import Status, Tier

CONFIG = CheckConfig(seed=4, samples=4, budget=None)
CONTEXT = Context(theories=("linalg", "algebra"))
n = Symbol("n", integer=True, positive=True)
A, B = MatrixSymbol("A", n, n), MatrixSymbol("B", n, n)


def check(lhs, rhs):
    return check_step(lhs, "=", rhs, CONTEXT, CONFIG)


def test_the_transpose_of_a_product_minus_the_reversed_product_is_the_zero_matrix():
    assert check((A * B).T - B.T * A.T, Integer(0)).status is Status.PROVED


@pytest.mark.parametrize("lhs", [(A * B).T - A.T * B.T, A * B - B * A, (A * B).T + B.T * A.T])
def test_a_difference_that_is_not_the_zero_matrix_is_refuted_not_a_failure(lhs):
    verdict = check(lhs, Integer(0))
    assert verdict.status is Status.REFUTED and verdict.tier is Tier.NUMERIC


def test_zero_on_the_left_reads_as_the_zero_matrix_too():
    assert check(Integer(0), A * B - B * A).status is Status.REFUTED


def test_a_matrix_equated_with_a_nonzero_scalar_is_undecided_with_a_reason():
    verdict = check(A * B - B * A, Integer(1))
    assert verdict.status is Status.UNKNOWN and "a matrix and the other a scalar" in verdict.reason
