"""Escaping: untrusted text reaches TeX only as characters, never as commands."""
import re

import pytest
from hypothesis import given, settings, strategies as st
from sympy import Function, Matrix, Symbol

from verify.printing.text import escape_text
from verify.printing.latex import latex_math, safe_name
from verify.vocabulary.probability import density

# every command escape_text may emit; anything else would be the input's own TeX
ALLOWED = {"textbackslash", "textasciicircum", "textasciitilde", "textasciigrave", "textquotesingle",
           "allowbreak", "ensuremath", "dots", "le", "ge", "ne", "approx", "to", "leftarrow", "Rightarrow",
           "infty", "sum", "prod", "int", "partial", "nabla", "cdot", "times", "div", "pm", "surd", "in",
           "forall", "exists", "langle", "rangle", "varsigma",
           *"alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi pi rho sigma tau upsilon "
            "phi chi psi omega Gamma Delta Theta Lambda Xi Pi Sigma Upsilon Phi Psi Omega".split()}
ESCAPED_SYMBOLS = set("{}$&#_%|")


def commands(tex: str) -> list[str]:
    return re.findall(r"\\([A-Za-z]+|.)", tex)


def balanced(tex: str) -> bool:
    depth = 0
    for token in re.findall(r"\\.|[{}]", tex):
        depth += {"{": 1, "}": -1}.get(token, 0)
        if depth < 0:
            return False
    return depth == 0


HOSTILE = [
    r"\input{/etc/passwd}",
    r"\immediate\write18{touch /tmp/pwned}",
    r"\catcode`\{=12 \def\x{oops}",
    "}}}{{ unbalanced {",
    "^^5cinput^^7b/etc/passwd^^7d",
    "$x^2$ & # % ~ _",
    "\x00\x1b\x7f control \u202e bidi",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_becomes_only_allowed_commands(text):
    tex = escape_text(text)
    assert set(commands(tex)) <= ALLOWED | ESCAPED_SYMBOLS
    assert balanced(tex)


@settings(max_examples=50, deadline=None)
@given(st.text(max_size=200))
def test_any_text_becomes_only_allowed_commands_and_balanced_braces(text):
    tex = escape_text(text)
    assert set(commands(tex)) <= ALLOWED | ESCAPED_SYMBOLS
    assert balanced(tex)


@settings(max_examples=50, deadline=None)
@given(st.text(max_size=200))
def test_no_special_character_is_left_unescaped(text):
    bare = re.sub(r"\\([A-Za-z]+|.)", "", escape_text(text))
    assert not set(bare) & set("\\$&#^_%")


@pytest.mark.parametrize("text", ["plain words", "x = y + 1", "Bayes rule, step 3", "(a, b)"])
def test_plain_text_keeps_its_letters(text):
    assert re.sub(r"\\[A-Za-z]+|[{}\\]", "", escape_text(text)) == text


def test_very_long_text_is_shortened_and_says_by_how_much():
    tex = escape_text("a" * 5000, max_chars=100)
    assert "[4900 more characters]" in tex
    kept = tex.split(r"\dots")[0].replace(r"\allowbreak{}", "")
    assert kept == "a" * 100


def test_long_words_get_break_opportunities():
    assert r"\allowbreak" in escape_text("x" * 80)


@pytest.mark.parametrize("name", ["x", "x_1", "mu_q", r"\alpha", "sigma^{2}", "z'", "W_{qk}", "p_{t+1}", "W_{q,k}"])
def test_plain_names_are_safe(name):
    assert safe_name(name)


@pytest.mark.parametrize("name", [r"\input", r"\def\x", "a b", "x_{1", "x}", "$x$", r"\alphax", "x%", r"p_{\input}", "p_{t}}"])
def test_other_names_are_not(name):
    assert not safe_name(name)


def test_a_hostile_symbol_name_is_printed_as_text():
    tex = latex_math(Symbol(r"\input{/etc/passwd}") + Symbol("x"))
    assert r"\input" not in tex.replace(r"\textbackslash{}input", "")
    assert "x" in tex


@pytest.mark.parametrize("expr", [Function(r"\write18")(Symbol("x")), density(r"p\def", [Symbol("x")])])
def test_a_hostile_function_or_density_name_makes_the_whole_expression_text(expr):
    tex = latex_math(expr)
    assert tex.startswith(r"\text{\ttfamily") and r"\write" not in tex and r"\def" not in tex


def test_matrices_and_tuples_are_math():
    assert r"\begin{matrix}" in latex_math(Matrix([[1, 0], [0, 1]]))
    assert latex_math((Symbol("a"), Symbol("b"))) == r"a,\ b"
