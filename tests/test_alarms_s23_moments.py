"""Moments as real documents state them (session 23). An expectation set equal to its argument (``$$\\mathbb{E}[X] = X$$`` under "Then:") used to be read as the
definition of a function E, so the next line ``\\mathbb{E}[X^2] = X^2`` was proved by that definition: a
wrong step proved. Where the document's E averages, ``E(...) = ...`` is a claim about an expectation."""
from __future__ import annotations

import pytest

from verify.verdict import Status
from tests.documents import check_statuses

RANDOM = "Let $X$ be a random variable with mean 0.\n\nThen:\n\n"


@pytest.mark.parametrize("written", [r"\mathbb{E}[X]", r"\operatorname{E}(X)", r"E[X]", r"\mathbb{E}(X)"])
def test_an_expectation_equal_to_its_argument_defines_nothing(written):
    after = written.replace("X", "X^2")
    statuses = check_statuses(RANDOM + f"$${written} = X$$\n\n$${after} = X^2$$\n")
    assert len(statuses) == 2 and Status.PROVED not in statuses


def test_an_energy_in_a_document_without_averages_is_still_a_definition():
    statuses = check_statuses("Then:\n\n$$E(x) = x^2 + 1$$\n\n$$= 1 + x^2$$\n")
    assert statuses == [Status.PROVED]


MULTI = ("Assume:\n\n- Suppose the components of $q_i$ and $k_j$ are independent, with mean 0 and variance 1.\n"
         "- $q_i \\cdot k_j = \\sum_{m=1}^{d_k} q_{im} k_{jm}$\n\nThen:\n\n")


def test_entries_with_more_indices_than_declared_are_never_refuted_as_constants():
    """The components of ``q_i`` are declared with one index; ``q_{im}`` has two. No law is drawn for
    them: read as constants, a correct variance ``d_k`` was refuted."""
    statuses = check_statuses(MULTI + "$$\\operatorname{Var}(q_i \\cdot k_j) = "
                                      "\\sum_{m=1}^{d_k} \\operatorname{Var}(q_{im} k_{jm})$$\n\n$$= d_k$$\n")
    assert Status.REFUTED not in statuses


def test_a_declaration_with_moments_after_with_declares_the_names_random():
    text = ("Assume:\n\n- Suppose the components of $q$ and $k$ are independent, with mean 0 and variance 1.\n"
            "- $q \\cdot k = \\sum_{m=1}^{d_k} q_{m} k_{m}$\n\nThen:\n\n"
            "$$\\operatorname{Var}(q \\cdot k) = \\sum_{m=1}^{d_k} \\operatorname{Var}(q_{m} k_{m})$$\n\n$$= d_k$$\n")
    assert check_statuses(text) == [Status.PROVED, Status.PROVED]


@pytest.mark.parametrize("wrong", ["d_k^2", "1", "2 d_k"])
def test_a_wrong_variance_of_the_declared_sum_is_refuted(wrong):
    text = ("Assume:\n\n- Suppose the components of $q$ and $k$ are independent, with mean 0 and variance 1.\n"
            "- $q \\cdot k = \\sum_{m=1}^{d_k} q_{m} k_{m}$\n\nThen:\n\n"
            f"$$\\operatorname{{Var}}(q \\cdot k) = {wrong}$$\n")
    assert check_statuses(text) == [Status.REFUTED]


MATRICES = ("Assume:\n\n- $Q$ and $K$ are random $d \\times d$ matrices whose entries are independent, each with "
            "mean 0 and variance 1.\n\nThen:\n\n")


@pytest.mark.parametrize("claim", [
    r"\mathbb{E}[Q_{1, i} K_{i, 1}] = \mathbb{E}[Q_{1, i}] \mathbb{E}[K_{i, 1}]",
    r"\mathbb{E}[Q_{1, i}] \mathbb{E}[K_{i, 1}] = 0",
])
def test_entries_of_a_random_matrix_written_as_names_are_never_refuted_by_a_correlated_draw(claim):
    """``Q_{1,i}`` is an entry of the random matrix Q; declared apart with no law, a draw correlated it
    with ``K_{i,1}`` and refuted a correct step the premises make true."""
    assert Status.REFUTED not in check_statuses(MATRICES + f"$${claim}$$\n")


def test_entries_of_a_random_matrix_are_never_held_constant():
    assert Status.PROVED not in check_statuses(MATRICES + "$$\\mathbb{E}[Q_{1, i}^2] = Q_{1, i}^2$$\n")


MOMENTS = ("Assume:\n\n- $q_i$ and $k_i$ are independent random variables with zero mean.\n"
           "- $\\text{Var}(q_i) = \\sigma^2$, and likewise $\\text{Var}(k_i) = \\sigma^2$.\n\nThen:\n\n")


def test_a_mean_in_prose_and_a_variance_in_a_formula_both_hold():
    """The formula's variance was read first and the prose's zero mean was dropped: a draw with mean -1
    refuted the correct E[q_i^2] E[k_i^2] = sigma^4."""
    assert check_statuses(MOMENTS + "$$E[q_i^2]E[k_i^2] = \\sigma^4$$\n") == [Status.PROVED]


@pytest.mark.parametrize("wrong", [r"\sigma^2", r"2 \sigma^4", r"\sigma^4 + 1"])
def test_a_wrong_product_of_second_moments_is_refuted(wrong):
    assert check_statuses(MOMENTS + f"$$E[q_i^2]E[k_i^2] = {wrong}$$\n") == [Status.REFUTED]
