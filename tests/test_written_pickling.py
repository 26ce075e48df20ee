"""A form as written survives a worker process: SymPy would evaluate it on unpickling (``x q/q`` -> ``x``)."""
from __future__ import annotations

import pickle

from hypothesis import given, settings
from sympy import Add, Mul, Symbol, srepr

from verify.grading.checks import CheckKey
from verify.model import Context, Relation, portable, restored
from verify.parsing import read_document

from .strategies import polynomials

CANCEL = "$$x \\cdot \\frac{q}{q} = x$$\n"


def _round_trip(thing):
    return pickle.loads(pickle.dumps(thing))


def test_a_chain_keeps_its_start_as_written_through_pickling():
    chain = read_document(CANCEL).chains[0]
    assert _round_trip(chain).written == chain.written and chain.written != chain.start


def test_a_step_keeps_its_written_form_through_pickling():
    step = read_document("$$x = x \\cdot \\frac{q}{q}$$\n").chains[0].steps[0]
    assert srepr(_round_trip(step).written) == srepr(step.written)


def test_a_grading_key_keeps_both_sides_as_written_through_pickling():
    chain = read_document(CANCEL).chains[0]
    key = CheckKey(chain.start, Relation.EQ, chain.steps[0].expr, Context(), None, (chain.written, chain.steps[0].written))
    again = _round_trip(key)
    assert again == key and again.written[0] != again.written[1]


def test_the_order_of_terms_as_written_survives():
    a, b = Symbol("a"), Symbol("b")
    written = Add(b, a, evaluate=False)
    assert restored(_round_trip(portable(written))).args == (b, a)


@settings(max_examples=40, deadline=None)
@given(polynomials)
def test_an_evaluated_expression_comes_back_equal(expr):
    assert restored(_round_trip(portable(expr))) == expr


@settings(max_examples=40, deadline=None)
@given(polynomials)
def test_an_unevaluated_product_comes_back_unevaluated(expr):
    written = Mul(1, expr, evaluate=False)
    assert srepr(restored(_round_trip(portable(written)))) == srepr(written)


def test_nothing_written_stays_nothing():
    assert restored(_round_trip(portable(None))) is None
