"""Rows of the asymptotics rules: the one-way =, class arithmetic, dominance, closed sums, size relations."""
from __future__ import annotations

import sympy
from sympy import Add, Max, Mul, Sum

from verify.model import Claim, Context
from verify.vocabulary import BigO, Theta

from .cases import ClaimForm, Row, Step

n, d, L, k = sympy.symbols("n d L k", positive=True, integer=True)
l = sympy.Symbol("l", positive=True, integer=True)
SIZES = Context(symbols=(n, d, L, k), theories=("asymptotics", "algebra"))
NARROW = Context(symbols=(n, d), theories=("asymptotics", "algebra"), relations=(n < d,))


def minus(a, b):
    """``a - b`` as written: SymPy would cancel ``Theta(n) - Theta(n)`` to 0 before any check."""
    return Add(a, Mul(-1, b, evaluate=False), evaluate=False)


def step(lhs, rhs, context=SIZES, relation="="):
    return Step(lhs, rhs, context, relation)


CLOSED = step(Sum(2 * n**2, (k, 1, L)), 2 * L * n**2)
CONSTANT = step(12 * BigO(d * n), BigO(d * n))
FACTOR = step(n * BigO(d**2), BigO(d**2 * n))
PRODUCT = step(BigO(d) * BigO(n), BigO(d * n))
SUM = step(BigO(d * n**2) + BigO(d**2 * n), BigO(d**2 * n + d * n**2))
OVER_RANGE = step(Sum(BigO(d * n**2), (l, 1, L)), BigO(L * d * n**2))
DIFFERENCE = step(minus(Theta(n), Theta(n)), BigO(n))
ABSORBED = step(n + Theta(d), Theta(d + n))
MAX = step(BigO(d**2 * n + d * n**2), BigO(Max(d * n**2, d**2 * n)))
RELATIONS = step(d * n**2, d**2 * n, NARROW, "<")
ONE_WAY = step(3 * n**2 + n, BigO(n**2))
THETA = ClaimForm(Claim("theta", "theta", 2 * L * n**2 * k, L * n**2 * k), SIZES)
HELD = Context(symbols=(n, d, L, k), theories=("asymptotics", "algebra"), constants=(k,))
STATED = step(BigO(k * n * d), BigO(n * d), HELD)

ROWS = [
    Row("stated constant", STATED, (
        STATED.broken("dropped premise", context=SIZES),
        STATED.broken("dropped factor", BigO(n)),
        STATED.broken("exponent", BigO(n * d**2), lhs=BigO(k * n * d**3)),
        STATED.broken("swapped argument", BigO(k))),),
    Row("closed-form sums", CLOSED, (
        CLOSED.broken("factor", L * n**2),
        CLOSED.broken("exponent", 2 * L**2 * n**2),
        CLOSED.broken("bound changed", 2 * (L - 1) * n**2))),
    Row("constant factor in a class", CONSTANT, (
        CONSTANT.broken("exponent", BigO(d)),
        CONSTANT.broken("dropped factor", BigO(n)),
        CONSTANT.broken("swapped sides", lhs=BigO(d * n), rhs=12 * d * n))),
    Row("factor into a class", FACTOR, (
        FACTOR.broken("dropped factor", BigO(d**2)),
        FACTOR.broken("exponent", BigO(d * n)),
        FACTOR.broken("swapped argument", BigO(n**2 * d)))),
    Row("product of classes", PRODUCT, (
        PRODUCT.broken("dropped factor", BigO(d)),
        PRODUCT.broken("exponent", BigO(d + n)),
        PRODUCT.broken("squared factor", BigO(d**2)))),
    Row("sum of classes", SUM, (
        SUM.broken("dropped term", BigO(d * n**2)),
        SUM.broken("exponent", BigO(d * n)),
        SUM.broken("swapped argument", BigO(d**2 * n)))),
    Row("sum of a class over a range", OVER_RANGE, (
        OVER_RANGE.broken("dropped factor", BigO(d * n**2)),
        OVER_RANGE.broken("swapped argument", BigO(L * d**2 * n)),
        OVER_RANGE.broken("exponent", BigO(L * d * n)))),
    Row("difference of classes", DIFFERENCE, (
        DIFFERENCE.broken("cancelled", sympy.S.Zero),
        DIFFERENCE.broken("a Theta class", Theta(n)),
        DIFFERENCE.broken("exponent", BigO(1)))),
    Row("function absorbed into a class", ABSORBED, (
        ABSORBED.broken("dropped term", Theta(d)),
        ABSORBED.broken("exponent", Theta(d + n**2)),
        ABSORBED.broken("swapped argument", Theta(n)))),
    Row("max as a sum", MAX, (
        MAX.broken("swapped argument", BigO(Max(d * n, d**2 * n))),
        MAX.broken("dropped term", BigO(d * n**2)),
        MAX.broken("exponent", BigO(Max(d * n, n))))),
    Row("stated relations between sizes", RELATIONS, (
        RELATIONS.broken("swapped argument", lhs=d**2 * n, rhs=d * n**2),
        RELATIONS.broken("dropped premise", context=SIZES),
        RELATIONS.broken("exponent", d * n**3))),
    Row("one-way equality", ONE_WAY, (
        ONE_WAY.broken("exponent", BigO(n)),
        ONE_WAY.broken("swapped sides", lhs=BigO(n**2), rhs=3 * n**2 + n),
        ONE_WAY.broken("a Theta class", Theta(n**3)))),
    Row("monomial dominance", THETA, (
        THETA.broken("dropped factor", L * n**2),
        THETA.broken("exponent", L * n * k),
        THETA.broken("swapped argument", L * k**2 * n))),
]
