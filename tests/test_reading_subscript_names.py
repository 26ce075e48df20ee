"""A subscripted name is one symbol however its subscript is written: ``d_k`` and ``d_{k}`` are the
same size, even where the subscript's letter is itself a vector of the document (``q, k \\in
\\mathbb{R}^{d_k}``). Two symbols printed alike would let a step hold or fail by a name's spelling."""
from __future__ import annotations

import pytest
from sympy import Symbol

from verify.parsing import parse_latex_expr, read_document
from verify.verdict import Status
from tests.documents import check_statuses

DECLARED = "Let $q, k \\in \\mathbb{R}^{d_k}$ be independent.\n\n"


def _names(text: str) -> set[str]:
    document = read_document(text)
    return {s.name for c in document.chains for e in (c.start, *(s.expr for s in c.steps))
            for s in e.free_symbols if isinstance(s, Symbol) and s.name.startswith("d")}


@pytest.mark.parametrize("bound", ["d_k", "d_{k}", "{d_k}", "{d_{k}}"])
def test_a_size_subscripted_by_a_vector_letter_is_one_name(bound):
    text = DECLARED + f"$$\n\\sum_{{i=1}}^{bound} 1 = d_k\n$$\n"
    assert _names(text) == {"d_k"}


def test_the_assumed_line_lists_the_size_once():
    text = DECLARED + "$$\n\\sum_{i=1}^{d_{k}} 1 = d_k\n$$\n"
    note = read_document(text).context.notes[-1]
    assert "d_{k}" not in note and "d_k positive integer" in note


def test_a_sum_to_the_braced_size_equals_the_bare_size():
    assert check_statuses(DECLARED + "$$\n\\sum_{i=1}^{d_{k}} 1 = d_k\n$$\n") == [Status.PROVED]


@pytest.mark.parametrize("wrong", ["d_k + 1", "2 d_k", "d_k^2", "d_q"])
def test_a_broken_count_is_never_proved(wrong):
    assert Status.PROVED not in check_statuses(DECLARED + f"$$\n\\sum_{{i=1}}^{{d_{{k}}}} 1 = {wrong}\n$$\n")


@pytest.mark.parametrize("one, other", [("C_{exp}", "C_{pex}"), ("W_{relu}", "W_{lure}"), ("T_{ep}", "T_{pe}")])
def test_a_subscript_with_the_letter_e_keeps_its_written_order(one, other):
    assert parse_latex_expr(one) != parse_latex_expr(other)


def test_a_difference_of_two_subscript_words_with_e_is_never_proved_zero():
    assert Status.PROVED not in check_statuses("$$\nC_{exp} - C_{pex} = 0\n$$\n")
