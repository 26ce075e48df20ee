"""``\\partial_{o_j} l(\\mathbf{y}, \\hat{\\mathbf{y}})``: the operator form of a derivative of a function's value
is read as ``\\frac{\\partial l(y, yhat)}{\\partial o_j}`` is, when o_j names no argument of l (nor the family of
one). A premise giving ``l(y, yhat)`` then says how it depends on o_j; the deltas of the carried-out derivative
collapse over the range the step sums o over, and the step's ``y_j`` is an entry of the family the premise
sums. ``\\partial_x f(x_k, y_k)`` (f's partial in its x, at a point) stays undefined, never a derivative 0."""
from __future__ import annotations

import pytest

from tests.documents import check_statuses
from verify.config import CheckConfig
from verify.verdict import Status

CONFIG = CheckConfig(seed=3, samples=6)
PREMISED = ("Assume:\n\n- $l(\\mathbf{{y}}, \\hat{{\\mathbf{{y}}}}) = \\log \\sum_{{k=1}}^q \\exp(o_k) - "
            "\\sum_{{j=1}}^q y_j o_j$\n\nThen:\n\n$${lhs} = {rhs}$$\n")
OPERATOR = "\\partial_{o_j} l(\\mathbf{y}, \\hat{\\mathbf{y}})"
FRACTION = "\\frac{\\partial l(\\mathbf{y}, \\hat{\\mathbf{y}})}{\\partial o_j}"
RIGHT = "\\frac{\\exp(o_j)}{\\sum_{k=1}^q \\exp(o_k)} - y_j"


def statuses(lhs: str, rhs: str) -> list[Status]:
    return check_statuses(PREMISED.format(lhs=lhs, rhs=rhs), CONFIG)


@pytest.mark.parametrize("lhs", [OPERATOR, FRACTION])
def test_the_gradient_of_a_premised_loss_is_proved(lhs):
    assert statuses(lhs, RIGHT) == [Status.PROVED]


@pytest.mark.parametrize("rhs", [
    "\\frac{\\exp(o_j)}{\\sum_{k=1}^q \\exp(o_k)} + y_j",    # sign
    "\\frac{\\exp(o_j)}{\\sum_{k=1}^q \\exp(o_k)}",          # dropped target
    "\\frac{\\exp(o_k)}{\\sum_{k=1}^q \\exp(o_k)} - y_j",    # the summed index for the free one
    "1 - y_j",                                              # the softmax dropped
    "y_j - \\frac{\\exp(o_j)}{\\sum_{k=1}^q \\exp(o_k)}",    # both signs
])
@pytest.mark.parametrize("lhs", [OPERATOR, FRACTION])
def test_a_wrong_gradient_is_never_proved(lhs, rhs):
    assert Status.PROVED not in statuses(lhs, rhs)


def test_the_derivative_of_an_undefined_function_value_stays_undecided():
    document = "Then:\n\n$$\\partial_{o_j} l(\\mathbf{y}, \\hat{\\mathbf{y}}) = 0$$\n"
    assert check_statuses(document, CONFIG) == [Status.UNKNOWN]


def test_a_partial_at_a_point_is_no_derivative_of_a_constant():
    document = "Assume:\n\n- $f(x, y) = x y$\n\nThen:\n\n$$\\partial_{x} f(x_k, y_k) = 0$$\n"
    assert check_statuses(document, CONFIG) == [Status.UNKNOWN]
