"""The sign of A + B sqrt(u) on a region, exactly: proved only where it holds at every point."""
from __future__ import annotations

import sympy
from hypothesis import given, settings, strategies as st

from tests.documents import check_statuses
from verify.theories.dynamics.region import Region
from verify.theories.dynamics.sign import decide
from verify.verdict import Status

ETA = sympy.Symbol("eta", positive=True)
BELOW_HALF = Region((ETA,), (sympy.Lt(ETA, sympy.Rational(1, 2)),))
ROOT = sympy.sqrt(1 - 4 * ETA**2)


def statuses(step: str) -> list[Status]:
    return check_statuses("Assume:\n\n- $s = \\sqrt{1-4\\eta^2}$\n- $0 < \\eta < \\tfrac12$\n\n"
                          f"Then\n$${step}$$\n")


def test_a_root_below_one_on_the_region_is_proved():
    assert decide(1 - ROOT, True, BELOW_HALF).holds is True


def test_a_root_compared_with_a_bound_that_fails_somewhere_is_not_proved():
    assert decide(1 - ETA - ROOT, True, BELOW_HALF).holds is not True  # holds only for eta > 2/5


def test_the_halved_roots_of_the_ogda_step_are_below_one():
    assert statuses(r"\tfrac{1 \pm s}{2} < 1") == [Status.PROVED]


def test_their_broken_variants_are_never_proved():
    for wrong in (r"\tfrac{1 \pm s}{2} > 1", r"\tfrac{1 \pm s}{2} < \tfrac12", r"s < 1 - \eta"):
        assert Status.PROVED not in statuses(wrong)


@settings(max_examples=60, deadline=None)
@given(st.fractions(-3, 3, max_denominator=6), st.fractions(-3, 3, max_denominator=6),
       st.fractions(0, 3, max_denominator=6), st.booleans())
def test_a_sign_said_to_hold_holds_at_every_point(a, b, c, strict):
    x = sympy.Symbol("x", real=True)
    d = sympy.Rational(a) + sympy.Rational(b) * sympy.sqrt(x**2 + sympy.Rational(c))
    if decide(d, strict, Region((x,))).holds is True:
        for point in (-5, -1, 0, sympy.Rational(1, 3), 2, 7):
            value = d.xreplace({x: point})
            assert (value > 0) if strict else (value >= 0)
