"""The moments theory's Gaussian and family moments against independent computations (issue 11 (b)).

Exact twin: E[X^k] for X ~ N(mu, sigma^2) is the k-th derivative at 0 of the moment generating
function exp(mu s + sigma^2 s^2 / 2), taken here by SymPy, never by the theory's own formula;
the Rademacher and uniform moments are sums and integrals written out here. Simulation twin: the
mean of (mu + sigma Z)^k over ``SIMULATED`` numpy draws lies within ``STANDARD_ERRORS`` standard
errors (estimated from the same draws) of the theory's value, so a true value fails with
probability below 1e-6 per example.
"""
from __future__ import annotations

import numpy as np
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st
from sympy import Rational, Symbol, exp

from verify.model import Context
from verify.theories.moments.canonical import canonical
from verify.vocabulary.random import Expect, RandomVariable, normal, rademacher, uniform

X = Symbol("X")
SIMULATED = 200_000
STANDARD_ERRORS = 5
SETTINGS = settings(max_examples=10, deadline=None)
orders = st.integers(1, 6)
means = st.fractions(min_value=-2, max_value=2, max_denominator=4).map(lambda f: Rational(f.numerator, f.denominator))
scales = st.fractions(min_value=Rational(1, 4), max_value=2, max_denominator=4).map(
    lambda f: Rational(f.numerator, f.denominator))


def moment(law, order: int):
    value, _ = canonical(Expect(X**order), Context(theories=("moments", "algebra"),
                                                   random_variables=(RandomVariable(X, law),)))
    return sympy.expand(value)


def generating_function_moment(mu, sigma, order: int):
    s = Symbol("s")
    return sympy.diff(exp(mu * s + sigma**2 * s**2 / 2), s, order).subs(s, 0)


@SETTINGS
@given(means, scales, orders)
def test_gaussian_moments_equal_the_derivatives_of_the_generating_function(mu, sigma, order):
    assert moment(normal(mu, sigma**2), order) == generating_function_moment(mu, sigma, order)


@SETTINGS
@given(means, scales, st.integers(1, 4), st.integers(0, 2**32 - 1))
def test_gaussian_moments_agree_with_numpy_simulation(mu, sigma, order, seed):
    draws = (float(mu) + float(sigma) * np.random.default_rng(seed).standard_normal(SIMULATED)) ** order
    error = STANDARD_ERRORS * draws.std() / np.sqrt(SIMULATED)
    assert abs(draws.mean() - float(moment(normal(mu, sigma**2), order))) <= error


@given(orders)
def test_rademacher_moments_equal_the_average_over_both_signs(order):
    assert moment(rademacher(), order) == Rational((-1) ** order + 1, 2)


@SETTINGS
@given(st.integers(-3, 1), st.integers(1, 3), orders)
def test_uniform_moments_equal_the_integral_over_the_interval(low, width, order):
    high = low + width
    x = Symbol("x")
    exact = sympy.integrate(x**order, (x, low, high)) / width
    assert moment(uniform(low, high), order) == exact


def test_a_gaussian_moment_off_by_a_factor_is_told_apart_by_the_simulation():
    """The twin can fail: 2 sigma^4 for E[(X - 0)^4] (the right one is 3 sigma^4) is far outside the error."""
    draws = np.random.default_rng(0).standard_normal(SIMULATED) ** 4
    assert abs(draws.mean() - 2) > STANDARD_ERRORS * draws.std() / np.sqrt(SIMULATED)
