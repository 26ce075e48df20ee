"""Limit direction: O(...) is decided as the sizes grow, so a document that states another
direction ("as eta -> 0", "for small x", "for fixed d") has its O-statements refused, never
decided in the wrong direction."""
import pytest

from tests.documents import check_statuses
from verify.parsing import read_document
from verify.verdict import Status


def _refusals(text: str) -> list[str]:
    return [e.message for e in read_document(text).errors if e.message.startswith("refused")]


@pytest.mark.parametrize("text", [
    "As $\\eta \\to 0$:\n\n$$\\eta = O(\\eta^2)$$",
    "For small $x$,\n\n$$x^3 + x^2 = O(x^3)$$",
    "Here $x$ is small.\n\n$$x^2 + x = \\Theta(x^2)$$",
])
def test_an_o_statement_about_a_small_quantity_is_not_proved(text):
    assert Status.PROVED not in check_statuses(text) and _refusals(text)


@pytest.mark.parametrize("text", [
    "As $\\eta \\to 0$:\n\n$$\\eta^2 = O(\\eta)$$",
    "For fixed $d$:\n\n$$n^2 d = O(n^2)$$",
    "The width $d$ is held fixed.\n\n$$n^2 d + n = O(n^2)$$",
])
def test_a_correct_o_statement_in_the_stated_direction_is_not_refuted(text):
    assert Status.REFUTED not in check_statuses(text)


def test_the_refusal_names_the_limit_the_document_states():
    assert "eta tends to 0" in _refusals("As $\\eta \\to 0$:\n\n$$\\eta^2 = O(\\eta)$$")[0]


def test_o_statements_about_other_names_are_still_decided():
    assert check_statuses("For fixed $d$:\n\n$$n^2 + n = O(n^2)$$") == [Status.PROVED]


def test_with_no_stated_direction_the_sizes_grow():
    assert check_statuses("$$x^3 + x^2 = O(x^3)$$") == [Status.PROVED]
