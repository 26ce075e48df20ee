"""A bound written after a list of names (``$a, b \\geq 0$``, ``$\\eta, \\gamma > 0$``) states it of
each name, as papers write ranges; nothing else is read as such a list."""
from __future__ import annotations

import pytest

from verify.parsing import read_document
from verify.parsing.name_lists import each_bounded
from verify.verdict import Status
from tests.documents import check_statuses


def _assuming(premise: str, chain: str, display: bool = False) -> str:
    stated = f"$${premise}$$" if display else f"- ${premise}$."
    return f"Assume:\n\n{stated}\n\nThen:\n\n$${chain}$$\n"


@pytest.mark.parametrize("written, meant", [
    (r"a, b \geq 0", [("a", ">="), ("b", ">=")]),
    (r"\eta, \gamma > 0", [("eta", ">"), ("gamma", ">")]),
    (r"x, y, z \le 1", [("x", "<="), ("y", "<="), ("z", "<=")]),
])
def test_each_name_of_the_list_gets_the_bound(written, meant):
    assert [(str(s.exprs[0]), s.relations[0]) for s in each_bounded(written)] == meant


@pytest.mark.parametrize("written", [
    r"a \geq 0",            # one name: the grammar reads it already
    r"0 < a, b < 1",        # the list is not at the front
    r"f(a, b) \geq 0",      # a comma inside an argument list
    r"a, b = 0",            # an equation, not a bound
    r"a + 1, b \geq 0",     # a term, not a name
    r"a, b \geq 0 \geq c",  # a chain of bounds
])
def test_anything_else_is_no_list_of_bounded_names(written):
    assert each_bounded(written) == ()


def test_the_bound_holds_of_every_name():
    assert check_statuses(_assuming(r"a, b \geq 0", r"\sqrt{a^2 b^2} = a b")) == [Status.PROVED]


def test_a_displayed_list_is_a_premise_and_read():
    document = read_document(_assuming(r"a, b \geq 0", r"\sqrt{a^2 b^2} = a b", display=True))
    assert document.errors == () and check_statuses(_assuming(r"a, b \geq 0", r"\sqrt{a^2 b^2} = a b",
                                                              display=True)) == [Status.PROVED]


def test_a_wrong_sign_is_still_refuted():
    assert check_statuses(_assuming(r"a, b \geq 0", r"\sqrt{a^2 b^2} = -a b")) == [Status.REFUTED]


def test_the_bound_is_the_one_written():
    assert check_statuses(_assuming(r"a, b \leq 0", r"\sqrt{a^2} = a")) == [Status.REFUTED]


def test_names_outside_the_list_are_unbounded():
    assert Status.PROVED not in check_statuses(_assuming(r"a, b \geq 0", r"\sqrt{c^2} = c"))


def test_a_list_in_a_claim_assumes_nothing():
    document = "Then:\n\n$$\\sqrt{a^2} = a$$\n\nHence $a, b \\geq 0$.\n"
    assert Status.PROVED not in check_statuses(document)
