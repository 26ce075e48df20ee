"""Marks Markdown and notes type into formulas: an escaped underscore is the subscript it renders as, and a
percent sign is a hundredth."""
import pytest
import sympy

from verify.parsing.expressions import parse


@pytest.mark.parametrize("escaped, plain", [(r"d\_model", r"d_{model}"), (r"x\_12", r"x_{12}"), (r"W\_{q}", r"W_{q}")])
def test_a_markdown_escaped_underscore_is_the_subscript(escaped, plain):
    assert parse(escaped).exprs == parse(plain).exprs


def test_a_percent_sign_is_a_hundredth():
    assert parse(r"50\% \cdot n").exprs[0] == sympy.Symbol("n") / 2
