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
