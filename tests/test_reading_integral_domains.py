"""A subscript alone under \\int is a domain, never a lower limit: the variable itself is the whole line,
and any other lone subscript is refused with its reason (reading it as [a, oo) would be a guess)."""
import pytest
import sympy

from tests.documents import check_statuses
from verify.errors import ParseError
from verify.parsing.expressions import parse
from verify.verdict import Status

x = sympy.Symbol("x")


def _read(text: str):
    return parse(text).exprs[0]


@pytest.mark.parametrize("text", [r"\int_{x} e^{-x^2} dx", r"\int_x e^{-x^2}\,dx", r"\int e^{-x^2} dx",
                                  r"\int_{\boldsymbol{x}} e^{-x^2} dx"])
def test_the_variable_under_the_sign_is_the_whole_line(text):
    assert _read(text) == sympy.Integral(sympy.exp(-x**2), (x, -sympy.oo, sympy.oo))


@pytest.mark.parametrize("text", [r"\int_0 e^{-x} dx", r"\int_{\mathcal{X}} p(x) dx", r"\int_\Omega p(x) dx",
                                  r"\int_{\mathbb{R}} p(x) dx", r"\int_{y} p(x) dx"])
def test_any_other_lone_subscript_is_refused_with_its_reason(text):
    with pytest.raises(ParseError, match="subscript only"):
        parse(text)


def test_both_limits_are_still_limits():
    assert _read(r"\int_0^1 x dx") == sympy.Integral(x, (x, 0, 1))


def test_a_step_over_the_whole_line_is_accepted_and_its_mutant_refuted():
    assert check_statuses("$$\\int_x e^{-x^2} dx$$\n$$= \\sqrt{\\pi}$$")[0] in (Status.PROVED, Status.CONSISTENT)
    assert check_statuses("$$\\int_x e^{-x^2} dx$$\n$$= \\pi$$") == [Status.REFUTED]
