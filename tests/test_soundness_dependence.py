"""Dependence: a name the document says moves with time is no constant under d/dt.

Each wrong step differentiates such a name as if it were constant (a derivative
proved 0); each is paired with the correct derivative under the same reading.
"""
import pytest

from tests.documents import check_statuses
from verify.parsing import read_document
from verify.verdict import Status


DYNAMICS = "The players move as $\\dot p = -q$ and $\\dot q = p$.\n\n"
THETA = "Let $\\theta = \\theta(t)$ be the parameters at time $t$.\n\n"
PLAYERS = "The strategies $p(t)$ and $q(t)$ of the two players.\n\n"


@pytest.mark.parametrize("text", [
    DYNAMICS + "$$\\frac{d}{dt}(p q) = 0$$",
    DYNAMICS + "$$\\frac{d}{dt}(p^2 + q^2) = 2 p + 2 q$$",
    THETA + "$$\\frac{d}{dt} \\theta^2 = 0$$",
    PLAYERS + "$$\\frac{d}{dt}(p q) = 0$$",
    "$$\\frac{d}{dt} x_t^2 = 0$$",
    "$$\\frac{dp}{dt} = \\frac{p}{t}$$",
])
def test_a_derivative_of_a_moving_name_is_not_proved_zero(text):
    assert Status.PROVED not in check_statuses(text)


@pytest.mark.parametrize("text", [
    DYNAMICS + "$$\\frac{d}{dt}(p q) = \\dot p q + p \\dot q$$",
    DYNAMICS + "$$\\frac{d}{dt}(p^2 + q^2) = 2 p \\dot p + 2 q \\dot q$$",
    THETA + "$$\\frac{d}{dt} \\theta^2 = 2 \\theta \\dot \\theta$$",
    PLAYERS + "$$\\frac{d}{dt}(p q) = q \\frac{dp}{dt} + p \\frac{dq}{dt}$$",
])
def test_the_derivative_by_the_product_and_chain_rules_is_proved(text):
    assert check_statuses(text) == [Status.PROVED]


def test_the_stated_dynamics_are_used_after_differentiating():
    text = ("$$\\dot p = -q$$\n\n$$\\dot q = p$$\n\n"
            "$$\\frac{d}{dt}(p^2 + q^2) = 2 p \\dot p + 2 q \\dot q$$\n$$= -2 p q + 2 q p$$\n$$= 0$$")
    assert check_statuses(text) == [Status.PROVED] * 3


def test_a_name_with_no_evidence_of_moving_is_still_a_constant():
    assert check_statuses("$$\\frac{d}{dx}(a x^2) = 2 a x$$") == [Status.PROVED]


def test_the_assumed_line_says_which_names_move_and_why():
    note = read_document(DYNAMICS + "$$\\frac{d}{dt}(p q) = \\dot p q + p \\dot q$$").context.notes[-1]
    assert "p, q" in note and "t" in note and "dot" in note


def test_dynamics_stated_in_the_prose_are_used():
    text = ("The strategies follow $\\dot x = -y$ and $\\dot y = x$.\n\n"
            "$$\\frac{d}{dt}(x y) = \\dot x y + x \\dot y$$\n$$= x^2 - y^2$$")
    assert check_statuses(text) == [Status.PROVED, Status.PROVED]


def test_a_wrong_step_after_stated_dynamics_is_not_proved():
    text = ("The strategies follow $\\dot x = -y$ and $\\dot y = x$.\n\n"
            "$$\\frac{d}{dt}(x y) = \\dot x y + x \\dot y$$\n$$= y^2 - x^2$$")
    assert check_statuses(text)[1] is not Status.PROVED


def test_the_derivative_of_a_wrong_rate_is_not_proved():
    assert Status.PROVED not in check_statuses("$$\\dot \\theta = -\\eta \\theta$$\n\n$$\\frac{d}{dt} \\theta^2 = -\\eta \\theta^2$$")
