"""A counterexample in one reading of an open name is no refutation when the step holds in its standard
other reading: ``i`` the imaginary unit, a square ``I`` the identity, a name in the exponent of ``-1`` an
integer. Such a step is unknown, with the reading it needs; a step false in every reading stays refuted,
and no reading ever proves."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sympy import Abs, Integer, MatrixSymbol, Pow, Symbol, cos, pi, sin

from verify.config import CheckConfig
from verify.engine.checker import check_step, other_readings
from verify.model import Context
from verify.verdict import Status

CONFIG = CheckConfig(seed=5, samples=5, budget=None)
ALGEBRA = Context()
MATRICES = Context(theories=("linalg", "algebra"))
n = Symbol("n", integer=True, positive=True)
A, I = MatrixSymbol("A", n, n), MatrixSymbol("I", n, n)
i, eta, m = Symbol("i", real=True), Symbol("eta", real=True), Symbol("m", real=True)
MODULUS_SQUARED = Pow(Abs(1 + i * eta), 2, evaluate=False)  # as read: |x|^2 = x^2 for a real i is not applied yet


def status(lhs, rhs, context=ALGEBRA):
    return check_step(lhs, "=", rhs, context, CONFIG).status


def test_a_square_of_a_sum_with_a_matrix_named_I_holds_if_I_is_the_identity():
    verdict = check_step((I + A) ** 2, "=", I + 2 * A + A ** 2, MATRICES, CONFIG)
    assert verdict.status is Status.UNKNOWN and "I is the identity matrix" in verdict.reason


@pytest.mark.parametrize("rhs", [I + A + A ** 2, I - 2 * A + A ** 2, I + 2 * A + 2 * A ** 2])
def test_a_square_of_a_sum_that_is_wrong_for_the_identity_too_stays_refuted(rhs):
    assert status((I + A) ** 2, rhs, MATRICES) is Status.REFUTED


def test_cosine_at_pi_times_a_name_in_the_exponent_of_minus_one_holds_if_it_is_an_integer():
    verdict = check_step(cos(pi * m), "=", (-1) ** m, ALGEBRA, CONFIG)
    assert verdict.status is Status.UNKNOWN and "m is an integer" in verdict.reason


@pytest.mark.parametrize("lhs, rhs", [(cos(pi * m), (-1) ** (m + 1)), (cos(pi * m), -(-1) ** m), (sin(pi * m), 1)])
def test_steps_false_at_integers_too_stay_refuted(lhs, rhs):
    assert status(lhs, rhs) is Status.REFUTED


def test_a_modulus_with_a_plain_i_holds_if_i_is_the_imaginary_unit():
    verdict = check_step(MODULUS_SQUARED, "=", 1 + eta ** 2, ALGEBRA, CONFIG)
    assert verdict.status is Status.UNKNOWN and "i is the imaginary unit" in verdict.reason


@pytest.mark.parametrize("lhs, rhs", [
    (MODULUS_SQUARED, 1 - eta ** 2),  # sign
    (Abs(1 + i * eta), 1 + Abs(eta)),  # the modulus unsquared
    (MODULUS_SQUARED, 1 + eta),  # exponent
])
def test_a_modulus_wrong_for_the_imaginary_unit_too_stays_refuted(lhs, rhs):
    assert status(lhs, rhs) is Status.REFUTED


def test_an_index_i_is_never_read_as_the_imaginary_unit():
    index = Symbol("i", integer=True)
    assert other_readings(index ** 2, Integer(-1)) == ()
    assert status(index ** 2, Integer(-1)) is Status.REFUTED


@settings(max_examples=12, deadline=None)
@given(st.integers(-5, 5).filter(lambda c: c != 0))
def test_no_reading_stops_the_refutation_of_a_step_off_by_a_constant(c):
    assert status(MODULUS_SQUARED, 1 + eta ** 2 + c) is Status.REFUTED


@pytest.mark.parametrize("lhs, rhs, context", [
    ((I + A) ** 2, I + 2 * A + A ** 2, MATRICES), (cos(pi * m), (-1) ** m, ALGEBRA),
    (MODULUS_SQUARED, 1 + eta ** 2, ALGEBRA),
])
def test_a_step_that_holds_only_in_another_reading_is_never_proved(lhs, rhs, context):
    assert status(lhs, rhs, context) is not Status.PROVED


@pytest.mark.parametrize("other, expected", [(Status.UNKNOWN, Status.UNKNOWN), (Status.REFUTED, Status.REFUTED)])
def test_a_refutation_in_one_reading_stands_only_if_the_other_reading_refutes_too(monkeypatch, other, expected):
    """i^2 = -1 with i real is false; if the step were undecided with i the imaginary unit, the
    refutation would rest on a reading the document never chose, so it stops at unknown."""
    from verify.engine import checker

    monkeypatch.setattr(checker, "_status_some_way", lambda step: other)
    verdict = check_step(i ** 2, "=", Integer(-1), ALGEBRA, CONFIG)
    assert verdict.status is expected
    if expected is Status.UNKNOWN:
        assert "not refuted if i is the imaginary unit" in verdict.reason


def test_a_divergent_series_in_a_residual_is_no_constant_refutation():
    """sum 1/m - oo: SymPy's evalf raises on the divergent series; the check goes on, never an error."""
    from sympy import Sum, oo

    k = Symbol("k", integer=True, positive=True)
    verdict = check_step(Sum(1 / k, (k, 1, oo)), "=", oo, ALGEBRA, CONFIG)
    assert verdict.status is not Status.REFUTED and "internal error" not in verdict.reason
