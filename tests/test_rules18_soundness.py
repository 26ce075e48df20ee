"""Soundness bugs the rule table found (issue 11): each is a broken variant that IS proved.

Each was first recorded as a strict expected failure with the exact input; the fix made it pass
and the mark went.
"""
from __future__ import annotations

import pytest
from sympy import KroneckerDelta, Sum, exp

from verify.engine.checker import check_step
from verify.verdict import Status

from .rules18.cases import CONFIG
from .rules18.softmax import WITH_TARGET, i, k, n, z

SHORT_RANGES = [pytest.param(1, n - 1, id="1..n-1, false at i = n"), pytest.param(2, n, id="2..n, false at i = 1")]


@pytest.mark.parametrize("low, high", SHORT_RANGES)
def test_a_delta_under_a_sum_short_of_the_premised_range_is_never_proved(low, high):
    """sum_{k=low}^{high} delta_ik e^{z_k} = e^{z_i} fails at the index of 1..n the sum leaves out
    (left 0, right e^{z_i}), under the context of ``rules18.softmax`` (softmax theory, p's definition)."""
    shorter = Sum(KroneckerDelta(i, k) * exp(z[k]), (k, low, high))
    assert check_step(shorter, "=", exp(z[i]), WITH_TARGET, CONFIG).status is not Status.PROVED
