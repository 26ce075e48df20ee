"""The moments theory against independent computations of the same moments.

Two twins: exact enumeration over every outcome of small discrete laws (rational
arithmetic, no tolerance), and numpy simulation of the concrete laws the numeric
tier draws, within a stated tolerance of five standard errors of the estimate
(a true statement fails with probability below 1e-6 per test case).
"""
from __future__ import annotations

from fractions import Fraction
from itertools import product

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sympy import IndexedBase, Integer, Matrix, MatrixSymbol, Rational, Sum, Symbol, exp, sqrt

from verify.model import Context
from verify.theories.moments.canonical import canonical
from verify.theories.moments.concrete import draw, exact
from verify.theories.moments.declared import random_model
from verify.theories.moments.numbers import full_kl_by_numpy, univariate_kl_by_quadrature
from verify.vocabulary import KL, Normal
from verify.vocabulary.linalg import Dot
from verify.vocabulary.random import (DiagonalNormal, Expect, Family, Independence, MultivariateNormal,
                                      RandomVariable, Var, moments, normal, rademacher)

d = Symbol("d_k", positive=True, integer=True)
i = Symbol("i", positive=True, integer=True)
u, q, k = IndexedBase("u"), IndexedBase("q"), IndexedBase("k")
X, Y = Symbol("X"), Symbol("Y")
STANDARD_ERRORS = 5
SIMULATED = 200_000


def context(*variables, independent=()) -> Context:
    return Context(theories=("moments", "algebra"), random_variables=variables,
                   independence=tuple(Independence(tuple(g)) for g in independent))


def form(expr, ctx):
    value, _ = canonical(expr, ctx)
    return value


def enumerate_moments(values_and_weights, dimension: int, statistic) -> tuple[Fraction, Fraction]:
    """Exact mean and variance of ``statistic`` over every outcome of ``dimension`` i.i.d. draws."""
    mean = second = Fraction(0)
    for outcome in product(values_and_weights, repeat=dimension):
        weight = Fraction(1)
        for _, w in outcome:
            weight *= w
        value = statistic([x for x, _ in outcome])
        mean += weight * value
        second += weight * value * value
    return mean, second - mean * mean


def as_fraction(value) -> Fraction:
    value = Rational(value)
    return Fraction(int(value.p), int(value.q))


# ------------------------------------------------------------ exact enumeration of discrete laws

@given(st.integers(1, 4))
@settings(max_examples=8, deadline=None)
def test_the_dot_product_of_sign_vectors_has_the_symbolic_mean_and_variance(dimension):
    signs = [(-1, Fraction(1, 2)), (1, Fraction(1, 2))]
    pairs = [((a, b), wa * wb) for a, wa in signs for b, wb in signs]
    ctx = context(RandomVariable(q, rademacher(), iid=True, length=d),
                  RandomVariable(k, rademacher(), iid=True, length=d), independent=[(q, k)])
    mean, variance = enumerate_moments(pairs, dimension, lambda xs: sum(a * b for a, b in xs))
    symbolic = [form(op(Dot(q, k)), ctx).xreplace({d: dimension}) for op in (Expect, Var)]
    assert [as_fraction(s) for s in symbolic] == [mean, variance]


three_point_laws = st.tuples(st.integers(1, 3), st.fractions(Fraction(1, 10), Fraction(1, 2), max_denominator=10))


@given(three_point_laws, st.integers(1, 4))
@settings(max_examples=15, deadline=None)
def test_the_fourth_moment_of_a_sum_matches_every_outcome_of_a_three_point_law(law, dimension):
    """u takes -t, 0, t with probabilities p, 1 - 2p, p: only its variance is declared, so the
    symbolic form keeps E[u_1^4]; the law's exact fourth moment then gives the enumerated value."""
    t, p = law
    outcomes = [(-t, p / 2), (0, 1 - p), (t, p / 2)]
    variance, fourth = sum(w * x**2 for x, w in outcomes), sum(w * x**4 for x, w in outcomes)
    ctx = context(RandomVariable(u, moments(0, Rational(variance.numerator, variance.denominator)), iid=True, length=d))
    symbolic = form(Expect(Sum(u[i], (i, 1, d)) ** 4), ctx)
    value = symbolic.xreplace({Expect(u[1] ** 4): Rational(fourth.numerator, fourth.denominator), d: dimension})
    enumerated, _ = enumerate_moments(outcomes, dimension, lambda xs: sum(xs) ** 4)
    assert as_fraction(value) == enumerated


# ------------------------------------------------------------ numpy simulation

def within_tolerance(samples: np.ndarray, expected: float) -> bool:
    """The sample mean lies within ``STANDARD_ERRORS`` standard errors of ``expected``."""
    error = samples.std(ddof=1) / np.sqrt(samples.size)
    return abs(samples.mean() - expected) <= STANDARD_ERRORS * max(error, 1e-12)


@given(st.integers(1, 64), st.integers(0, 2**32 - 1))
@settings(max_examples=10, deadline=None)
def test_scaled_gaussian_scores_have_the_symbolic_variance_in_simulation(dimension, seed):
    ctx = context(RandomVariable(q, normal(0, 1), iid=True, length=d),
                  RandomVariable(k, normal(0, 1), iid=True, length=d),
                  independent=[(q, k)])
    symbolic = float(form(Var(Dot(q, k) / sqrt(d)), ctx).xreplace({d: dimension}))
    rng = np.random.default_rng(seed)
    scores = np.einsum("ij,ij->i", rng.standard_normal((SIMULATED, dimension)),
                       rng.standard_normal((SIMULATED, dimension))) / np.sqrt(dimension)
    assert within_tolerance(scores**2, symbolic)  # the mean is 0, so the variance is E[s^2]


STANDARD_SAMPLERS = {
    Family.NORMAL: lambda rng, n: rng.standard_normal(n),
    Family.RADEMACHER: lambda rng, n: rng.choice([-1.0, 1.0], n),
    Family.UNIFORM: lambda rng, n: rng.uniform(-np.sqrt(3), np.sqrt(3), n),
}


def simulate(concrete, rng) -> dict[str, np.ndarray]:
    """Draws of each declared scalar under the concrete law, sharing the sources it shares."""
    sources = {}
    for realisation in concrete.realisations:
        name = realisation.source.name
        if name not in sources:
            sources[name] = STANDARD_SAMPLERS[realisation.family](rng, SIMULATED)
    return {r.declaration.key: float(r.mean) + r.sign * np.sqrt(float(r.variance)) * sources[r.source.name]
            for r in concrete.realisations}


@given(st.integers(0, 2**32 - 1), st.booleans())
@settings(max_examples=15, deadline=None)
def test_the_concrete_laws_have_their_exact_moments_in_simulation(seed, independent):
    """The numeric tier's exact Var(X + Y) and E[X^2 Y] agree with numpy draws of the same joint law."""
    ctx = context(RandomVariable(X, moments()), RandomVariable(Y, moments(Integer(1))),
                  independent=[(X, Y)] if independent else ())
    model = random_model(ctx)
    rng = np.random.default_rng(seed)
    concrete = draw(model, rng)
    draws = simulate(concrete, rng)
    total = draws["X"] + draws["Y"]
    assert within_tolerance((total - total.mean()) ** 2, float(exact(Var(X + Y), concrete, ctx)))
    assert within_tolerance(draws["X"] ** 2 * draws["Y"], float(exact(Expect(X**2 * Y), concrete, ctx)))


# ------------------------------------------------------------ KL between Gaussians

M1, M2 = Symbol("m1", real=True), Symbol("m2", real=True)
V1, V2 = Symbol("v1", positive=True), Symbol("v2", positive=True)


def closed_form_kl(m1: float, v1: float, m2: float, v2: float) -> float:
    value, _ = canonical(KL(Normal(M1, V1), Normal(M2, V2)), context())
    return float(value.xreplace({M1: m1, V1: v1, M2: m2, V2: v2}))


gaussians = st.tuples(st.floats(-2, 2), st.floats(0.2, 3))


@given(gaussians, gaussians)
@settings(max_examples=25, deadline=None)
def test_the_closed_form_kl_agrees_with_quadrature(first, second):
    assert closed_form_kl(*first, *second) == pytest.approx(univariate_kl_by_quadrature(first, second), abs=1e-9)


@given(st.lists(st.tuples(st.floats(-1.5, 1.5), st.floats(-1, 1)), min_size=1, max_size=4), st.integers(0, 2**32 - 1))
@settings(max_examples=10, deadline=None)
def test_the_diagonal_kl_with_log_variances_agrees_with_simulation(components, seed):
    """KL(N(m, diag(exp(l))) || N(0, I)) against the mean of log p(x) - log q(x) over draws x ~ p."""
    m, l = IndexedBase("m", real=True), IndexedBase("l", real=True)
    size = Symbol("n", positive=True, integer=True)
    form_ = canonical(KL(DiagonalNormal(m, exp(l), size), DiagonalNormal(0, 1, size)), context())[0]
    values = {m[j + 1]: mean for j, (mean, _) in enumerate(components)}
    values.update({l[j + 1]: log_variance for j, (_, log_variance) in enumerate(components)})
    symbolic = float(form_.xreplace({size: len(components)}).doit().xreplace(values))
    rng = np.random.default_rng(seed)
    means = np.array([c[0] for c in components])
    variances = np.exp([c[1] for c in components])
    x = means + np.sqrt(variances) * rng.standard_normal((SIMULATED, len(components)))
    log_p = -0.5 * (np.log(2 * np.pi * variances) + (x - means) ** 2 / variances)
    log_q = -0.5 * (np.log(2 * np.pi) + x**2)
    assert within_tolerance((log_p - log_q).sum(axis=1), symbolic)


@given(st.integers(1, 3), st.integers(0, 2**32 - 1))
@settings(max_examples=8, deadline=None)
def test_the_full_gaussian_kl_agrees_with_simulation(dimension, seed):
    """The symbolic closed form at explicit SPD covariances against the mean of log p - log q over x ~ p."""
    size = Symbol("n", positive=True, integer=True)
    m_1, m_2 = MatrixSymbol("m_1", size, 1), MatrixSymbol("m_2", size, 1)
    s_1, s_2 = MatrixSymbol("S_1", size, size), MatrixSymbol("S_2", size, size)
    form_, _ = canonical(KL(MultivariateNormal(m_1, s_1), MultivariateNormal(m_2, s_2)), context())
    rng = np.random.default_rng(seed)
    a, b = rng.normal(size=(2, dimension, dimension))
    arrays = {"m_1": rng.normal(size=(dimension, 1)), "m_2": rng.normal(size=(dimension, 1)),
              "S_1": a @ a.T + np.eye(dimension), "S_2": b @ b.T + np.eye(dimension)}
    sized = form_.xreplace({size: dimension})
    explicit = {m: Matrix(arrays[m.name].tolist()) for m in sized.atoms(MatrixSymbol)}
    symbolic = float(sized.xreplace(explicit).doit())
    x = rng.multivariate_normal(arrays["m_1"][:, 0], arrays["S_1"], SIMULATED)

    def log_density(mean, covariance):
        centred = x - mean[:, 0]
        solved = np.linalg.solve(covariance, centred.T).T
        return -0.5 * (np.einsum("ij,ij->i", centred, solved) + np.linalg.slogdet(covariance)[1]
                       + dimension * np.log(2 * np.pi))

    assert within_tolerance(log_density(arrays["m_1"], arrays["S_1"]) - log_density(arrays["m_2"], arrays["S_2"]),
                            symbolic)


@given(gaussians, gaussians)
@settings(max_examples=10, deadline=None)
def test_the_numeric_full_kl_agrees_with_quadrature_in_one_dimension(first, second):
    (m1, v1), (m2, v2) = first, second
    as_matrices = full_kl_by_numpy(np.array([[m1]]), np.array([[v1]]), np.array([[m2]]), np.array([[v2]]))
    assert as_matrices == pytest.approx(univariate_kl_by_quadrature(first, second), abs=1e-9)
