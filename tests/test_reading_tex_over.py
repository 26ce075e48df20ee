r"""TeX's ``{a \over b}``, still common in MathJax answers and older notes: the group it stands in is the
fraction, read as ``\frac{a}{b}``. Outside a group, or with a relation in its group, TeX's reading
(the whole list above the bar) is never what is meant, so it is refused."""
from __future__ import annotations

import pytest

from verify.errors import ParseError
from verify.parsing import parse_latex_expr
from verify.verdict import Status
from tests.documents import check_statuses


@pytest.mark.parametrize("over, frac", [
    (r"{a \over b}", r"\frac{a}{b}"),
    (r"{1 \over 2} x", r"\frac{1}{2} x"),
    (r"\log {p(x) \over q(x)}", r"\log \frac{p(x)}{q(x)}"),
    (r"{{a \over b} \over c}", r"\frac{\frac{a}{b}}{c}"),
    (r"{1 \over \sqrt{2\pi}} e^{-x^2}", r"\frac{1}{\sqrt{2\pi}} e^{-x^2}"),
    (r"{\partial f(x) \over \partial x}", r"\frac{\partial f(x)}{\partial x}"),
])
def test_over_in_a_group_is_the_fraction(over, frac):
    assert parse_latex_expr(over) == parse_latex_expr(frac)


@pytest.mark.parametrize("text", [r"a \over b", r"{x = a \over b}"])
def test_over_outside_a_group_or_across_a_relation_is_refused(text):
    with pytest.raises(ParseError):
        parse_latex_expr(text)


def test_overline_is_not_over():
    assert parse_latex_expr(r"\overline{x}") != parse_latex_expr(r"x")


def test_a_derivative_written_with_over_is_checked():
    document = "Let $f(x) = x^3$.\n\n$${\\partial f(x) \\over \\partial x} = 3x^2$$\n"
    assert check_statuses(document) == [Status.PROVED]


def test_a_wrong_derivative_written_with_over_is_refuted():
    document = "Let $f(x) = x^3$.\n\n$${\\partial f(x) \\over \\partial x} = 3x$$\n"
    assert check_statuses(document) == [Status.REFUTED]
