"""A field under a second name (``v = F``, "with v = F held fixed") has F's components, generic ones where
F is undefined: ``-F \\times (\\nabla \\times F) = -v \\times (\\nabla \\times F)`` holds for every smooth F and
is proved; a sign dropped is never proved (an undefined field cannot be drawn, so it stays unknown)."""
from __future__ import annotations

import pytest

from tests.documents import check_statuses
from verify.config import CheckConfig
from verify.verdict import Status

CONFIG = CheckConfig(seed=2, samples=4)
DOCUMENT = ("Assume:\n\n- $F$ is a vector field on $\\mathbb{{R}}^3$.\n- $v = F$.\n\nThen:\n\n"
            "$$(\\nabla \\times F) \\times F = -F \\times (\\nabla \\times F)$$\n\n"
            "$$= {rhs}$$\n")


def test_the_field_under_a_second_name_is_the_same_field():
    assert check_statuses(DOCUMENT.format(rhs="-v \\times (\\nabla \\times F)"), CONFIG) == [Status.PROVED, Status.PROVED]


@pytest.mark.parametrize("rhs", ["v \\times (\\nabla \\times F)", "F \\times (\\nabla \\times v)",
                                 "-(\\nabla \\times F) \\times v"])
def test_a_wrong_step_about_the_named_field_is_never_proved(rhs):
    statuses = check_statuses(DOCUMENT.format(rhs=rhs), CONFIG)
    assert len(statuses) == 2 and statuses[-1] is not Status.PROVED
