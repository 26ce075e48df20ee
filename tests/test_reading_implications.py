r"""Displays relating two relations (``a \Rightarrow b``, ``a \implies b``, ``a \iff b``, ``a \Leftrightarrow b``)
are read as implication claims, decided by the dynamics theory under the document's premises; they were
refused as unknown macros. A side that is no single relation, a second arrow and a reverse arrow are
refused with the reason."""
from __future__ import annotations

import pytest
from sympy import Equivalent, Implies

from verify.parsing import read_document
from verify.verdict import Status
from tests.documents import check_statuses

CHAIN = "$$\n1 + 1\n$$\n\n$$\n= 2\n$$\n\n"  # a chain beside the claim, as `verify check` asks for one


def _claim_statuses(display: str, premise: str = "") -> list[Status]:
    return check_statuses(premise + CHAIN + f"$$\n{display}\n$$\n")[1:]


@pytest.mark.parametrize("display, kind", [(r"x + 1 = 3 \iff x = 2", Equivalent),
                                           (r"2x = 4 \Leftrightarrow x = 2", Equivalent),
                                           (r"x = 2 \Rightarrow x^2 = 4", Implies),
                                           (r"x = 2 \implies x^2 = 4", Implies),
                                           (r"x > 1 \Longrightarrow 2x > 2", Implies)])
def test_an_arrow_between_relations_is_an_implication_claim(display, kind):
    claims = read_document(f"$$\n{display}\n$$\n").claims
    assert len(claims) == 1 and isinstance(claims[0].subject, kind)


@pytest.mark.parametrize("display", [r"x + 1 = 3 \iff x = 2", r"2x = 4 \Leftrightarrow x = 2",
                                     r"x > 1 \implies 2 x > 2"])
def test_a_correct_implication_is_proved(display):
    assert _claim_statuses(display) == [Status.PROVED]


@pytest.mark.parametrize("display", [r"x + 1 = 3 \iff x = 3", r"x = 2 \implies x^2 = 5", r"x > 1 \implies 2 x < 2",
                                     r"x^2 = 4 \iff x = 2", r"x > 1 \implies x > 2", r"2x = 4 \iff x = -2"])
def test_a_broken_implication_is_never_proved(display):
    assert Status.PROVED not in _claim_statuses(display)


def test_an_implication_true_only_under_the_premise_uses_it():
    premise = "Assume $x > 0$.\n\n"
    assert _claim_statuses(r"x^2 = 4 \implies x = 2", premise) != [Status.REFUTED]
    assert Status.PROVED not in _claim_statuses(r"x^2 = 4 \implies x = -2", premise)


@pytest.mark.parametrize("display, why", [(r"0 < x < 1 \implies x^2 < x", "one relation"),
                                          (r"x = 1 \implies x^2 = 1 \implies x^4 = 1", "more than one arrow"),
                                          (r"x^2 = 1 \Leftarrow x = 1", "forwards"),
                                          (r"x \implies y", "one relation")])
def test_an_implication_not_between_two_relations_is_refused(display, why):
    document = read_document(f"$$\n{display}\n$$\n")
    assert not document.claims and any(why in e.message for e in document.errors)


def test_a_displayed_premise_implication_is_no_claim():
    assert read_document("Assume that\n\n$$\nx > 0 \\implies y > 0\n$$\n").claims == ()
