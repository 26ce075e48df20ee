"""A loss the premises give at its written arguments (``l(y, yhat) = -\\sum_{j=1}^q y_j \\log \\hat y_j``) over a
family they define with an unstated range (``\\hat y_j = \\exp(o_j) / \\sum_k \\exp(o_k)``): unfolded to the
end (the premise brings in yhat, whose definition comes before it), and the numbers unfold the premise as the
symbols do, so a wrong step is refuted rather than left with "cannot evaluate l". The premise's unstated
``\\sum_k`` is never taken for the step's ``\\sum_{k=1}^q`` by the symbols (a guess), so the right step is
consistent: the numbers draw both ranges alike."""
from __future__ import annotations

import pytest

from tests.documents import check_statuses
from verify.config import CheckConfig
from verify.verdict import Status

CONFIG = CheckConfig(seed=5, samples=6)
LOSS = ("Assume:\n\n- $l(\\mathbf{{y}}, \\hat{{\\mathbf{{y}}}}) = - \\sum_{{j=1}}^q y_j \\log \\hat{{y}}_j$\n"
        "- $\\hat{{y}}_j = \\frac{{\\exp(o_j)}}{{\\sum_k \\exp(o_k)}}$\n\n"
        "Then:\n\n$$l(\\mathbf{{y}}, \\hat{{\\mathbf{{y}}}}) = {rhs}$$\n")


def statuses(rhs: str) -> list[Status]:
    return check_statuses(LOSS.format(rhs=rhs), CONFIG)


def test_the_loss_of_the_softmax_written_out_is_consistent():
    assert statuses("- \\sum_{j=1}^q y_j \\log \\frac{\\exp(o_j)}{\\sum_{k=1}^q \\exp(o_k)}") == [Status.CONSISTENT]


@pytest.mark.parametrize("rhs", [
    "\\sum_{j=1}^q y_j \\log \\frac{\\exp(o_j)}{\\sum_{k=1}^q \\exp(o_k)}",        # sign
    "- \\sum_{j=1}^q \\log \\frac{\\exp(o_j)}{\\sum_{k=1}^q \\exp(o_k)}",          # the labels dropped
    "- \\sum_{j=1}^q y_j \\log \\frac{\\exp(o_j)}{\\sum_{k=1}^{q-1} \\exp(o_k)}",  # off-by-one range
])
def test_a_wrong_loss_is_refuted(rhs):
    assert statuses(rhs) == [Status.REFUTED]


def test_the_summed_index_for_the_free_one_is_never_proved():
    assert Status.PROVED not in statuses("- \\sum_{j=1}^q y_j \\log \\frac{\\exp(o_k)}{\\sum_{k=1}^q \\exp(o_k)}")

