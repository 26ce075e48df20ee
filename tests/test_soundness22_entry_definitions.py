r"""A definition of an entry (``\pi_i = 2 x_i``) holds at every index, so a name on its right side written
with the same index is the entry of its family there, never one fixed number. Read as a fixed x_i, the
sum of pi_i over i was 2 n x_i, and that wrong step was proved."""
from __future__ import annotations

import pytest

from verify.verdict import Status
from tests.documents import check_statuses

DEFINED = "Let $\\pi_i = 2 x_i$.\n\nThen:\n\n$$\\sum_{i=1}^n \\pi_i = RIGHT$$\n"


def test_the_sum_of_a_defined_entry_is_the_sum_of_its_definition():
    assert check_statuses(DEFINED.replace("RIGHT", "2 \\sum_{i=1}^n x_i")) == [Status.PROVED]


@pytest.mark.parametrize("wrong", ["2 n x_i", "n x_i", "2 x_i", "\\sum_{i=1}^n x_i"])
def test_a_sum_of_a_defined_entry_read_as_a_constant_is_never_proved(wrong):
    assert Status.PROVED not in check_statuses(DEFINED.replace("RIGHT", wrong))


def test_an_entry_defined_by_another_index_keeps_that_name_fixed():
    text = "Let $\\pi_i = 2 x_j$.\n\nThen:\n\n$$\\sum_{i=1}^n \\pi_i = 2 n x_j$$\n"
    assert check_statuses(text) == [Status.PROVED]
