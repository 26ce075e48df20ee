"""The moments theory: each rule proves its correct form and is named; independence is used
only where declared; wrong moments are refuted by a concrete law with both values."""
from __future__ import annotations

import dataclasses
import importlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sympy import (Determinant, Identity, IndexedBase, Integer, Inverse, MatrixSymbol, Rational, Sum, Symbol, Trace,
                   ZeroMatrix, exp, log, sqrt)

from verify.config import CheckConfig
from verify.engine.checker import check_step
from verify.model import Context, Fact
from verify.theories.moments.canonical import canonical
from verify.theories.moments.laws import raw_moment, standard_moment
from verify.theories.moments.rules import (COVARIANCE_DEFINITION, COVARIANCE_OF_INDEPENDENT, DECLARED_MOMENTS,
                                           DOT_PRODUCT, EXPECTATION_OF_CONSTANT, FAMILY_MOMENTS, GAUSSIAN_MOMENTS,
                                           INDEPENDENCE, KL_BETWEEN_GAUSSIANS, LINEARITY, SUM_OF_IID_TERMS,
                                           VARIANCE_DEFINITION,
                                           VARIANCE_OF_AFFINE, VARIANCE_OF_IID_SUM, VARIANCE_OF_INDEPENDENT_PRODUCT,
                                           VARIANCE_OF_INDEPENDENT_SUM)
from verify.verdict import Status
from verify.vocabulary import KL, Expectation, Normal
from verify.vocabulary.linalg import Dot
from verify.vocabulary.random import (Cov, DiagonalNormal, Expect, Family, Independence, Law, MultivariateNormal,
                                      RandomVariable, Var, moments, normal, rademacher, uniform)

CONFIG = CheckConfig(seed=5, samples=6, budget=None)
d = Symbol("d_k", positive=True, integer=True)
i = Symbol("i", positive=True, integer=True)
j = Symbol("j", positive=True, integer=True)
X, Y, W = Symbol("X"), Symbol("Y"), Symbol("W")
a, b, c = Symbol("a", real=True), Symbol("b", real=True), Symbol("c", real=True)
mu, sigma = Symbol("mu", real=True), Symbol("sigma", positive=True)
log_var = Symbol("l", real=True)
n = Symbol("n", positive=True, integer=True)
means, log_vars, scales = IndexedBase("m", real=True), IndexedBase("l", real=True), IndexedBase("s", positive=True)
u, v, q, k = IndexedBase("u"), IndexedBase("v"), IndexedBase("q"), IndexedBase("k")
STANDARD = moments(0, 1)


def context(*variables: RandomVariable, independent: tuple = ()) -> Context:
    """The declarations, with a, b, c listed as the constants they are."""
    return Context(symbols=(a, b, c), theories=("moments", "algebra"), random_variables=variables,
                   independence=tuple(Independence(tuple(group)) for group in independent))


def check(lhs, rhs, ctx, relation="="):
    return check_step(lhs, relation, rhs, ctx, CONFIG)


UNKNOWN_LAWS = context(RandomVariable(X), RandomVariable(Y))  # nothing known, nothing independent
INDEPENDENT = context(RandomVariable(X), RandomVariable(Y), independent=[(X, Y)])
GAUSSIAN = context(RandomVariable(X, normal(mu, sigma**2)))
IID = context(RandomVariable(u, Law(), iid=True, length=d), RandomVariable(v, Law(), iid=True, length=d),
              independent=[(u, v)])
ATTENTION = context(RandomVariable(q, STANDARD, iid=True, length=d), RandomVariable(k, STANDARD, iid=True, length=d),
                    independent=[(q, k)])
SUM_UV = Sum(u[i] * v[i], (i, 1, d))
GAUSSIAN_LAWS = Context(theories=("moments", "algebra"))  # laws as arguments of KL and E_{x ~ N}: nothing declared
mean_1, mean_2 = MatrixSymbol("m_1", n, 1), MatrixSymbol("m_2", n, 1)
cov_1, cov_2 = MatrixSymbol("S_1", n, n), MatrixSymbol("S_2", n, n)


# ------------------------------------------------------------ each rule proves its correct form

RULE_CASES = [
    (LINEARITY, Expect(a * X + b * Y + c), a * Expect(X) + b * Expect(Y) + c, UNKNOWN_LAWS),
    (EXPECTATION_OF_CONSTANT, Expect(a + b), a + b, UNKNOWN_LAWS),
    (VARIANCE_DEFINITION, Var(X), Expect(X**2) - Expect(X) ** 2, UNKNOWN_LAWS),
    (COVARIANCE_DEFINITION, Cov(X, Y), Expect(X * Y) - Expect(X) * Expect(Y), UNKNOWN_LAWS),
    (VARIANCE_OF_AFFINE, Var(a * X + b), a**2 * Var(X), UNKNOWN_LAWS),
    (INDEPENDENCE, Expect(X * Y), Expect(X) * Expect(Y), INDEPENDENT),
    (VARIANCE_OF_INDEPENDENT_SUM, Var(X + Y), Var(X) + Var(Y), INDEPENDENT),
    (COVARIANCE_OF_INDEPENDENT, Cov(X, Y), Integer(0), INDEPENDENT),
    (VARIANCE_OF_INDEPENDENT_PRODUCT, Var(X * Y), Expect(X**2) * Expect(Y**2) - Expect(X) ** 2 * Expect(Y) ** 2,
     INDEPENDENT),
    (SUM_OF_IID_TERMS, Expect(SUM_UV), d * Expect(u[1] * v[1]), IID),
    (VARIANCE_OF_IID_SUM, Var(SUM_UV), d * Var(u[1] * v[1]), IID),
    (DOT_PRODUCT, Var(Dot(q, k)), d, ATTENTION),
    (VARIANCE_OF_AFFINE, Var(Dot(q, k) / sqrt(d)), Integer(1), ATTENTION),
    (GAUSSIAN_MOMENTS, Expect((X - mu) ** 4), 3 * sigma**4, GAUSSIAN),
    (GAUSSIAN_MOMENTS, Var(X), sigma**2, GAUSSIAN),
    (GAUSSIAN_MOMENTS, Expectation((Symbol("z") - mu) ** 2, Normal(mu, sigma**2), Symbol("z")), sigma**2, GAUSSIAN),
    (FAMILY_MOMENTS, Expect(X**4), Integer(1), context(RandomVariable(X, rademacher()))),
    (FAMILY_MOMENTS, Var(X), Rational(1, 12), context(RandomVariable(X, uniform(0, 1)))),
    (DECLARED_MOMENTS, Expect(u[1] ** 2), Integer(1), context(RandomVariable(u, STANDARD, iid=True))),
    (KL_BETWEEN_GAUSSIANS, KL(Normal(mu, sigma**2), Normal(0, 1)), (sigma**2 + mu**2 - 1) / 2 - log(sigma),
     GAUSSIAN_LAWS),
    (KL_BETWEEN_GAUSSIANS, KL(Normal(mu, exp(log_var)), Normal(0, 1)), (exp(log_var) + mu**2 - 1 - log_var) / 2,
     GAUSSIAN_LAWS),
    (KL_BETWEEN_GAUSSIANS, KL(DiagonalNormal(means, scales**2, n), DiagonalNormal(0, 1, n)),
     Sum(scales[j] ** 2 + means[j] ** 2 - 1 - log(scales[j] ** 2), (j, 1, n)) / 2, GAUSSIAN_LAWS),
    (KL_BETWEEN_GAUSSIANS, KL(DiagonalNormal(means, exp(log_vars), n), DiagonalNormal(0, 1, n)),
     Sum((exp(log_vars[j]) + means[j] ** 2 - 1 - log_vars[j]) / 2, (j, 1, n)), GAUSSIAN_LAWS),
    (KL_BETWEEN_GAUSSIANS, KL(MultivariateNormal(mean_1, cov_1), MultivariateNormal(ZeroMatrix(n, 1), Identity(n))),
     (Trace(cov_1) + (mean_1.T * mean_1)[0, 0] - n - log(Determinant(cov_1))) / 2, GAUSSIAN_LAWS),
    (KL_BETWEEN_GAUSSIANS, KL(MultivariateNormal(mean_1, cov_1), MultivariateNormal(mean_2, cov_2)),
     (Trace(Inverse(cov_2) * cov_1) + ((mean_2 - mean_1).T * Inverse(cov_2) * (mean_2 - mean_1))[0, 0] - n
      + log(Determinant(cov_2)) - log(Determinant(cov_1))) / 2, GAUSSIAN_LAWS),
]


@pytest.mark.parametrize("rule, lhs, rhs, ctx", RULE_CASES, ids=[f"{c[0].name}: {c[1]} = {c[2]}" for c in RULE_CASES])
def test_each_rule_proves_its_correct_form_and_is_named(rule, lhs, rhs, ctx):
    verdict = check(lhs, rhs, ctx)
    assert verdict.status is Status.PROVED and rule in verdict.used


def test_the_handler_of_each_rule_states_it_in_a_docstring():
    canonical_module = importlib.import_module("verify.theories.moments.canonical")
    reduction = importlib.import_module("verify.theories.moments.reduction")
    shortcuts = importlib.import_module("verify.theories.moments.shortcuts")
    handlers = [reduction.expectation, canonical_module.variance, canonical_module.covariance,
                canonical_module.dot_product, canonical_module.under_normal, *shortcuts.VARIANCE_SHORTCUTS,
                shortcuts.covariance_of_independent]
    assert all(handler.__doc__ and handler.__doc__.strip() for handler in handlers)


# ------------------------------------------------------------ independence only where declared

def test_without_independence_the_variance_of_a_sum_is_not_additive():
    verdict = check(Var(X + Y), Var(X) + Var(Y), context(RandomVariable(X, STANDARD), RandomVariable(Y, STANDARD)))
    assert verdict.status is Status.REFUTED


def test_the_correlated_counterexample_says_the_variables_share_a_draw():
    verdict = check(Var(X + Y), Var(X) + Var(Y), context(RandomVariable(X, STANDARD), RandomVariable(Y, STANDARD)))
    described = dict(verdict.counterexample.assignment)
    assert "draw" in described["Y"] and verdict.counterexample.lhs != verdict.counterexample.rhs


def test_declared_independence_is_never_broken_by_the_concrete_laws():
    verdict = check(Cov(X, Y), Integer(0), context(RandomVariable(X, STANDARD), RandomVariable(Y, STANDARD),
                                                   independent=[(X, Y)]))
    assert verdict.status is Status.PROVED


def test_pairwise_independence_does_not_factor_a_triple_product():
    pairwise = context(RandomVariable(X), RandomVariable(Y), RandomVariable(W),
                       independent=[(X, Y), (Y, W), (X, W)])
    assert check(Expect(X * Y * W), Expect(X) * Expect(Y) * Expect(W), pairwise).status is not Status.PROVED


def test_one_statement_of_three_factors_the_triple_product():
    mutual = context(RandomVariable(X), RandomVariable(Y), RandomVariable(W), independent=[(X, Y, W)])
    assert check(Expect(X * Y * W), Expect(X) * Expect(Y) * Expect(W), mutual).status is Status.PROVED


def test_components_of_a_family_not_declared_iid_are_not_independent():
    dependent = context(RandomVariable(u, STANDARD, iid=False, length=d))
    assert check(Var(Sum(u[i], (i, 1, d))), d, dependent).status is Status.REFUTED


def test_components_at_free_indices_may_coincide():
    verdict = check(Expect(u[i] * u[j]), Integer(0), context(RandomVariable(u, STANDARD, iid=True)))
    assert verdict.status is not Status.PROVED


def test_distinct_concrete_components_of_an_iid_family_are_independent():
    iid = context(RandomVariable(u, STANDARD, iid=True))
    assert check(Expect(u[1] * u[2]), Integer(0), iid).status is Status.PROVED


def test_with_nothing_declared_random_an_expectation_is_left_alone():
    assert check(Expect(X), X, Context(theories=("moments", "algebra"))).status is not Status.PROVED


def test_a_name_defined_as_a_random_expression_is_random():
    score = Symbol("s")
    declared = context(RandomVariable(X, STANDARD), RandomVariable(Y, STANDARD), independent=[(X, Y)])
    defined = dataclasses.replace(declared, facts=(Fact("definition of s", score, X + Y),))
    verdicts = [check(Var(score), 2, defined).status, check(Var(score), 0, defined).status]
    assert verdicts == [Status.PROVED, Status.REFUTED]


def test_a_symbol_the_context_lists_is_a_constant():
    assert check(Expect(a * X), a * Expect(X), UNKNOWN_LAWS).status is Status.PROVED


def test_a_name_neither_declared_nor_listed_is_never_taken_for_a_constant():
    """``s`` of a premise ``s = q . k`` the reader did not keep: Var(s) is neither 0 nor refuted as d_k."""
    unlisted = Symbol("s")
    verdicts = [check(Var(unlisted), 0, ATTENTION).status, check(Var(unlisted), d, ATTENTION).status]
    assert verdicts == [Status.UNKNOWN, Status.UNKNOWN]


# ------------------------------------------------------------ sums over symbolic ranges

def test_the_square_of_a_sum_counts_coinciding_indices():
    standard = context(RandomVariable(u, STANDARD, iid=True, length=d))
    assert check(Expect(Sum(u[i], (i, 1, d)) ** 2), d, standard).status is Status.PROVED


def test_the_fourth_power_of_a_sum_needs_the_fourth_moment_of_one_component():
    standard = context(RandomVariable(u, STANDARD, iid=True, length=d))
    expected = d * Expect(u[1] ** 4) + 3 * d * (d - 1)
    assert check(Expect(Sum(u[i], (i, 1, d)) ** 4), expected, standard).status is Status.PROVED


def test_a_moment_the_premises_do_not_state_is_not_assumed_gaussian():
    verdict = check(Expect(u[1] ** 4), Integer(3), context(RandomVariable(u, STANDARD, iid=True)))
    assert verdict.status is Status.REFUTED


def test_the_scaled_score_of_attention_has_unit_variance_and_zero_mean():
    score = Dot(q, k) / sqrt(d)
    assert [check(Expect(score), 0, ATTENTION).status, check(Var(score), 1, ATTENTION).status] == [Status.PROVED] * 2


# ------------------------------------------------------------ the numeric tier: exact, never proved

def test_a_wrong_gaussian_variance_is_refuted_with_the_law_and_both_values():
    verdict = check(Var(X), sigma**4, GAUSSIAN)
    example = verdict.counterexample
    described = dict(example.assignment)
    assert verdict.status is Status.REFUTED and "normal" in described["X"] and "sigma" in described
    s = float(described["sigma"])
    assert float(example.lhs) == pytest.approx(s**2, rel=1e-5) and float(example.rhs) == pytest.approx(s**4, rel=1e-5)


def test_a_variance_growing_like_d_squared_is_refuted_with_both_values():
    verdict = check(Var(Dot(q, k)), d**2, ATTENTION)
    size = float(dict(verdict.counterexample.assignment)["d_k"])
    assert verdict.status is Status.REFUTED
    assert (float(verdict.counterexample.lhs), float(verdict.counterexample.rhs)) == (size, size**2)


def test_a_wrong_kl_between_diagonal_gaussians_is_refuted_with_the_components():
    wrong = Sum((exp(log_vars[j]) + means[j] ** 2 - 1 + log_vars[j]) / 2, (j, 1, n))
    verdict = check(KL(DiagonalNormal(means, exp(log_vars), n), DiagonalNormal(0, 1, n)), wrong,
                    GAUSSIAN_LAWS)
    assert verdict.status is Status.REFUTED and "l[1]" in dict(verdict.counterexample.assignment)


def test_a_wrong_kl_between_full_gaussians_is_refuted_at_explicit_matrices():
    wrong = (Trace(cov_1) + (mean_1.T * mean_1)[0, 0] - n + log(Determinant(cov_1))) / 2
    verdict = check(KL(MultivariateNormal(mean_1, cov_1), MultivariateNormal(ZeroMatrix(n, 1), Identity(n))), wrong,
                    GAUSSIAN_LAWS)
    assert verdict.status is Status.REFUTED and "S_1" in dict(verdict.counterexample.assignment)


def test_a_true_inequality_no_rule_proves_is_only_consistent():
    verdict = check(Expect(u[1] ** 4), Integer(1), context(RandomVariable(u, STANDARD, iid=True)), relation=">=")
    assert verdict.status is Status.CONSISTENT and verdict.samples > 0


# ------------------------------------------------------------ properties

laws = st.builds(lambda family, m, v: Law(family, Rational(m, 4), Rational(v, 4)),
                 st.sampled_from([Family.NORMAL, Family.RADEMACHER, Family.UNIFORM]),
                 st.integers(-8, 8), st.integers(1, 16))


@given(laws, st.integers(-3, 3).filter(bool), st.integers(-3, 3))
@settings(max_examples=25, deadline=None)
def test_shift_and_scale_never_change_the_variance_but_by_the_square(law, scale, shift):
    ctx = context(RandomVariable(X, law))
    form, _ = canonical(Var(scale * X + shift) - scale**2 * law.variance, ctx)
    assert form == 0


@given(st.sampled_from([Family.NORMAL, Family.RADEMACHER, Family.UNIFORM]), st.integers(0, 8))
def test_every_odd_standard_moment_vanishes(family, half_order):
    assert standard_moment(family, 2 * half_order + 1) == 0


@given(laws)
def test_the_second_central_moment_of_every_family_is_its_variance(law):
    m, var = law.mean, law.variance
    assert raw_moment(law, 2) - m**2 == var


@given(st.integers(0, 2))
def test_a_law_of_stated_moments_fixes_nothing_beyond_them(order):
    law = moments(0, 1)
    assert raw_moment(law, order) is not None and raw_moment(law, order + 3) is None
