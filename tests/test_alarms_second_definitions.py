"""A premise giving an already defined name a second value (``$d_{attn} = d_k h$``, later ``$d_{attn} =
d_{model}$``, as a blog's setup writes it) relates the two values. It used to be dropped, and a correct step
that holds only under it was refuted at a draw violating it."""
from __future__ import annotations

import pytest

from verify.verdict import Status
from tests.documents import check_statuses

SETUP = "Assume:\n\n- $w = a b$ is the width.\n- $w = m$ and $f = 4 m$.\n\nThen:\n\n"


def test_a_step_resting_on_the_second_value_is_proved():
    assert check_statuses(SETUP + "$$3 m w + m f = 7 m^2$$\n") == [Status.PROVED]


@pytest.mark.parametrize("wrong", ["8 m^2", "7 m", "7 m^2 + 1", "6 m^2"])
def test_a_wrong_step_under_the_second_value_is_refuted(wrong):
    assert check_statuses(SETUP + f"$$3 m w + m f = {wrong}$$\n") == [Status.REFUTED]


def test_a_second_value_that_is_no_name_keeps_every_draw_from_refuting():
    """``w = 2m`` with ``w = ab``: no name to define, so it is a premise relation; no draw meets it, and
    a step that holds under it is never refuted."""
    setup = SETUP.replace("$w = m$", "$w = 2 m$")
    assert check_statuses(setup + "$$m w = 2 m^2$$\n") != [Status.REFUTED]


def test_a_second_value_closing_a_cycle_defines_nothing_circular():
    """``a = b`` then ``b = a``: defining b by a would close a cycle; the document is still read and checked."""
    statuses = check_statuses("Assume:\n\n- $a = 2 b$.\n- $a = b$.\n\nThen:\n\n$$a - 2b = 0$$\n")
    assert statuses == [Status.PROVED]
