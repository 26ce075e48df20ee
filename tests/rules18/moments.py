"""Rows of the moments rules: declared random variables, their independence and their laws."""
from __future__ import annotations

from sympy import Integer, Rational, Sum, exp, sqrt

from verify.vocabulary import KL, Normal
from verify.vocabulary.linalg import Dot
from verify.vocabulary.random import Cov, Expect, Law, RandomVariable, Var, moments, rademacher, uniform

from tests.test_moments_mutations import (ATTENTION, DEPENDENT, IID, INDEPENDENT, LAWS, STANDARD, X, Y, a, b, context,
                                          d, i, k, l, mu, q, sigma, u, v)

from .cases import Row, Step

NOT_IID = context(RandomVariable(u, Law(), length=d), RandomVariable(v, Law(), length=d))
SUM_UV = Sum(u[i] * v[i], (i, 1, d))
EX, EY = Expect(X), Expect(Y)

CONSTANT = Step(Expect(a + b), a + b, DEPENDENT)
VARIANCE = Step(Var(X), Expect(X**2) - EX**2, DEPENDENT)
COVARIANCE = Step(Cov(X, Y), Expect(X * Y) - EX * EY, DEPENDENT)
DECLARED = Step(Expect(u[1] ** 2), Integer(1), context(RandomVariable(u, STANDARD, iid=True)))
RADEMACHER = Step(Expect(X**4), Integer(1), context(RandomVariable(X, rademacher())))
UNIFORM = Step(Var(X), Rational(1, 12), context(RandomVariable(X, uniform(0, 1))))
IID_SUM = Step(Expect(SUM_UV), d * Expect(u[1] * v[1]), IID)
AFFINE = Step(Var(a * X + b), a**2 * Var(X), DEPENDENT)
INDEPENDENT_SUM = Step(Var(X + Y), Var(X) + Var(Y), INDEPENDENT)
UNCORRELATED = Step(Cov(X, Y), Integer(0), INDEPENDENT)
PRODUCT = Step(Var(X * Y), Expect(X**2) * Expect(Y**2) - EX**2 * EY**2, INDEPENDENT)
IID_VARIANCE = Step(Var(SUM_UV), d * Var(u[1] * v[1]), IID)
INDEPENDENCE = Step(Expect(X * Y), EX * EY, INDEPENDENT)
KL_NORMALS = Step(KL(Normal(mu, exp(l)), Normal(0, 1)), (exp(l) + mu**2 - 1 - l) / 2, LAWS)
SCALED_SCORE = Step(Var(Dot(q, k) / sqrt(d)), Integer(1), ATTENTION)

ROWS = [
    Row("expectation of a constant", CONSTANT, (
        CONSTANT.broken("sign", a - b),
        CONSTANT.broken("factor", 2 * a + b),
        CONSTANT.broken("exponent", a**2 + b))),
    Row("definition of variance", VARIANCE, (
        VARIANCE.broken("sign", Expect(X**2) + EX**2),
        VARIANCE.broken("exponent", Expect(X**2) - EX),
        VARIANCE.broken("swapped argument", EX**2 - Expect(X**2)))),
    Row("definition of covariance", COVARIANCE, (
        COVARIANCE.broken("sign", Expect(X * Y) + EX * EY),
        COVARIANCE.broken("swapped argument", Expect(X * Y) - EX**2),
        COVARIANCE.broken("factor", Expect(X * Y) - 2 * EX * EY))),
    Row("declared moments", DECLARED, (
        DECLARED.broken("factor", Integer(2)),
        DECLARED.broken("sign", Integer(-1)),
        DECLARED.broken("dropped variance", Integer(0)))),
    Row("moments of the law", RADEMACHER, (
        RADEMACHER.broken("factor", Integer(3)),
        RADEMACHER.broken("sign", Integer(-1)),
        UNIFORM.broken("exponent", Rational(1, 144)),
        UNIFORM.broken("factor", Rational(1, 6)))),
    Row("sum of i.i.d. terms", IID_SUM, (
        IID_SUM.broken("factor", 2 * d * Expect(u[1] * v[1])),
        IID_SUM.broken("exponent", d**2 * Expect(u[1] * v[1])),
        IID_SUM.broken("swapped argument", d * Expect(u[1] + v[1])))),
    Row("variance of an affine map", AFFINE, (
        AFFINE.broken("sign", -a**2 * Var(X)),
        AFFINE.broken("exponent", a**3 * Var(X)),
        AFFINE.broken("swapped argument", b**2 * Var(X)),
        SCALED_SCORE.broken("factor", 1 / d))),
    Row("variance of an independent sum", INDEPENDENT_SUM, (
        INDEPENDENT_SUM.broken("sign", Var(X) - Var(Y)),
        INDEPENDENT_SUM.broken("factor", 2 * Var(X) + Var(Y)),
        INDEPENDENT_SUM.broken("dropped independence", context=DEPENDENT))),
    Row("covariance of independent variables", UNCORRELATED, (
        UNCORRELATED.broken("dropped independence", context=DEPENDENT),
        UNCORRELATED.broken("swapped argument", Var(X)),
        UNCORRELATED.broken("factor", EX * EY))),
    Row("variance of an independent product", PRODUCT, (
        PRODUCT.broken("sign", Expect(X**2) * Expect(Y**2) + EX**2 * EY**2),
        PRODUCT.broken("exponent", Expect(X**2) * Expect(Y**2) - EX * EY),
        PRODUCT.broken("swapped argument", Expect(X**2) * EY**2 - EX**2 * Expect(Y**2)),
        PRODUCT.broken("dropped independence", context=DEPENDENT))),
    Row("variance of an i.i.d. sum", IID_VARIANCE, (
        IID_VARIANCE.broken("exponent", d**2 * Var(u[1] * v[1])),
        IID_VARIANCE.broken("swapped argument", d * Var(u[1] + v[1])),
        IID_VARIANCE.broken("dropped independence", context=NOT_IID))),
    Row("independence", INDEPENDENCE, (
        INDEPENDENCE.broken("dropped independence", context=DEPENDENT),
        INDEPENDENCE.broken("swapped argument", EX**2),
        INDEPENDENCE.broken("sign", -EX * EY))),
    Row("KL between Gaussians", KL_NORMALS, (
        KL_NORMALS.broken("sign", (exp(l) + mu**2 - 1 + l) / 2),
        KL_NORMALS.broken("exponent", (exp(2 * l) + mu**2 - 1 - l) / 2),
        KL_NORMALS.broken("factor", exp(l) + mu**2 - 1 - l),
        KL_NORMALS.broken("swapped argument", lhs=KL(Normal(0, 1), Normal(mu, exp(l)))))),
]
