"""Softmax calculus: derivatives over indexed families with the Kronecker delta are proved in their
right forms, never in broken ones, and a normalised target is used only when the premises state it."""
from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sympy import Derivative, IndexedBase, Integer, KroneckerDelta, Sum, Symbol, exp, log

from verify.config import CheckConfig
from verify.engine.checker import check_step
from verify.model import Context, Fact
from verify.theories.softmax.canonical import canonical
from verify.theories.softmax.rules import DIFFERENTIATION, KRONECKER_DELTA_SUM, NORMALISED_TARGET
from verify.verdict import Status

CONFIG = CheckConfig(seed=2, samples=4, budget=None)
n = Symbol("n", positive=True, integer=True)
i, j, k, m = (Symbol(name, positive=True, integer=True) for name in "ijkm")
x, c = Symbol("x", real=True), Symbol("c", real=True)
z, p, y = IndexedBase("z", real=True), IndexedBase("p"), IndexedBase("y", real=True)
SOFTMAX = Fact("definition of softmax", p[j], exp(z[j]) / Sum(exp(z[k]), (k, 1, n)))
TARGET = Fact("normalised target", Sum(y[m], (m, 1, n)), Integer(1))
WITH_TARGET = Context(theories=("softmax", "algebra"), facts=(SOFTMAX, TARGET))
WITHOUT_TARGET = Context(theories=("softmax", "algebra"), facts=(SOFTMAX,))
CROSS_ENTROPY = -Sum(y[j] * log(p[j]), (j, 1, n))
SIGMOID = 1 / (1 + exp(-x))


def check(lhs, rhs, context=WITH_TARGET):
    return check_step(lhs, "=", rhs, context, CONFIG)


def test_the_softmax_jacobian_is_proved_with_the_kronecker_delta():
    verdict = check(Derivative(p[j], z[i]), p[j] * (KroneckerDelta(i, j) - p[i]))
    assert verdict.status is Status.PROVED and {DIFFERENTIATION, KRONECKER_DELTA_SUM} <= set(verdict.used)


def test_the_cross_entropy_gradient_uses_the_normalised_target():
    verdict = check(Derivative(CROSS_ENTROPY, z[i]), p[i] - y[i])
    assert verdict.status is Status.PROVED and NORMALISED_TARGET in verdict.used


def test_without_a_normalised_target_the_cross_entropy_gradient_is_not_proved():
    assert check(Derivative(CROSS_ENTROPY, z[i]), p[i] - y[i], WITHOUT_TARGET).status is not Status.PROVED


def test_without_a_target_the_gradient_keeps_the_sum_of_the_target():
    kept = p[i] * Sum(y[j], (j, 1, n)) - y[i]
    assert check(Derivative(CROSS_ENTROPY, z[i]), kept, WITHOUT_TARGET).status is Status.PROVED


def test_the_sigmoid_derivative_is_proved():
    assert check(Derivative(SIGMOID, x), SIGMOID * (1 - SIGMOID)).status is Status.PROVED


def test_a_delta_collapses_only_over_the_range_of_its_family():
    """z is summed over 1..n, so i lies in 1..n; a sum over 1..n-1 does not contain every i."""
    shorter = Sum(KroneckerDelta(i, k) * exp(z[k]), (k, 1, n - 1))
    assert check(Derivative(p[j], z[i]) + shorter, p[j] * (KroneckerDelta(i, j) - p[i]) + exp(z[i])).status \
        is not Status.PROVED


BROKEN = [
    ("sign", Derivative(p[j], z[i]), p[j] * (KroneckerDelta(i, j) + p[i])),
    ("swapped argument", Derivative(p[j], z[i]), p[i] * (KroneckerDelta(i, j) - p[j]) + p[j] - p[i]),
    ("dropped delta", Derivative(p[j], z[i]), p[j] * (1 - p[i])),
    ("factor", Derivative(p[j], z[i]), 2 * p[j] * (KroneckerDelta(i, j) - p[i])),
    ("sign", Derivative(CROSS_ENTROPY, z[i]), y[i] - p[i]),
    ("exponent", Derivative(CROSS_ENTROPY, z[i]), p[i] ** 2 - y[i]),
    ("sign", Derivative(SIGMOID, x), SIGMOID * (1 + SIGMOID)),
    ("exponent", Derivative(SIGMOID, x), SIGMOID**2 * (1 - SIGMOID)),
]


@pytest.mark.parametrize("kind, lhs, rhs", BROKEN, ids=[f"{kind}: {rhs}" for kind, _, rhs in BROKEN])
def test_a_broken_derivative_is_never_proved(kind, lhs, rhs):
    assert check(lhs, rhs).status is not Status.PROVED


@pytest.mark.parametrize("kind, lhs, rhs", BROKEN, ids=[f"{kind}: {rhs}" for kind, _, rhs in BROKEN])
def test_a_broken_derivative_is_refuted_by_draws_that_meet_the_premises(kind, lhs, rhs):
    """y is drawn so that sum_j y_j = 1 holds (normalised or one-hot), so a cross-entropy step is
    refuted too, by an instance the premises allow."""
    verdict = check(lhs, rhs)
    assert verdict.status is Status.REFUTED
    if lhs.has(y):
        assert any(name == "y" and "summing to 1" in shown for name, shown in verdict.counterexample.assignment)


def test_the_counterexample_puts_every_free_index_inside_its_family():
    verdict = check(Derivative(p[j], z[i]), p[j] * (KroneckerDelta(i, j) + p[i]))
    values = dict(verdict.counterexample.assignment)
    assert 1 <= float(values["i"]) <= float(values["n"]) and 1 <= float(values["j"]) <= float(values["n"])


# ------------------------------------------------------------ numpy twin

def numpy_softmax(values: np.ndarray) -> np.ndarray:
    shifted = np.exp(values - values.max())
    return shifted / shifted.sum()


@given(st.lists(st.floats(-3, 3), min_size=1, max_size=5), st.data())
@settings(max_examples=25, deadline=None)
def test_the_proved_jacobian_matches_central_differences_of_a_numpy_softmax(values, data):
    size = len(values)
    row, column = data.draw(st.integers(1, size)), data.draw(st.integers(1, size))
    form, _ = canonical(Derivative(p[j], z[i]), WITHOUT_TARGET)
    at = {n: size, i: column, j: row}
    symbolic = float(form.xreplace(at).doit().xreplace({z[a + 1]: v for a, v in enumerate(values)}))
    step = 1e-6
    bumped = [np.array(values, dtype=float) for _ in range(2)]
    bumped[0][column - 1] += step
    bumped[1][column - 1] -= step
    difference = (numpy_softmax(bumped[0])[row - 1] - numpy_softmax(bumped[1])[row - 1]) / (2 * step)
    assert symbolic == pytest.approx(difference, abs=1e-7)
