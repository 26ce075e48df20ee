"""The chain rule through a softmax over a stated range (``\\hat y_i = e^{z_i} / \\sum_{k=1}^C e^{z_k}``, a
one-hot y): the deltas the derivative leaves inside nested sums collapse where the inner sum's index meets
an outer sum's over the same range (``sum_{j0} ... sum_{j1} delta_{j0 j1} f(j1) = f(j0)``), and the one-hot
premise's unstated range takes the C its family is summed to, so the numbers can draw it."""
from __future__ import annotations

import pytest

from tests.documents import check_statuses
from verify.config import CheckConfig
from verify.verdict import Status

CONFIG = CheckConfig(seed=11, samples=6)
DOCUMENT = ("Assume:\n\n- $\\hat{y}_i = \\frac{e^{z_i}}{\\sum_{k=1}^{C} e^{z_k}}$\n"
            "- Cross-Entropy Loss: $L = -\\sum_{i=1}^{C} y_i \\log \\hat{y}_i$, where $y_i$ is one-hot.\n"
            "- $\\frac{\\partial L}{\\partial \\hat{y}_i} = - \\frac{y_i}{\\hat{y}_i}$\n\n"
            "Then:\n\n$$\\frac{\\partial L}{\\partial z_j} = STEP$$\n")
RIGHT = "\\sum_{i=1}^{C} \\frac{\\partial L}{\\partial \\hat{y}_i} \\frac{\\partial \\hat{y}_i}{\\partial z_j}"


def statuses(step: str) -> list[Status]:
    return check_statuses(DOCUMENT.replace("STEP", step), CONFIG)


def test_the_chain_rule_through_the_softmax_is_proved():
    assert statuses(RIGHT) == [Status.PROVED]


@pytest.mark.parametrize("step", [
    "-" + RIGHT,                                                                           # sign
    "\\sum_{i=1}^{C} \\frac{\\partial L}{\\partial \\hat{y}_i}",                            # a factor dropped
    "\\sum_{i=1}^{C} \\frac{\\partial L}{\\partial \\hat{y}_i} \\frac{\\partial \\hat{y}_i}{\\partial z_j} + y_j",  # a term
])
def test_a_wrong_chain_rule_is_refuted(step):
    assert statuses(step) == [Status.REFUTED]
