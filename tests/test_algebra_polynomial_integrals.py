r"""Definite integrals of polynomials are done exactly (the fundamental theorem of calculus, term by term),
so ``\int_0^1 x^2 dx = 1/3`` is proved, not only consistent; every broken variant is refuted, and an
integral that is no polynomial over finite bounds is left to the other theories."""
from __future__ import annotations

import pytest
import sympy
from hypothesis import given, settings, strategies as st
from sympy import Integral, Symbol

from verify.theories.algebra import POLYNOMIAL_INTEGRAL, carry_out
from verify.verdict import Status
from tests.documents import check_statuses

x, a, b, c = (Symbol(n) for n in "xabc")


def test_an_integral_of_a_polynomial_is_its_antiderivative_at_the_bounds():
    value, used = carry_out(Integral(c * x + 1, (x, a, b)))
    assert sympy.expand(value - (c * (b ** 2 - a ** 2) / 2 + b - a)) == 0 and POLYNOMIAL_INTEGRAL in used


@pytest.mark.parametrize("integral", [
    Integral(x ** 2, (x, -sympy.oo, sympy.oo)),      # an infinite range: divergent, not a number
    Integral(sympy.exp(x), (x, 0, 1)),               # no polynomial
    Integral(sympy.Function("p")(x), (x, 0, 1)),     # a density or unknown function
    Integral(x, (x, 0, x)),                          # a bound in the variable itself
])
def test_other_integrals_are_left_as_written(integral):
    assert carry_out(integral)[0] == integral


@pytest.mark.parametrize("claim, status", [
    (r"\int_0^1 x^2 \, dx = \frac{1}{3}", Status.PROVED),
    (r"\int_0^1 x^2 \, dx = \frac{1}{2}", Status.REFUTED),          # wrong antiderivative exponent
    (r"\int_0^2 x^3 \, dx = 4", Status.PROVED),
    (r"\int_0^2 x^3 \, dx = -4", Status.REFUTED),                   # bounds swapped
    (r"\int_a^b (c x + 1) \, dx = \frac{c}{2}(b^2 - a^2) + b - a", Status.PROVED),
    (r"\int_a^b (c x + 1) \, dx = \frac{c}{2}(b^2 - a^2)", Status.REFUTED),  # dropped term
])
def test_a_polynomial_integral_step_is_decided(claim, status):
    assert check_statuses(f"$${claim}$$\n") == [status]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(-5, 5), min_size=1, max_size=4), st.integers(-3, 3), st.integers(-3, 3))
def test_the_value_is_sympys_exact_integral_for_any_polynomial_and_bounds(coefficients, low, high):
    body = sum(k * x ** n for n, k in enumerate(coefficients))
    value, _ = carry_out(Integral(body, (x, low, high)))
    assert value == sympy.integrate(body, (x, low, high))
