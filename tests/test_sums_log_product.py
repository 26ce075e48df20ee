"""``log prod_i a_i = sum_i log a_i`` for positive factors only; broken variants are never proved."""
from __future__ import annotations

import pytest
from sympy import IndexedBase, Product, Sum, Symbol, log

from verify.config import CheckConfig
from verify.engine.checker import check_step
from verify.model import Context
from verify.verdict import Status

i = Symbol("i", integer=True)
n = Symbol("n", integer=True, positive=True)
a = IndexedBase("a", positive=True)
LINALG = Context(theories=("linalg", "algebra"))
SAMPLES = CheckConfig(seed=2, samples=3, budget=None)
LOG_LIKELIHOOD = log(Product(a[i], (i, 1, n)))


def test_the_log_of_a_product_of_positive_factors_is_the_sum_of_their_logs():
    assert check_step(LOG_LIKELIHOOD, "=", Sum(log(a[i]), (i, 1, n)), LINALG, SAMPLES).status is Status.PROVED


@pytest.mark.parametrize("rhs", [
    Sum(log(a[i]), (i, 1, n - 1)),  # bound
    Sum(a[i], (i, 1, n)),  # dropped log
    2 * Sum(log(a[i]), (i, 1, n)),  # factor
    -Sum(log(a[i]), (i, 1, n)),  # sign
    log(Sum(a[i], (i, 1, n))),  # product read as a sum
])
def test_broken_logs_of_a_product_are_never_proved(rhs):
    assert check_step(LOG_LIKELIHOOD, "=", rhs, LINALG, SAMPLES).status is not Status.PROVED


def test_factors_of_unknown_sign_keep_the_product():
    b = IndexedBase("b")
    claim = check_step(log(Product(b[i], (i, 1, n))), "=", Sum(log(b[i]), (i, 1, n)), LINALG, SAMPLES)
    assert claim.status is not Status.PROVED
