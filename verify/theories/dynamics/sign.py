"""Deciding the sign of an expression on a parameter region, exactly.

Three exact arguments, cheapest first; each may pass (return None):
1. SymPy's assumption system (``is_positive``) from the symbols' own assumptions;
2. one parameter, a rational function: a polynomial has constant sign between its real
   roots, and Sturm's theorem counts the roots in the interval exactly (``count_roots``),
   so no root inside plus the sign at one rational point decides the sign everywhere;
3. a square root compared with something nonnegative: square both sides first.
Numeric sampling is *not* here: it lives with the claim handlers, which report it as
``consistent``.
"""
from __future__ import annotations

from dataclasses import dataclass

import sympy
from sympy import Expr, Rational
from sympy.core.relational import Relational

from .region import Interval, Region


@dataclass(frozen=True)
class Sign:
    """The outcome of a sign test: ``holds`` is True, False (shown false) or None (undecided)."""

    holds: bool | None
    reason: str
    point: dict | None = None  # a rational point where the test fails, when shown false


def _assumption_test(d: Expr, strict: bool) -> Sign | None:
    test = d.is_positive if strict else d.is_nonnegative
    if test:
        return Sign(True, f"SymPy's assumption system: {d} is {'positive' if strict else 'nonnegative'}")
    return None


def _test_point(box: Interval) -> Rational:
    low, high = box.low, box.high
    if low is not None and high is not None:
        return (low + high) / 2
    if low is not None:
        return low + 1
    return high - 1 if high is not None else sympy.S.Zero


def _open_root_count(poly: sympy.Poly, box: Interval) -> int:
    """Distinct real roots of ``poly`` strictly inside the box (Sturm, exact).

    A root at an end is never counted here, open or closed: a closed end belongs to the
    region and is tested on its own (``_closed_ends``), an open end does not.
    """
    square_free = poly.sqf_part()
    count = square_free.count_roots(box.low, box.high)
    for end in {box.low, box.high} - {None}:  # a set: [a, a] has one end, not two
        if square_free.eval(end) == 0:
            count -= 1
    return count


def _closed_ends(box: Interval) -> tuple[Expr, ...]:
    """The finite ends that belong to the region (``x >= a``, ``x <= b``)."""
    ends = ((box.low, box.low_open), (box.high, box.high_open))
    return tuple(end for end, is_open in ends if end is not None and not is_open)


def _odd_part(poly: sympy.Poly) -> sympy.Poly:
    """The product of the factors of odd multiplicity: where ``poly`` can change sign."""
    _, factors = poly.sqf_list()
    result = sympy.Poly(1, *poly.gens)
    for factor, multiplicity in factors:
        if multiplicity % 2:
            result = result * factor
    return result


def _near_roots(d: Expr, poly: sympy.Poly, strict: bool, box: Interval, x) -> Sign | None:
    """A rational point at a root inside the box (fails a strict test) or just beside one
    (where the sign has changed), found from exact isolating intervals; None if all pass."""
    for (low, high), _ in poly.intervals(eps=Rational(1, 10**6), inf=box.low, sup=box.high):
        for point in {low, high}:
            if not _strictly_inside(point, box):
                continue
            value = d.xreplace({x: point})
            if value.is_negative or (strict and value.is_zero):
                return Sign(False, f"at {x} = {point} the expression is {value}", {x: point})
    return None


def _strictly_inside(point, box: Interval) -> bool:
    return (box.low is None or point > box.low) and (box.high is None or point < box.high)


def _sturm_test(d: Expr, strict: bool, region: Region) -> Sign | None:
    symbols = tuple(d.free_symbols)
    if len(symbols) != 1:
        return None
    x = symbols[0]
    box = region.interval(x)
    if not (x.is_real or box.low is not None or box.high is not None):
        return None
    if any(end is not None and not end.is_Rational for end in (box.low, box.high)):
        return None  # Sturm counts need rational ends
    numerator, denominator = sympy.fraction(sympy.cancel(sympy.together(d)))
    divisors = _divisors(d)
    if not all(part.is_polynomial(x) for part in (numerator, denominator, divisors)):
        return None
    num, den = sympy.Poly(numerator, x), sympy.Poly(denominator, x)
    undefined = _pole(sympy.Poly(divisors, x), d, box, x)
    if undefined is not None:
        return undefined
    moving = num if strict else _odd_part(num)
    if _open_root_count(moving, box):
        return _near_roots(d, moving, strict, box, x)
    at_end = _zero_at_closed_end(num, strict, box, x)
    if at_end is not None:
        return at_end
    return _sign_at_test_point(d, num, den, box, x, (numerator, denominator))


def _divisors(d: Expr) -> Expr:
    """The product of everything ``d`` divides by, as written: cancelling would hide a
    removable pole, (x**2 - x)/(x - 1) is undefined at x = 1 all the same."""
    return sympy.Mul(*[power.base for power in d.atoms(sympy.Pow) if power.exp.is_negative])


def _pole(denominator: sympy.Poly, d: Expr, box: Interval, x) -> Sign | None:
    """Undecided when the denominator (before cancelling) vanishes anywhere in the region,
    a closed end included: the expression is undefined there, so no sign holds everywhere."""
    ends = [end for end in _closed_ends(box) if denominator.eval(end) == 0]
    if ends:
        return Sign(None, f"{d} is undefined at {x} = {ends[0]}, a point of the region")
    if _open_root_count(denominator, box):
        return Sign(None, f"{d} is undefined where its denominator vanishes inside {box.describe(str(x))}")
    return None


def _zero_at_closed_end(num: sympy.Poly, strict: bool, box: Interval, x) -> Sign | None:
    """A strict test fails at a closed end where the numerator vanishes (the end is in the region)."""
    for end in _closed_ends(box) if strict else ():
        if num.eval(end) == 0:
            return Sign(False, f"at {x} = {end}, an end of {box.describe(str(x))}, the expression is 0",
                        {x: end})
    return None


def _sign_at_test_point(d, num, den, box: Interval, x, parts) -> Sign | None:
    """No sign change inside the box: the sign at one rational point is the sign everywhere."""
    point = _test_point(box)
    if num.eval(point) == 0:
        return None
    value = num.eval(point) * den.eval(point)
    where = box.describe(str(x))
    if value > 0:
        reason = (f"numerator {parts[0]} and denominator {parts[1]} have no sign change for {where} "
                  f"(Sturm root count, each closed end checked), and at {x} = {point} the sign is positive")
        return Sign(True, reason)
    return Sign(False, f"at {x} = {point} ({where}) the expression is {d.xreplace({x: point})}", {x: point})


def _squared(lhs: Expr, rhs: Expr, strict: bool, region: Region) -> Sign | None:
    """``lhs >= rhs`` with both sides nonnegative, a square root among them: compare squares."""
    if not (has_root(lhs) or has_root(rhs)):
        return None
    if not (nonnegative(lhs, region) and nonnegative(rhs, region)):
        return None
    inner = decide(sympy.expand(lhs**2 - rhs**2), strict, region)
    if inner.holds is None:
        return None
    return Sign(inner.holds, f"both sides are nonnegative, so compare squares: {inner.reason}", inner.point)


def has_root(expr: Expr) -> bool:
    return any(power.exp == Rational(1, 2) for power in expr.atoms(sympy.Pow))


def nonnegative(expr: Expr, region: Region) -> bool:
    """Exact: ``expr`` is nonnegative on the region (a square root of something nonnegative counts)."""
    if expr.is_Pow and expr.exp == Rational(1, 2):
        return decide(expr.base, False, region).holds is True
    return decide(expr, False, region).holds is True


def _single_variable(d: Expr) -> bool:
    return len(d.free_symbols) == 1 and d.is_rational_function(*d.free_symbols)


def decide(d: Expr, strict: bool, region: Region) -> Sign:
    """Is ``d > 0`` (``strict``) or ``d >= 0`` on the whole region? Exact, or undecided.

    One parameter and a rational function: Sturm (cheap and complete); otherwise SymPy's
    assumption system, which can be slow on sums of mixed sign, so it comes second.
    """
    d = sympy.sympify(d)
    if d.is_number:
        return _assumption_test(d, strict) or Sign(None, f"{d} is not {'positive' if strict else 'nonnegative'}")
    tests = (_sturm_test, _assumption_test) if _single_variable(d) else (_assumption_test,)
    for test in tests:
        found = test(d, strict, region) if test is _sturm_test else test(d, strict)
        if found is not None and found.holds is False and found.point and not region.contains(found.point):
            continue  # a failure outside the region (eta = 0 for a nonzero eta) is no failure: ask the next test
        if found is not None:
            return found
    return _one_root(d, strict, region) or Sign(None, f"no exact argument decides the sign of {d}")


def _one_root(d: Expr, strict: bool, region: Region) -> Sign | None:
    """``d = A + B sqrt(u)`` with A, B, u free of roots and u >= 0 on the region: the signs of A and B
    decide, or else (opposite signs) squaring the two nonnegative parts does (``1/2 - sqrt(1 - 4 eta^2)/2 > 0``
    as ``1/4 > (1 - 4 eta^2)/4``). Only ever says that the sign holds; None otherwise."""
    roots = {p for p in d.atoms(sympy.Pow) if p.exp == Rational(1, 2)}
    if len(roots) != 1:
        return None
    root = roots.pop()
    t = sympy.Dummy("t")
    linear = sympy.expand(d.xreplace({root: t}))
    if not linear.is_polynomial(t) or sympy.degree(linear, t) != 1:
        return None
    b, a, u = linear.coeff(t, 1), linear.coeff(t, 0), root.base
    if any(part.has(t) for part in (a, b)) or decide(u, False, region).holds is not True:
        return None
    holds = lambda e, strictly: decide(e, strictly, region).holds is True  # noqa: E731
    if holds(b, False) and holds(a, strict):
        return Sign(True, f"{a} and the coefficient {b} of {root} have the required sign")
    than = ">" if strict else ">="
    if holds(b, True) and holds(-a, False):
        inner, said = decide(sympy.expand(b**2 * u - a**2), strict, region), f"({b})^2 ({u}) {than} ({a})^2"
    elif holds(-b, True) and holds(a, False):
        inner, said = decide(sympy.expand(a**2 - b**2 * u), strict, region), f"({a})^2 {than} ({b})^2 ({u})"
    else:
        return None
    if inner.holds is not True:
        return None
    return Sign(True, f"{a} and {b} {root} have opposite signs, so compare their squares, {said}: {inner.reason}")


def _punctured(region: Region) -> tuple[Relational, tuple[Region, Region]] | None:
    """A stated ``x != c`` (a number c) and the region's two pieces either side of it, or None."""
    for constraint in region.constraints:
        if not isinstance(constraint, sympy.Unequality):
            continue
        name, value = (constraint.lhs, constraint.rhs) if constraint.lhs.is_Symbol else (constraint.rhs, constraint.lhs)
        if name.is_Symbol and value.is_number and value.is_real:
            rest = tuple(c for c in region.constraints if c is not constraint)
            return constraint, (Region(region.symbols, rest + (sympy.Lt(name, value),)),
                                Region(region.symbols, rest + (sympy.Gt(name, value),)))
    return None


def _on_each_piece(lhs: Expr, rhs: Expr, strict: bool, region: Region) -> Sign | None:
    """``sqrt(1 + eta^2) > 1`` for ``eta != 0``: decided on each open piece the puncture leaves; it
    holds when it holds on both, fails where it fails on one (at a point of the region)."""
    punctured = _punctured(region)
    if punctured is None:
        return None
    constraint, pieces = punctured
    signs = [decide_relation(lhs, rhs, strict, piece) for piece in pieces]
    failed = next((s for s in signs if s.holds is False), None)
    if failed is not None:
        return failed
    if all(s.holds is True for s in signs):
        return Sign(True, f"on each side of {constraint}: " + "; ".join(s.reason for s in signs))
    return Sign(None, f"not decided on both sides of {constraint}")


def decide_relation(lhs: Expr, rhs: Expr, strict: bool, region: Region) -> Sign:
    """Is ``lhs > rhs`` (``strict``) or ``lhs >= rhs`` everywhere on the region?

    A stated ``x != c`` splits the region in two, each decided on its own. With a square root
    on either side, squaring (both sides nonnegative) comes first: it turns the question into
    a polynomial one.
    """
    pieces = _on_each_piece(lhs, rhs, strict, region)
    if pieces is not None:
        return pieces
    squared = _squared(lhs, rhs, strict, region)
    if squared is not None:
        return squared
    return decide(sympy.expand(lhs - rhs), strict, region)
