"""Equation labels are stripped in one place, for lone formulas and document rows alike."""
import pytest
from sympy import Function, Symbol

from verify.errors import ParseError
from verify.parsing import parse, parse_latex_expr, read_document

x, y, q = Symbol("x"), Symbol("y"), Symbol("q")


def test_a_lone_formula_loses_its_letter_number_label():
    assert parse(r"c3 \quad L(q) = x").exprs[0] == Function("L")(q)


@pytest.mark.parametrize("text", [r"(3) \quad x + y", r"x + y \tag{2}", r"\tag{2} x + y", r"x + y."])
def test_a_lone_formula_loses_quad_and_tag_labels(text):
    assert parse_latex_expr(text) == x + y


def test_a_bare_number_in_parentheses_before_a_lone_formula_is_a_factor():
    assert parse_latex_expr("(2) x") == 2 * x


def test_a_number_in_parentheses_before_an_operator_is_not_a_label():
    chain = read_document("$$(1) + x = y$$\n$$= y$$").chains[0]
    assert chain.start == Symbol("x", real=True) + 1


def test_errors_after_a_blanked_label_point_into_the_original_text():
    with pytest.raises(ParseError) as caught:
        parse(r"c3 \quad x +")
    assert caught.value.column == len(r"c3 \quad x +") + 1
