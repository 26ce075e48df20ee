"""A function's definition is used, not checked (issue 9 §3): ``f(3)`` after ``f(x) = x^2 + 1`` is ``3^2 + 1``
(verify/parsing/document.py ``unfold``). The value is proved; a wrong value, a wrong argument or a
broken use is never proved; a formula that mentions the name on both sides defines nothing."""
from __future__ import annotations

import pytest

from tests.documents import check_statuses
from verify.config import CheckConfig
from verify.verdict import Status

CONFIG = CheckConfig(seed=6, samples=6)
SQUARE = "Let\n\n$$f(x) = x^2 + 1$$\n\nThen\n\n$${lhs} = {rhs}$$\n"
SIGMOID = "The logistic function is\n\n$$\\sigma(z) = \\frac{{1}}{{1 + e^{{-z}}}}$$\n\nso\n\n$$\\sigma(-z) = {rhs}$$\n"


def statuses(text: str) -> list[Status]:
    return check_statuses(text, CONFIG)


@pytest.mark.parametrize("lhs, rhs", [("f(3)", "10"), ("f(2 y)", "4 y^2 + 1"), ("f(a) - f(-a)", "0")])
def test_a_defined_function_at_an_argument_is_its_value_there(lhs, rhs):
    assert statuses(SQUARE.format(lhs=lhs, rhs=rhs)) == [Status.PROVED]


@pytest.mark.parametrize("lhs, rhs", [("f(3)", "9"), ("f(3)", "4"), ("f(2 y)", "2 y^2 + 1"), ("f(a) + f(-a)", "0"),
                                      ("f(a)", "a^2 - 1")])
def test_a_wrong_value_of_a_defined_function_is_not_proved(lhs, rhs):
    assert Status.PROVED not in statuses(SQUARE.format(lhs=lhs, rhs=rhs))


def test_the_logistic_function_is_symmetric_about_one_half():
    assert statuses(SIGMOID.format(rhs="1 - \\sigma(z)")) == [Status.PROVED]


@pytest.mark.parametrize("rhs", ["-\\sigma(z)", "\\sigma(z)", "1 + \\sigma(z)"])
def test_a_wrong_symmetry_of_the_logistic_function_is_not_proved(rhs):
    assert Status.PROVED not in statuses(SIGMOID.format(rhs=rhs))


def test_an_equation_with_the_name_on_both_sides_is_not_unfolded():
    text = "Let\n\n$$f(x) = f(2 x)$$\n\nThen\n\n$$f(3) = f(6)$$\n"
    assert Status.PROVED not in statuses(text)
