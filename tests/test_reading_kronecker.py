"""``\\delta_{ij}``, ``\\delta_{i,j}``, ``\\delta_{i j}`` are the Kronecker delta, the standard reading, never
an entry of an unknown family delta[i, j] (under which ``\\delta_{ii} = 1`` would not hold). A document that
defines a delta of its own (``\\delta_{ij} = x_i - x_j``) keeps delta a name; one that states the
Kronecker delta by cases or calls it so keeps the Kronecker reading."""
from __future__ import annotations

import pytest
from sympy import KroneckerDelta, Symbol

from verify.parsing import parse_latex_expr, read_document
from verify.parsing.deltas import own_delta
from verify.verdict import Status
from tests.documents import check_statuses

i, j, k = (Symbol(n) for n in "ijk")


@pytest.mark.parametrize("text", [r"\delta_{ij}", r"\delta_{i,j}", r"\delta_{i j}", r"\delta_{ji}"])
def test_delta_with_two_indices_is_the_kronecker_delta(text):
    assert parse_latex_expr(text) == KroneckerDelta(i, j)


def test_delta_at_shifted_indices_is_the_kronecker_delta():
    assert parse_latex_expr(r"\delta_{i,j+1}") == KroneckerDelta(i, j + 1)


@pytest.mark.parametrize("text", [r"\delta", r"\delta_i", r"\delta_{ijk}", r"\Delta_{ij}"])
def test_delta_with_other_than_two_indices_is_a_name(text):
    assert isinstance(parse_latex_expr(text), Symbol)


def test_the_kronecker_delta_at_equal_indices_is_one():
    assert check_statuses("$$\n\\delta_{ii} + \\delta_{ij} = 1 + \\delta_{ji}\n$$\n") == [Status.PROVED]


@pytest.mark.parametrize("wrong", ["2 + \\delta_{ji}", "1 - \\delta_{ji}", "\\delta_{ji}", "1 + \\delta_{jk}"])
def test_a_broken_kronecker_identity_is_never_proved(wrong):
    assert Status.PROVED not in check_statuses(f"$$\n\\delta_{{ii}} + \\delta_{{ij}} = {wrong}\n$$\n")


def test_the_indices_of_a_kronecker_delta_are_integers():
    document = read_document("$$\n\\delta_{ij} x_i = \\delta_{ij} x_j\n$$\n")
    assert "i, j nonnegative integers (indices of a Kronecker delta)" in document.context.notes[-1]


def test_a_delta_the_document_defines_is_its_own():
    assert own_delta("Let $\\delta_{ij} = x_i - x_j$.\n")
    document = read_document("Let $\\delta_{ij} = x_i - x_j$.\n\n$$\n\\delta_{ij} + \\delta_{ji} = 0\n$$\n")
    assert not document.chains[0].start.has(KroneckerDelta)


@pytest.mark.parametrize("text", [
    "where $\\delta_{ij} = 1$ if $i = j$ and $0$ otherwise.",
    "$$\n\\delta_{ij} = \\begin{cases} 1 & i = j \\\\ 0 & i \\ne j \\end{cases}\n$$",
    "Here $\\delta_{ij} = \\delta_{ji}$ holds, as for any Kronecker delta.",
])
def test_the_kronecker_delta_stated_is_not_a_delta_of_the_documents_own(text):
    assert not own_delta(text)
