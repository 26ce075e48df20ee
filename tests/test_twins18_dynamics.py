"""The dynamics theory's numpy twin for update Jacobians (issue 11 (b)).

For a random quadratic two-player game f(p, q) = a p^2 + b p q + c q^2 and a random step size,
the theory's update map (simultaneous or alternating GDA) is differentiated exactly; a numpy
implementation of the same step, written here, is differentiated by central differences. The
two Jacobians agree within 1e-6 (the step is affine, so central differences are exact up to
rounding), the theory proves the ``jacobian`` and ``eigenvalues`` claims of its own matrix, and
its exact eigenvalues match ``numpy.linalg.eigvals`` of the numeric Jacobian as a multiset within
1e-8 (relative), 1e-4 when the two eigenvalues (nearly) coincide, where numpy finds a double root
only to about the square root of the machine precision.
"""
from __future__ import annotations

import numpy as np
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st
from sympy import ImmutableMatrix, Rational, Symbol, Tuple
from sympy.core.symbol import Str

from verify.config import CheckConfig
from verify.engine.checker import check_claim
from verify.model import Claim, Context
from verify.theories.dynamics.maps import jacobian, update_map
from verify.theories.dynamics.written import eigenvalues
from verify.verdict import Status

CONFIG = CheckConfig(seed=18, samples=4, budget=None)
CONTEXT = Context(theories=("dynamics", "algebra"))
P, Q = sympy.symbols("p q", real=True)
SIGNS = (-1, 1)  # p descends, q ascends
JACOBIAN_TOLERANCE = 1e-6
SETTINGS = settings(max_examples=25, deadline=None)
coefficients = st.integers(-3, 3)
step_sizes = st.fractions(min_value=Rational(1, 20), max_value=Rational(3, 2), max_denominator=20)
rules = st.sampled_from(["simultaneous", "alternating"])


def numpy_step(a: float, b: float, c: float, eta: float, rule: str, state: np.ndarray) -> np.ndarray:
    """One GDA step on f = a p^2 + b p q + c q^2: p moves down its gradient, q up its own;
    alternating GDA takes q's gradient at the new p."""
    p, q = state
    p_next = p - eta * (2 * a * p + b * q)
    q_at = p_next if rule == "alternating" else p
    return np.array([p_next, q + eta * (b * q_at + 2 * c * q)])


def central_jacobian(step, at: np.ndarray, h: float = 1e-3) -> np.ndarray:
    columns = [(step(at + h * e) - step(at - h * e)) / (2 * h) for e in np.eye(len(at))]
    return np.array(columns).T


def symbolic_jacobian(a, b, c, eta, rule) -> ImmutableMatrix:
    f = a * P**2 + b * P * Q + c * Q**2
    return jacobian(update_map(f, (P, Q), SIGNS, eta, rule), (P, Q))


def as_rational(fraction) -> Rational:
    return Rational(fraction.numerator, fraction.denominator)


def same_multiset(exact: list[complex], numeric: np.ndarray) -> bool:
    close = abs(exact[0] - exact[1]) < 1e-3
    left = list(numeric)
    for value in exact:
        tolerance = 1e-4 if close else 1e-8 * max(1.0, abs(value))
        best = int(np.argmin([abs(value - other) for other in left]))
        if abs(value - left[best]) > tolerance:
            return False
        left.pop(best)
    return True


@SETTINGS
@given(coefficients, coefficients, coefficients, step_sizes, rules, st.integers(0, 2**16))
def test_the_exact_update_jacobian_matches_central_differences_of_a_numpy_step(a, b, c, eta, rule, seed):
    exact = np.array(symbolic_jacobian(a, b, c, as_rational(eta), rule).evalf().tolist(), dtype=float)
    step = lambda state: numpy_step(a, b, c, float(eta), rule, state)  # noqa: E731
    at = np.random.default_rng(seed).normal(size=2)
    assert np.allclose(exact, central_jacobian(step, at), atol=JACOBIAN_TOLERANCE)


@SETTINGS
@given(coefficients, coefficients, coefficients, step_sizes, rules)
def test_the_jacobian_claim_of_the_update_map_is_proved(a, b, c, eta, rule):
    f = a * P**2 + b * P * Q + c * Q**2
    update = Tuple(*update_map(f, (P, Q), SIGNS, as_rational(eta), rule))
    matrix = symbolic_jacobian(a, b, c, as_rational(eta), rule)
    claim = Claim("Jacobian of the step", "jacobian", Tuple(update, Tuple(P, Q)), matrix)
    assert check_claim(claim, CONTEXT, CONFIG).status is Status.PROVED


@SETTINGS
@given(coefficients, coefficients, coefficients, step_sizes, rules)
def test_exact_eigenvalues_of_the_update_jacobian_match_numpy_eigvals(a, b, c, eta, rule):
    matrix = symbolic_jacobian(a, b, c, as_rational(eta), rule)
    step = lambda state: numpy_step(a, b, c, float(eta), rule, state)  # noqa: E731
    numeric = np.linalg.eigvals(central_jacobian(step, np.zeros(2)))
    exact = [complex(sympy.N(value, 30)) for value in eigenvalues(matrix)]
    assert same_multiset(exact, numeric)


@SETTINGS
@given(coefficients, coefficients, coefficients, step_sizes, rules)
def test_the_eigenvalues_claim_of_the_update_jacobian_is_proved(a, b, c, eta, rule):
    matrix = symbolic_jacobian(a, b, c, as_rational(eta), rule)
    claim = Claim("eigenvalues of the step", "eigenvalues", matrix, tuple(eigenvalues(matrix)))
    assert check_claim(claim, CONTEXT, CONFIG).status is Status.PROVED


def test_a_jacobian_with_the_maximiser_descending_disagrees_with_the_numpy_step():
    """The twin can tell: q descending (signs (-1, -1)) is not the step numpy takes."""
    f = P * Q
    wrong = jacobian(update_map(f, (P, Q), (-1, -1), Rational(1, 2), "simultaneous"), (P, Q))
    step = lambda state: numpy_step(0, 1, 0, 0.5, "simultaneous", state)  # noqa: E731
    assert not np.allclose(np.array(wrong.tolist(), dtype=float), central_jacobian(step, np.zeros(2)))
