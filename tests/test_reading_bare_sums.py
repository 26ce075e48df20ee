r"""``\sum`` with no index written, as notes write the softmax denominator ``\sum e^{x_j}``: the sum over
the one index its summand's families carry, read as ``\sum_j``; with no such index or several, refused."""
from __future__ import annotations

import pytest

from verify.errors import ParseError
from verify.parsing import parse_latex_expr
from verify.verdict import Status
from tests.documents import check_statuses


@pytest.mark.parametrize("bare, indexed", [
    (r"\sum e^{x_j}", r"\sum_j e^{x_j}"),
    (r"\frac{e^{x_i}}{\sum e^{x_j}}", r"\frac{e^{x_i}}{\sum_j e^{x_j}}"),
    (r"\sum x_i y_i", r"\sum_i x_i y_i"),
    (r"\sum w_k^2", r"\sum_k w_k^2"),
])
def test_a_bare_sum_is_over_the_one_index_its_summand_carries(bare, indexed):
    assert parse_latex_expr(bare) == parse_latex_expr(indexed)


@pytest.mark.parametrize("text", [
    r"\sum x",          # no index at all: over what?
    r"\sum x_i y_j",    # two indices: which one is summed?
    r"\sum e^{c}",
])
def test_a_bare_sum_naming_no_single_index_is_refused(text):
    with pytest.raises(ParseError):
        parse_latex_expr(text)


SHIFT = r"$$\frac{e^{x_i + c}}{\sum e^{x_j + c}} = \frac{e^{x_i}}{\sum e^{x_j}}$$" + "\n"


def test_softmax_shift_invariance_written_with_bare_sums_is_proved():
    assert check_statuses(SHIFT) == [Status.PROVED]


def test_a_wrong_sign_in_a_bare_sum_is_refuted():
    assert check_statuses(r"$$\frac{e^{x_i + c}}{\sum e^{x_j + c}} = \frac{e^{x_i} e^c}{\sum e^{x_j} e^{-c}}$$" + "\n") == [
        Status.REFUTED]
