"""Finite products in the numeric tier (``\\prod_{i=1}^n``, like finite sums), and the log of a likelihood:
``log prod_i p_i^{y_i} = sum_i y_i log p_i`` holds for positive factors; a wrong form is never proved."""
from __future__ import annotations

import math

import pytest
import sympy

from verify.config import CheckConfig
from verify.engine.checker import check_step
from verify.evaluation import Evaluator
from verify.model import Context
from verify.undecided import Undecided
from verify.verdict import Status

k, n, x = sympy.symbols("k n x")
CONFIG = CheckConfig(seed=5, samples=6, budget=None)


def test_a_finite_product_is_evaluated_factor_by_factor():
    assert Evaluator({x: 0.5})(sympy.Product(x + k, (k, 1, 3))) == pytest.approx(1.5 * 2.5 * 3.5)


def test_an_empty_product_is_one():
    assert Evaluator({x: 0.5})(sympy.Product(x + k, (k, 3, 2))) == pytest.approx(1.0)


def test_a_product_of_two_ranges_runs_over_both():
    j = sympy.Symbol("j")
    assert Evaluator({})(sympy.Product(j + k, (j, 1, 2), (k, 1, 2))) == pytest.approx(2 * 3 * 3 * 4)


def test_an_infinite_product_is_undecided():
    with pytest.raises(Undecided):
        Evaluator({x: 0.5})(sympy.Product(1 + x ** k, (k, 1, sympy.oo)))


def test_a_product_with_a_drawn_upper_limit_uses_the_drawn_size():
    assert Evaluator({n: 4.0})(sympy.Product(k, (k, 1, n))) == pytest.approx(math.factorial(4))


i = sympy.Symbol("i", integer=True)
N = sympy.Symbol("n", integer=True, positive=True)
p = sympy.IndexedBase("p", positive=True)  # probabilities: positive
y = sympy.IndexedBase("y", real=True)
LINALG = Context(theories=("linalg", "algebra"))
LOG_LIKELIHOOD = sympy.log(sympy.Product(p[i] ** y[i], (i, 1, N)))
RIGHT = sympy.Sum(y[i] * sympy.log(p[i]), (i, 1, N))


def status(lhs, rhs) -> Status:
    return check_step(lhs, "=", rhs, LINALG, CONFIG).status


def test_the_log_of_a_likelihood_is_the_sum_of_the_logs():
    assert status(LOG_LIKELIHOOD, RIGHT) is Status.PROVED


WRONG = [
    -RIGHT,                                                    # sign
    sympy.Sum(p[i] * sympy.log(y[i]), (i, 1, N)),              # swapped factor
    sympy.Sum(y[i] * sympy.log(p[i]), (i, 2, N)),              # a factor dropped (lower bound)
    2 * RIGHT,                                                 # factor
    sympy.Sum(sympy.log(p[i]), (i, 1, N)),                     # dropped exponent
]


@pytest.mark.parametrize("rhs", WRONG)
def test_a_wrong_log_likelihood_is_not_proved(rhs):
    assert status(LOG_LIKELIHOOD, rhs) is not Status.PROVED


B = sympy.IndexedBase("b")  # of unknown sign


@pytest.mark.parametrize("lhs, rhs", [
    (sympy.Product(2 * B[i], (i, 1, N)), 2 * sympy.Product(B[i], (i, 1, N))),           # 2^n, not 2
    (sympy.Product(B[i] ** 2, (i, 1, N)), sympy.Product(B[i], (i, 1, N)) ** 3),         # exponent
    (sympy.Product(B[i], (i, 1, N + 1)), sympy.Product(B[i], (i, 1, N)) * B[N]),        # off by one
])
def test_a_wrong_product_identity_is_refuted_by_its_numbers(lhs, rhs):
    assert status(lhs, rhs) is Status.REFUTED


def test_a_product_over_drawn_sizes_agrees_with_itself_written_out():
    b = sympy.IndexedBase("b")
    lhs = sympy.Product(b[i], (i, 1, N + 1))
    assert status(lhs, sympy.Product(b[i], (i, 1, N)) * b[N + 1]) in (Status.PROVED, Status.CONSISTENT)


def test_a_log_of_factors_of_unknown_sign_is_not_refuted():
    """log prod b_i^{y_i} with b of unknown sign: the left side leaves the reals, so no sample decides it."""
    assert status(sympy.log(sympy.Product(B[i] ** y[i], (i, 1, N))), RIGHT.xreplace({p: B})) is not Status.REFUTED


def test_an_inner_range_may_run_up_to_the_outer_index():
    """SymPy lists a nested sum's or product's innermost range first; the outer index is bound first."""
    j = sympy.Symbol("j")
    assert Evaluator({n: 3.0})(sympy.Sum(1, (j, 1, k), (k, 1, n))) == pytest.approx(6.0)
    assert Evaluator({n: 3.0})(sympy.Product(2, (j, 1, k), (k, 1, n))) == pytest.approx(2.0 ** 6)
