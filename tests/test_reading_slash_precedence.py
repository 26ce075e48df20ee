r"""A slash before factors side by side has no one reading: ``1/3(x + y)`` is (1/3)(x + y) to a calculator
and 1/(3(x + y)) to a physics journal, ``1/2 \log x`` means half a logarithm to most writers. Before, the
reader silently took the second; now it refuses and says how to write either."""
from __future__ import annotations

import pytest

from verify.errors import ParseError
from verify.parsing import parse_latex_expr, read_document
from tests.documents import check_statuses


@pytest.mark.parametrize("text", [r"1/3(x + y)", r"1/2 \log(2\pi)", r"x/2\pi", r"QK^T/\sqrt{d_k} V"])
def test_a_slash_before_factors_side_by_side_is_refused(text):
    with pytest.raises(ParseError):
        parse_latex_expr(text)


@pytest.mark.parametrize("slashed, meant", [
    (r"a/(b c)", r"\frac{a}{b c}"),
    (r"(1/3)(x + y)", r"\frac{1}{3}(x + y)"),
    (r"x^2/2", r"\frac{x^2}{2}"),
    (r"1/3 \times 2", r"\frac{2}{3}"),
    (r"p(z, x)/p(x)", r"\frac{p(z, x)}{p(x)}"),
    (r"QK^T/\sqrt{d_k}", r"\frac{QK^T}{\sqrt{d_k}}"),
])
def test_a_slash_with_one_factor_after_it_is_the_quotient(slashed, meant):
    assert parse_latex_expr(slashed) == parse_latex_expr(meant)


def test_a_step_written_with_an_ambiguous_slash_is_reported_unreadable_not_decided():
    text = "$$1/3(1/3 + 2/3) = 1$$\n"
    assert check_statuses(text) == [] and [f.error is not None for f in read_document(text).formulas] == [True]
