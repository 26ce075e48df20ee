"""The probability theory's normal divergences against numpy simulation (issue 11 (b)).

For random normal laws the theory's closed forms of the entropy H(N1), the cross entropy H(N1, N2)
and KL(N1 || N2) (``probability.canonical``) are compared with Monte Carlo estimates from numpy:
the mean of -log N2(x) (and of log N1(x) - log N2(x)) over ``SIMULATED`` draws x ~ N1, within
``STANDARD_ERRORS`` standard errors estimated from the same draws.
"""
from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from sympy import Function, Rational

from verify.model import Context
from verify.theories.probability.canonical import canonical
from verify.vocabulary import KL, Normal

CONTEXT = Context(theories=("probability", "algebra"))
H = Function("H")
SIMULATED = 200_000
STANDARD_ERRORS = 5
SETTINGS = settings(max_examples=15, deadline=None)
means = st.fractions(min_value=-2, max_value=2, max_denominator=4)
variances = st.fractions(min_value=Rational(1, 4), max_value=3, max_denominator=4)
laws = st.tuples(means, variances).map(lambda mv: (Rational(mv[0].numerator, mv[0].denominator),
                                                   Rational(mv[1].numerator, mv[1].denominator)))


def log_density(x: np.ndarray, mean, variance) -> np.ndarray:
    mean, variance = float(mean), float(variance)
    return -0.5 * np.log(2 * np.pi * variance) - (x - mean) ** 2 / (2 * variance)


def closed_form(expr) -> float:
    value, _ = canonical(expr, CONTEXT)
    return float(value)


def within_error(samples: np.ndarray, value: float) -> bool:
    return abs(samples.mean() - value) <= STANDARD_ERRORS * samples.std() / np.sqrt(len(samples)) + 1e-12


def draws(law, seed: int) -> np.ndarray:
    mean, variance = law
    return float(mean) + np.sqrt(float(variance)) * np.random.default_rng(seed).standard_normal(SIMULATED)


@SETTINGS
@given(laws, st.integers(0, 2**32 - 1))
def test_the_entropy_of_a_normal_agrees_with_simulation(law, seed):
    x = draws(law, seed)
    assert within_error(-log_density(x, *law), closed_form(H(Normal(*law))))


@SETTINGS
@given(laws, laws, st.integers(0, 2**32 - 1))
def test_the_cross_entropy_of_two_normals_agrees_with_simulation(first, second, seed):
    x = draws(first, seed)
    assert within_error(-log_density(x, *second), closed_form(H(Normal(*first), Normal(*second))))


@SETTINGS
@given(laws, laws, st.integers(0, 2**32 - 1))
def test_the_kl_between_two_normals_agrees_with_simulation(first, second, seed):
    x = draws(first, seed)
    assert within_error(log_density(x, *first) - log_density(x, *second), closed_form(KL(Normal(*first), Normal(*second))))


def test_the_kl_with_its_arguments_swapped_is_told_apart_by_the_simulation():
    first, second = (Rational(0), Rational(1)), (Rational(1), Rational(3))
    x = draws(first, 0)
    assert not within_error(log_density(x, *first) - log_density(x, *second),
                            closed_form(KL(Normal(*second), Normal(*first))))
