"""Closed forms for Gaussians as arguments: KL divergences and expectations under a stated normal.

KL(N(m1, v1) || N(m2, v2)) = (log v2 - log v1) / 2 + (v1 + (m1 - m2)^2) / (2 v2) - 1/2, the
expectation under the first law of the difference of the two log-densities (a quadratic,
so the Gaussian moments give it exactly). Between diagonal Gaussians the components are
independent and the divergence is the sum of the components' divergences.
"""
from __future__ import annotations

from sympy import Dummy, Expr, Rational, Sum, log

from ...vocabulary import KL, Expectation, Normal
from ...vocabulary.random import DiagonalNormal
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
    return node


def under_normal(node: Expectation, used: list) -> Expr:
    """E_{x ~ N(m, v)}[f] for a polynomial f in x, by the Gaussian moments (x a fresh variable)."""
    if not isinstance(node.dist, Normal):
        return node
    value = normal_expectation(node.body, node.var, node.dist.mean, node.dist.variance)
    if value is None:
        return node
    note(used, GAUSSIAN_MOMENTS)
    return value
