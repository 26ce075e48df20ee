"""The named rules of the moments theory, one constant each.

Linearity of expectation, the factorisation of independent products, Gaussian moments
and the dot product are the same objects the probability and linear-algebra theories
emit (one object per rule); the rest are this theory's own. The handler that applies
each rule states it in its docstring (``moments.reduction``, ``moments.shortcuts``).
"""
from __future__ import annotations

from ..base import Rule, register_rule
from ..linalg.rules import DOT_PRODUCT
from ..probability.rules import GAUSSIAN_MOMENTS, INDEPENDENCE, LINEARITY

EXPECTATION_OF_CONSTANT = register_rule(Rule(
    "expectation of a constant", "E[c] = c for c not random",
    aliases=("expectation of constant", "E[c] = c")))
VARIANCE_DEFINITION = register_rule(Rule(
    "definition of variance", "Var(X) = E[X^2] - E[X]^2",
    aliases=("variance definition", "variance formula", "variance identity")))
COVARIANCE_DEFINITION = register_rule(Rule(
    "definition of covariance", "Cov(X, Y) = E[XY] - E[X] E[Y]",
    aliases=("covariance definition", "covariance formula")))
DECLARED_MOMENTS = register_rule(Rule(
    "declared moments", "E[X] and Var(X) as the premises state them (zero mean, unit variance, ...)",
    aliases=("zero mean", "unit variance", "zero mean and unit variance")))
FAMILY_MOMENTS = register_rule(Rule(
    "moments of the law", "the moments of a declared Rademacher or uniform law: "
    "E[R^k] = [k even] for a fair sign, E[U^k] = (b^(k+1) - a^(k+1)) / ((k+1)(b-a)) on [a, b]",
    aliases=("rademacher moments", "uniform moments")))
SUM_OF_IID_TERMS = register_rule(Rule(
    "sum of i.i.d. terms", "a sum over a symbolic range of i.i.d. components, counted by which "
    "indices coincide: E[sum_{i=1}^n f(u_i)] = n E[f(u_1)], sum_{i != j} counts n(n-1) pairs",
    aliases=("iid sum", "i.i.d. sum", "sum of iid terms", "identically distributed")))
VARIANCE_OF_AFFINE = register_rule(Rule(
    "variance of an affine map", "Var(aX + b) = a^2 Var(X) for a, b not random",
    aliases=("variance of affine transformation", "variance scaling", "variance is shift invariant")))
VARIANCE_OF_INDEPENDENT_SUM = register_rule(Rule(
    "variance of an independent sum", "Var(X + Y) = Var(X) + Var(Y) for independent X, Y",
    aliases=("variance of a sum", "variances add", "additivity of variance", "variance of independent sum")))
COVARIANCE_OF_INDEPENDENT = register_rule(Rule(
    "covariance of independent variables", "Cov(X, Y) = 0 for independent X, Y",
    aliases=("independent variables are uncorrelated", "uncorrelated", "zero covariance")))
VARIANCE_OF_INDEPENDENT_PRODUCT = register_rule(Rule(
    "variance of an independent product", "Var(XY) = E[X^2] E[Y^2] - E[X]^2 E[Y]^2 for independent X, Y",
    aliases=("variance of a product", "variance of independent product")))
VARIANCE_OF_IID_SUM = register_rule(Rule(
    "variance of an i.i.d. sum", "Var(sum_{i=1}^n X_i) = n Var(X_1) for i.i.d. terms X_i",
    aliases=("variance of iid sum", "variance of a sum of iid terms")))

KL_BETWEEN_GAUSSIANS = register_rule(Rule(
    "KL between Gaussians", "KL(N(m1, v1) || N(m2, v2)) = log(v2 / v1) / 2 + (v1 + (m1 - m2)^2) / (2 v2) - 1/2; "
    "between diagonal Gaussians, the sum of this over the components; between full Gaussians of dimension k, "
    "(tr(S2^-1 S1) + (m2 - m1)^T S2^-1 (m2 - m1) - k + log det S2 - log det S1) / 2",
    aliases=("KL divergence between Gaussians", "KL of normals", "closed form of the KL", "Gaussian KL divergence",
             "KL between diagonal Gaussians")))

__all__ = ["DOT_PRODUCT", "GAUSSIAN_MOMENTS", "INDEPENDENCE", "LINEARITY", "EXPECTATION_OF_CONSTANT",
           "VARIANCE_DEFINITION", "COVARIANCE_DEFINITION", "DECLARED_MOMENTS", "FAMILY_MOMENTS",
           "SUM_OF_IID_TERMS", "VARIANCE_OF_AFFINE", "VARIANCE_OF_INDEPENDENT_SUM", "COVARIANCE_OF_INDEPENDENT",
           "VARIANCE_OF_INDEPENDENT_PRODUCT", "VARIANCE_OF_IID_SUM", "KL_BETWEEN_GAUSSIANS"]
