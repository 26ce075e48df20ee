"""Parameter regions and exact tests used by the dynamics claims.

A *region* is where a claim's parameters live: each symbol's own SymPy assumptions
(``positive=True``) plus the claim's relational assumptions (``eta < 2``). Simple bounds
``symbol <op> number`` give a box; a box that contains the region is enough for a proof
(what holds on the box holds on the region), while a counterexample must satisfy every
assumption, so sample points are always checked against the full region.
"""
from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Iterator

import numpy as np
import sympy
from sympy import Expr, Rational, Symbol
from sympy.core.relational import Relational

from ..algebra import normalise

_NICE = (Rational(1, 2), Rational(1), Rational(3, 2), Rational(1, 3), Rational(2), Rational(5, 4),
         Rational(3), Rational(-1), Rational(-1, 2), Rational(0), Rational(7, 3), Rational(-2))


@dataclass(frozen=True)
class Interval:
    """An interval of the real line; ``None`` for an infinite end."""

    low: Expr | None = None
    high: Expr | None = None
    low_open: bool = True
    high_open: bool = True

    def tighten(self, bound: Expr, upper: bool, strict: bool) -> "Interval":
        if upper and (self.high is None or bound < self.high or (bound == self.high and strict)):
            return Interval(self.low, bound, self.low_open, strict)
        if not upper and (self.low is None or bound > self.low or (bound == self.low and strict)):
            return Interval(bound, self.high, strict, self.high_open)
        return self

    def empty(self) -> bool:
        """No real number satisfies both bounds (``x > 2, x < 1`` or ``x >= 1, x < 1``)."""
        if self.low is None or self.high is None:
            return False
        return bool(self.low > self.high) or (self.low == self.high and (self.low_open or self.high_open))

    def describe(self, name: str) -> str:
        low = "-oo" if self.low is None else f"{self.low}"
        high = "oo" if self.high is None else f"{self.high}"
        return f"{name} in {'(' if self.low_open else '['}{low}, {high}{')' if self.high_open else ']'}"


def symbol_interval(symbol: Symbol) -> Interval:
    """The box a symbol's own assumptions allow."""
    if symbol.is_positive:
        return Interval(sympy.S.Zero, None, True, True)
    if symbol.is_nonnegative:
        return Interval(sympy.S.Zero, None, False, True)
    if symbol.is_negative:
        return Interval(None, sympy.S.Zero, True, True)
    if symbol.is_nonpositive:
        return Interval(None, sympy.S.Zero, True, False)
    return Interval()


def _simple_bound(relation: Relational) -> tuple[Symbol, Expr, bool, bool] | None:
    """``symbol <op> number`` as (symbol, number, is an upper bound, strict), else None."""
    lhs, rhs = relation.lhs, relation.rhs
    flipped = False
    if not lhs.is_Symbol:
        lhs, rhs, flipped = rhs, lhs, True
    if not (lhs.is_Symbol and rhs.is_number and rhs.is_real):
        return None
    upper = isinstance(relation, (sympy.StrictLessThan, sympy.LessThan)) != flipped
    strict = isinstance(relation, (sympy.StrictLessThan, sympy.StrictGreaterThan))
    return lhs, rhs, upper, strict


@dataclass(frozen=True)
class Region:
    """The parameters of a claim and the assumptions they satisfy."""

    symbols: tuple[Symbol, ...]
    constraints: tuple[Relational, ...] = ()

    def interval(self, symbol: Symbol) -> Interval:
        box = symbol_interval(symbol)
        for relation in self.constraints:
            bound = _simple_bound(relation)
            if bound is not None and bound[0] == symbol:
                box = box.tighten(bound[1], bound[2], bound[3])
        return box

    def contains(self, values: dict) -> bool:
        """Exact membership of a rational point (symbol assumptions and every constraint)."""
        for symbol, value in values.items():
            if symbol.is_integer and not value.is_integer:
                return False
            if not _inside(symbol_interval(symbol), value) or (symbol.is_nonzero and value == 0):
                return False  # a box cannot say eta != 0; the symbol's assumption can
        return all(relation.xreplace(values) is sympy.true for relation in self.constraints)

    def describe(self) -> str:
        parts = [self.interval(s).describe(str(s)) for s in self.symbols]
        return ", ".join(parts) if parts else "no parameters"

    def points(self, rng: np.random.Generator, count: int) -> Iterator[dict]:
        """Up to ``count`` exact rational points of the region: small nice values first."""
        found = 0
        for candidate in _candidates(self, rng, 8 * count + 16):
            if found >= count:
                return
            if self.contains(candidate):
                found += 1
                yield candidate


def region_of(exprs, constraints=()) -> Region:
    """The region of the free symbols of ``exprs`` under the relational ``constraints``."""
    symbols = set()
    for expr in exprs:
        symbols |= sympy.sympify(expr).free_symbols
    kept = tuple(c for c in constraints if isinstance(c, Relational))
    return Region(tuple(sorted(symbols, key=str)), kept)


def _inside(box: Interval, value: Expr) -> bool:
    if box.low is not None and (value < box.low or (box.low_open and value == box.low)):
        return False
    return not (box.high is not None and (value > box.high or (box.high_open and value == box.high)))


def _draw(box: Interval, integer: bool, rng: np.random.Generator) -> Expr:
    low = float(box.low) if box.low is not None else (float(box.high) - 4 if box.high is not None else -3.0)
    high = float(box.high) if box.high is not None else low + 4
    if integer:
        return Rational(int(rng.integers(int(np.ceil(low)), int(np.floor(high)) + 1)))
    value = Fraction(float(rng.uniform(low, high))).limit_denominator(24)
    return Rational(value.numerator, value.denominator)


def _candidates(region: Region, rng: np.random.Generator, limit: int) -> Iterator[dict]:
    symbols = region.symbols
    for i in range(len(_NICE)):
        yield {s: _NICE[(i + k) % len(_NICE)] for k, s in enumerate(symbols)}
    if any(region.interval(s).empty() for s in symbols):
        return  # nothing to draw from
    for _ in range(limit):
        yield {s: _draw(region.interval(s), bool(s.is_integer), rng) for s in symbols}


def is_zero(expr: Expr) -> bool:
    """Exact: the canonical form (expand, cancel) of ``expr`` is 0. False means only 'not shown'."""
    return normalise(sympy.sympify(expr)) == 0


def witness(expr: Expr, region: Region, rng: np.random.Generator) -> dict | None:
    """A rational point of the region where ``expr`` is exactly nonzero, if a few tries find one."""
    expr = sympy.sympify(expr)
    for point in region.points(rng, 12):
        value = expr.xreplace(point)
        if value.free_symbols:
            return None
        if value.is_zero is False and value.is_finite:  # zoo is nonzero, but no counterexample
            return point
    return None


def show_point(point: dict) -> tuple[tuple[str, str], ...]:
    return tuple((str(k), str(v)) for k, v in sorted(point.items(), key=lambda kv: str(kv[0])))
