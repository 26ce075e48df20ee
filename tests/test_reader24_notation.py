"""Notation from worked solutions and editors (session 24): answers set in bold, scripts written in a group of
their own (``\\theta{_k}``), a word alone in a subscript (``L_{\\text{KL}}``)."""
from __future__ import annotations

import pytest
import sympy

from verify.errors import ParseError
from verify.parsing.expressions import parse_latex_expr

TABLE = [
    (r"\mathbf{18496}", "18496"),
    (r"\mathbf{5.0} + 1", "6"),
    (r"2 + \boldsymbol{12}", "14"),
    (r"\theta{_k}", "theta_k"),
    (r"{y}{_{k}}", "y_k"),
    (r"x{^2}", "x**2"),
    (r"L_{\text{KL}} + 1", "L_KL + 1"),
    (r"T_{\mathrm{softmax}}", "T_softmax"),
    (r"lnx + 1", "log(x) + 1"),
    (r"\mathbf{2T^2D}", "2*T**2*D"),
]


@pytest.mark.parametrize("text, expected", TABLE)
def test_the_notation_reads_as_the_expression_it_means(text, expected):
    assert parse_latex_expr(text) == sympy.sympify(expected)


def test_bold_one_is_never_read_as_the_number():
    """\\mathbf{1} is the vector of ones as often as an emphasised 1: refused, not guessed."""
    with pytest.raises(ParseError):
        parse_latex_expr(r"\mathbf{1}")


def test_a_divergence_outside_a_subscript_is_still_a_divergence():
    assert "KL" in type(parse_latex_expr(r"\mathrm{KL}(q \| p)")).__name__


def test_a_layer_index_in_square_brackets_is_no_power():
    """``z^{[3]}`` (the third layer's pre-activation, as deep-learning courses write it) was z**3: a silent misread."""
    assert parse_latex_expr(r"z^{[3]}") != parse_latex_expr("z^3")
    assert parse_latex_expr(r"z^{[3]}").free_symbols.isdisjoint({sympy.Symbol("z")})


def test_layer_and_example_superscripts_are_different_families():
    assert parse_latex_expr(r"a^{[l]}") != parse_latex_expr(r"a^{(l)}")


@pytest.mark.parametrize("text", [r"\left(\frac{1}{1+e^{-x}}\right)'", r"(x y)'", r"(f^2)'", r"(x)'(y)"])
def test_a_prime_after_a_bracket_is_refused_with_its_reason(text):
    """Which variable, and whether f of (f^2)' is unfolded, the prime does not say: read in its one name,
    (f^2)' = 2f was proved for a defined f(x)."""
    with pytest.raises(ParseError, match="variable of the derivative"):
        parse_latex_expr(text)


def test_a_derivative_by_a_vector_is_refused_with_its_reason():
    with pytest.raises(ParseError, match="gradient"):
        parse_latex_expr(r"\frac{\partial J}{\partial \mathbf{u}} + \mathbf{u}^T \mathbf{v}")


@pytest.mark.parametrize("glued, spaced", [(r"logp(x)", r"\log p(x)"), (r"logp_\theta(x|z)", r"\log p_\theta(x|z)")])
def test_a_log_glued_to_one_letter_is_the_logarithm_of_it(glued, spaced):
    """``logp(x)`` as typed in plain text was the product g l o p(x): a silent misread."""
    assert parse_latex_expr(glued) == parse_latex_expr(spaced)
