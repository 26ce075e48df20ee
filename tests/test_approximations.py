r"""``a \approx b``: equal sides are proved; two numbers are compared to the precision the right side is
written to (consistent within 1 % or its last place, refuted beyond 10 % and two places, else unknown);
an approximation in open names is never proved and never refuted (``n^2 + n \approx n^2`` may mean for
large n)."""
from __future__ import annotations

import pytest
from hypothesis import given, strategies as st
from sympy import Integer, Rational

from verify.engine.approximations import compare_numbers, last_place
from verify.verdict import Status, Tier
from verify.engine.checker import check_derivation
from verify.parsing import read_document
from tests.documents import check_statuses


def statuses(left: str, right: str) -> list[Status]:
    return check_statuses(f"Then:\n\n$${left} \\approx {right}$$\n")


@pytest.mark.parametrize("value, place", [
    (Rational(59, 100), 0.01), (Rational(112, 25), 0.01), (Integer(7), 1.0), (Integer(3000), 1000.0),
    (Rational(19999, 20000), 0.00001), (Rational(1, 3), None),
])
def test_the_last_place_is_the_unit_of_the_last_decimal_written(value, place):
    assert last_place(value) == place


@given(st.integers(1, 10**6), st.integers(0, 4))
def test_a_value_rounded_to_the_places_written_agrees(numerator, places):
    value = Rational(numerator, 997)
    rounded = Rational(round(value * 10**places), 10**places)
    assert compare_numbers(value, rounded).status is Status.CONSISTENT


@given(st.integers(1, 10**6), st.integers(1, 4))
def test_a_value_off_by_a_fifth_is_refuted(numerator, places):
    value = Rational(numerator, 997)
    wrong = Rational(round(value * 12 / 10 * 10**places), 10**places)
    if abs(wrong - value) > 2 * last_place(wrong):  # 0.30 is written 0.3 once read: its place is 0.1
        assert compare_numbers(value, wrong).status is Status.REFUTED


@pytest.mark.parametrize("left, right", [
    (r"\frac{4.48}{4.48 + 1.28 + 0.88}", "0.67"),
    (r"\frac{e^{1.5}}{e^{1.5} + e^{0.25} + e^{-0.125}}", r"\frac{4.48}{4.48 + 1.28 + 0.88}"),
    (r"32000 \times 4096", r"131 \times 10^6"),
    (r"\frac{56.6}{28.3 + 56.6}", r"67\%"),
    (r"\sqrt{\frac{e^{\pi}-e^{-\pi}}{2\pi}}", "1.92"),
    (r"e^{-1}", "0.4"),
])
def test_numbers_rounded_as_written_are_consistent(left, right):
    assert statuses(left, right) == [Status.CONSISTENT]


@pytest.mark.parametrize("left, right", [
    (r"\frac{4.48}{4.48 + 1.28 + 0.88}", "0.59"),
    (r"32000 \times 4096", r"131 \times 10^5"),
    (r"\sqrt{\frac{e^{\pi}-e^{-\pi}}{2\pi}}", "1.29"),
    (r"\pi", "3000"),
])
def test_numbers_no_rounding_explains_are_refuted(left, right):
    assert statuses(left, right) == [Status.REFUTED]


def test_numbers_a_few_percent_apart_are_unknown():
    assert statuses(r"\frac{1}{3}", "0.35") == [Status.UNKNOWN]


def test_equal_sides_are_proved():
    assert statuses(r"4 d^2 + 8 d^2", r"12 d^2") == [Status.PROVED]


@pytest.mark.parametrize("left, right", [("n^2 + n", "n^2"), (r"\log(1 + x)", "x"), ("12 d", "10 d^2")])
def test_an_approximation_in_open_names_is_neither_proved_nor_refuted(left, right):
    assert statuses(left, right) == [Status.UNKNOWN]


def test_a_rounded_comparison_carries_its_tier():
    report = check_derivation(read_document("Then:\n\n$$e^{-1} \\approx 0.37$$\n").derivation())
    assert report.results[0].verdict.tier is Tier.ROUNDING


# vectors written out are compared entry by entry; the softmax of a vector is over its entries
def test_a_rounded_softmax_of_a_written_vector_is_consistent():
    assert check_statuses("Then:\n\n$$\\text{softmax}([1,2,3]) \\approx [0.09, 0.24, 0.67]$$\n") == [Status.CONSISTENT]


@pytest.mark.parametrize("wrong", ["[0.33, 0.33, 0.33]", "[0.67, 0.24, 0.09]", "[0.09, 0.24, 0.97]"])
def test_a_wrong_rounded_softmax_is_refuted(wrong):
    assert check_statuses(f"Then:\n\n$$\\text{{softmax}}([1,2,3]) \\approx {wrong}$$\n") == [Status.REFUTED]


def test_the_softmax_of_a_column_vector_normalises_its_entries():
    """Along the one-entry rows of a column it would be all ones: a silent misread of softmax(v)."""
    assert check_statuses("Then:\n\n$$\\text{softmax}([0, 0]) = [\\frac12, \\frac12]$$\n")[0] in (
        Status.PROVED, Status.CONSISTENT)
    assert check_statuses("Then:\n\n$$\\text{softmax}([0, 0]) = [1, 1]$$\n") == [Status.REFUTED]
