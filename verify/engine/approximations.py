"""``a \\approx b`` between two numbers: how close is close enough.

A writer who rounds states a value to the precision written, so the numbers are compared by that
precision, never by an exact identity: within 1 % (or within half a unit of the last place the right
side writes, as rounding leaves it) the approximation is ``consistent``, numeric agreement and no proof. Off by more than 10 % and
by more than two units of that last place it is ``refuted``: no rounding of the written digits gives
it (``4.48 / 6.64 \\approx 0.59``, where the value is 0.675). Between the two it is left ``unknown``.
"""
from __future__ import annotations

import sympy
from sympy import Expr, Rational

from ..verdict import Counterexample, Status, Verdict, unknown

CLOSE = 0.01  # relative gap within which an approximation agrees
FAR = 0.10  # relative gap beyond which it does not, when also beyond FAR_PLACES units of the last place
FAR_PLACES = 2
_MOST_DECIMALS = 12


def last_place(value: Expr) -> float | None:
    """The unit of the last place a number written in decimals shows: 0.01 for 0.59 (= 59/100), 1000 for
    3000 (its trailing zeros may be rounding), 1 for 7; None for a number with no finite decimal form
    (1/3, sqrt(2)): it was not written as a rounded decimal."""
    if not isinstance(value, Rational):
        return None
    if value.q == 1:
        digits = str(abs(int(value.p))).rstrip("0")
        zeros = len(str(abs(int(value.p)))) - len(digits) if value.p else 0
        return float(10 ** zeros)
    for k in range(1, _MOST_DECIMALS + 1):
        if (10 ** k) % value.q == 0:
            return 10.0 ** -k
    return None


def compare_numbers(left: Expr, right: Expr) -> Verdict | None:
    """The verdict on ``left \\approx right`` when both are real numbers, or explicit vectors or matrices
    of one shape compared entry by entry (each by the places its right entry writes), else None."""
    if getattr(left, "is_Matrix", False) or getattr(right, "is_Matrix", False):
        return _compare_entries(left, right)
    try:
        if not (left.is_number and right.is_number and left.is_comparable and right.is_comparable):
            return None
        a, b = float(sympy.N(left, 30)), float(sympy.N(right, 30))
    except (TypeError, ValueError, ArithmeticError):
        return None
    gap, scale = abs(a - b), max(abs(a), abs(b))
    place = last_place(right)
    shown = f"the left side is {a:.6g}, the right side {b:.6g}"
    if gap <= CLOSE * scale or (place is not None and gap <= place / 2):
        return Verdict(Status.CONSISTENT, f"{shown}: they agree to within 1 % or the last place written")
    if gap > FAR * scale and (place is None or gap > FAR_PLACES * place):
        return Verdict(Status.REFUTED, f"{shown}: more than 10 % apart, which no rounding of the digits "
                                       "written explains", counterexample=Counterexample((), f"{a:.6g}", f"{b:.6g}"))
    return unknown(f"{shown}: between 1 % and 10 % apart, too far for rounding, too near to call wrong")


def _compare_entries(left, right) -> Verdict | None:
    """``softmax([1, 2, 3]) \\approx [0.09, 0.24, 0.67]``: refuted if one entry is, consistent if every
    entry is, else unknown; None when either side is no explicit matrix of numbers of the same shape."""
    if not (isinstance(left, sympy.MatrixBase) and isinstance(right, sympy.MatrixBase)):
        return None
    if left.shape != right.shape:
        left = left.T if left.T.shape == right.shape and 1 in left.shape else left  # a row written for a column
    if left.shape != right.shape:
        return None
    verdicts = [compare_numbers(a, b) for a, b in zip(left, right)]
    if any(v is None for v in verdicts):
        return None
    for k, verdict in enumerate(verdicts):
        if verdict.status is Status.REFUTED:
            return Verdict(Status.REFUTED, f"entry {k + 1}: {verdict.reason}", counterexample=verdict.counterexample)
    if all(v.status is Status.CONSISTENT for v in verdicts):
        return Verdict(Status.CONSISTENT, f"all {len(verdicts)} entries agree to within 1 % or the last place written")
    k = next(k for k, v in enumerate(verdicts) if v.status is not Status.CONSISTENT)
    return unknown(f"entry {k + 1}: {verdicts[k].reason}")


MOST_ROUNDED = 6  # decimals perturbed together (2^6 corners)


def rounded_numbers(left: Expr, right: Expr, left_decimals: tuple, right_decimals: tuple) -> Verdict | None:
    """``left = right`` between numbers whose sides write decimals ((value, unit) each): consistent when some
    choice of the values those decimals round (each within half a unit of its last place) makes the sides
    equal, as the corners of that box show (the box is tiny, so the sides are monotone across it); None
    otherwise, or when a side is no number or the decimals are too many to try."""
    if isinstance(left, sympy.MatrixBase) and isinstance(right, sympy.MatrixBase):
        return _rounded_entries(left, right, left_decimals, right_decimals)
    try:
        if not (left.is_number and right.is_number):
            return None
        left_decimals, right_decimals = _rounded_ones(left_decimals, left, right), _rounded_ones(right_decimals, right,
                                                                                                  left)
        left_decimals, right_decimals = (_unless_exact(own, other, other_decimals) for own, other, other_decimals in
                                         ((left_decimals, right, right_decimals), (right_decimals, left, left_decimals)))
        values = dict(sorted({**dict(left_decimals), **dict(right_decimals)}.items(), key=lambda kv: kv[0]))
        if not values or len(values) > MOST_ROUNDED:
            return None
        mine = ({v for v, _ in left_decimals}, {v for v, _ in right_decimals})
        gaps = []
        for signs in _corners(len(values)):
            moved = {v: v + sign * unit / 2 for sign, (v, unit) in zip(signs, values.items())}
            sides = [side.xreplace({**{v: moved[v] for v in own}, **{-v: -moved[v] for v in own}})
                     for side, own in zip((left, right), mine)]  # -0.3466 is one number, -1733/5000
            gaps.append(float(sympy.N(sides[0] - sides[1], 20)))
    except (TypeError, ValueError, ArithmeticError):
        return None
    if min(gaps) <= 0 <= max(gaps):
        a, b = float(sympy.N(left, 15)), float(sympy.N(right, 15))
        return Verdict(Status.CONSISTENT, f"the left side is {a:.10g}, the right side {b:.10g}: equal once each "
                                          "decimal written is read as rounded to its last place")
    return None


def _rounded_entries(left, right, left_decimals: tuple, right_decimals: tuple) -> Verdict | None:
    """``\\frac{1}{3}[-14, -30] = [-4.67, -10.0]``: explicit matrices of one shape, each entry as ``rounded_numbers``."""
    if left.shape != right.shape:
        return None

    def agrees(a, b) -> bool:
        if a.is_number and b.is_number and (a - b).doit() == 0:  # written unevaluated: -30/3 is -10
            return True
        verdict = rounded_numbers(a, b, left_decimals, right_decimals)
        return verdict is not None and verdict.status is Status.CONSISTENT

    verdicts = [agrees(a, b) for a, b in zip(left, right)]
    if all(verdicts):
        return Verdict(Status.CONSISTENT, f"all {len(verdicts)} entries are equal once each decimal written is read "
                                          "as rounded to its last place")
    return None


def _rounded_ones(decimals: tuple, side: Expr, other: Expr) -> tuple:
    """(value, unit) of the decimals a side writes that are read as rounded: those of three significant digits
    or more, and a short one (0.33) only when it is the whole side and the other side is no multiple of its
    last place (1/3, log 2: no number written to that place equals it, so the writer rounded). A short
    decimal inside a formula (1000 * 0.5), or opposite a number it can equal (500 = 0.5 10^3), is exact."""
    whole = {abs(side.doit())} if side.is_number else set()

    def off_the_grid(unit) -> bool:
        scaled = (other.doit() / unit).doit()
        return scaled.is_number and scaled.is_integer is False

    return tuple((value, unit) for value, unit, short in decimals
                 if not short or (value in whole and off_the_grid(unit)))


def _unless_exact(decimals: tuple, other: Expr, other_decimals: tuple) -> tuple:
    """The decimals of one side that are not a number the other side writes exactly (``\\frac32`` then ``1.5``:
    the same 3/2, carried over, never rounded)."""
    rounded = {v for v, _ in other_decimals}
    exact = _exact_numbers(other) - rounded
    return tuple((v, unit) for v, unit in decimals if v not in exact)


def _exact_numbers(expr: Expr) -> set:
    """The magnitudes of the rational numbers ``expr`` writes, its fractions and products of numbers included
    (``\\frac32`` as written is 3 times 1/2)."""
    found = set()
    for node in sympy.preorder_traversal(expr):
        if isinstance(node, (sympy.Add, sympy.Mul, sympy.Pow, Rational)) and node.is_number:
            value = node if isinstance(node, Rational) else type(node)(*node.args)
            if isinstance(value, Rational):
                found.add(abs(value))
    return found


def _corners(count: int):
    """Every choice of -1 or +1 for ``count`` values."""
    for k in range(2 ** count):
        yield tuple(1 if (k >> bit) & 1 else -1 for bit in range(count))
