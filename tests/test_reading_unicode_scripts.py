"""Unicode superscripts as people type them (``x²``, ``A⁻¹``) are powers; other Unicode digits are refused
with their position, never a crash (issue 10, section 4)."""
import pytest
from sympy import Symbol

from verify.parsing import read_document
from verify.parsing.expressions import parse_ascii_expr, parse_latex_expr

x = Symbol("x")


@pytest.mark.parametrize("typed, written", [("x²", "x^{2}"), ("x³", "x^{3}"), ("x⁻¹", "x^{-1}"), ("x²³", "x^{23}"),
                                             ("(x + 1)²", "(x + 1)^{2}")])
def test_a_unicode_superscript_is_the_power_written_with_a_caret(typed, written):
    assert parse_latex_expr(typed) == parse_latex_expr(written)


@pytest.mark.parametrize("text", ["$$x⁻ = 1$$", "$$x = ٣$$", "$$x^² = 1$$"])
def test_a_superscript_or_digit_that_is_no_number_is_a_positioned_refusal(text):
    (error,) = read_document(text).errors
    assert (error.line, error.column) >= (1, 1) and "Error" not in error.message


def test_a_unicode_digit_after_a_relation_in_ascii_notation_is_a_positioned_refusal():
    (error,) = read_document("```derivation ascii\nx^2\n= ٣\n```\n").errors
    assert (error.line, error.column) == (3, 3)


def test_an_ascii_formula_reads_only_ascii_digits():
    assert parse_ascii_expr("x^2 + 10") == x**2 + 10
