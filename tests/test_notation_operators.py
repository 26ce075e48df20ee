"""Operator names as papers write them: ``Var[X]``, ``Cov(X, Y)``, ``tr(AB)``, ``V[aX]``.

An italic run like ``Var`` applied to brackets is the operator, never the product V*a*r;
a single letter applied to ``[...]`` is an opaque application, never a product; a name with
a space before ``[`` is refused, since either reading could be meant."""
from __future__ import annotations

import pytest
from sympy import Function, Symbol

from verify.errors import ParseError
from verify.parsing import parse_latex_expr
from verify.verdict import Status
from tests.documents import check_statuses

X, Y, a, A, B = (Symbol(n) for n in "XYaAB")
Var, Cov, V, P, tr = (Function(n) for n in ("Var", "Cov", "V", "P", "tr"))

READINGS = [
    (r"Var[aX]", Var(a * X)),
    (r"Var(X)", Var(X)),
    (r"\mathrm{Var}[aX]", Var(a * X)),
    (r"\text{Var}(X)", Var(X)),
    (r"\operatorname{Var}\left[X\right]", Var(X)),
    (r"\mathbb{V}[X]", Var(X)),
    (r"Cov[X, Y]", Cov(X, Y)),
    (r"Cov(X, Y)", Cov(X, Y)),
    (r"tr(AB)", tr(A * B)),
    (r"V[aX]", V(a * X)),
    (r"P[A]", P(A)),
]


@pytest.mark.parametrize("text, expected", READINGS)
def test_an_operator_name_applied_to_brackets_is_that_operator(text, expected):
    assert parse_latex_expr(text) == expected


def test_a_bracket_application_stays_one_where_the_name_also_stands_alone():
    assert parse_latex_expr(r"V[aX] + V") == V(a * X) + Symbol("V")


def test_a_bracket_around_an_expression_in_the_name_itself_is_a_product():
    L, E = Symbol("L"), Symbol("E")
    assert parse_latex_expr(r"L\left[2E(3E + 2L - 2) + 4L - 1\right]") == L * (2 * E * (3 * E + 2 * L - 2) + 4 * L - 1)


@pytest.mark.parametrize("text", [r"Var X", r"Cov X", r"x [a + b]", r"V \left[ aX \right]"])
def test_an_unapplied_operator_word_or_a_spaced_bracket_is_refused(text):
    with pytest.raises(ParseError):
        parse_latex_expr(text)


def test_letters_that_spell_no_operator_are_still_a_product():
    assert parse_latex_expr("tr") == Symbol("t") * Symbol("r")


NORMAL_X = "Let $X \\sim \\mathcal{N}(0, 1)$.\n\nThen\n$$%s$$\n"


def test_mathbb_v_is_the_variance():
    assert check_statuses(NORMAL_X % r"\mathbb{V}[aX] = a^2 \mathbb{V}[X]") == [Status.PROVED]


def test_the_variance_of_a_scaled_variable_is_proved_with_the_square():
    assert check_statuses(NORMAL_X % "Var[aX] = a^2 Var[X]") == [Status.PROVED]


@pytest.mark.parametrize("wrong", [r"Var[aX] = a Var[X]", r"Var[aX] = -a^2 Var[X]", r"Var[aX] = a^3 Var[X]",
                                   r"V[aX] = a V[X]", r"V[aX] = a^2 V[X]", r"\mathbb{V}[aX] = a \mathbb{V}[X]",
                                   r"Var[X + a] = Var[X] + a", r"Cov[X, aX] = Var[X]"])
def test_a_wrong_variance_step_is_never_proved(wrong):
    assert Status.PROVED not in check_statuses(NORMAL_X % wrong)


@pytest.mark.parametrize("text, argument", [("\\log \\frac{1}{s} \\exp(-x^2)", "exp(-x**2)/s"),
                                            ("\\ln 2 \\exp x", "2*exp(x)"),
                                            ("\\text{log } c \\text{exp}[x]", "c*exp(x)")])
def test_a_bare_log_takes_the_exponential_after_it_as_it_takes_a_power_of_e(text, argument):
    assert str(parse_latex_expr(text).args[0]) == argument


def test_a_bare_log_one_product_sign_before_an_exponential_is_refused():
    with pytest.raises(ParseError, match="logarithm takes the exponential"):
        parse_latex_expr("\\log \\frac{1}{s} \\cdot \\exp(-x^2)")


def test_a_bare_sine_before_a_cosine_is_still_a_product():
    assert parse_latex_expr("\\sin a \\cos b") == parse_latex_expr("\\sin(a) \\cos(b)")
