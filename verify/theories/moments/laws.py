"""Exact raw moments E[X^k] of a declared law.

Every named family is a location-scale family of a symmetric standard law Z (mean 0,
variance 1): X = m + sqrt(v) Z, so E[X^k] = sum_j C(k, j) m^(k-j) v^(j/2) E[Z^j], and
odd standard moments vanish. The standard moments are exact rationals:
normal (j-1)!!, fair sign 1, uniform on [-sqrt 3, sqrt 3] 3^(j/2) / (j+1).
A law known only by its stated moments gives E[X^0], E[X^1] and E[X^2] when they are stated,
and nothing beyond: a third or fourth moment is not assumed.

>>> from sympy import Symbol
>>> m, v = Symbol("m"), Symbol("v", positive=True)
>>> raw_moment(Law(Family.NORMAL, m, v), 2)
m**2 + v
"""
from __future__ import annotations

from sympy import Expr, IndexedBase, Integer, Rational, binomial, expand, factorial2

from ...vocabulary.random import Family, Law
from .rules import DECLARED_MOMENTS, FAMILY_MOMENTS, GAUSSIAN_MOMENTS

MAX_MOMENT = 24


def standard_moment(family: Family, j: int) -> Expr:
    """E[Z^j] for the standard (mean 0, variance 1) law of ``family``."""
    if j % 2:
        return Integer(0)
    if family is Family.NORMAL:
        return factorial2(j - 1) if j else Integer(1)
    if family is Family.RADEMACHER:
        return Integer(1)
    if family is Family.UNIFORM:
        return Integer(3) ** (j // 2) / (j + 1)
    raise ValueError(f"{family} has no standard moments")


def componentwise(law: Law) -> bool:
    """The law's parameters hold IndexedBases, read component by component (``N(mu_i, sigma_i^2)``
    for component i): the components share the law's form, not its values."""
    return any(p is not None and p.has(IndexedBase) for p in (law.mean, law.variance))


def at_component(law: Law, index: Expr) -> Law:
    """The law of component ``index``: each IndexedBase b of the parameters read as b[index]."""
    def at(parameter):
        if parameter is None:
            return None
        return parameter.replace(lambda e: isinstance(e, IndexedBase), lambda e: e[index])

    return Law(law.family, at(law.mean), at(law.variance))


def raw_moment(law: Law, k: int) -> Expr | None:
    """E[X^k] under ``law``, or None when the premises do not fix it."""
    if k == 0:
        return Integer(1)
    if k > MAX_MOMENT:
        return None
    if law.family is Family.UNSPECIFIED:
        if k == 1:
            return law.mean
        if k == 2 and law.mean is not None and law.variance is not None:
            return expand(law.mean**2 + law.variance)
        return None
    m, v = law.mean, law.variance
    return expand(sum(binomial(k, j) * m ** (k - j) * v ** Rational(j, 2) * standard_moment(law.family, j)
                      for j in range(0, k + 1, 2)))


def moment_rule(law: Law):
    """The rule that supplies a moment of ``law``."""
    if law.family is Family.NORMAL:
        return GAUSSIAN_MOMENTS
    if law.family is Family.UNSPECIFIED:
        return DECLARED_MOMENTS
    return FAMILY_MOMENTS
