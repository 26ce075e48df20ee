r"""Derivatives written on one line, as notes and answers write them: ``\partial L/\partial z``, ``dy/dx``.
They mean what the fraction means. Before this reading, ``dy/dx`` was the quotient (d y)/(d x) = y/x, so
``dy/dx = y/x`` was proved: a silent misread. A quotient of differentials that is no derivative is refused."""
from __future__ import annotations

import pytest

from verify.errors import ParseError
from verify.parsing import parse_latex_expr
from verify.verdict import Status
from tests.documents import check_statuses


@pytest.mark.parametrize("slashed, fraction", [
    (r"\partial \mathcal{L}/\partial z", r"\frac{\partial \mathcal{L}}{\partial z}"),
    (r"\partial L/\partial z_k", r"\frac{\partial L}{\partial z_k}"),
    (r"\partial f(x, y)/\partial x", r"\frac{\partial f(x, y)}{\partial x}"),
    (r"\partial^2 f/\partial x^2", r"\frac{\partial^2 f}{\partial x^2}"),
    (r"dy/dx", r"\frac{dy}{dx}"),
    (r"\partial f/\partial x \cdot 3", r"3 \frac{\partial f}{\partial x}"),
])
def test_a_slashed_derivative_means_the_fraction(slashed, fraction):
    assert parse_latex_expr(slashed) == parse_latex_expr(fraction)


@pytest.mark.parametrize("text", [r"2 dy/dx", r"\partial/\partial x"])
def test_a_quotient_of_differentials_that_is_no_derivative_is_refused(text):
    with pytest.raises(ParseError):
        parse_latex_expr(text)


def test_a_plain_quotient_is_unchanged():
    assert parse_latex_expr(r"a/b") == parse_latex_expr(r"\frac{a}{b}")


def test_dy_dx_is_not_the_quotient_of_y_by_x():
    assert check_statuses("Let $y = x^3$.\n\n$$dy/dx = y/x$$\n") != [Status.PROVED]


def test_a_slashed_derivative_of_a_defined_function_is_proved():
    assert check_statuses("Let $f(x) = x^3$.\n\n$$\\partial f(x)/\\partial x = 3x^2$$\n") == [Status.PROVED]


def test_a_wrong_slashed_derivative_is_refuted():
    assert check_statuses("Let $f(x) = x^3$.\n\n$$\\partial f(x)/\\partial x = 3x$$\n") == [Status.REFUTED]
