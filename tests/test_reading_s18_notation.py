"""Notation read in session 18 (issue 10, sections 2-3): LaTeX in, the expression it means out; each
with a near miss that is refused, never guessed."""
from __future__ import annotations

import pytest
import sympy
from sympy import Symbol

from verify.errors import ParseError
from verify.parsing import parse_latex_expr
from verify.vocabulary import Expectation

a, b, z, x = (Symbol(n) for n in "abzx")


def reads(text: str):
    return parse_latex_expr(text)


READ = [
    (r"a \hspace*{7em} - b", a - b),  # a space of a given length
    (r"a \hspace{1.5em} b", a * b),
]


@pytest.mark.parametrize("text, expected", READ)
def test_the_notation_reads_as_the_expression_it_means(text, expected):
    assert reads(text) == expected


REFUSED = [
    (r"a \hspace{x} b", "length"),
    (r"a \hspace b", "length"),
]


@pytest.mark.parametrize("text, reason", REFUSED)
def test_a_near_miss_is_refused_with_its_reason(text, reason):
    with pytest.raises(ParseError, match=reason):
        reads(text)


def test_an_expectation_over_a_named_variable_binds_the_density_s_own_argument():
    """E_{Z ~ q(z|x)}[f(Z)] is the integral of q(z|x) f(z) dz: the body is in the density's variable."""
    found = reads(r"\mathbb{E}_{Z \sim q(z \mid x)}[\log p(x \mid Z)]")
    assert isinstance(found, Expectation)
    assert found == reads(r"\mathbb{E}_{z \sim q(z \mid x)}[\log p(x \mid z)]")


def test_an_expectation_whose_body_has_the_density_s_argument_free_keeps_both():
    found = reads(r"\mathbb{E}_{Z \sim q(z)}[Z z]")
    assert found.args[2].name == "Z" and "z" in {s.name for s in found.args[0].free_symbols}
