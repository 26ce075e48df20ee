"""Normal distributions, symbolically: the density, its moments, and expectations of polynomials.

Under N(m, v) the moments obey E[z^k] = m E[z^(k-1)] + (k-1) v E[z^(k-2)], so the
expectation of any polynomial in z is an exact closed form. The log-density of a
normal is a quadratic in z, which is what makes KL between normals exact.

>>> from sympy import Symbol
>>> m, v = Symbol("m", real=True), Symbol("v", positive=True)
>>> normal_moment(2, m, v)
m**2 + v
"""
from __future__ import annotations

from sympy import Add, Dummy, Expr, Integer, Symbol, exp, expand, log, pi, sqrt

from ...vocabulary import Normal

MAX_MOMENT = 24
_T = Dummy("t", real=True)  # the integration variable of a KL between normals


def normal_pdf(variable: Symbol, mean: Expr, variance: Expr) -> Expr:
    """The density of N(mean, variance) at ``variable``, as an explicit SymPy expression."""
    return exp(-(variable - mean) ** 2 / (2 * variance)) / sqrt(2 * pi * variance)


def normal_moment(k: int, mean: Expr, variance: Expr) -> Expr:
    """E[z^k] under N(mean, variance), by the moment recursion."""
    moments = [Integer(1), mean]
    for n in range(2, k + 1):
        moments.append(expand(mean * moments[n - 1] + (n - 1) * variance * moments[n - 2]))
    return moments[k]


def _power(factor: Expr, variable: Symbol) -> int | None:
    """k when ``factor`` is variable**k (k a small natural number), else None."""
    if factor == 1:
        return 0
    if factor == variable:
        return 1
    if factor.is_Pow and factor.base == variable and factor.exp.is_Integer and 0 < factor.exp <= MAX_MOMENT:
        return int(factor.exp)
    return None


def normal_expectation(body: Expr, variable: Symbol, mean: Expr, variance: Expr) -> Expr | None:
    """E[body] under ``variable`` ~ N(mean, variance) when body is a polynomial in it, else None.

    Logarithms are expanded first, so log-densities of normals become quadratics; the
    variable ranges over the reals, so it is read as real (then log(exp(u)) = u).
    """
    if not variable.is_real:
        real = Dummy(variable.name, real=True)
        body, variable = body.xreplace({variable: real}), real
    expanded = expand(body, log=True, power_exp=True, power_base=True, mul=True, multinomial=True)
    total = []
    for term in Add.make_args(expanded):
        if term == 0:
            continue
        coefficient, dependent = term.as_independent(variable, as_Add=False)
        k = _power(dependent, variable)
        if k is None:
            return None
        total.append(coefficient * normal_moment(k, mean, variance))
    return Add(*total)


def normal_log_pdf(variable: Symbol, mean: Expr, variance: Expr) -> Expr:
    """log N(variable; mean, variance) = -(variable - mean)^2 / (2 variance) - log(2 pi variance) / 2."""
    return -(variable - mean) ** 2 / (2 * variance) - log(2 * pi * variance) / 2


def normal_kl(first: Normal, second: Normal) -> Expr | None:
    """KL(first || second) = E_first[log first(t) - log second(t)], by moments (a quadratic in t)."""
    log_ratio = normal_log_pdf(_T, first.mean, first.variance) - normal_log_pdf(_T, second.mean, second.variance)
    return normal_expectation(log_ratio, _T, first.mean, first.variance)
