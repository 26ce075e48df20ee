"""Premises the prose states that were dropped: ``\\eta \\ne 0`` and "if $i \\neq k$" are relations of the
context; "where $y$ is one-hot", "the targets $y_k$ sum to one" and "Assume ..., so $\\sum_j y_j = 1$" are the fact that y's entries sum to 1.
A claim ("then $\\eta \\ne 0$", "then $y$ is one-hot") and a negation ("$y$ is not one-hot") state nothing."""
from __future__ import annotations

import pytest
from sympy import Symbol, false, true

from verify.parsing import read_document
from verify.verdict import Status
from tests.documents import check_statuses

STEP = "\n\n$$\n\\sum_{j=1}^q y_j p_i - y_i = RIGHT\n$$\n"


def _tells_apart(text: str, equal: dict, apart: dict) -> bool:
    """Whether some relation of the context fails at ``equal`` and holds at ``apart``."""
    def at(relation, values: dict):
        return relation.subs({s: values[s.name] for s in relation.free_symbols if s.name in values})

    relations = read_document(text).context.relations
    return any(at(r, equal) is false and at(r, apart) is true for r in relations)


@pytest.mark.parametrize("text", ["Assume $\\eta \\ne 0$.", "Assume $\\eta \\neq 0$.", "Let $\\eta \\ne 0$ be a step."])
def test_a_stated_nonzero_is_a_relation(text):
    assert _tells_apart(text + "\n\n$$\n\\eta x = x \\eta\n$$\n", {"eta": 0}, {"eta": 2})


@pytest.mark.parametrize("text", ["If $i \\neq k$, then", "for $i \\ne k$ we get"])
def test_indices_stated_apart_are_a_relation(text):
    assert _tells_apart(text + "\n\n$$\n\\delta_{ik} x_i = \\delta_{ik} x_k\n$$\n", {"i": 2, "k": 2}, {"i": 2, "k": 3})


def test_a_claimed_nonzero_is_no_relation():
    text = "We find $x = 1$, hence $\\eta \\ne 0$.\n\n$$\n\\eta x = x \\eta\n$$\n"
    assert not _tells_apart(text, {"eta": 0}, {"eta": 2})


def test_a_step_true_only_for_distinct_indices_is_never_refuted_at_equal_ones():
    text = ("If $i \\neq k$, then\n\n$$\n\\frac{\\partial o_i}{\\partial o_k} = 0\n$$\n")
    assert Status.REFUTED not in check_statuses(text)


def _facts(text: str) -> list:
    return [f for f in read_document(text).context.facts if f.rhs == 1]


@pytest.mark.parametrize("premise", [
    "Here $y$ is the label, where $y$ is one-hot.",
    "Assume the one-hot label $y$.",
    "Assume $y$ is one-hot, so $\\sum_{j=1}^q y_j = 1$.",
    "Assume the label is normalised, so $\\sum_{j=1}^q y_j = 1$.",
    "Assume the targets $y_j$ sum to one.",
    "Assume the entries of $y$ sum to 1.",
    "Assume the weights $y$ add up to one.",
])
def test_a_one_hot_premise_sums_the_label_to_one(premise):
    assert check_statuses(premise + STEP.replace("RIGHT", "p_i - y_i")) == [Status.PROVED]


@pytest.mark.parametrize("premise", [
    "We compute, then $y$ is one-hot.",
    "Here $y$ is not one-hot.",
    "We compute the loss, so $\\sum_{j=1}^q y_j = 1$.",
    "Assume the targets $y_j$ do not sum to one.",
    "Assume each row of $y$ sums to one.",
    "Then the targets $y_j$ sum to one.",
])
def test_a_claimed_or_negated_one_hot_is_no_fact(premise):
    assert _facts(premise + STEP.replace("RIGHT", "p_i - y_i")) == []


@pytest.mark.parametrize("wrong", ["p_i + y_i", "2 p_i - y_i", "p_i", "p_i - 2 y_i", "y_i - p_i"])
@pytest.mark.parametrize("premise", ["Here $y$ is the label, where $y$ is one-hot.",
                                     "Assume the targets $y_j$ sum to one.",
                                     "Assume $y$ is one-hot, so $\\sum_{j=1}^q y_j = 1$."])
def test_a_broken_step_under_a_one_hot_label_is_never_proved(premise, wrong):
    assert Status.PROVED not in check_statuses(premise + STEP.replace("RIGHT", wrong))


def test_a_one_hot_label_summed_nowhere_sums_over_its_unstated_range():
    text = "Let $y$ be one-hot.\n\n$$\n\\sum_j y_j p_i = p_i\n$$\n"
    assert check_statuses(text) == [Status.PROVED]


BOLD = "Assume $\\mathbf{y}$ is one-hot.\n\nThen:\n\n$$p_i (y_1 + y_2 + \\dots + y_n) - y_i = RIGHT$$\n"


def test_a_one_hot_bold_vector_sums_its_plain_entries_to_one():
    assert check_statuses(BOLD.replace("RIGHT", "p_i - y_i")) == [Status.PROVED]


@pytest.mark.parametrize("wrong", ["p_i + y_i", "p_i", "2 p_i - y_i"])
def test_a_broken_step_under_a_one_hot_bold_vector_is_never_proved(wrong):
    assert Status.PROVED not in check_statuses(BOLD.replace("RIGHT", wrong))


def test_a_sum_from_two_is_never_taken_for_the_whole_one_hot_label():
    text = "Assume $y$ is one-hot.\n\nThen:\n\n$$\\sum_{k=2}^{n} y_k = 1$$\n"
    assert Status.PROVED not in check_statuses(text)
