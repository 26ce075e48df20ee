r"""Leibniz notation of order n: ``\frac{d^2 h}{dx^2}`` is the second derivative, never d h / x^2.

The product reading was a silent misread (a step about h'' was checked as one about d h / x^2);
mixed powers of d, for which no reading is standard, are refused with the reason."""
import pytest
from sympy import Derivative, Function, Symbol

from verify.errors import ParseError
from verify.parsing import parse_latex_expr
from verify.verdict import Status
from tests.documents import check_statuses

x, t, h, y, D = (Symbol(n) for n in ("x", "t", "h", "y", "D"))
f = Function("f")


@pytest.mark.parametrize("latex, meaning", [
    (r"\frac{d^2 h}{dx^2}", Derivative(h, (x, 2))),
    (r"\frac{d^2h}{dD^2}", Derivative(h, (D, 2))),
    (r"\frac{d^{2}y}{dx^{2}}", Derivative(y, (x, 2))),
    (r"\frac{d^3 y}{dt^3}", Derivative(y, (t, 3))),
    (r"\frac{d^2 f(x)}{dx^2}", Derivative(f(x), (x, 2))),
    (r"\frac{d^2}{dx^2} f(x)", Derivative(f(x), (x, 2))),
    (r"\frac{dh}{dx}", Derivative(h, x)),
])
def test_leibniz_notation_reads_as_the_derivative_of_its_order(latex, meaning):
    assert parse_latex_expr(latex) == meaning


@pytest.mark.parametrize("latex", [
    r"\frac{d^2 h}{dx}",  # orders differ
    r"\frac{dh}{dx^2}",
    r"\frac{d^2 y}{dx^3}",
])
def test_leibniz_notation_with_unmatched_orders_is_refused(latex):
    with pytest.raises(ParseError):
        parse_latex_expr(latex)


def test_a_power_of_a_name_d_without_a_differential_stays_a_product():
    assert parse_latex_expr(r"\frac{d^2 h}{2}") == Symbol("d") ** 2 * h / 2



def defined_h(second_derivative: str) -> str:
    """A document that defines h(D) and claims its second derivative."""
    return ("Assume:\n\n- $h(D) = a \\log D + b \\log(1 - D)$\n- $0 < D < 1$\n\nThen:\n\n"
            f"$$\\frac{{d^2h}}{{dD^2}} = {second_derivative}$$\n")


def test_a_second_derivative_of_a_defined_function_is_not_refuted_as_a_product():
    assert Status.REFUTED not in check_statuses(defined_h(r"-\frac{a}{D^2} - \frac{b}{(1-D)^2}"))


@pytest.mark.parametrize("wrong", [r"\frac{a}{D^2} - \frac{b}{(1-D)^2}", r"-\frac{a}{D} - \frac{b}{1-D}"])
def test_a_wrong_second_derivative_is_never_proved(wrong):
    assert Status.PROVED not in check_statuses(defined_h(wrong))
