"""Sums over one summand pattern written from other starts are one sum (an index shift):
``sum_{i=0}^{n-1} a_{i+1} = sum_{i=1}^n a_i``, ``sum_{n=0}^oo 1/(n+1) = sum_{m=1}^oo 1/m``. The canonical
form starts every sum with an integer lower limit at 1; a bound off by one is never proved, and is
refuted where the sum is finite."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sympy import IndexedBase, Integer, Rational, Sum, Symbol, oo

from tests.documents import check_statuses
from verify.config import CheckConfig
from verify.engine.checker import check_step
from verify.model import Context
from verify.verdict import Status

i = Symbol("i", integer=True)
m = Symbol("m", integer=True)
n = Symbol("n", integer=True, positive=True)
a = IndexedBase("a")
LINALG = Context(theories=("linalg", "algebra"))
CONFIG = CheckConfig(seed=4, samples=6, budget=None)


def status(lhs, rhs) -> Status:
    return check_step(lhs, "=", rhs, LINALG, CONFIG).status


def test_a_finite_sum_shifted_by_one_is_the_same_sum():
    assert status(Sum(a[i + 1], (i, 0, n - 1)), Sum(a[i], (i, 1, n))) is Status.PROVED


def test_an_infinite_sum_shifted_by_one_is_the_same_sum():
    assert status(Sum(1 / (i + 1), (i, 0, oo)), Sum(1 / m, (m, 1, oo))) is Status.PROVED


def test_a_sum_shifted_by_a_symbolic_integer_is_the_same_sum():
    t = Symbol("t", integer=True, positive=True)
    x = IndexedBase("x")
    assert status(Sum(x[i], (i, t, t + n)), Sum(x[i + t], (i, 0, n))) is Status.PROVED


@given(st.integers(-3, 3), st.integers(-3, 3))
@settings(max_examples=15, deadline=None)
def test_any_integer_shift_keeps_the_sum(start, shift):
    lhs = Sum(a[i] * i, (i, start, n))
    rhs = Sum(a[i - shift] * (i - shift), (i, start + shift, n + shift))
    assert status(lhs, rhs) is Status.PROVED


@pytest.mark.parametrize("rhs", [
    Sum(a[i], (i, 1, n - 1)),       # upper bound off by one
    Sum(a[i], (i, 0, n)),           # lower bound off by one
    Sum(a[i + 1], (i, 1, n)),       # body shifted, bounds not
    -Sum(a[i], (i, 1, n)),          # sign
    Sum(2 * a[i], (i, 1, n)),       # factor
])
def test_a_wrongly_shifted_finite_sum_is_refuted(rhs):
    assert status(Sum(a[i + 1], (i, 0, n - 1)), rhs) is Status.REFUTED


@pytest.mark.parametrize("rhs", [
    Sum(1 / m, (m, 2, oo)),                # lower bound off by one
    Sum(1 / (m + 1), (m, 1, oo)),          # body shifted, bound not
    Sum(Rational(1, 2) / m, (m, 1, oo)),   # factor
])
def test_a_wrongly_shifted_infinite_sum_is_never_proved(rhs):
    assert status(Sum(1 / (i + 1), (i, 0, oo)), rhs) is not Status.PROVED


def test_the_empty_sum_stays_empty_after_the_shift():
    assert status(Sum(a[i], (i, 3, 2)), Integer(0)) is Status.PROVED


def test_a_document_reindexing_a_finite_sum_is_proved():
    text = "Then\n\n$$\\sum_{i=0}^{n-1} a_{i+1} = \\sum_{i=1}^{n} a_i$$\n"
    assert check_statuses(text, CONFIG) == [Status.PROVED]


def test_a_document_reindexing_off_by_one_is_refuted():
    text = "Then\n\n$$\\sum_{i=0}^{n-1} a_{i+1} = \\sum_{i=1}^{n-1} a_i$$\n"
    assert check_statuses(text, CONFIG) == [Status.REFUTED]


def test_a_nested_sum_shifted_in_both_indices_is_the_same_sum():
    j = Symbol("j", integer=True)
    assert status(Sum(a[i + 1, j + 1], (j, 0, i), (i, 0, n - 1)), Sum(a[i, j], (j, 1, i), (i, 1, n))) is Status.PROVED


def test_a_nested_sum_with_an_inner_bound_off_by_one_is_refuted():
    j = Symbol("j", integer=True)
    assert status(Sum(a[i + 1, j + 1], (j, 0, i), (i, 0, n - 1)), Sum(a[i, j], (j, 1, i - 1), (i, 1, n))) is Status.REFUTED
