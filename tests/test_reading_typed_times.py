r"""An ``x`` typed between digits (``4096x4096``, a ``3x3`` kernel) is the multiplication sign, as parameter
counts write it. Before, ``4096x4096 + 4096`` was read with a variable x, and a correct count was refuted:
a silent misread. Next to anything but two digits, x stays the variable."""
from __future__ import annotations

import pytest
from sympy import Integer, Symbol

from verify.parsing import parse_ascii_expr, parse_latex_expr
from verify.verdict import Status
from tests.documents import check_statuses

x = Symbol("x")


@pytest.mark.parametrize("parse", [parse_latex_expr, parse_ascii_expr])
@pytest.mark.parametrize("text, value", [("4096x4096 + 4096", Integer(16781312)), ("3x3", Integer(9)),
                                         ("(512x7x7)x4096", Integer(102760448))])
def test_an_x_between_digits_multiplies(parse, text, value):
    assert parse(text) == value


@pytest.mark.parametrize("text, meaning", [("2x + 3", 2 * x + 3), ("2x^2", 2 * x ** 2), ("x2", 2 * x), ("(a)x", Symbol("a") * x)])
def test_an_x_anywhere_else_is_the_variable(text, meaning):
    assert parse_latex_expr(text) == meaning


def test_a_parameter_count_typed_with_x_is_proved():
    assert check_statuses("$$4096x4096 + 4096 = 16781312$$\n") == [Status.PROVED]


def test_a_count_without_its_biases_is_refuted():
    assert check_statuses("$$4096x4096 + 4096 = 16777216$$\n") == [Status.REFUTED]
