"""Intervals stated in prose (``$\\eta \\in (0, 2)$``): one reader gives both the relations the checker
keeps as premises and the signs the symbols are assumed to have."""
from __future__ import annotations

import pytest
import sympy

from verify.parsing import bounds, read_document

eta, x = sympy.Symbol("eta"), sympy.Symbol("x")


def everywhere(_offset: int) -> bool:
    return True


INTERVALS = [  # (prose, relations read, signs read)
    (r"Let $\eta \in (0, 2)$.", ["0 < eta", "eta < 2"], {"eta": "positive"}),
    (r"Let $\eta \in [0, 2]$.", ["0 <= eta", "eta <= 2"], {"eta": "nonnegative"}),
    (r"Let $\eta \in \left(0, 1\right]$.", ["0 < eta", "eta <= 1"], {"eta": "positive"}),
    (r"Let $\eta \in [2, \infty)$.", ["2 <= eta"], {"eta": "positive"}),
    (r"Let $x \in (-1, 1)$.", ["-1 < x", "x < 1"], {}),  # no sign
    (r"Let $\alpha, \beta \in (0, 1)$.", ["0 < alpha", "alpha < 1", "0 < beta", "beta < 1"],
     {"alpha": "positive", "beta": "positive"}),
]


@pytest.mark.parametrize("prose, relations, signs", INTERVALS)
def test_an_interval_gives_its_bounds_and_the_sign_they_imply(prose, relations, signs):
    assert [str(r) for r in bounds.in_intervals(prose, everywhere)] == relations
    assert {name: kind for name, (kind, _) in bounds.interval_signs(prose, everywhere).items()} == signs


def test_an_interval_that_is_a_claim_states_nothing():
    assert bounds.intervals(r"Hence $\eta \in (0, 2)$.", lambda _at: False) == []


def test_a_negative_lower_bound_never_makes_a_name_positive():
    """The mutation of ``(0, 1)``: ``(-1, 1)`` must not assume eta > 0."""
    document = read_document("Assume $\\eta \\in (-1, 1)$.\n\n$$\\sqrt{\\eta^2} = \\eta$$\n")
    symbol = next(s for s in document.context.symbols if s.name == "eta")
    assert symbol.is_positive is not True


def test_the_document_assumes_the_sign_of_an_open_interval_at_zero():
    document = read_document("Assume $\\eta \\in (0, 1)$.\n\n$$\\sqrt{\\eta^2} = \\eta$$\n")
    symbol = next(s for s in document.context.symbols if s.name == "eta")
    assert symbol.is_positive is True
    assert any(str(r) == "eta < 1" for r in document.context.relations)
