"""Rows of the base rules every theory builds on: algebra, limits, differentiation."""
from __future__ import annotations

from sympy import Derivative, Integral, Limit, Rational, Symbol, exp, log, oo, sin

from verify.model import Context

from .cases import Row, Step

ALGEBRA = Context(theories=("algebra",))
a, b, x = Symbol("a", real=True), Symbol("b", real=True), Symbol("x", real=True)
n = Symbol("n", positive=True, integer=True)

SQUARE = Step((a + b) ** 2, a**2 + 2 * a * b + b**2, ALGEBRA)
LIMIT = Step(Limit((1 + 1 / n) ** n, n, oo), exp(1), ALGEBRA)
INTEGRAL = Step(Integral(a * x ** 2 + 1, (x, 0, b)), a * b ** 3 / 3 + b, ALGEBRA)
DERIVATIVE = Step(Derivative(x * sin(x), x), sin(x) + x * Derivative(sin(x), x).doit(), ALGEBRA)

ROWS = [
    Row("algebra", SQUARE, (
        SQUARE.broken("factor", a**2 + a * b + b**2),
        SQUARE.broken("sign", a**2 - 2 * a * b + b**2),
        SQUARE.broken("exponent", a**2 + 2 * a * b + b**3))),
    Row("limit", LIMIT, (
        LIMIT.broken("exponent", exp(2)),
        LIMIT.broken("sign", exp(-1)),
        LIMIT.broken("swapped argument", lhs=Limit((1 + 1 / n) ** n, n, 0)))),
    Row("differentiation", DERIVATIVE, (
        DERIVATIVE.broken("dropped term", x * Derivative(sin(x), x).doit()),
        DERIVATIVE.broken("sign", sin(x) - x * Derivative(sin(x), x).doit()),
        DERIVATIVE.broken("swapped argument", lhs=Derivative(x * log(x), x)))),
    Row("polynomial integral", INTEGRAL, (
        INTEGRAL.broken("exponent", a * b ** 2 / 3 + b),
        INTEGRAL.broken("factor", a * b ** 3 / 2 + b),
        INTEGRAL.broken("dropped term", a * b ** 3 / 3),
        INTEGRAL.broken("swapped bounds", lhs=Integral(a * x ** 2 + 1, (x, b, 0))),
        INTEGRAL.broken("constant", a * b ** 3 / 3 + b + Rational(1, 3)))),
]
