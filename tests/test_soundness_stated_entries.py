r"""A sum over a family's unwritten range (``\sum |\delta_i|``: i = 1..|delta| by the reader's convention)
when the premises give entries by number (``\delta_0 = 0, ..., \delta_4 = 0``): the entries the sum runs
through are a convention, so a counterexample proves nothing, and the step is unknown with the reason.
Written with its bounds, the same sum is decided either way."""
from __future__ import annotations

from verify.verdict import Status
from tests.documents import check_statuses

ENTRIES = "Assume $\\delta_0 = 0, \\delta_1 = 2, \\delta_2 = 2, \\delta_3 = -1, \\delta_4 = 0$.\n\n"


def test_a_sum_over_the_unwritten_range_of_stated_entries_is_not_refuted():
    assert check_statuses(ENTRIES + "$$\\sum_i |\\delta_i| = 5$$\n") == [Status.UNKNOWN]


def test_the_same_sum_with_its_bounds_written_is_proved():
    assert check_statuses(ENTRIES + "$$\\sum_{i=0}^{4} |\\delta_i| = 5$$\n") == [Status.PROVED]


def test_a_wrong_total_with_the_bounds_written_is_refuted():
    assert check_statuses(ENTRIES + "$$\\sum_{i=0}^{4} |\\delta_i| = 4$$\n") == [Status.REFUTED]


def test_without_stated_entries_the_unwritten_range_is_decided_as_before():
    assert check_statuses("$$\\sum_i (x_i + 1) = \\sum_i x_i$$\n") == [Status.REFUTED]
