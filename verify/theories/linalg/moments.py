"""Exact means and variances of polynomials in independent standardised components.

The components are the indexed symbols of the expression (``q_i``, ``k_i``): all
independent, each with mean 0 and variance 1. By linearity of expectation over a
finite sum, ``E[sum_i f_i] = sum_i E[f_i]``; by independence the expectation of a
product splits by component: ``E[x_a] = 0``, ``E[x_a x_b] = [a = b]``. A pair of
summation indices forced equal merges into one, so ``sum_a sum_b [a = b] = sum_a 1``.
Third and higher moments of one family are not assumed: such a term is undecided.
No ``sympy.stats``: this is a few lines of exact bookkeeping over a symbolic ``d_k``.

>>> from sympy import IndexedBase, Sum, Symbol
>>> d, i = Symbol("d", positive=True, integer=True), Symbol("i", integer=True)
>>> q, k = IndexedBase("q"), IndexedBase("k")
>>> moments(Sum(q[i] * k[i], (i, 1, d)))
(0, d)
"""
from __future__ import annotations

from sympy import Add, Expr, Indexed, Integer, Mul, Sum, expand

from ...undecided import Undecided
from .sums import freshen


def _flat(expr: Expr) -> list[tuple[tuple, Expr]]:
    """``expr`` as a list of (limits, sum-free product): a sum of multiple sums of monomials."""
    result = []
    for term in Add.make_args(expand(expr)):
        result.extend(_flat_product(Mul.make_args(term)))
    return result


def _flat_product(factors) -> list[tuple[tuple, Expr]]:
    products: list[tuple[tuple, Expr]] = [((), Integer(1))]
    for factor in factors:
        base, power = factor.as_base_exp()
        if not factor.has(Sum):
            products = [(limits, term * factor) for limits, term in products]
            continue
        if not (isinstance(base, Sum) and power.is_Integer and power > 0):
            raise Undecided(f"{factor} is not a power of a finite sum")
        for _ in range(int(power)):
            copy = freshen(base)
            inner = [(tuple(copy.limits) + limits, term) for limits, term in _flat(copy.function)]
            products = [(l1 + l2, t1 * t2) for l1, t1 in products for l2, t2 in inner]
    return products


def _constraints(term: Expr) -> tuple[Expr, list[tuple]] | None:
    """Coefficient and index equalities of E[term], or None when the expectation is 0."""
    families: dict = {}
    coefficient = Integer(1)
    for factor in Mul.make_args(term):
        base, power = factor.as_base_exp()
        if isinstance(base, Indexed) and power.is_Integer and power > 0:
            if len(base.indices) != 1:
                raise Undecided(f"{base} is not a component of a vector")
            families.setdefault(base.base, []).extend([base.indices[0]] * int(power))
        elif factor.has(Indexed):
            raise Undecided(f"{factor} is not a polynomial in the components")
        else:
            coefficient *= factor
    pairs = []
    for positions in families.values():
        if len(positions) == 1:
            return None  # E[x_a] = 0, and independence factors it out
        if len(positions) > 2:
            raise Undecided("the term needs moments beyond the second")
        pairs.append(tuple(positions))
    return coefficient, pairs


def _collapse(limits: tuple, coefficient: Expr, pairs: list[tuple]) -> Expr:
    """sum over ``limits`` of coefficient * prod [a = b], merging equal summation indices."""
    ranges = {k: (low, high) for k, low, high in limits}
    pending = list(pairs)
    while pending:
        a, b = pending.pop()
        if a == b:
            continue
        if a in ranges and b in ranges and ranges[a] == ranges[b]:
            del ranges[b]
            coefficient = coefficient.xreplace({b: a})
            pending = [(x.xreplace({b: a}), y.xreplace({b: a})) for x, y in pending]
        elif a.is_Integer and b.is_Integer:
            return Integer(0)
        else:
            raise Undecided(f"cannot decide whether indices {a} and {b} coincide")
    if any(k in coefficient.free_symbols for k in ranges):
        raise Undecided("a coefficient depends on a summation index")
    return Mul(coefficient, *(high - low + 1 for low, high in ranges.values()))


def expectation(expr: Expr) -> Expr:
    total = Integer(0)
    for limits, term in _flat(expr):
        decided = _constraints(term)
        if decided is not None:
            total += _collapse(limits, *decided)
    return expand(total)


def moments(expr: Expr) -> tuple[Expr, Expr]:
    """(mean, variance) of ``expr`` for independent components of mean 0 and variance 1."""
    mean = expectation(expr)
    return mean, expand(expectation(expr**2) - mean**2)


__all__ = ["moments", "expectation"]
