"""The checker's tiers: proved only symbolically, refuted with a counterexample."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from sympy import Integer, Symbol, expand, expand_log, log, sqrt

from verify.config import CheckConfig
from verify.engine.checker import check_step
from verify.engine.numeric import numeric_check
from verify.model import Context, Relation
from verify.verdict import Status, Tier

from .strategies import X, Y, logs_of_positives, polynomials

CONTEXT = Context(symbols=(X, Y))
INLINE = CheckConfig(budget=None, samples=4)


def test_identical_sides_are_proved_by_the_identical_tier():
    verdict = check_step(X + Y, "=", X + Y, CONTEXT, INLINE)
    assert (verdict.status, verdict.tier) == (Status.PROVED, Tier.IDENTICAL)


def test_an_expanded_square_is_proved():
    verdict = check_step((X + Y) ** 2, "=", X**2 + 2 * X * Y + Y**2, CONTEXT, INLINE)
    assert verdict.status is Status.PROVED


def test_a_dropped_cross_term_is_refuted_with_counterexample_and_residual():
    verdict = check_step((X + Y) ** 2, "=", X**2 + Y**2, CONTEXT, INLINE)
    assert verdict.status is Status.REFUTED
    assert verdict.residual == "2*x*y"
    assert verdict.counterexample is not None and verdict.counterexample.lhs != verdict.counterexample.rhs


def test_log_of_a_product_of_positives_splits():
    assert check_step(log(X * Y), "=", log(X) + log(Y), CONTEXT, INLINE).status is Status.PROVED


def test_log_of_a_product_of_reals_is_not_proved():
    a, b = Symbol("a", real=True), Symbol("b", real=True)
    verdict = check_step(log(a * b), "=", log(a) + log(b), Context(symbols=(a, b)), INLINE)
    assert verdict.status is not Status.PROVED


def test_an_inequality_with_a_sign_known_from_assumptions_is_proved():
    assert check_step(X**2 + 1, ">", Integer(1), CONTEXT, INLINE).status is Status.PROVED


def test_a_false_inequality_is_refuted():
    assert check_step(Integer(1), ">=", X**2 + 1, CONTEXT, INLINE).status is Status.REFUTED


def test_an_approximation_in_open_names_that_is_no_equality_is_never_proved():
    verdict = check_step(sqrt(X**2 + 1), "~=", X, CONTEXT, INLINE)
    assert verdict.status is Status.UNKNOWN and verdict.tier is Tier.STRUCTURAL


def test_an_approximation_that_is_an_equality_is_proved():
    assert check_step(sqrt(X**2), "~=", X, CONTEXT, INLINE).status is Status.PROVED  # X positive here


def test_a_verdict_under_an_unknown_object_is_unknown_with_reason():
    from sympy import Function

    f = Function("f")
    verdict = check_step(f(X), "=", f(Y), CONTEXT, INLINE)  # f is any function: f(x) = f(y) holds for some only
    assert verdict.status is Status.UNKNOWN and "f is an arbitrary real function" in verdict.reason


@settings(max_examples=40, deadline=None)
@given(polynomials)
def test_any_polynomial_equals_its_expansion(expr):
    assert check_step(expr, "=", expand(expr), CONTEXT, INLINE).status is Status.PROVED


@settings(max_examples=40, deadline=None)
@given(polynomials, st.integers(1, 5))
def test_adding_a_constant_is_never_proved(expr, constant):
    verdict = check_step(expr, "=", expand(expr) + constant, CONTEXT, INLINE)
    assert verdict.status is Status.REFUTED


@settings(max_examples=30, deadline=None)
@given(logs_of_positives)
def test_every_proof_of_a_log_expansion_agrees_numerically(expr):
    rhs = expand_log(expr)
    assert check_step(expr, "=", rhs, CONTEXT, INLINE).status is Status.PROVED
    assert numeric_check(expr, Relation.EQ, rhs, CONTEXT, INLINE).status is Status.CONSISTENT


def test_an_inequality_whose_difference_factors_into_a_square_is_proved():
    verdict = check_step(X**2 + 1, ">=", 2 * X, CONTEXT, INLINE)
    assert verdict.status is Status.PROVED and "(x - 1)**2" in verdict.reason


def test_a_division_by_zero_is_unknown_not_proved():
    verdict = check_step(Integer(1) / 0, "=", Integer(2) / 0 + 5, CONTEXT, INLINE)
    assert verdict.status is Status.UNKNOWN and "undefined" in verdict.reason


def test_a_constant_residual_below_the_numeric_tolerance_is_still_refuted():
    from sympy import Float

    verdict = check_step(X**2, "=", X**2 + Float("1e-9"), CONTEXT, INLINE)
    assert verdict.status is Status.REFUTED and "constant" in verdict.reason


def test_a_constant_residual_of_the_wrong_sign_refutes_an_inequality():
    assert check_step(X**2 + 1, ">=", X**2 + 2, CONTEXT, INLINE).status is Status.REFUTED


def test_a_step_built_unevaluated_is_evaluated_under_the_assumptions_when_checked():
    from sympy import Pow

    eta = Symbol("eta", positive=True)
    unevaluated = Pow(Pow(eta, 2, evaluate=False), Integer(1) / 2, evaluate=False)
    assert check_step(unevaluated, "=", eta, Context(symbols=(eta,)), INLINE).status is Status.PROVED


def test_a_defined_symbol_is_unfolded_in_proofs_and_takes_its_value_in_counterexamples():
    from verify.model import Fact

    x, y = Symbol("x", real=True), Symbol("y", real=True)
    context = Context(symbols=(x, y), facts=(Fact("definition of y", y, x**2 + 1),))
    assert check_step(y - 1, "=", x**2, context, INLINE).status is Status.PROVED
    refuted = check_step(y - 1, "=", x**3, context, INLINE)
    assert refuted.status is Status.REFUTED and "(by its definition)" in refuted.counterexample.describe()


def test_derivatives_of_explicit_expressions_are_carried_out_exactly():
    from sympy import Derivative, tanh

    t = Symbol("t", real=True)
    assert check_step(Derivative(tanh(t), t), "=", 1 - tanh(t) ** 2, CONTEXT, INLINE).status is Status.PROVED
    assert check_step(Derivative(tanh(t), t), "=", 1 + tanh(t) ** 2, CONTEXT, INLINE).status is Status.REFUTED


def test_a_step_into_a_big_o_class_is_membership_decided_by_dominance():
    from verify.vocabulary import BigO

    n, L = Symbol("n", positive=True), Symbol("L", positive=True)
    sizes = Context(symbols=(n, L))
    assert check_step(2 * L * n**2 + n, "=", BigO(L * n**2), sizes, INLINE).status is Status.PROVED
    assert check_step(2 * L * n**2 + n, "=", BigO(L * n), sizes, INLINE).status is Status.REFUTED


def test_circular_definitions_are_not_used_to_prove_anything():
    from verify.model import Fact

    a, b = Symbol("a", real=True), Symbol("b", real=True)
    contradictory = Context(symbols=(a, b), facts=(Fact("a", a, b + 1), Fact("b", b, a - 2)))
    assert check_step(b + 1, "=", a - 2 + 1 + 2, contradictory, INLINE).status is not Status.PROVED


def test_a_class_is_never_rewritten_into_a_function():
    from verify.vocabulary import BigO

    n = Symbol("n", positive=True)
    assert check_step(BigO(n**3), "=", Integer(1), CONTEXT, INLINE).status is Status.UNKNOWN
    assert check_step(n**2 + BigO(n), "=", n**2, CONTEXT, INLINE).status is Status.UNKNOWN


def test_membership_does_not_treat_a_decaying_variable_as_a_size():
    from verify.vocabulary import BigO

    eps = Symbol("epsilon", positive=True)
    assert check_step(1 / eps**2, "=", BigO(1 / eps), CONTEXT, INLINE).status is Status.UNKNOWN


def test_membership_unfolds_definitions_first():
    from verify.model import Fact
    from verify.vocabulary import BigO

    n, eps = Symbol("n", positive=True), Symbol("epsilon", positive=True)
    context = Context(symbols=(n, eps), facts=(Fact("epsilon", eps, 1 / n),))
    assert check_step(n, "=", BigO(n**2 * eps**2), context, INLINE).status is not Status.PROVED


def test_a_reversed_sum_is_never_closed_by_faulhaber():
    from sympy import Sum

    k = Symbol("k", integer=True)
    assert check_step(Sum(k**2, (k, 4, 1)), "<", Integer(0), CONTEXT, INLINE).status is Status.REFUTED


def test_a_derivative_is_taken_of_the_body_as_written():
    from sympy import Derivative, pi, sin

    n = Symbol("n", integer=True, positive=True)
    written = Derivative(sin(pi * n, evaluate=False), n)
    assert check_step(written, "=", Integer(0), CONTEXT, INLINE).status is not Status.PROVED


def test_a_definition_does_not_replace_a_bound_variable_of_the_same_name():
    from sympy import Sum

    from verify.model import Fact

    n, k, s = Symbol("n", integer=True, positive=True), Symbol("k", integer=True), Symbol("s", real=True)
    context = Context(facts=(Fact("s", s, Sum(k, (k, 1, n))), Fact("k", k, Integer(5))))
    assert check_step(s, "=", n * (n + 1) / 2, context, INLINE).status is Status.PROVED


def test_a_strict_inequality_is_refuted_by_equality():
    assert check_step(X - X, "<", Integer(0) * Y, CONTEXT, INLINE).status is not Status.PROVED


def test_a_divergent_integral_gets_no_counterexample():
    from sympy import Integral, oo

    z, mu = Symbol("z", real=True), Symbol("mu", real=True)
    verdict = check_step(Integral((z - mu) ** 2, (z, -oo, oo)), "=", Integer(0), Context(integration_variables=(z,)),
                         INLINE)
    assert verdict.status is Status.UNKNOWN and "diverge" in verdict.reason


def test_a_member_of_a_recurrence_is_not_given_a_free_value():
    from sympy import Sum

    from verify.model import Fact

    eta, t = Symbol("eta", positive=True), Symbol("t", integer=True, nonnegative=True)
    p_next, p_t, g_t = Symbol("p_{t+1}", real=True), Symbol("p_t", real=True), Symbol("g_t", real=True)
    p_T, p_0, g_0 = Symbol("p_T", real=True), Symbol("p_0", real=True), Symbol("g_0", real=True)
    context = Context(facts=(Fact("p_{t+1}", p_next, p_t - eta * g_t),))
    true_unrolled_once = check_step(p_T, "=", p_0 - eta * g_0, context, INLINE)  # true when T = 1
    assert true_unrolled_once.status is Status.UNKNOWN and "recurrence" in true_unrolled_once.reason


def test_matrices_of_different_sizes_are_never_equal():
    from sympy import Matrix

    verdict = check_step(Matrix([[1, 2], [3, 4]]), "=", Matrix([1, 2]), CONTEXT, INLINE)
    assert verdict.status is Status.REFUTED and "2 x 2" in verdict.reason
