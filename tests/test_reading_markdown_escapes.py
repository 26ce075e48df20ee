"""Marks notes type into formulas: an escaped underscore is the subscript it renders as, a percent sign is a
hundredth, and a star on a name (an optimum D^*) is part of the name."""
import pytest
import sympy

from verify.parsing.expressions import parse


@pytest.mark.parametrize("escaped, plain", [(r"d\_model", r"d_{model}"), (r"x\_12", r"x_{12}"), (r"W\_{q}", r"W_{q}")])
def test_a_markdown_escaped_underscore_is_the_subscript(escaped, plain):
    assert parse(escaped).exprs == parse(plain).exprs


def test_a_percent_sign_is_a_hundredth():
    assert parse(r"50\% \cdot n").exprs[0] == sympy.Symbol("n") / 2


@pytest.mark.parametrize("starred", [r"D^*", r"D^{*}", r"D^\star", r"D^{\ast}"])
def test_a_star_on_a_name_is_another_name_never_a_power(starred):
    assert parse(starred).exprs[0] == sympy.Symbol("D^*") and parse(starred + " - D").exprs[0] != 0


def test_the_starred_function_is_applied():
    assert parse(r"D^*(x)").exprs[0] == sympy.Function("D^*")(sympy.Symbol("x"))
