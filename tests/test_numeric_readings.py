"""The numeric tier searches the readings the document allows (issue 9, part 4), and only those.

Each reading comes with a correct form that must not be refuted and broken variants that
must never be ``proved`` (and are refuted where the search reaches them).
"""
from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sympy import Integer, Sum, Symbol, log, sqrt

from verify.config import CheckConfig
from verify.engine.checker import check_step
from verify.engine.numeric import numeric_check, step_seed
from verify.engine.sampling import Draw, Scale, integer_value, real_value
from verify.model import Context, Relation
from verify.verdict import Status

INLINE = CheckConfig(budget=None)
x = Symbol("x", real=True)
y = Symbol("y", real=True)
eta = Symbol("eta", real=True)
A, B = Symbol("A", commutative=False), Symbol("B", commutative=False)
PLAIN = Context(symbols=(x, y, eta))
OPEN = Context(symbols=(A, B))


def numeric(lhs, relation, rhs, context=PLAIN, seed=0):
    return numeric_check(lhs, Relation(relation), rhs, context, CheckConfig(budget=None, seed=seed)).status


def overall(lhs, relation, rhs, context=PLAIN):
    return check_step(lhs, relation, rhs, context, INLINE).status


# draws respect what the symbols say

SIGNS = st.sampled_from([dict(positive=True), dict(negative=True), dict(nonnegative=True), dict(nonpositive=True),
                         dict(real=True), dict(real=True, zero=False)])


@settings(max_examples=60, deadline=None)
@given(SIGNS, st.sampled_from(list(Scale)), st.integers(0, 2**32 - 1))
def test_a_drawn_real_has_the_stated_sign(assumptions, scale, seed):
    symbol = Symbol("s", **assumptions)
    value = real_value(symbol, np.random.default_rng(seed), scale)
    checks = {"positive": value > 0, "negative": value < 0, "nonnegative": value >= 0, "nonpositive": value <= 0}
    assert all(checks[k] for k in assumptions if k in checks)
    assert value != 0 or assumptions.get("zero") is not False


@settings(max_examples=60, deadline=None)
@given(st.sampled_from([dict(integer=True, positive=True), dict(integer=True, nonnegative=True),
                        dict(integer=True, negative=True), dict(integer=True), dict(even=True, positive=True),
                        dict(odd=True)]),
       st.sampled_from(list(Scale)), st.integers(0, 7), st.integers(0, 2**32 - 1))
def test_a_drawn_integer_keeps_its_range_and_parity(assumptions, scale, index, seed):
    symbol = Symbol("k", **assumptions)
    value = integer_value(symbol, np.random.default_rng(seed), Draw(scale, index))
    assert (not symbol.is_positive or value >= 1) and (not symbol.is_nonnegative or value >= 0)
    assert not symbol.is_negative or value <= -1
    assert (not symbol.is_even or value % 2 == 0) and (not symbol.is_odd or value % 2 == 1)
    if not (symbol.is_even or symbol.is_odd):
        assert value % 2 == index % 2


def test_integers_come_odd_and_even_and_large():
    n = Symbol("n", integer=True, positive=True)
    rng = np.random.default_rng(1)
    values = {integer_value(n, rng, Draw(scale, k)) for k in range(6) for scale in Scale for _ in range(5)}
    assert any(v % 2 for v in values) and any(v % 2 == 0 for v in values) and max(values) > 12


@settings(max_examples=25, deadline=None)
@given(st.integers(0, 10_000))
def test_a_stated_relation_is_never_crossed_by_a_counterexample(seed):
    a, b = Symbol("a", real=True), Symbol("b", real=True)
    context = Context(symbols=(a, b), relations=(a < b,))
    assert numeric(b - a, ">", Integer(0), context, seed) is Status.CONSISTENT


def test_without_the_stated_relation_the_same_step_is_refuted():
    a, b = Symbol("a", real=True), Symbol("b", real=True)
    assert numeric(b - a, ">", Integer(0), Context(symbols=(a, b))) is Status.REFUTED


@settings(max_examples=25, deadline=None)
@given(st.integers(0, 10_000))
def test_a_positive_symbol_never_meets_a_counterexample_at_or_below_zero(seed):
    p = Symbol("p", positive=True)
    assert numeric(sqrt(p**2), "=", p, Context(symbols=(p,)), seed) is Status.CONSISTENT


def test_seeds_vary_per_step_and_repeat_for_the_same_step():
    assert step_seed(0, x, Relation.EQ, y) == step_seed(0, x, Relation.EQ, y)
    assert step_seed(0, x, Relation.EQ, y) != step_seed(0, x, Relation.EQ, x + y)
    assert step_seed(0, x, Relation.EQ, y) != step_seed(1, x, Relation.EQ, y)


# capitals of open kind are also non-commuting matrices

def test_the_inverse_of_a_product_in_the_written_order_is_refuted_for_matrices():
    assert numeric((A * B) ** -1, "=", A**-1 * B**-1, OPEN) is Status.REFUTED
    assert overall((A * B) ** -1, "=", A**-1 * B**-1, OPEN) is not Status.PROVED


def test_the_inverse_of_a_product_in_reversed_order_is_not_refuted():
    assert numeric((A * B) ** -1, "=", B**-1 * A**-1, OPEN) is Status.CONSISTENT


@settings(max_examples=15, deadline=None)
@given(st.integers(0, 10_000))
def test_a_conjugation_that_drops_the_basis_is_refuted_at_any_seed(seed):
    assert numeric(A * B**2 * A**-1, "=", B**2, OPEN, seed) is Status.REFUTED


def test_a_step_that_holds_only_for_commuting_factors_is_unknown_with_the_reason():
    verdict = numeric_check((A + B) ** 2, Relation.EQ, A**2 + 2 * A * B + B**2, OPEN, INLINE)
    assert verdict.status is Status.UNKNOWN and "commute" in verdict.reason
    assert overall((A + B) ** 2, "=", A**2 + 2 * A * B + B**2, OPEN) is not Status.PROVED


def test_the_square_of_a_sum_in_the_written_order_holds_for_matrices():
    assert numeric((A + B) ** 2, "=", A**2 + A * B + B * A + B**2, OPEN) is Status.CONSISTENT


def test_a_number_beside_a_matrix_is_a_multiple_of_the_identity():
    assert numeric((A + 1) ** 2, "=", A**2 + 2 * A + 1, OPEN) is Status.CONSISTENT
    assert numeric(A * A**-1, "=", Integer(1), OPEN) is Status.CONSISTENT
    assert numeric((A + 1) ** 2, "=", A**2 + A + 1, OPEN) is Status.REFUTED


# a real line rewritten into a complex one disagrees

def test_a_logarithm_of_a_possibly_negative_number_refutes_dropping_the_absolute_value():
    assert numeric(2 * log(x**2), "=", 4 * log(x)) is Status.REFUTED
    assert overall(2 * log(x**2), "=", 4 * log(x)) is Status.REFUTED


def test_the_correct_form_with_the_absolute_value_is_consistent():
    from sympy import Abs

    assert numeric(2 * log(x**2), "=", 4 * log(Abs(x))) is Status.CONSISTENT


def test_a_line_before_that_is_not_real_says_nothing():
    assert numeric(log(x) + log(y), "=", log(x * y)) is Status.CONSISTENT


# equalities hidden in strict inequalities, and boundaries

def test_a_strict_bound_that_meets_equality_at_zero_is_refuted():
    assert numeric(sqrt(1 + eta**2), ">", Integer(1)) is Status.REFUTED
    assert numeric(x**2, ">", Integer(0)) is Status.REFUTED


@pytest.mark.parametrize("lhs, relation, rhs", [
    (sqrt(1 + eta**2), ">=", Integer(1)),
    (x**2 + 1, ">", Integer(0)),
    (x**2, ">=", Integer(0)),
])
def test_the_correct_bounds_are_not_refuted(lhs, relation, rhs):
    assert numeric(lhs, relation, rhs) is not Status.REFUTED


@pytest.mark.parametrize("lhs", [(x - Integer(7) / 10) ** 2, (x**2 - 2) ** 2])
def test_a_strict_bound_that_meets_equality_away_from_simple_points_is_refuted(lhs):
    verdict = numeric_check(lhs, Relation.GT, Integer(0), PLAIN, INLINE)
    assert verdict.status is Status.REFUTED and verdict.counterexample.lhs == verdict.counterexample.rhs


@pytest.mark.parametrize("lhs, relation", [((x - Integer(7) / 10) ** 2 + Integer(1) / 1000, ">"),
                                           ((x**2 - 2) ** 2, ">=")])
def test_a_bound_that_never_meets_equality_or_allows_it_is_not_refuted(lhs, relation):
    assert numeric(lhs, relation, Integer(0)) is Status.CONSISTENT


def test_the_lower_end_of_a_nonnegative_range_is_tried():
    u = Symbol("u", nonnegative=True)
    assert numeric(u, ">", Integer(0), Context(symbols=(u,))) is Status.REFUTED
    assert numeric(u + 1, ">", Integer(0), Context(symbols=(u,))) is Status.CONSISTENT


def test_an_alternating_sum_meets_odd_upper_bounds():
    n, k = Symbol("n", integer=True, nonnegative=True), Symbol("k", integer=True)
    context = Context(symbols=(n,))
    assert numeric(Sum((-1) ** k, (k, 0, n)), "=", Integer(1), context) is Status.REFUTED
    assert numeric(Sum((-1) ** k, (k, 0, n)), "=", (1 + (-1) ** n) / 2, context) is Status.CONSISTENT


def test_a_bound_broken_only_at_larger_magnitudes_is_refuted():
    p = Symbol("p", positive=True)
    assert numeric(p, "<", Integer(5), Context(symbols=(p,))) is Status.REFUTED


# a function nothing is known about is any real function, of either sign

from sympy import Abs, Derivative, Function  # noqa: E402

f, g = Function("f"), Function("g")
t = Symbol("t", real=True)
ALGEBRA_ONLY = Context(symbols=(x, t))


def test_a_step_that_holds_for_every_function_is_consistent():
    assert numeric(Abs(f(x)) ** 2, "=", f(x) ** 2, ALGEBRA_ONLY) is Status.CONSISTENT
    assert numeric(Derivative(f(t) ** 2, t), "=", 2 * f(t) * Derivative(f(t), t), ALGEBRA_ONLY) is Status.CONSISTENT


@pytest.mark.parametrize("lhs, rhs", [
    (sqrt(f(x) ** 2), f(x)),  # the sign of f dropped
    (log(f(x) * g(x)), log(f(x)) + log(g(x))),  # both negative: the right side is complex
    (Derivative(f(t) ** 2, t), 2 * f(t)),  # the chain rule's factor dropped
    (f(-x), -f(x)),  # f assumed odd
])
def test_a_step_that_needs_a_property_of_the_function_is_unknown_with_the_reason(lhs, rhs):
    verdict = numeric_check(lhs, Relation.EQ, rhs, ALGEBRA_ONLY, INLINE)
    assert verdict.status is Status.UNKNOWN and "arbitrary real function" in verdict.reason
    assert overall(lhs, "=", rhs, ALGEBRA_ONLY) is not Status.PROVED


def test_an_operator_is_never_replaced_by_a_random_function():
    expect = Function("E")
    verdict = numeric_check(expect(x + t), Relation.EQ, expect(x) + expect(t), ALGEBRA_ONLY, INLINE)
    assert verdict.status is Status.UNKNOWN and "arbitrary" not in verdict.reason


def test_a_function_a_stated_relation_speaks_of_is_not_replaced():
    context = Context(symbols=(x,), relations=(f(x) > 0,))
    verdict = numeric_check(sqrt(f(x) ** 2), Relation.EQ, f(x), context, INLINE)
    assert verdict.status is Status.UNKNOWN and "arbitrary" not in verdict.reason
