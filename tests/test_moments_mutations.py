"""Broken variants of every moments rule are never proved, and the concrete laws refute them.

Each variant is one mistake made on purpose: a sign, a factor, an exponent, an
independence the premises do not give, an argument swapped for another.
"""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sympy import (Determinant, Identity, IndexedBase, Integer, Inverse, MatrixSymbol, Rational, Sum, Symbol, Trace,
                   ZeroMatrix, exp, log, sqrt)

from verify.config import CheckConfig
from verify.engine.checker import check_step
from verify.model import Context
from verify.verdict import Status
from verify.vocabulary import KL, Normal
from verify.vocabulary.linalg import Dot
from verify.vocabulary.random import (Cov, DiagonalNormal, Expect, Independence, Law, MultivariateNormal,
                                      RandomVariable, Var, moments, normal)

CONFIG = CheckConfig(seed=11, samples=8, budget=None)
d = Symbol("d_k", positive=True, integer=True)
i = Symbol("i", positive=True, integer=True)
X, Y = Symbol("X"), Symbol("Y")
a, b, c = Symbol("a", real=True), Symbol("b", real=True), Symbol("c", real=True)
mu, sigma = Symbol("mu", real=True), Symbol("sigma", positive=True)
u, v, q, k = IndexedBase("u"), IndexedBase("v"), IndexedBase("q"), IndexedBase("k")
STANDARD = moments(0, 1)


def context(*variables: RandomVariable, independent: tuple = ()) -> Context:
    """The declarations, with a, b, c listed as the constants they are."""
    return Context(symbols=(a, b, c), theories=("moments", "algebra"), random_variables=variables,
                   independence=tuple(Independence(tuple(group)) for group in independent))


DEPENDENT = context(RandomVariable(X), RandomVariable(Y))
INDEPENDENT = context(RandomVariable(X), RandomVariable(Y), independent=[(X, Y)])
GAUSSIAN = context(RandomVariable(X, normal(mu, sigma**2)))
IID = context(RandomVariable(u, Law(), iid=True, length=d), RandomVariable(v, Law(), iid=True, length=d),
              independent=[(u, v)])
ATTENTION = context(RandomVariable(q, STANDARD, iid=True, length=d), RandomVariable(k, STANDARD, iid=True, length=d),
                    independent=[(q, k)])
SUM_UV = Sum(u[i] * v[i], (i, 1, d))
EX, EY = Expect(X), Expect(Y)
LAWS = Context(theories=("moments", "algebra"))
n = Symbol("n", positive=True, integer=True)
l = Symbol("l", real=True)
means, log_vars = IndexedBase("m", real=True), IndexedBase("l", real=True)
KL_STANDARD = KL(Normal(mu, sigma**2), Normal(0, 1))
KL_LOG_VARIANCE = KL(Normal(mu, exp(l)), Normal(0, 1))
KL_DIAGONAL = KL(DiagonalNormal(means, exp(log_vars), n), DiagonalNormal(0, 1, n))

m_1, m_2 = MatrixSymbol("m_1", n, 1), MatrixSymbol("m_2", n, 1)
S_1, S_2 = MatrixSymbol("S_1", n, n), MatrixSymbol("S_2", n, n)
KL_FULL = KL(MultivariateNormal(m_1, S_1), MultivariateNormal(m_2, S_2))


def full(trace, quadratic, log_det):
    return (trace + quadratic[0, 0] - n + log_det) / 2


def diagonal(term):
    return Sum(term, (i, 1, n))

BROKEN = [
    # sign
    ("sign", Var(a * X + b), -a**2 * Var(X), DEPENDENT),
    ("sign", Var(X), Expect(X**2) + EX**2, DEPENDENT),
    ("sign", Cov(X, Y), Expect(X * Y) + EX * EY, DEPENDENT),
    ("sign", Var(X + Y), Var(X) - Var(Y), INDEPENDENT),
    ("sign", Expect(a * X + b), a * EX - b, DEPENDENT),
    ("sign", Var(X * Y), Expect(X**2) * Expect(Y**2) + EX**2 * EY**2, INDEPENDENT),
    # factor
    ("factor", Var(X + Y), 2 * Var(X) + Var(Y), INDEPENDENT),
    ("factor", Expect((X - mu) ** 4), sigma**4, GAUSSIAN),
    ("factor", Expect(SUM_UV), 2 * d * Expect(u[1] * v[1]), IID),
    ("factor", Var(SUM_UV), d**2 * Var(u[1] * v[1]), IID),
    ("factor", Var(Dot(q, k) / sqrt(d)), 1 / d, ATTENTION),
    ("factor", Expect(Sum(q[i], (i, 1, d)) ** 2), d**2, ATTENTION),
    # exponent
    ("exponent", Var(a * X + b), a**3 * Var(X), DEPENDENT),
    ("exponent", Var(X), sigma**4, GAUSSIAN),
    ("exponent", Expect((X - mu) ** 4), 3 * sigma**2, GAUSSIAN),
    ("exponent", Var(Dot(q, k)), d**2, ATTENTION),
    ("exponent", Var(X), Expect(X**2) - EX, DEPENDENT),
    ("exponent", Var(X * Y), Expect(X**2) * Expect(Y**2) - EX * EY, INDEPENDENT),
    # independence the premises do not give
    ("dropped independence", Expect(X * Y), EX * EY, DEPENDENT),
    ("dropped independence", Var(X + Y), Var(X) + Var(Y), DEPENDENT),
    ("dropped independence", Cov(X, Y), Integer(0), DEPENDENT),
    ("dropped independence", Var(X * Y), Expect(X**2) * Expect(Y**2) - EX**2 * EY**2, DEPENDENT),
    ("dropped independence", Var(Sum(u[i], (i, 1, d))), d * Var(u[1]), context(RandomVariable(u, STANDARD, length=d))),
    ("dropped independence", Var(Dot(q, k)), d,
     context(RandomVariable(q, STANDARD, iid=True, length=d), RandomVariable(k, STANDARD, iid=True, length=d))),
    # an argument swapped for another
    ("swapped argument", Var(a * X + b), b**2 * Var(X), DEPENDENT),
    ("swapped argument", Cov(X, Y), Expect(X * Y) - EX**2, INDEPENDENT),
    ("swapped argument", Var(X * Y), Expect(X**2) * EY**2 - EX**2 * Expect(Y**2), INDEPENDENT),
    ("swapped argument", Expect(X**2), EX**2, DEPENDENT),
    ("swapped argument", Var(SUM_UV), d * Var(u[1] + v[1]), IID),
    # KL between Gaussians and the log-variance parametrisation
    ("sign", KL_STANDARD, (sigma**2 + mu**2 - 1) / 2 + log(sigma), LAWS),
    ("sign", KL_LOG_VARIANCE, (exp(l) + mu**2 - 1 + l) / 2, LAWS),
    ("factor", KL_STANDARD, sigma**2 + mu**2 - 1 - 2 * log(sigma), LAWS),
    ("exponent", KL_STANDARD, (sigma + mu**2 - 1) / 2 - log(sigma), LAWS),
    ("exponent", KL_LOG_VARIANCE, (exp(2 * l) + mu**2 - 1 - l) / 2, LAWS),
    ("swapped argument", KL(Normal(0, 1), Normal(mu, sigma**2)), (sigma**2 + mu**2 - 1) / 2 - log(sigma), LAWS),
    ("sign", KL_DIAGONAL, diagonal((exp(log_vars[i]) + means[i] ** 2 - 1 + log_vars[i]) / 2), LAWS),
    ("factor", KL_DIAGONAL, diagonal(exp(log_vars[i]) + means[i] ** 2 - 1 - log_vars[i]), LAWS),
    ("swapped argument", KL_DIAGONAL, diagonal((exp(means[i]) + log_vars[i] ** 2 - 1 - means[i]) / 2), LAWS),
    ("sign", KL_FULL, full(Trace(Inverse(S_2) * S_1), (m_2 - m_1).T * Inverse(S_2) * (m_2 - m_1),
                           log(Determinant(S_1)) - log(Determinant(S_2))), LAWS),
    ("swapped argument", KL_FULL, full(Trace(Inverse(S_1) * S_2), (m_2 - m_1).T * Inverse(S_2) * (m_2 - m_1),
                                       log(Determinant(S_2)) - log(Determinant(S_1))), LAWS),
    ("swapped argument", KL_FULL, full(Trace(Inverse(S_2) * S_1), (m_2 - m_1).T * Inverse(S_1) * (m_2 - m_1),
                                       log(Determinant(S_2)) - log(Determinant(S_1))), LAWS),
    ("factor", KL(MultivariateNormal(m_1, S_1), MultivariateNormal(ZeroMatrix(n, 1), Identity(n))),
     Trace(S_1) + (m_1.T * m_1)[0, 0] - n - log(Determinant(S_1)), LAWS),
]
IDS = [f"{kind}: {lhs} = {rhs}" for kind, lhs, rhs, _ in BROKEN]


@pytest.mark.parametrize("kind, lhs, rhs, ctx", BROKEN, ids=IDS)
def test_a_broken_variant_is_never_proved(kind, lhs, rhs, ctx):
    assert check_step(lhs, "=", rhs, ctx, CONFIG).status is not Status.PROVED


@pytest.mark.parametrize("kind, lhs, rhs, ctx", BROKEN, ids=IDS)
def test_a_broken_variant_is_refuted_by_a_concrete_law(kind, lhs, rhs, ctx):
    verdict = check_step(lhs, "=", rhs, ctx, CONFIG)
    assert verdict.status is Status.REFUTED and verdict.counterexample.lhs != verdict.counterexample.rhs


CORRECT = [
    (Var(a * X + b), a**2 * Var(X), DEPENDENT),
    (Var(X + Y), Var(X) + Var(Y), INDEPENDENT),
    (Expect((X - mu) ** 4), 3 * sigma**4, GAUSSIAN),
    (Var(SUM_UV), d * Var(u[1] * v[1]), IID),
    (Var(Dot(q, k)), d, ATTENTION),
    (KL_STANDARD, (sigma**2 + mu**2 - 1) / 2 - log(sigma), LAWS),
]


@given(st.sampled_from(CORRECT), st.fractions(min_value=-4, max_value=4, max_denominator=6).filter(lambda r: r != 1))
@settings(max_examples=30, deadline=None)
def test_any_other_multiple_of_a_right_side_is_never_proved(case, ratio):
    lhs, rhs, ctx = case
    assert check_step(lhs, "=", Rational(ratio.numerator, ratio.denominator) * rhs, ctx, CONFIG).status \
        is not Status.PROVED
