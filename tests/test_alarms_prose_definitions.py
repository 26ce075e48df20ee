"""Names a document defines where the step checker did not look: an inline ``:=`` (``$\\text{ELBO} \\coloneqq
\\ldots$``, a definition by its notation wherever it stands, as a displayed one is), and a sentence naming an
inline formula by a word the chains write as a name ("$\\log p_\\theta(x)$ is the evidence", then
``\\text{evidence}``). Unconnected, the steps using them came back unknown ("first written in this step")
or refuted."""
from __future__ import annotations

import pytest

from verify.parsing import read_document
from verify.verdict import Status
from tests.documents import check_statuses


def _chain(left: str, right: str) -> str:
    return f"$${left} = {right}$$\n"


@pytest.mark.parametrize("prose", ["We write $s \\coloneqq a + b$.", "Let $s := a + b$.", "Here $s \\triangleq a + b$."])
def test_an_inline_definition_by_notation_is_used(prose):
    assert check_statuses(prose + "\n\n" + _chain("2 s", "2a + 2b")) == [Status.PROVED]


@pytest.mark.parametrize("wrong", ["2a + b", "2a - 2b", "a + b", "2a + 2b + 1"])
def test_a_wrong_step_under_an_inline_definition_by_notation_is_refuted(wrong):
    assert check_statuses("We write $s \\coloneqq a + b$.\n\n" + _chain("2 s", wrong)) == [Status.REFUTED]


TOTAL = "Assume that $a + b$ is the total.\n\n"


def test_a_formula_named_by_a_word_defines_that_name():
    assert check_statuses(TOTAL + _chain("\\text{total} - a", "b")) == [Status.PROVED]


@pytest.mark.parametrize("wrong", ["a", "-b", "2b", "b + 1"])
def test_a_wrong_step_about_a_formula_named_by_a_word_is_refuted(wrong):
    assert check_statuses(TOTAL + _chain("\\text{total} - a", wrong)) == [Status.REFUTED]


@pytest.mark.parametrize("prose", [
    "Assume that $a + b$ is the total of the batch.",   # the word does not end the sentence
    "Assume that $a + b$ is not the total.",            # negated
    "We compute, then $a + b$ is the total.",    # a claim
])
def test_a_word_that_names_nothing_defines_nothing(prose):
    document = read_document(prose + "\n\n" + _chain("\\text{total} - a", "b"))
    assert not [f for f in document.context.facts if str(f.lhs) == "total"]
