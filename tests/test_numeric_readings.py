"""The numeric tier searches the readings the document allows (issue 9, part 4).

Each behaviour in both directions: a wrong step that the old tier let through as
``consistent`` is ``refuted`` now, and the correct step beside it is not refuted.
The steps are built directly with SymPy, so they reach the numeric tier: their
canonical forms do not decide them.
"""
from __future__ import annotations

import numpy as np
import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st
from sympy.core.sympify import _sympify
from sympy import Abs, Derivative, Function, Sum, Symbol, exp, log, sqrt, symbols

from verify.config import CheckConfig
from verify.engine.checker import check_step
from verify.engine.numeric import Outcome, judge, numeric_check, step_seed
from verify.theories.base import Instance
from verify.model import Context, Relation
from verify.theories.draws import boundary_value, integer_value, matrix_value, real_value
from verify.verdict import Status

INLINE = CheckConfig(budget=None)
X = Symbol("x", real=True)
T = Symbol("t", real=True)
ETA = Symbol("eta", real=True)
A, B, U, LAMBDA = symbols("A B U Lambda", commutative=False)
f = Function("f")
CONTEXT = Context(symbols=(X, T, ETA))


def numeric(lhs, relation, rhs, context=CONTEXT, config=INLINE):
    return numeric_check(_sympify(lhs), Relation(relation), _sympify(rhs), context, config)


# 1. names of open kind are non-commuting matrices

def test_the_inverse_of_a_product_in_the_same_order_is_refuted_for_names_of_open_kind():
    assert numeric((A * B) ** -1, "=", A**-1 * B**-1).status is Status.REFUTED


def test_the_inverse_of_a_product_in_reversed_order_is_consistent():
    assert numeric((A * B) ** -1, "=", B**-1 * A**-1).status is Status.CONSISTENT


def test_a_basis_does_not_cancel_around_the_middle_factor():
    square = U * LAMBDA * U**-1 * U * LAMBDA * U**-1
    assert numeric(square, "=", LAMBDA**2).status is Status.REFUTED
    assert numeric(square, "=", U * LAMBDA**2 * U**-1).status is Status.CONSISTENT


def test_the_square_of_a_sum_keeps_both_cross_terms():
    assert numeric((A + B) ** 2, "=", A**2 + 2 * A * B + B**2).status is Status.REFUTED
    assert numeric((A + B) ** 2, "=", A**2 + A * B + B * A + B**2).status is Status.CONSISTENT


def test_a_scalar_added_to_a_matrix_is_a_multiple_of_the_identity():
    assert numeric((A + 1) ** 2, "=", A**2 + 2 * A + 1).status is Status.CONSISTENT


def test_an_entrywise_function_of_a_matrix_is_not_evaluated():
    assert numeric(exp(A), "=", exp(B)).status is Status.UNKNOWN


@settings(max_examples=25, deadline=None)
@given(st.integers(0, 2**32 - 1))
def test_matrices_of_open_kind_are_invertible_and_do_not_commute(seed):
    rng = np.random.default_rng(seed)
    first, second = matrix_value(A, rng), matrix_value(B, rng)
    assert np.linalg.cond(first) < 1e3 and not np.allclose(first @ second, second @ first)


# 2. functions of unknown sign, reals on several scales, integers odd and large

def test_the_square_root_of_a_square_of_an_undefined_function_is_its_absolute_value():
    assert numeric(sqrt(f(T) ** 2), "=", f(T)).status is Status.REFUTED
    assert numeric(sqrt(f(T) ** 2), "=", Abs(f(T))).status is Status.CONSISTENT


def test_the_log_of_a_product_of_undefined_functions_does_not_split():
    g = Function("g")
    assert numeric(log(f(T) * g(T)), "=", log(f(T)) + log(g(T))).status is Status.REFUTED


def test_an_undefined_function_is_not_linear():
    assert numeric(f(2 * T), "=", 2 * f(T)).status is Status.REFUTED
    assert numeric(f(2 * T), "=", f(T + T)).status is Status.CONSISTENT


def test_the_derivative_of_an_undefined_function_follows_the_chain_rule():
    assert numeric(Derivative(f(T) ** 2, T), "=", f(T) * Derivative(f(T), T)).status is Status.REFUTED
    assert numeric(Derivative(f(T) ** 3, T), "=", 3 * f(T) ** 2 * Derivative(f(T), T)).status is Status.CONSISTENT


def test_a_square_below_its_value_for_reals_between_zero_and_one_is_found():
    assert numeric(T**2, ">=", T).status is Status.REFUTED
    assert numeric(T**2 + 1, ">=", T).status is Status.CONSISTENT


def test_an_alternating_sum_at_odd_bounds_is_found():
    k = Symbol("k", integer=True)
    n = Symbol("n", integer=True, nonnegative=True)
    half = (1 + (-1) ** n) / 2
    assert numeric(Sum((-1) ** k, (k, 0, n)), "=", 1).status is Status.REFUTED
    assert numeric(Sum((-1) ** k, (k, 0, n)), "=", half).status is Status.CONSISTENT


ASSUMPTIONS = st.fixed_dictionaries({}, optional={
    "positive": st.just(True), "nonnegative": st.just(True), "negative": st.just(True),
    "nonpositive": st.just(True), "even": st.just(True), "odd": st.just(True), "nonzero": st.just(True)})


def _consistent(assumptions: dict) -> bool:
    try:
        symbol = Symbol("s", integer=True, **assumptions)
    except Exception:  # SymPy refuses contradictory assumptions
        return False
    return symbol.is_integer is True and symbol.is_zero is not True


@settings(max_examples=80, deadline=None)
@given(ASSUMPTIONS.filter(_consistent), st.integers(0, 2**32 - 1))
def test_integers_satisfy_every_stated_assumption(assumptions, seed):
    symbol = Symbol("s", integer=True, **assumptions)
    value = sympy.Integer(integer_value(symbol, np.random.default_rng(seed)))
    assert all(getattr(value, f"is_{name}") for name in assumptions)


@settings(max_examples=80, deadline=None)
@given(st.sampled_from([{}, {"positive": True}, {"nonnegative": True}, {"negative": True}]),
       st.integers(0, 2**32 - 1))
def test_reals_satisfy_their_sign_assumptions(assumptions, seed):
    symbol = Symbol("s", real=True, **assumptions)
    value = sympy.Float(real_value(symbol, np.random.default_rng(seed)))
    assert all(getattr(value, f"is_{name}") for name in assumptions)


def test_integer_draws_include_odd_and_large_values():
    n = Symbol("n", integer=True, positive=True)
    rng = np.random.default_rng(1)
    values = {integer_value(n, rng) for _ in range(200)}
    assert any(v % 2 for v in values) and max(values) > 10 and min(values) == 1


def test_real_draws_span_several_scales_and_both_signs():
    rng = np.random.default_rng(2)
    values = np.array([real_value(X, rng) for _ in range(300)])
    assert values.min() < -10 and values.max() > 10 and np.abs(values).min() < 0.05


@pytest.mark.parametrize("assumptions, edge", [
    ({"integer": True, "positive": True}, 1.0), ({"integer": True, "nonnegative": True}, 0.0),
    ({"real": True, "nonnegative": True}, 0.0), ({"real": True, "positive": True}, None),
    ({"integer": True, "positive": True, "even": True}, 2.0), ({"real": True}, None)])
def test_the_edge_of_a_stated_range_is_its_closed_end(assumptions, edge):
    assert boundary_value(Symbol("s", **assumptions)) == edge


def test_an_off_by_one_at_the_lower_end_of_an_integer_range_is_found():
    n = Symbol("n", integer=True, positive=True)
    assert numeric(n**2, ">=", 2 * n).status is Status.REFUTED
    assert numeric(n**2 + 1, ">=", 2 * n).status is Status.CONSISTENT


# 3. a complex or undefined side against a real one is a disagreement

def test_a_log_of_a_negative_real_is_complex_and_disagrees_with_a_real_side():
    verdict = numeric(2 * log(X**2), "=", 4 * log(X))
    assert verdict.status is Status.REFUTED and "i" in verdict.counterexample.rhs


def test_the_log_of_a_square_with_absolute_value_stays_consistent():
    assert numeric(2 * log(X**2), "=", 4 * log(Abs(X))).status is Status.CONSISTENT


def test_a_square_root_of_a_quantity_positive_by_the_assumptions_is_real():
    s = Symbol("s", positive=True)
    assert numeric(sqrt(s**2 + 1) ** 2, "=", s**2 + 1, Context(symbols=(s,))).status is Status.CONSISTENT


def test_overflow_on_both_sides_is_not_a_disagreement():
    assert numeric(exp(X**2) / exp(X**2 - 1), "=", sympy.E).status is not Status.REFUTED


def test_an_undefined_side_at_a_random_sample_disagrees_with_a_real_one():
    n = Symbol("n", integer=True, positive=True)
    at_one = Instance(values={n: 1.0})
    judgement = judge((n**2 - 1) / (n - 1), Relation.EQ, n + 1, np.nan, 2.0, at_one, 1e-7)
    assert judgement.outcome is Outcome.DISAGREE and judgement.left == "undefined"


def test_an_undefined_side_at_a_chosen_point_is_a_removable_singularity_and_dropped():
    r = Symbol("r", real=True)
    k, n = Symbol("k", integer=True), Symbol("n", integer=True, positive=True)
    at_one = Instance(values={r: 1.0, n: 3.0})
    judgement = judge(n, Relation.EQ, (1 - r**n) / (1 - r), 3.0, np.nan, at_one, 1e-7, undefined_disagrees=False)
    assert judgement.outcome is Outcome.DROPPED
    geometric = numeric(Sum(r**k, (k, 0, n - 1)), "=", (1 - r**n) / (1 - r), Context(symbols=(r, n)))
    assert geometric.status is Status.CONSISTENT


# 4. strict inequalities meet the points where the two sides touch

def test_a_strict_inequality_that_is_tight_at_zero_is_refuted():
    verdict = numeric(sqrt(1 + ETA**2), ">", 1)
    assert verdict.status is Status.REFUTED and verdict.counterexample.lhs == verdict.counterexample.rhs


def test_the_non_strict_inequality_beside_it_stays_consistent():
    assert numeric(sqrt(1 + ETA**2), ">=", 1).status is Status.CONSISTENT


def test_a_strict_inequality_that_touches_at_a_double_root_is_refuted():
    assert numeric(X**2 + 1, ">", 2 * X).status is Status.REFUTED
    assert numeric(X**2 + 2, ">", 2 * X).status is Status.CONSISTENT


def test_a_strict_inequality_tight_only_outside_the_stated_range_holds():
    s = Symbol("s", positive=True)
    assert numeric(sqrt(1 + s**2), ">", 1, Context(symbols=(s,))).status is Status.CONSISTENT


def test_exp_above_its_tangent_is_strict_only_away_from_zero():
    assert numeric(exp(X), ">", 1 + X).status is Status.REFUTED
    assert numeric(exp(X), ">=", 1 + X).status is Status.CONSISTENT


# 5. seeds vary per step and stay reproducible

@settings(max_examples=30, deadline=None)
@given(st.integers(0, 1000))
def test_a_step_seed_is_reproducible(seed):
    assert step_seed(seed, X**2, Relation.EQ, X * X) == step_seed(seed, X**2, Relation.EQ, X * X)


def test_different_steps_get_different_seeds():
    seeds = {step_seed(0, X**k, Relation.EQ, X) for k in range(2, 50)}
    assert len(seeds) == 48


def test_the_configured_seed_still_changes_the_draws():
    assert step_seed(0, X, Relation.LE, T) != step_seed(1, X, Relation.LE, T)


def test_a_numeric_verdict_is_reproducible():
    first, second = (numeric(f(T) * T, "=", T * f(T) + 0 * T) for _ in range(2))
    assert first == second


# numeric never proves

@pytest.mark.parametrize("lhs, rhs", [((A * B) ** -1, B**-1 * A**-1), (sqrt(f(T) ** 2), Abs(f(T)))])
def test_a_step_only_the_numeric_tier_accepts_stays_consistent(lhs, rhs):
    assert check_step(lhs, "=", rhs, CONTEXT, INLINE).status in (Status.CONSISTENT, Status.PROVED)
    assert numeric(lhs, "=", rhs).status is Status.CONSISTENT


def test_a_symbol_a_definition_uses_is_not_scanned_away_from_the_defined_value():
    from verify.model import Fact

    y, q = Symbol("y", real=True), Symbol("q", real=True)
    context = Context(symbols=(y, q, ETA), facts=(Fact("definition of y", y, q + ETA * q**2),))
    assert numeric(y**2, "=", (q + ETA * q**2) ** 2, context).status is Status.CONSISTENT
    assert numeric(y**2, "=", (q + ETA * q) ** 2, context).status is Status.REFUTED


def _document_statuses(text: str) -> list[Status]:
    from verify.engine.checker import check_derivation
    from verify.parsing import read_document

    return [r.verdict.status for r in check_derivation(read_document(text).derivation(), INLINE).results]


def test_a_function_the_document_defines_is_evaluated_by_its_definition_not_drawn():
    assert _document_statuses("Let $$f(x) = x^2 + 1$$ Then $$f(3) = 10$$") == [Status.CONSISTENT]
    assert _document_statuses("Let $$f(x) = x^2 + 1$$ Then $$f(3) = 9$$") == [Status.REFUTED]


def test_a_dotted_function_is_the_derivative_of_the_undotted_one():
    assert _document_statuses(r"$$\frac{d}{dt} x(t)^2 = 2 x(t) \dot{x}(t)$$") != [Status.REFUTED]
    assert _document_statuses(r"$$\frac{d}{dt} x(t)^2 = x(t) \dot{x}(t)$$") == [Status.REFUTED]


def test_a_name_used_as_a_number_and_applied_gets_no_random_function():
    n = Symbol("n", integer=True, positive=True)
    misread = Function("n")(n - 1)  # the reader's n(n-1): a product read as an application
    assert numeric(n * (n - 1) / 2, "=", misread / 2, Context(symbols=(n,))).status is Status.UNKNOWN


def _flow():
    from verify.model import Fact

    p, q = Function("p")(T), Function("q")(T)
    return p, q, Context(symbols=(T,), facts=(Fact("dynamics of p", Derivative(p, T), -q),
                                              Fact("dynamics of q", Derivative(q, T), p)))


def test_stated_dynamics_give_the_rates_of_the_states():
    p, q, context = _flow()
    assert numeric(Derivative(p**2 + q**2, T), "=", 0, context).status is Status.CONSISTENT
    assert numeric(2 * p * Derivative(p, T) + 2 * q * Derivative(q, T), "=", -2 * p * q + 2 * q * p,
                   context).status is Status.CONSISTENT


def test_a_wrong_rate_under_stated_dynamics_is_refuted():
    p, q, context = _flow()
    assert numeric(Derivative(p * q, T), "=", q**2 - p**2, context).status is Status.REFUTED


def test_an_undefined_function_of_a_matrix_gets_no_stand_in():
    from verify.model import Fact

    J, rho = Symbol("J"), Function("rho")
    context = Context(facts=(Fact("definition of J", J, sympy.ImmutableMatrix([[1, -2], [2, 1]])),))
    assert numeric(rho(J), "=", sqrt(5), context).status is Status.UNKNOWN
