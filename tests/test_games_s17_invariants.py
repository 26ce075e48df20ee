r"""Quantities of coupled recurrences by induction (``dynamics.invariants``): simultaneous GDA on
``f(x, y) = xy`` grows ``x_t^2 + y_t^2`` by ``1 + \eta^2`` a step; wrong closed forms (sign, exponent,
off-by-one, a wrong factor) are refuted by unrolling both families together, never proved."""
from __future__ import annotations

import pytest

from verify.config import CheckConfig
from verify.engine.checker import check_derivation
from verify.parsing import read_document
from verify.theories.dynamics.recurrence import INDUCTION
from verify.verdict import Status

SIMULTANEOUS = [r"x_{t+1} = x_t - \eta y_t", r"y_{t+1} = y_t + \eta x_t"]
ALTERNATING = [r"x_{t+1} = x_t - \eta y_t", r"y_{t+1} = y_t + \eta x_{t+1}"]
STEP_SIZES = [r"x_{t+1} = x_t - \eta_t y_t", r"y_{t+1} = y_t + \eta_t x_t"]


def verdicts(premises: list[str], block: str) -> list:
    text = "Assume:\n\n" + "".join(f"- ${p}$\n" for p in premises) + f"\nThen:\n\n$${block}$$\n"
    return [r.verdict for r in check_derivation(read_document(text).derivation(), CheckConfig(budget=None)).results]


def test_the_gda_energy_grows_geometrically():
    found = verdicts(SIMULTANEOUS, r"x_t^2 + y_t^2 = (1+\eta^2)^t (x_0^2 + y_0^2)")
    assert [v.status for v in found] == [Status.PROVED] and INDUCTION in found[0].used


def test_the_gda_energy_with_varying_step_sizes_is_a_product():
    found = verdicts(STEP_SIZES, r"x_T^2 + y_T^2 = (x_0^2 + y_0^2) \prod_{t=0}^{T-1} (1+\eta_t^2)")
    assert [v.status for v in found] == [Status.PROVED]


@pytest.mark.parametrize("wrong", [
    r"x_t^2 + y_t^2 = (1+\eta^2)^{t/2} (x_0^2 + y_0^2)",  # the modulus's exponent for the square's
    r"x_t^2 + y_t^2 = (1-\eta^2)^t (x_0^2 + y_0^2)",  # sign
    r"x_t^2 + y_t^2 = (1+\eta^2)^{t+1} (x_0^2 + y_0^2)",  # off by one
    r"x_t^2 + y_t^2 = (1+2\eta^2)^t (x_0^2 + y_0^2)",  # factor
    r"x_t = x_0 - t \eta y_0",  # linearised
])
def test_a_wrong_gda_closed_form_is_refuted(wrong):
    found = verdicts(SIMULTANEOUS, wrong)
    assert [v.status for v in found] == [Status.REFUTED] and found[0].counterexample is not None


def test_alternating_gda_does_not_grow_the_energy_like_simultaneous_gda():
    """With y updated from x_{t+1} (alternating), the simultaneous closed form fails and is never proved."""
    found = verdicts(ALTERNATING, r"x_t^2 + y_t^2 = (1+\eta^2)^t (x_0^2 + y_0^2)")
    assert Status.PROVED not in [v.status for v in found]
