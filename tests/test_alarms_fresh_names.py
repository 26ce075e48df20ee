""""First written in this step" names only what the author writes for the first time: a name written
as the variable of a derivative (j of ``d L / d z_j``) is written there, and the names the reader makes
(a dummy ``_t``, the unstated size ``|p|`` of a family) are never the author's. Counted fresh, they turned
the refutation of a wrong step into an unknown."""
from __future__ import annotations

import pytest
from sympy import Derivative, IndexedBase, Symbol

from verify.engine.checker import _names, fresh_names
from verify.verdict import Status
from tests.documents import check_statuses

CHAIN = ("Let $L = \\sum_{k=1}^{C} z_k^2$.\n\n$$\\frac{\\partial L}{\\partial z_j} = "
         "\\frac{\\partial}{\\partial z_j} \\sum_{k=1}^{C} z_k^2$$\n\n$$= RIGHT$$\n")


def test_the_variable_of_a_derivative_is_a_written_name():
    j = Symbol("j", integer=True)
    assert {"z", "j"} <= _names(Derivative(Symbol("L"), IndexedBase("z")[j]), None)


def test_names_the_reader_makes_are_never_fresh():
    assert fresh_names({"_t", "|p|", "|p|_2"}, set()) == ()


def test_a_name_the_author_writes_first_is_still_fresh():
    assert fresh_names({"evidence", "x"}, {"x"}) == ("evidence",)


def test_the_right_step_after_a_derivative_by_an_entry_is_accepted():
    assert check_statuses(CHAIN.replace("RIGHT", "2 z_j"))[-1] in (Status.PROVED, Status.CONSISTENT)


@pytest.mark.parametrize("wrong", ["3 z_j", "-2 z_j", "2 z_j^2", "z_j"])
def test_a_wrong_step_after_a_derivative_by_an_entry_is_refuted(wrong):
    assert check_statuses(CHAIN.replace("RIGHT", wrong))[-1] is Status.REFUTED


@pytest.mark.parametrize("start, right", [("EP_{1}", "\\frac{2}{3}"), ("AB", "x - 1"), ("EU_{a}", "2q")])
def test_a_start_of_new_capitals_side_by_side_given_a_value_is_not_refuted(start, right):
    assert check_statuses(f"Then:\n\n$${start} = {right}$$\n") == [Status.UNKNOWN]


@pytest.mark.parametrize("claim", ["x^2 - 1 = (x - 1)^2", "a b = a + b", "\\sqrt{1 - \\eta^2} = 1",
                                   "A B = B A + A"])
def test_a_wrong_identity_in_the_names_of_its_start_is_still_refuted(claim):
    assert check_statuses(f"Then:\n\n$${claim}$$\n") == [Status.REFUTED]


@pytest.mark.parametrize("claim", ["\\frac{g'h - h'g}{h^2} = \\frac{g'}{h}", "f' g + f g' = 2 f' g"])
def test_a_refutation_resting_on_a_bare_primed_name_is_unknown(claim):
    assert check_statuses(f"Then:\n\n$${claim}$$\n") == [Status.UNKNOWN]


def test_a_refutation_that_does_not_rest_on_the_primed_name_stands():
    assert check_statuses("Then:\n\n$$g' + x^2 = g' + (x + 1)^2$$\n") == [Status.REFUTED]
