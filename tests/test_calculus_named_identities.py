"""The named identities of softmax calculus: each is proved in its right form with its name among the rules
used, and never proved in a broken form (sign, dropped delta, p_i for p_j, exponent, dropped normalisation,
wrong shift); a numpy twin checks each closed form against central differences."""
from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sympy import Derivative, IndexedBase, Integer, KroneckerDelta, Sum, Symbol, exp, lambdify, log

from verify.config import CheckConfig
from verify.engine.checker import check_step
from verify.model import Context, Fact
from verify.theories.softmax.canonical import canonical
from verify.theories.softmax.named import (CROSS_ENTROPY_GRADIENT, LOG_SUM_EXP_DERIVATIVE, LOG_SUM_EXP_SHIFT,
                                           SIGMOID_DERIVATIVE, SOFTMAX_JACOBIAN)
from verify.verdict import Status

CONFIG = CheckConfig(seed=8, samples=4, budget=None)
n = Symbol("n", positive=True, integer=True)
i, j, k, m = (Symbol(name, positive=True, integer=True) for name in "ijkm")
x, c = Symbol("x", real=True), Symbol("c", real=True)
z, p, y = IndexedBase("z", real=True), IndexedBase("p"), IndexedBase("y", real=True)
NORMALISER = Sum(exp(z[k]), (k, 1, n))
SOFTMAX = Fact("definition of softmax", p[j], exp(z[j]) / NORMALISER)
TARGET = Fact("normalised target", Sum(y[m], (m, 1, n)), Integer(1))
WITH_TARGET = Context(theories=("softmax", "algebra"), facts=(SOFTMAX, TARGET))
WITHOUT_TARGET = Context(theories=("softmax", "algebra"), facts=(SOFTMAX,))
SIGMOID = 1 / (1 + exp(-x))
LSE = log(NORMALISER)
CROSS_ENTROPY = -Sum(y[j] * log(p[j]), (j, 1, n))

RIGHT = [
    (SOFTMAX_JACOBIAN, Derivative(p[j], z[i]), p[j] * (KroneckerDelta(i, j) - p[i])),
    (CROSS_ENTROPY_GRADIENT, Derivative(CROSS_ENTROPY, z[i]), p[i] - y[i]),
    (SIGMOID_DERIVATIVE, Derivative(SIGMOID, x), SIGMOID * (1 - SIGMOID)),
    (LOG_SUM_EXP_DERIVATIVE, Derivative(LSE, z[i]), exp(z[i]) / NORMALISER),
    (LOG_SUM_EXP_SHIFT, log(Sum(exp(z[k] - c), (k, 1, n))), LSE - c),
]


@pytest.mark.parametrize("rule, lhs, rhs", RIGHT, ids=[r.name for r, _, _ in RIGHT])
def test_each_identity_is_proved_under_its_name(rule, lhs, rhs):
    verdict = check_step(lhs, "=", rhs, WITH_TARGET, CONFIG)
    assert verdict.status is Status.PROVED and rule in verdict.used


BROKEN = [
    ("sign", Derivative(p[j], z[i]), p[j] * (KroneckerDelta(i, j) + p[i]), WITH_TARGET),
    ("dropped delta", Derivative(p[j], z[i]), p[j] * (1 - p[i]), WITH_TARGET),
    ("p_i for p_j", Derivative(p[j], z[i]), p[i] * (KroneckerDelta(i, j) - p[i]), WITH_TARGET),
    ("sign", Derivative(CROSS_ENTROPY, z[i]), y[i] - p[i], WITH_TARGET),
    ("dropped normalisation premise", Derivative(CROSS_ENTROPY, z[i]), p[i] - y[i], WITHOUT_TARGET),
    ("exponent", Derivative(SIGMOID, x), SIGMOID ** 2 * (1 - SIGMOID), WITH_TARGET),
    ("sign", Derivative(SIGMOID, x), SIGMOID * (1 + SIGMOID), WITH_TARGET),
    ("dropped normaliser", Derivative(LSE, z[i]), exp(z[i]), WITH_TARGET),
    ("swapped argument", Derivative(LSE, z[i]), exp(z[j]) / NORMALISER, WITH_TARGET),
    ("wrong shift sign", log(Sum(exp(z[k] - c), (k, 1, n))), LSE + c, WITH_TARGET),
    ("shift inside only", log(Sum(exp(z[k] - c), (k, 1, n))), LSE, WITH_TARGET),
]


@pytest.mark.parametrize("kind, lhs, rhs, context", BROKEN, ids=[f"{kind}: {rhs}" for kind, _, rhs, _ in BROKEN])
def test_a_broken_identity_is_never_proved(kind, lhs, rhs, context):
    assert check_step(lhs, "=", rhs, context, CONFIG).status is not Status.PROVED


# ------------------------------------------------------------ numpy twins (central differences)

STEP = 1e-6


def at(form, values: np.ndarray, index: int) -> float:
    """The engine's symbolic form at concrete components (``index`` 0-based, as numpy counts)."""
    concrete = form.xreplace({n: Integer(len(values)), i: Integer(index + 1)}).doit()
    return float(concrete.xreplace({z[a + 1]: v for a, v in enumerate(values)}))


@given(st.floats(-6, 6))
@settings(max_examples=30, deadline=None)
def test_the_sigmoid_derivative_matches_central_differences(value):
    sigmoid = lambda t: 1 / (1 + np.exp(-t))  # noqa: E731
    closed = lambdify(x, SIGMOID * (1 - SIGMOID), "numpy")(value)
    assert closed == pytest.approx((sigmoid(value + STEP) - sigmoid(value - STEP)) / (2 * STEP), abs=1e-7)


@given(st.lists(st.floats(-3, 3), min_size=1, max_size=6), st.data(), st.floats(-5, 5))
@settings(max_examples=25, deadline=None)
def test_log_sum_exp_derivative_and_shift_match_numpy(values, data, shift):
    index = data.draw(st.integers(0, len(values) - 1))
    def lse(v):
        return np.log(np.sum(np.exp(v)))

    v = np.array(values, dtype=float)
    bump = np.zeros_like(v)
    bump[index] = STEP
    numeric = (lse(v + bump) - lse(v - bump)) / (2 * STEP)
    assert at(canonical(Derivative(LSE, z[i]), WITH_TARGET)[0], v, index) == pytest.approx(numeric, abs=1e-6)
    assert lse(v - shift) == pytest.approx(lse(v) - shift, abs=1e-9)


@given(st.lists(st.floats(-3, 3), min_size=2, max_size=5), st.data())
@settings(max_examples=25, deadline=None)
def test_the_cross_entropy_gradient_matches_central_differences_with_a_one_hot_target(values, data):
    v = np.array(values, dtype=float)
    hot = data.draw(st.integers(0, len(v) - 1))
    target = np.eye(len(v))[hot]
    def loss(u):
        return -np.sum(target * (u - np.log(np.sum(np.exp(u)))))

    form, _ = canonical(Derivative(CROSS_ENTROPY, z[i]), WITH_TARGET)
    for index in range(len(v)):
        bump = np.zeros_like(v)
        bump[index] = STEP
        numeric = (loss(v + bump) - loss(v - bump)) / (2 * STEP)
        symbolic = at(form.xreplace({y[i]: Integer(int(target[index]))}), v, index)
        assert symbolic == pytest.approx(numeric, abs=1e-6)
