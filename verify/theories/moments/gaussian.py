"""Closed forms for Gaussians as arguments: KL divergences and expectations under a stated normal.

KL(N(m1, v1) || N(m2, v2)) = (log v2 - log v1) / 2 + (v1 + (m1 - m2)^2) / (2 v2) - 1/2, the
expectation under the first law of the difference of the two log-densities (a quadratic,
so the Gaussian moments give it exactly). Between diagonal Gaussians the components are
independent and the divergence is the sum of the components' divergences. Between full
Gaussians the same expectation gives traces and log-determinants.
"""
from __future__ import annotations

from sympy import Determinant, Dummy, Expr, Inverse, Rational, Sum, Trace, log

from ...undecided import Undecided

from ...vocabulary import KL, Expectation, Normal
from ...vocabulary.random import DiagonalNormal, MultivariateNormal
from ..probability.gaussian import normal_expectation
from .reduction import note
from .rules import GAUSSIAN_MOMENTS, KL_BETWEEN_GAUSSIANS


def univariate_kl(m1: Expr, v1: Expr, m2: Expr, v2: Expr) -> Expr:
    """KL(N(m1, v1) || N(m2, v2)) = (log v2 - log v1) / 2 + (v1 + (m1 - m2)^2) / (2 v2) - 1/2."""
    return (log(v2) - log(v1)) / 2 + (v1 + (m1 - m2) ** 2) / (2 * v2) - Rational(1, 2)


def gaussian_kl(node: KL, used: list) -> Expr:
    """KL between two normals, or between two diagonal normals of one length (the sum over components)."""
    first, second = node.args
    if isinstance(first, Normal) and isinstance(second, Normal):
        note(used, KL_BETWEEN_GAUSSIANS)
        return univariate_kl(first.mean, first.variance, second.mean, second.variance)
    if isinstance(first, DiagonalNormal) and isinstance(second, DiagonalNormal) and first.length == second.length:
        i = Dummy("i", integer=True, positive=True)
        note(used, KL_BETWEEN_GAUSSIANS)
        return Sum(univariate_kl(*first.component(i), *second.component(i)), (i, 1, first.length))
    if isinstance(first, MultivariateNormal) and isinstance(second, MultivariateNormal):
        return full_kl(first, second, used)
    return node


def full_kl(first: MultivariateNormal, second: MultivariateNormal, used: list) -> Expr:
    """KL(N(m1, S1) || N(m2, S2)) in dimension k
    = (tr(S2^-1 S1) + (m2 - m1)^T S2^-1 (m2 - m1) - k + log det S2 - log det S1) / 2
    (both determinants are positive: S1 and S2 are covariances)."""
    if first.covariance.shape != second.covariance.shape or first.mean.shape != second.mean.shape:
        raise Undecided("the two Gaussians have different dimensions")
    (m1, s1), (m2, s2) = (first.mean, first.covariance), (second.mean, second.covariance)
    precision = Inverse(s2).doit()
    note(used, KL_BETWEEN_GAUSSIANS)
    quadratic = ((m2 - m1).T * precision * (m2 - m1))[0, 0]
    return (Trace(precision * s1).doit() + quadratic - first.dimension
            + log(Determinant(s2).doit()) - log(Determinant(s1).doit())) / 2


def matrix_scalars(expr: Expr) -> Expr:
    """Traces and determinants written out as far as SymPy's own identities go (tr(I S) = tr S, det I = 1)."""
    return expr.replace(lambda e: isinstance(e, (Trace, Determinant)), lambda e: e.doit())


def under_normal(node: Expectation, used: list) -> Expr:
    """E_{x ~ N(m, v)}[f] for a polynomial f in x, by the Gaussian moments (x a fresh variable)."""
    if not isinstance(node.dist, Normal):
        return node
    value = normal_expectation(node.body, node.var, node.dist.mean, node.dist.variance)
    if value is None:
        return node
    note(used, GAUSSIAN_MOMENTS)
    return value
