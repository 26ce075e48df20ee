"""One convention everywhere (issue 9, part 5): an empty sum is 0, an odd root of a negative
number is the real root, and counterexamples stay inside the stated ranges."""
from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sympy import Abs, IndexedBase, Integer, Sum, Symbol, real_root

from verify.config import CheckConfig
from verify.engine.checker import check_derivation, check_step
from verify.evaluation import Evaluator
from verify.model import Context
from verify.parsing import read_document
from verify.verdict import Status

INLINE = CheckConfig(budget=None)
LINALG = Context(theories=("linalg", "algebra"))
j, k = Symbol("j", integer=True), Symbol("k", integer=True)
c = Symbol("c", real=True)
x = IndexedBase("x")


def statuses(text: str) -> list[Status]:
    return [r.verdict.status for r in check_derivation(read_document(text).derivation(), INLINE).results]


# an empty sum is 0, in the linear-algebra normaliser as in the numeric tier

def test_a_sum_over_no_terms_is_zero_in_the_linalg_normaliser():
    written = Sum(x[j], (j, 1, 4)) + Sum(1, (j, 3, 1))
    assert check_step(written, "=", Sum(x[j], (j, 1, 4)), LINALG, INLINE).status is Status.PROVED


def test_the_karr_value_of_a_reversed_range_is_refuted():
    written = Sum(x[j], (j, 1, 4)) + Sum(1, (j, 3, 1))
    assert check_step(written, "=", Sum(x[j], (j, 1, 4)) - 1, LINALG, INLINE).status is Status.REFUTED


def test_a_constant_summed_over_a_range_that_may_be_empty_is_not_folded_by_karr():
    i = Symbol("i", integer=True)
    verdict = check_step(Sum(c, (j, 1, i - 1)), "=", (i - 1) * c, LINALG, INLINE)
    assert verdict.status is Status.REFUTED


def test_a_constant_summed_over_a_range_that_cannot_be_negative_is_folded():
    i = Symbol("i", integer=True, positive=True)
    assert check_step(Sum(c, (j, 1, i - 1)), "=", (i - 1) * c, LINALG, INLINE).status is Status.PROVED


@settings(max_examples=50, deadline=None)
@given(st.integers(-20, 20), st.integers(1, 20))
def test_the_evaluator_sums_an_empty_range_to_zero(low, gap):
    assert Evaluator({})(Sum(k**2 + 1, (k, Integer(low), Integer(low - gap)))) == 0




# the real root of odd degree

@pytest.mark.parametrize("text, expected", [
    (r"$$\sqrt[3]{-8} = -2$$", Status.PROVED),
    (r"$$\sqrt[3]{-27} = 3$$", Status.REFUTED),
    (r"$$\sqrt[5]{-32} = -2$$", Status.PROVED),
    (r"$$\sqrt[3]{-8} + \sqrt[3]{8} = 0$$", Status.PROVED),
    (r"$$\sqrt[4]{16} = 2$$", Status.PROVED),
])
def test_an_odd_root_of_a_negative_number_is_real(text, expected):
    assert statuses(text) == [expected]


def test_the_real_cube_root_of_a_cube_is_the_number_itself():
    assert statuses(r"For real $x$: $$\sqrt[3]{-8 x^3} = -2 x$$") == [Status.PROVED]
    assert statuses(r"For real $x$: $$\sqrt[3]{x^3} = |x|$$") == [Status.REFUTED]


@settings(max_examples=40, deadline=None)
@given(st.integers(-50, 50).filter(lambda n: n != 0), st.sampled_from([3, 5, 7]))
def test_the_numeric_value_of_a_real_root_is_real_and_of_the_same_sign(number, degree):
    value = Evaluator({})(real_root(Integer(number), degree))
    assert np.isreal(value) and np.sign(value) == np.sign(number)
    assert float(np.real(value)) ** degree == pytest.approx(number)


def test_sign_and_magnitude_of_an_odd_power_recombine():
    t = Symbol("t", real=True)
    context = Context(symbols=(t,))
    assert check_step(real_root(-t**5, 5), "=", -t, context, INLINE).status is Status.PROVED
    assert check_step(real_root(-t**5, 5), "=", Abs(t), context, INLINE).status is Status.REFUTED


# counterexamples respect the stated ranges
