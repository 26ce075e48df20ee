"""``softmax(\\mathbf{o})_j`` is ``exp(o_j) / sum_k exp(o_k)``, the sum over the one range the step sums the
components o_k over: proved in that form, never with a sign, an index, the normaliser or the range broken."""
from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sympy import Function, IndexedBase, Integer, MatrixSymbol, Sum, Symbol, exp

from verify.config import CheckConfig
from verify.engine.checker import check_step
from verify.model import Context
from verify.theories.linalg.rules import SOFTMAX_DEFINITION
from verify.theories.softmax.canonical import softmax_entries
from verify.verdict import Status
from verify.vocabulary.linalg import Softmax

CONFIG = CheckConfig(seed=6, samples=5, budget=None)
q = Symbol("q", positive=True, integer=True)
j, k = Symbol("j", nonnegative=True, integer=True), Symbol("k", nonnegative=True, integer=True)
o = IndexedBase("o", real=True)
n = Symbol("n", positive=True, integer=True)
ENTRY = Function("entry")(Softmax(MatrixSymbol("obold", n, n)), j)
WRITTEN = exp(o[j]) / Sum(exp(o[k]), (k, 1, q))
CONTEXT = Context(theories=("linalg", "algebra"), symbols=(j, k, q))


def check(lhs, rhs):
    return check_step(lhs, "=", rhs, CONTEXT, CONFIG)


def test_a_softmax_entry_is_its_components_exponential_over_their_sum():
    verdict = check(WRITTEN, ENTRY)
    assert verdict.status is Status.PROVED and SOFTMAX_DEFINITION in verdict.used


@pytest.mark.parametrize("broken", [
    exp(-o[j]) / Sum(exp(o[k]), (k, 1, q)),        # sign
    exp(o[k]) / Sum(exp(o[k]), (k, 1, q)) + 0 * j,  # the dummy for the index (a free k)
    exp(o[j]),                                      # dropped normaliser
    exp(o[j]) / Sum(exp(o[k]), (k, 1, q - 1)),     # off-by-one range
    2 * exp(o[j]) / Sum(exp(o[k]), (k, 1, q)),     # factor
], ids=["sign", "index", "dropped normaliser", "off-by-one range", "factor"])
def test_a_broken_softmax_entry_is_never_proved(broken):
    verdict = check(broken, ENTRY)
    assert verdict.status is not Status.PROVED


def test_a_broken_softmax_entry_is_refuted_by_numbers():
    assert check(2 * WRITTEN, ENTRY).status is Status.REFUTED


def test_without_a_range_for_the_components_the_entry_stays_as_written():
    assert softmax_entries(ENTRY + exp(o[j]), ENTRY) == (ENTRY + exp(o[j]), False)


def test_components_summed_over_two_ranges_give_no_index_set():
    scope = Sum(exp(o[k]), (k, 1, q)) + Sum(o[k], (k, 1, q + 1))
    assert softmax_entries(ENTRY, scope)[1] is False


@pytest.mark.parametrize("low, high", [(1, q - 1), (2, q), (0, q), (1, q + 1)])
def test_a_range_that_is_no_whole_index_set_defines_no_vector(low, high):
    assert softmax_entries(ENTRY, Sum(exp(o[k]), (k, low, high)))[1] is False


def test_an_index_set_from_zero_is_read():
    assert softmax_entries(ENTRY, Sum(exp(o[k]), (k, 0, q - 1)))[1] is True


def test_only_a_bold_vector_names_a_family():
    plain = Function("entry")(Softmax(MatrixSymbol("S", n, n)), j)
    assert softmax_entries(plain, WRITTEN)[1] is False


@given(st.lists(st.floats(-4, 4), min_size=1, max_size=6), st.data())
@settings(max_examples=25, deadline=None)
def test_the_rewritten_entry_matches_a_numpy_softmax(values, data):
    index = data.draw(st.integers(1, len(values)))
    form, _ = softmax_entries(ENTRY, WRITTEN)
    at = form.xreplace({q: Integer(len(values)), j: Integer(index)}).doit()
    value = float(at.xreplace({o[a + 1]: v for a, v in enumerate(values)}))
    shifted = np.exp(np.array(values) - max(values))
    assert value == pytest.approx((shifted / shifted.sum())[index - 1], rel=1e-9)
