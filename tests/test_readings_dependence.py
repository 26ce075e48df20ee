"""A dotted name written at its variable (``\\dot{x}(t)``, parsed as a function ``xdot``) is the derivative
of the function ``x`` the document writes (verify/parsing/dependence.py): the chain rule is then proved,
and a broken one (a factor, the derivative dropped, the order of the derivative) never is."""
from __future__ import annotations

import pytest

from tests.documents import check_statuses
from verify.config import CheckConfig
from verify.verdict import Status

CONFIG = CheckConfig(seed=4, samples=6)


def statuses(text: str) -> list[Status]:
    return check_statuses(text, CONFIG)


SQUARE = "For a differentiable $x(t)$,\n\n$$\\frac{{d}}{{dt}} x(t)^2 = {rhs}$$\n"


def test_the_chain_rule_with_a_dotted_function_at_t_is_proved():
    assert statuses(SQUARE.format(rhs="2 x(t) \\dot{x}(t)")) == [Status.PROVED]


@pytest.mark.parametrize("rhs", ["x(t) \\dot{x}(t)", "2 \\dot{x}(t)", "2 x(t)", "2 x(t) \\ddot{x}(t)", "0"])
def test_a_broken_chain_rule_with_a_dotted_function_is_not_proved(rhs):
    assert Status.PROVED not in statuses(SQUARE.format(rhs=rhs))


def test_a_second_derivative_written_at_t_is_the_derivative_of_the_first():
    text = "For a differentiable $x(t)$,\n\n$$\\frac{d}{dt} \\dot{x}(t) = \\ddot{x}(t)$$\n"
    assert statuses(text) == [Status.PROVED]


def test_the_stated_dynamics_apply_to_the_function_as_written():
    text = "The strategy $p(t)$ evolves by $\\dot{p} = -q$.\n\n$$\\frac{d}{dt} p(t)^2 = 2 p(t) \\dot{p}$$\n"
    assert statuses(text) == [Status.PROVED]


@pytest.mark.parametrize("rhs", ["2 p(t) q", "p(t) \\dot{p}", "-2 \\dot{p}"])
def test_broken_uses_of_the_dynamics_with_the_function_as_written_are_not_proved(rhs):
    text = f"The strategy $p(t)$ evolves by $\\dot{{p}} = -q$.\n\n$$\\frac{{d}}{{dt}} p(t)^2 = {rhs}$$\n"
    assert Status.PROVED not in statuses(text)
