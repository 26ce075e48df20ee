"""Names the prose calls constants (session 24): "$k$ is a small constant" makes k a fixed positive number
in O, Theta and Omega, so O(n k) = O(n); without the sentence k is a size and the step fails."""
from __future__ import annotations

import pytest

from verify.verdict import Status
from tests.documents import check_statuses

CONSTANT = "Assume:\n\n- $k$ is a small constant.\n\nThen:\n\n"


def test_a_stated_constant_is_absorbed_by_a_class():
    assert check_statuses(CONSTANT + "$$O(n k) = O(n)$$\n") == [Status.PROVED]


def test_without_the_statement_the_name_is_a_size():
    assert check_statuses("$$O(n k) = O(n)$$\n") == [Status.REFUTED]


@pytest.mark.parametrize("wrong", ["O(1)", "O(k)", "O(\\log n)"])
def test_a_stated_constant_does_not_make_a_smaller_class_hold(wrong):
    assert check_statuses(CONSTANT + f"$$O(n k) = {wrong}$$\n") == [Status.REFUTED]


def test_for_constant_in_prose_names_a_constant():
    text = "For a fixed constant $c$:\n\n$$O(c n^2 + n) = O(n^2)$$\n"
    assert check_statuses(text) == [Status.PROVED]


def test_a_negated_constant_names_nothing():
    text = "Here $k$ is not a constant.\n\n$$O(n k) = O(n)$$\n"
    assert check_statuses(text) == [Status.REFUTED]


@pytest.mark.parametrize("wrong", ["$$n^k = O(n)$$", "$$\\Theta(k^n) = \\Theta(1)$$", "$$O(\\log(n^k)) = O(1)$$"])
def test_a_stated_constant_in_an_exponent_is_no_factor(wrong):
    """n^k with k constant is no O(n): only a factor is absorbed (k was replaced by 1 everywhere)."""
    assert Status.PROVED not in check_statuses(CONSTANT + wrong + "\n")
