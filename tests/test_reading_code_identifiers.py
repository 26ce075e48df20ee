r"""Code identifiers in formulas, as Markdown notes write them: ``hidden\_size`` (the underscore escaped for
Markdown) or ``\mathrm{hidden\_size}`` is one name. Before, ``input\_size`` was read as i*n*p*u*t_{size}: a
silent misread. A one-letter base (``d\_model``) keeps its reading as a subscripted letter."""
from __future__ import annotations

import pytest
from sympy import Symbol

from verify.errors import ParseError
from verify.parsing import parse_latex_expr
from verify.verdict import Status
from tests.documents import check_statuses

hidden, inputs = Symbol("hidden_size"), Symbol("input_size")


@pytest.mark.parametrize("text, meaning", [
    (r"hidden\_size", hidden),
    (r"\mathrm{hidden\_size}", hidden),
    (r"\text{hidden_size}", hidden),
    (r"input\_size \times hidden\_size + hidden\_size^2", inputs * hidden + hidden ** 2),
    (r"seq\_len", Symbol("seq_len")),
])
def test_a_word_joined_by_an_underscore_is_one_name(text, meaning):
    assert parse_latex_expr(text) == meaning


def test_a_one_letter_base_is_a_subscripted_letter_however_it_is_written():
    assert parse_latex_expr(r"\mathrm{d\_model}") == parse_latex_expr(r"d\_model") == parse_latex_expr(r"d_{model}")


def test_two_letters_before_digits_are_refused_as_ambiguous():
    with pytest.raises(ParseError):
        parse_latex_expr(r"xy\_1")


PARAMETERS = (
    "Let $input\\_size = 1$ and $hidden\\_size = 8$.\n\n"
    "$$input\\_size \\times hidden\\_size + hidden\\_size^2 + hidden\\_size = {total}$$\n"
)


def test_a_parameter_count_with_code_identifiers_is_proved():
    assert check_statuses(PARAMETERS.format(total="80")) == [Status.PROVED]


def test_a_wrong_parameter_count_with_code_identifiers_is_refuted():
    assert check_statuses(PARAMETERS.format(total="72")) == [Status.REFUTED]
