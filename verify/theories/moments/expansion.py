"""An expression as finite sums of monomials, and the patterns of coinciding summation indices.

``flat_terms`` writes ``expr`` as a list of (limits, product): products of sums become
multiple sums with fresh indices (so no index is captured). ``patterns`` splits a
multiple sum over indices of one range by which indices coincide: a sum over all
tuples is the sum over set partitions of the tuples with exactly that pattern, and
a pattern with c classes over a range of n values counts n (n-1) ... (n-c+1) tuples.
"""
from __future__ import annotations

from itertools import product as cartesian
from typing import Iterator

from sympy import Add, Expr, Integer, Mul, Sum, expand

from ...undecided import Undecided
from ..linalg.sums import freshen

MAX_INDICES = 6  # 203 patterns: enough for the variance of a product of two sums
Limits = tuple[tuple, ...]


def flat_terms(expr: Expr) -> list[tuple[Limits, Expr]]:
    """``expr`` as a sum of multiple sums of sum-free products."""
    result: list[tuple[Limits, Expr]] = []
    for term in Add.make_args(expand(expr)):
        result.extend(_product_terms(Mul.make_args(term)))
    return result


def _product_terms(factors) -> list[tuple[Limits, Expr]]:
    products: list[tuple[Limits, Expr]] = [((), Integer(1))]
    for factor in factors:
        if not factor.has(Sum):
            products = [(limits, term * factor) for limits, term in products]
            continue
        base, power = factor.as_base_exp()
        if not (isinstance(base, Sum) and power.is_Integer and power > 0):
            raise Undecided(f"{factor} is not a power of a finite sum")
        for _ in range(int(power)):
            copy = freshen(base)
            if any(len(limit) != 3 for limit in copy.limits):
                raise Undecided(f"{base} has no bounds")
            inner = [(tuple(tuple(l) for l in copy.limits) + limits, term)
                     for limits, term in flat_terms(copy.function)]
            products = [(l1 + l2, t1 * t2) for l1, t1 in products for l2, t2 in inner]
    return products


def range_length(low: Expr, high: Expr) -> Expr:
    """The number of values from low to high, which must be a known non-negative integer."""
    n = expand(high - low + 1)
    if not (n.is_integer and n.is_nonnegative):
        raise Undecided(f"the range {low}..{high} is not known to be a non-negative count")
    return n


def falling(n: Expr, k: int) -> Expr:
    """n (n-1) ... (n-k+1): the number of k-tuples of distinct values out of n."""
    return Mul(*(n - t for t in range(k)))


def set_partitions(items: list) -> Iterator[list[list]]:
    """Every partition of ``items`` into non-empty classes, each exactly once."""
    if not items:
        yield []
        return
    first, rest = items[0], items[1:]
    for partition in set_partitions(rest):
        yield [[first]] + partition
        for k in range(len(partition)):
            yield partition[:k] + [[first] + partition[k]] + partition[k + 1:]


def patterns(indices: dict) -> Iterator[tuple[dict, Expr, frozenset]]:
    """For ``indices`` (index -> (low, high)): each pattern of coincidences among indices of one range,
    as (index -> representative, number of tuples with exactly that pattern, the representatives)."""
    if len(indices) > MAX_INDICES:
        raise Undecided(f"{len(indices)} summation indices are too many patterns to count")
    by_range: dict = {}
    for index, bounds in indices.items():
        by_range.setdefault(bounds, []).append(index)
    choices = [list(set_partitions(sorted(group, key=str))) for group in by_range.values()]
    lengths = [range_length(*bounds) for bounds in by_range]
    for chosen in cartesian(*choices):
        mapping, count = {}, Integer(1)
        for partition, n in zip(chosen, lengths):
            count *= falling(n, len(partition))
            for cls in partition:
                mapping.update({index: cls[0] for index in cls})
        yield mapping, count, frozenset(mapping.values())
