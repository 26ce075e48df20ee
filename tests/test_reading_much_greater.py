"""``n \\gg k`` and ``n >> k`` in a premise state an order, at least k < n, which a complexity step such as
``(n - k + 1) O(kd) = O(nkd)`` needs. "Much greater" is no relation a step can be checked by: a display
claiming it is reported as not checked, never proved as the weaker n > k."""
from __future__ import annotations

import pytest
from sympy import StrictGreaterThan, StrictLessThan

from verify.parsing import parse, read_document
from verify.verdict import Status
from tests.documents import check_statuses

STEP = "\n\n$$\n(n - k + 1) O(k d) = RIGHT\n$$\n"


@pytest.mark.parametrize("text, relation", [(r"n \gg k", ">>"), ("n >> k", ">>"), (r"k \ll n", "<<"), ("k << n", "<<")])
def test_much_greater_and_much_less_are_read_as_written(text, relation):
    assert parse(text).relations == (relation,)


@pytest.mark.parametrize("premise", [r"Assume $n \gg k$ and $d > 0$.", r"Assume $n >> k$ and $d > 0$.",
                                     r"Let $k \ll n$ and $d > 0$."])
def test_a_stated_much_greater_is_the_order_k_below_n(premise):
    relations = read_document(premise + STEP.replace("RIGHT", "O(n k d)")).context.relations
    orders = {(str(r.lts), str(r.gts)) for r in relations if isinstance(r, (StrictGreaterThan, StrictLessThan))}
    assert ("k", "n") in orders


def test_the_window_count_under_n_much_greater_than_k_is_proved():
    assert check_statuses(r"Assume $n \gg k$ and $d > 0$." + STEP.replace("RIGHT", "O(n k d)")) == [Status.PROVED]


@pytest.mark.parametrize("wrong", ["O(k d)", "O(n d)", "O(k^2 d)", "O(n k)", "O(d)"])
def test_a_broken_window_count_is_never_proved(wrong):
    assert Status.PROVED not in check_statuses(r"Assume $n \gg k$ and $d > 0$." + STEP.replace("RIGHT", wrong))


def test_a_claimed_much_greater_is_no_premise():
    relations = read_document(r"We compute, hence $n \gg k$." + STEP.replace("RIGHT", "O(n k d)")).context.relations
    assert not any({str(s) for s in r.free_symbols} == {"k", "n"} for r in relations)


def test_a_display_claiming_much_greater_is_not_checked():
    document = read_document("$$\nn \\gg k\n$$\n")
    assert not document.chains
    assert any("much greater" in why for _, why in document.skipped)
