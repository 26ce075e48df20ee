"""Double sums in a residual: SymPy flattens ``Sum(Sum(f, (j, ..)), (i, ..))`` into one Sum with two limits,
so renaming its dummies must handle several limits itself (it recursed without end: corpus
elbo/d2l-info/multinoulli-log-likelihood step 4 came back as a checker failure)."""
from __future__ import annotations

from sympy import IndexedBase, Sum, log, symbols

from verify.config import CheckConfig
from verify.engine.checker import check_step
from verify.model import Context
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
