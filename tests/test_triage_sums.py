"""Double sums in a residual: SymPy flattens ``Sum(Sum(f, (j, ..)), (i, ..))`` into one Sum with two limits,
so renaming its dummies must handle several limits itself (it recursed without end: corpus
elbo/d2l-info/multinoulli-log-likelihood step 4 came back as a checker failure); and a stated value of
a sum (``\\sum_j y_j = 1``) used where the same sum shows once constants are factored out."""
from __future__ import annotations

import pytest
from sympy import IndexedBase, Integer, Sum, exp, log, symbols

from verify.config import CheckConfig
from verify.engine.checker import check_step
from verify.model import Context, Fact
from verify.theories.linalg.sums import rename_dummies
from verify.verdict import Status, Tier

i, j, a, b = symbols("i j a b", integer=True)
k, n = symbols("k n", integer=True, positive=True)
pi, y = IndexedBase("pi"), IndexedBase("y")
CONTEXT = Context(theories=("linalg", "algebra"))


def test_a_double_sum_is_renamed_by_depth_whatever_its_dummies_are_called():
    assert rename_dummies(Sum(y[i, j] * log(pi[j]), (j, 1, k), (i, 1, n))) == \
        rename_dummies(Sum(y[a, b] * log(pi[b]), (b, 1, k), (a, 1, n)))


def test_an_inner_bound_that_names_the_outer_index_follows_its_renaming():
    renamed = rename_dummies(Sum(y[i, j], (j, 1, i), (i, 1, n)))
    (inner, _, inner_high), (outer, _, _) = renamed.limits
    assert inner_high == outer and inner != outer


def test_renaming_never_makes_two_different_double_sums_alike():
    assert rename_dummies(Sum(y[i, j], (j, 1, k), (i, 1, n))) != rename_dummies(Sum(y[j, i], (j, 1, k), (i, 1, n)))


def test_a_step_between_double_sums_gets_a_verdict_not_a_checker_failure():
    right = Sum(y[i, j] * log(pi[j]), (j, 1, k), (i, 1, n))
    swapped = Sum(y[i, j] * log(pi[i]), (j, 1, k), (i, 1, n))
    verdict = check_step(right, "=", swapped, CONTEXT, CheckConfig(seed=2, samples=3, budget=None))
    assert verdict.tier is not Tier.FAILURE and verdict.status is not Status.PROVED


# --- a stated value of a sum (one-hot labels: sum_j y_j = 1) -----------------------------------

c, q = symbols("c", integer=True), symbols("q", integer=True, positive=True)
o = IndexedBase("o")
NORMALISER = Sum(exp(o[c]), (c, 1, q))
ONE_HOT = Context(facts=(Fact("one-hot labels", Sum(y[a], (a, 1, q)), Integer(1)),), theories=("linalg", "algebra"))
CROSS_ENTROPY = Sum(y[j] * log(NORMALISER), (j, 1, q)) - Sum(y[j] * o[j], (j, 1, q))
SAMPLES = CheckConfig(seed=2, samples=4, budget=None)


def test_a_stated_sum_is_used_where_a_constant_factor_comes_out_of_the_same_sum():
    verdict = check_step(CROSS_ENTROPY, "=", log(NORMALISER) - Sum(y[j] * o[j], (j, 1, q)), ONE_HOT, SAMPLES)
    assert verdict.status is Status.PROVED


@pytest.mark.parametrize("rhs", [
    2 * log(NORMALISER) - Sum(y[j] * o[j], (j, 1, q)),  # factor
    log(NORMALISER) + Sum(y[j] * o[j], (j, 1, q)),  # sign
    log(NORMALISER),  # dropped term
    log(NORMALISER) - Sum(y[j] * o[j], (j, 1, q - 1)),  # bound
])
def test_broken_uses_of_a_stated_sum_are_never_proved(rhs):
    assert check_step(CROSS_ENTROPY, "=", rhs, ONE_HOT, SAMPLES).status is not Status.PROVED


def test_without_the_stated_sum_the_step_is_not_proved():
    rhs = log(NORMALISER) - Sum(y[j] * o[j], (j, 1, q))
    assert check_step(CROSS_ENTROPY, "=", rhs, CONTEXT, SAMPLES).status is not Status.PROVED


def test_a_stated_sum_over_another_range_is_not_used():
    other = Context(facts=(Fact("one-hot labels", Sum(y[a], (a, 1, q - 1)), Integer(1)),), theories=("linalg", "algebra"))
    rhs = log(NORMALISER) - Sum(y[j] * o[j], (j, 1, q))
    assert check_step(CROSS_ENTROPY, "=", rhs, other, SAMPLES).status is not Status.PROVED
