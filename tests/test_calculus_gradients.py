"""Gradients of functions nothing is known about, in the numeric tier: ``\\nabla_x f(x_k, y_k)`` is the
value at ``(x_k, y_k)`` of another unknown function, the same wherever the step writes it, so a step that
moves such values between its sides with a wrong coefficient or sign is refuted, while a step that needs
knowledge of f (computing the gradient, relating values at different points) stays unknown."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from sympy import Function, Integer, Symbol, exp

from verify.config import CheckConfig
from verify.engine.checker import check_step
from verify.engine.functions import gradient_stand_ins
from verify.engine.numeric import numeric_check
from verify.model import Context, Fact, Relation
from verify.verdict import Status

CONFIG = CheckConfig(seed=4, samples=5, budget=None)
x, y, x1, y1, eta, o = (Symbol(name, real=True) for name in ("x_k", "y_k", "x_{k-1}", "y_{k-1}", "eta", "o_j"))
f, l = Function("f", real=True), Function("l", real=True)
nabla, partial = Function("nabla_x"), Function("partial_o_j")
NOW, BEFORE = nabla(f(x, y)), nabla(f(x1, y1))
ALGEBRA = Context(symbols=(x, y, x1, y1, eta, o))
OGDA = x - 2 * eta * NOW + eta * BEFORE


def numbers(lhs, rhs, context=ALGEBRA):
    return numeric_check(lhs, Relation.EQ, rhs, context, CONFIG)


def test_a_rearranged_gradient_step_agrees_on_every_sample():
    assert numbers(OGDA, x - eta * NOW - eta * (NOW - BEFORE)).status is Status.CONSISTENT


def test_a_wrong_coefficient_of_a_gradient_is_refuted():
    verdict = numbers(OGDA, x - eta * NOW + eta * BEFORE)
    assert verdict.status is Status.REFUTED
    assert any("nabla_x f" in name for name, _ in verdict.counterexample.assignment)


def test_a_wrong_sign_of_a_gradient_is_refuted():
    assert numbers(OGDA, x - 2 * eta * NOW - eta * BEFORE).status is Status.REFUTED


def test_a_wrong_gradient_step_is_never_proved():
    assert check_step(OGDA, "=", x - 2 * eta * NOW - eta * BEFORE, ALGEBRA, CONFIG).status is not Status.PROVED


def test_computing_a_gradient_needs_the_function_and_stays_unknown():
    """``\\partial_{o_j} l = softmax - y``: true or not depends on what l is, which the step does not say."""
    assert numbers(partial(l(o)), exp(o) / (1 + exp(o)) - Integer(1)).status is Status.UNKNOWN


def test_a_gradient_beside_its_function_gets_no_stand_in_of_its_own():
    """f and nabla f at once: independent stand-ins would contradict each other, so neither is drawn."""
    lhs, rhs = f(x, y) + NOW, 2 * NOW
    assert gradient_stand_ins(lhs, rhs, ALGEBRA) == (lhs, rhs)
    assert numbers(lhs, rhs).status is Status.UNKNOWN


def test_a_gradient_of_a_function_the_premises_speak_of_gets_no_stand_in():
    stated = Context(symbols=(x, y), facts=(Fact("value", f(x, y), Integer(0)),))
    assert gradient_stand_ins(NOW, 2 * NOW, stated) == (NOW, 2 * NOW)


def test_values_at_different_points_need_a_property_and_stay_unknown():
    assert numbers(NOW, BEFORE).status is Status.UNKNOWN


@given(st.integers(1, 3) | st.integers(-3, -1), st.integers(1, 3) | st.integers(-3, -1))
@settings(max_examples=20, deadline=None)
def test_a_multiple_of_a_gradient_is_refuted_exactly_when_the_coefficients_differ(a, b):
    verdict = numbers(x + a * eta * NOW, x + b * eta * NOW)
    assert verdict.status is (Status.CONSISTENT if a == b else Status.REFUTED)


def test_a_gradient_claimed_zero_needs_knowledge_and_stays_unknown():
    """``x = x - eta nabla f``: true at a critical point, which the step does not state."""
    assert numbers(x, x - eta * NOW).status is Status.UNKNOWN


def test_values_at_two_points_moved_between_sides_need_a_property_and_stay_unknown():
    """``2 g(a) + g(b) = g(a) + 2 g(b)`` holds for every g with g(a) = g(b) (an even g when b = -a)."""
    assert numbers(2 * NOW + BEFORE, NOW + 2 * BEFORE).status is Status.UNKNOWN


def test_a_difference_of_higher_degree_needs_a_property_and_stays_unknown():
    """``g^2 = g`` holds for every function with values in {0, 1}, which a document may mean."""
    assert numbers(NOW ** 2, NOW).status is Status.UNKNOWN


def test_stated_values_are_substituted_before_the_difference_is_read():
    """With alpha = beta = 1 stated, only the coefficient of nabla f(x_k) is wrong: one value, refuted."""
    alpha, beta = Symbol("alpha", real=True), Symbol("beta", real=True)
    stated = Context(symbols=(x, y, x1, y1, eta, alpha, beta),
                     facts=(Fact("alpha", alpha, Integer(1)), Fact("beta", beta, Integer(1))))
    general = x - (alpha + beta) * eta * NOW + beta * eta * BEFORE
    assert numbers(general, x - eta * NOW + eta * BEFORE, stated).status is Status.REFUTED
    assert numbers(general, OGDA, stated).status is Status.CONSISTENT
