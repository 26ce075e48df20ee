"""Bars: |x| is an absolute value, \\|v\\| a norm, and p(x|z) keeps its conditional bar."""
from sympy import Abs, Function, MatrixSymbol, Symbol

from verify.parsing import parse_latex_expr, read_document
from verify.vocabulary import Density

x = Symbol("x")


def test_bars_around_a_scalar_are_its_absolute_value():
    assert parse_latex_expr("|x|") == Abs(x)


def test_lvert_rvert_are_an_absolute_value():
    assert parse_latex_expr("\\lvert x \\rvert") == Abs(x)


def test_a_bar_inside_a_density_stays_a_conditional():
    assert parse_latex_expr("\\log p(x|z) + |x|").atoms(Density) == {Density("p", (x,), (Symbol("z"),))}


def test_a_norm_of_a_scalar_is_its_absolute_value():
    assert parse_latex_expr("\\|x\\|") == Abs(x)


def test_lvert_norm_of_a_scalar_is_its_absolute_value():
    assert parse_latex_expr("\\lVert x \\rVert") == Abs(x)


def test_a_norm_of_a_vector_is_an_undefined_norm():
    document = read_document("Let $v \\in \\mathbb{R}^{d}$.\n\n$$\\|v\\|^2 = v^T v$$")
    start = document.chains[0].start
    assert start.base.func == Function("norm") and isinstance(start.base.args[0], MatrixSymbol)


def test_kl_keeps_its_double_bar():
    assert parse_latex_expr("KL(q \\| p)").has(Symbol("q"))


def test_an_unpaired_bar_is_still_an_error():
    import pytest
    from verify.errors import ParseError

    with pytest.raises(ParseError):
        parse_latex_expr("|x + 1")


def test_one_bar_inside_a_spaced_bracket_is_a_conditional_and_applies_the_name():
    """OCR and hand spacing, ``p_{\\theta} (x|z)``: a product ``p \\cdot (x|z)`` means nothing, so the bar
    makes the bracket the density's arguments."""
    assert parse_latex_expr(r"p_{\theta} (x|z)") == parse_latex_expr(r"p_{\theta}(x|z)")
    assert parse_latex_expr(r"p (x \mid z)") == parse_latex_expr(r"p(x \mid z)")


def test_two_bars_inside_a_spaced_bracket_stay_an_absolute_value_in_a_product():
    read = parse_latex_expr(r"a (|x| + 1)")
    assert read == Symbol("a") * (Abs(x) + 1)


def test_a_spaced_bracket_without_a_bar_stays_a_product():
    """``p (1 - p)`` (a Bernoulli variance) is a product: the space is no call."""
    assert parse_latex_expr(r"p (1 - p)") == Symbol("p") * (1 - Symbol("p"))
