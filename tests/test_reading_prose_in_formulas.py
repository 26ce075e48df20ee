r"""Words inside ``\text{...}``: one word is a name, several words or another script trailing the formula
annotate it and are skipped, and anywhere else they are refused with the fix (read as a name, or dropped,
they would change what the formula says)."""
import pytest
import sympy

from verify.errors import ParseError
from verify.parsing.expressions import parse

x, y = sympy.symbols("x y")


@pytest.mark.parametrize("text", [r"x = y \text{変数変換}", r"x = y \quad \text{(by a change of variables)}",
                                  r"x = y \text{ per layer}."])
def test_prose_trailing_the_formula_is_skipped(text):
    assert parse(text).exprs == (x, y)


@pytest.mark.parametrize("text", [r"a + \text{some words here} b", r"p(x) = \text{変数変換} p(z)"])
def test_prose_inside_the_formula_is_refused_with_the_fix(text):
    with pytest.raises(ParseError, match="words inside a formula"):
        parse(text)


def test_one_word_is_a_name_and_words_in_a_subscript_name_the_index():
    assert parse(r"\text{ELBO} = x").exprs[0] == sympy.Symbol("ELBO")
    assert parse(r"T_{\text{self attn}}").exprs[0].name == "T_selfattn"
