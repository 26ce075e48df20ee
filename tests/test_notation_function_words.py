"""Function words written without a backslash: ``log p``, ``sin x``, and capitalised ``Log``, ``Exp``,
``Max`` (Mathematica's spelling) are the function, as ``\\log`` is; ``\\mathrm{Log}`` too. Activation
words (``relu``, ``ReLU``, ``sgn``) are one undefined function's name when applied, refused otherwise.
A run of letters a person means as one word must never become the product of its letters (L*o*g)."""
from __future__ import annotations

import pytest
from sympy import Function, Max, Symbol, asin, cos, exp, log, sin, sqrt, tanh

from verify.errors import ParseError
from verify.parsing import parse_latex_expr
from verify.verdict import Status
from tests.documents import check_statuses

a, b, x, z = (Symbol(n) for n in "abxz")
LOG_P = parse_latex_expr(r"\log(p(x))")  # p(x) as the parser reads a density

READINGS = [
    (r"Log(p(x))", LOG_P),
    (r"Log p(x)", LOG_P),
    (r"\text{Log}(p(x))", LOG_P),
    (r"\mathrm{Log}(p(x))", LOG_P),
    (r"\mathrm{Log}\, x", log(x)),
    (r"\operatorname{Log} p(x)", LOG_P),
    (r"Ln(x)", log(x)),
    (r"Exp(x)", exp(x)),
    (r"Exp x", exp(x)),
    (r"\mathrm{Exp}(x)", exp(x)),
    (r"sin(x)", sin(x)),
    (r"Sin(x)", sin(x)),
    (r"Cos(x)", cos(x)),
    (r"tanh(x)", tanh(x)),
    (r"Tanh(x)", tanh(x)),
    (r"arcsin(x)", asin(x)),
    (r"sqrt(x + 1)", sqrt(x + 1)),
    (r"Max(a, b)", Max(a, b)),
    (r"relu(x)", Function("relu")(x)),
    (r"ReLU(z)", Function("ReLU")(z)),
    (r"sgn(x)", Function("sgn")(x)),
]


@pytest.mark.parametrize("text, expected", READINGS)
def test_a_function_word_is_the_function(text, expected):
    assert parse_latex_expr(text) == expected


@pytest.mark.parametrize("text", ["Log(x)", "Exp(x)", "sin(x)", "tanh(x)", "sqrt(x)", "relu(x)", "Max(a, b)"])
def test_a_function_word_is_never_a_product_of_letters(text):
    names = {s.name for s in parse_latex_expr(text).free_symbols}
    assert names <= {"a", "b", "x"}


def test_an_activation_word_not_applied_is_refused():
    with pytest.raises(ParseError, match="relu must be applied"):
        parse_latex_expr(r"relu x")


@pytest.mark.parametrize("text", [r"W_{relu}", r"C_{exp}", r"\theta_{max}"])
def test_a_word_in_a_subscript_stays_the_letters_of_a_name(text):
    assert isinstance(parse_latex_expr(text), Symbol)


def test_a_capitalised_log_of_an_exponential_is_its_exponent():
    assert check_statuses("$$\nLog(Exp(x)) = x\n$$\n") == [Status.PROVED]


def test_a_capitalised_log_of_a_product_splits():
    text = "Let $a > 0$ and $b > 0$.\n\n$$\n\\mathrm{Log}(a b) = \\log a + \\log b\n$$\n"
    assert check_statuses(text) == [Status.PROVED]


@pytest.mark.parametrize("wrong", ["2 x", "-x", "x + 1", "\\exp(x)", "\\log(x)"])
def test_a_broken_value_of_log_exp_is_never_proved(wrong):
    assert Status.PROVED not in check_statuses(f"$$\nLog(Exp(x)) = {wrong}\n$$\n")


@pytest.mark.parametrize("wrong", ["\\log a - \\log b", "\\log a \\log b", "2\\log a + \\log b"])
def test_a_broken_split_of_a_capitalised_log_is_never_proved(wrong):
    text = f"Let $a > 0$ and $b > 0$.\n\n$$\n\\mathrm{{Log}}(a b) = {wrong}\n$$\n"
    assert Status.PROVED not in check_statuses(text)


@pytest.mark.parametrize("text", ["Logit(x)", "LogSoftmax(z)", "LOG(x)", "MSE(y)"])
def test_an_unknown_word_applied_is_refused_never_a_product_of_letters(text):
    with pytest.raises(ParseError, match="operatorname"):
        parse_latex_expr(text)


@pytest.mark.parametrize("text, names", [("abc(x)", {"a", "b", "x"}), ("AB(x)", {"A", "x"})])
def test_short_or_lower_case_runs_stay_products_of_names(text, names):
    assert names <= {s.name for s in parse_latex_expr(text).free_symbols}
