"""Euler's e beside other letters: raised to a power or standing alone it is Euler's number; inside a word
(``seq``, ``len``) it is refused, since the product s*e*q is never what a person means."""
import pytest
import sympy

from tests.documents import check_statuses
from verify.errors import ParseError
from verify.parsing.expressions import parse
from verify.verdict import Status

x, t = sympy.symbols("x t")


@pytest.mark.parametrize("text, meant", [(r"x e^{-x}", x * sympy.exp(-x)), (r"te^t", t * sympy.exp(t)),
                                         (r"2e", 2 * sympy.E), (r"x e", sympy.E * x), (r"\frac{1}{e}", 1 / sympy.E)])
def test_euler_number_where_it_stands_alone_or_is_raised(text, meant):
    assert parse(text).exprs[0] == meant


@pytest.mark.parametrize("text", [r"seq \times seq", r"len + 1", r"x_i + ye"])
def test_an_e_inside_a_word_is_refused_with_the_fix(text):
    with pytest.raises(ParseError, match=r"\\mathrm"):
        parse(text)


@pytest.mark.parametrize("text", [r"W_{enc} x", r"d_{model}", r"\mathrm{seq}", r"\text{seq}"])
def test_letters_of_a_script_or_a_named_word_are_no_product_with_euler(text):
    assert not parse(text).exprs[0].has(sympy.E)


def test_a_defined_word_is_used_once_written_as_a_name():
    document = "Assume: $\\mathrm{seq} = 80$, $H = 3$.\n\n$$\\mathrm{seq} \\times \\mathrm{seq} \\times H$$\n"
    assert check_statuses(document + "$$= 80^2 \\times 3$$") == [Status.PROVED]
    assert check_statuses(document + "$$= 80 \\times 3$$") == [Status.REFUTED]

