"""LaTeX for documents: SymPy's printer with names checked, ``i`` for the unit, real-line integrals unbounded."""
from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st
from sympy import I, Integral, Symbol, exp, oo

from verify.printing import latex_math
from verify.export.written import written_latex
from verify.export.prose import authored_latex

Z = Symbol("z")


def test_the_imaginary_unit_is_an_upright_i():
    assert latex_math(1 + I * Symbol("eta")) == r"i \eta + 1"


def test_an_integral_over_the_real_line_has_no_bounds():
    assert latex_math(Integral(exp(-Z**2), (Z, -oo, oo))) == r"\int e^{- z^{2}}\, dz"


def test_an_integral_over_an_interval_keeps_its_bounds():
    assert r"\limits_{0}^{1}" in latex_math(Integral(Z, (Z, 0, 1)))


def test_a_hostile_name_is_printed_as_escaped_text():
    assert latex_math(Symbol(r"\input{x}")) == r"\text{\ttfamily \textbackslash{}input\{x\}}"


def test_a_formula_as_written_is_kept_when_it_is_safe_latex():
    assert written_latex(r"\frac{1}{(\sqrt{d_k})^2} d_k") == r"\frac{1}{(\sqrt{d_k})^2} d_k"


def test_a_formula_with_an_unknown_command_or_a_tex_trick_is_not_kept():
    for source in (r"\input{x}", r"\def\x{y}", "x^^5c", r"\left( x", r"\frac{a}{b", "50 % off", r"\csname x"):
        assert written_latex(source) is None, source


def test_ascii_notation_is_not_kept_as_latex():
    assert written_latex("sqrt(1 + eta^2)") is None and written_latex("x**2") is None


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="\\{}()[]^_&$%#abdefrsquintlpc 12+-*/=<>|", max_size=30))
def test_what_is_kept_as_written_has_no_tex_trick_and_balanced_braces(source):
    kept = written_latex(source)
    if kept is not None:
        assert not any(c in kept for c in "$%#") and "^^" not in kept
        assert kept.replace(r"\{", "").replace(r"\}", "").count("{") == \
            kept.replace(r"\{", "").replace(r"\}", "").count("}")


def test_an_authors_dollar_math_is_typeset_and_unsafe_math_stays_text():
    assert authored_latex(r"grows by $\sqrt{1 + \eta^2}$") == r"grows by \(\sqrt{1 + \eta^2}\)"
    assert authored_latex(r"see $\input{x}$") == r"see \$\textbackslash{}input\{x\}\$"


@pytest.mark.parametrize("name, latex", [
    ("head_1", r"\mathrm{head}_{1}"), ("ELBO", r"\mathrm{ELBO}"), ("d_model", r"d_{\mathrm{model}}"),
])
def test_a_name_of_several_letters_is_set_upright_as_one_name(name, latex):
    assert latex_math(Symbol(name)) == latex


@pytest.mark.parametrize("name, latex", [("x_ij", "x_{ij}"), ("alpha_1", r"\alpha_{1}"), ("W^O", "W^{O}"),
                                         ("xhat", r"\hat{x}")])
def test_letters_greek_names_indices_and_accents_keep_their_usual_form(name, latex):
    assert latex_math(Symbol(name)) == latex


def test_function_names_keep_their_own_form():
    from sympy import Function, log

    assert latex_math(log(Symbol("x"))) == r"\log{\left(x \right)}"
    assert latex_math(Function("softmax")(Symbol("x"))) == r"\operatorname{softmax}{\left(x \right)}"


def test_a_row_of_ones_is_the_transpose_of_the_bold_ones_vector():
    from sympy import MatrixSymbol, OneMatrix

    t = Symbol("t")
    assert latex_math(MatrixSymbol("c", t, 1) * OneMatrix(1, t)) == r"c \mathbf{1}^{T}"


def test_a_density_is_written_as_on_paper_without_sized_parentheses():
    from verify.vocabulary.probability import density

    assert latex_math(density("q", [Z], [Symbol("x")])) == r"q(z \mid x)"


def test_a_sum_as_written_prints_as_one_sum_and_a_subtracted_sum_keeps_its_parentheses():
    from sympy import Add, Mul

    a, b = Symbol("a"), Symbol("b")
    nested = Add(Add(a**2, 2 * a * b, evaluate=False), b**2, evaluate=False)
    subtracted = Add(a, Mul(-1, Add(a, b, evaluate=False), evaluate=False), evaluate=False)
    assert latex_math(nested, as_written=True) == "a^{2} + 2 a b + b^{2}"
    assert latex_math(subtracted, as_written=True) == r"a - \left(a + b\right)"
