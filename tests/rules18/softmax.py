"""Rows of the softmax rules: derivatives over an indexed family with the Kronecker delta."""
from __future__ import annotations

from sympy import Derivative, KroneckerDelta, Sum, exp, log

from tests.test_calculus_named_identities import (CROSS_ENTROPY, LSE, NORMALISER, SIGMOID, WITH_TARGET,
                                                   WITHOUT_TARGET, c, i, j, k, m, n, p, x, y, z)

from .cases import Document, Row, Step


DELTA = Step(Sum(KroneckerDelta(i, k) * exp(z[k]), (k, 1, n)), exp(z[i]), WITH_TARGET)
JACOBIAN = Step(Derivative(p[j], z[i]), p[j] * (KroneckerDelta(i, j) - p[i]), WITH_TARGET)
GRADIENT = Step(Derivative(CROSS_ENTROPY, z[i]), p[i] - y[i], WITH_TARGET)
SIGMOID_STEP = Step(Derivative(SIGMOID, x), SIGMOID * (1 - SIGMOID), WITH_TARGET)
LSE_DERIVATIVE = Step(Derivative(LSE, z[i]), exp(z[i]) / NORMALISER, WITH_TARGET)
EQUAL_INDICES = Step(KroneckerDelta(i, j) * (exp(z[i]) - exp(z[j])), 0, WITH_TARGET)
APART = Document(r"Let $s_i = \frac{e^{x_i}}{\sum_k e^{x_k}}$ and $j \neq i$.", r"\frac{\partial s_i}{\partial x_j}",
                 r"-s_i s_j")
LSE_SHIFT = Step(log(Sum(exp(z[k] - c), (k, 1, n))), LSE - c, WITH_TARGET)

ROWS = [
    Row("Kronecker delta under a sum", DELTA, (
        DELTA.broken("swapped argument", exp(z[k])),
        DELTA.broken("factor", n * exp(z[i])),
        DELTA.broken("exponent", exp(2 * z[i])))),
    Row("Kronecker delta at equal indices", EQUAL_INDICES, (
        EQUAL_INDICES.broken("dropped delta", exp(z[i]) - exp(z[j])),
        EQUAL_INDICES.broken("factor", KroneckerDelta(i, j) * exp(z[i])),
        EQUAL_INDICES.broken("sign", KroneckerDelta(i, j) * 2 * exp(z[i])))),
    Row("Kronecker delta of indices stated apart", APART, (
        APART.broken("dropped premise", premises=r"Let $s_i = \frac{e^{x_i}}{\sum_k e^{x_k}}$."),
        APART.broken("sign", r"s_i s_j"),
        APART.broken("swapped argument", r"-s_i s_i"))),
    Row("normalised target", GRADIENT, (
        GRADIENT.broken("dropped premise", context=WITHOUT_TARGET),
        GRADIENT.broken("sign", y[i] - p[i]),
        GRADIENT.broken("factor", p[i] - 2 * y[i]))),
    Row("softmax Jacobian", JACOBIAN, (
        JACOBIAN.broken("sign", p[j] * (KroneckerDelta(i, j) + p[i])),
        JACOBIAN.broken("dropped delta", p[j] * (1 - p[i])),
        JACOBIAN.broken("swapped argument", p[i] * (KroneckerDelta(i, j) - p[i])),
        JACOBIAN.broken("exponent", p[j] ** 2 * (KroneckerDelta(i, j) - p[i])))),
    Row("cross-entropy gradient", GRADIENT, (
        GRADIENT.broken("sign", y[i] - p[i]),
        GRADIENT.broken("swapped argument", p[j] - y[j]),
        GRADIENT.broken("exponent", p[i] ** 2 - y[i]))),
    Row("sigmoid derivative", SIGMOID_STEP, (
        SIGMOID_STEP.broken("exponent", SIGMOID**2 * (1 - SIGMOID)),
        SIGMOID_STEP.broken("sign", SIGMOID * (1 + SIGMOID)),
        SIGMOID_STEP.broken("factor", 2 * SIGMOID * (1 - SIGMOID)))),
    Row("log-sum-exp derivative", LSE_DERIVATIVE, (
        LSE_DERIVATIVE.broken("dropped normaliser", exp(z[i])),
        LSE_DERIVATIVE.broken("swapped argument", exp(z[j]) / NORMALISER),
        LSE_DERIVATIVE.broken("exponent", exp(z[i]) / NORMALISER**2))),
    Row("log-sum-exp shift", LSE_SHIFT, (
        LSE_SHIFT.broken("sign", LSE + c),
        LSE_SHIFT.broken("dropped shift", LSE),
        LSE_SHIFT.broken("factor", LSE - n * c))),
]
