"""A function the document gives a value by a premise (``h(D) = p \\log D + q \\log(1 - D)``) and then
differentiates (``\\frac{dh}{dD}``, ``\\frac{d^2 h}{dD^2}``): the value is put in under the derivative,
which is then carried out. The reader writes the differentiated name as a real function moving with D,
the premise as written; both are one application, h at D. A wrong derivative is never proved (it stays
unknown: p_data and p_g are functions the premise speaks of, so no stand-in is drawn for them)."""
from __future__ import annotations

import pytest

from tests.documents import check_statuses
from verify.config import CheckConfig
from verify.verdict import Status

CONFIG = CheckConfig(seed=3, samples=6)
GAN = ("Assume:\n\n- $h(D) = p_{{data}}(x) \\log D + p_g(x) \\log(1 - D)$\n- where $D = D(x) \\in [0, 1]$.\n\n"
       "Then:\n\n$${lhs} = {rhs}$$\n")
FIRST = "\\frac{dh}{dD}"
SECOND = "\\frac{d^2h}{dD^2}"


def statuses(lhs: str, rhs: str) -> list[Status]:
    return check_statuses(GAN.format(lhs=lhs, rhs=rhs), CONFIG)


def test_the_derivative_of_a_premised_function_is_proved():
    assert statuses(FIRST, "\\frac{p_{data}(x)}{D} - \\frac{p_g(x)}{1-D}") == [Status.PROVED]


def test_the_second_derivative_of_a_premised_function_is_proved():
    assert statuses(SECOND, "-\\frac{p_{data}(x)}{D^2} - \\frac{p_g(x)}{(1-D)^2}") == [Status.PROVED]


@pytest.mark.parametrize("rhs", [
    "\\frac{p_{data}(x)}{D} + \\frac{p_g(x)}{1-D}",      # sign
    "\\frac{p_{data}(x)}{D^2} - \\frac{p_g(x)}{1-D}",    # exponent
    "\\frac{p_g(x)}{D} - \\frac{p_{data}(x)}{1-D}",      # swapped densities
    "\\frac{p_{data}(x)}{D}",                            # dropped term
    "2 \\frac{p_{data}(x)}{D} - \\frac{p_g(x)}{1-D}",    # factor
])
def test_a_wrong_first_derivative_is_never_proved(rhs):
    assert Status.PROVED not in statuses(FIRST, rhs)


@pytest.mark.parametrize("rhs", [
    "\\frac{p_{data}(x)}{D^2} - \\frac{p_g(x)}{(1-D)^2}",   # sign
    "-\\frac{p_{data}(x)}{D} - \\frac{p_g(x)}{1-D}",        # the first derivative's exponents
    "-\\frac{p_{data}(x)}{D^2} - \\frac{p_g(x)}{(1-D)^3}",  # exponent
])
def test_a_wrong_second_derivative_is_never_proved(rhs):
    assert Status.PROVED not in statuses(SECOND, rhs)


def test_a_premise_at_one_application_says_nothing_of_another():
    text = ("Assume $h(D) = D^2$ where $D > 0$.\n\nThen:\n\n$$\\frac{d}{dy} h(y) = 2 y$$\n")
    assert Status.PROVED not in check_statuses(text, CONFIG)


CUBIC = "Assume $f(x) = x^3 + \\sin x$.\n\nThen\n\n$${lhs} = {rhs}$$\n"


@pytest.mark.parametrize("lhs, rhs", [("\\frac{df}{dx}", "3x^2 + \\cos x"), ("\\frac{d^2 f}{dx^2}", "6x - \\sin x")])
def test_the_derivatives_of_a_premised_function_of_x_are_proved(lhs, rhs):
    assert check_statuses(CUBIC.format(lhs=lhs, rhs=rhs), CONFIG) == [Status.PROVED]


@pytest.mark.parametrize("lhs, rhs", [
    ("\\frac{df}{dx}", "3x^2 - \\cos x"),          # sign
    ("\\frac{df}{dx}", "3x^3 + \\cos x"),          # exponent
    ("\\frac{d^2 f}{dx^2}", "6x + \\sin x"),       # sign of the second derivative
    ("\\frac{d^2 f}{dx^2}", "3x^2 + \\cos x"),     # the first derivative for the second
])
def test_a_wrong_derivative_of_a_premised_function_of_x_is_refuted(lhs, rhs):
    assert check_statuses(CUBIC.format(lhs=lhs, rhs=rhs), CONFIG) == [Status.REFUTED]
