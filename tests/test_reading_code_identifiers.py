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


# unescaped, as code and plain-text notes write them: in_channels was i*n_c*h*a*n*n*e*l*s with e Euler's number
@pytest.mark.parametrize("text, meaning", [
    (r"in_channels * out_channels", Symbol("in_channels") * Symbol("out_channels")),
    (r"kernel_size^2", Symbol("kernel_size") ** 2),
    (r"num_attention_heads + 1", Symbol("num_attention_heads") + 1),
    (r"input_size \times hidden\_size", inputs * hidden),
])
def test_an_unescaped_word_joined_by_an_underscore_is_one_name(text, meaning):
    assert parse_latex_expr(text) == meaning


@pytest.mark.parametrize("unbraced, braced", [
    (r"d_model", r"d_{model}"), (r"x_ij", r"x_{ij}"), (r"W_qkv", r"W_{qkv}"), (r"\sigma_ij", r"\sigma_{ij}"),
    (r"n_layers + 1", r"n_{layers} + 1"),
])
def test_letters_after_an_underscore_without_braces_are_the_whole_subscript(unbraced, braced):
    assert parse_latex_expr(unbraced) == parse_latex_expr(braced)


@pytest.mark.parametrize("text, tex_reading", [
    (r"a_ib_j", r"a_i b_j"),       # the run does not end the name: TeX's reading is the writer's
    (r"x_i", r"x_{i}"),
])
def test_a_single_letter_subscript_keeps_its_tex_reading(text, tex_reading):
    assert parse_latex_expr(text) == parse_latex_expr(tex_reading)


def test_a_parameter_count_written_with_code_identifiers_is_checked():
    text = ("Assume:\n\n- $in_channels = 64$\n- $out_channels = 128$\n- $kernel_size = 3$\n\nThen:\n\n"
            "$$in_channels * out_channels * kernel_size^2 + out_channels = 64 * 128 * 3 * 3 + 128$$\n\n$$= 73856$$\n")
    assert check_statuses(text) == [Status.PROVED, Status.PROVED]


def test_a_wrong_parameter_count_written_with_code_identifiers_is_refuted():
    text = ("Assume:\n\n- $in_channels = 64$\n- $out_channels = 128$\n- $kernel_size = 3$\n\nThen:\n\n"
            "$$in_channels * out_channels * kernel_size^2 + out_channels = 64 * 128 * 3 + 128$$\n")
    assert check_statuses(text) == [Status.REFUTED]
