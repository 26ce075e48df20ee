"""A derivative of an entry of a family the document differentiates and defines nowhere (``d p_k/d o_i``, no
fact gives p) is not the 0 that differentiating a bare entry gives: writing it says p depends on o. Read as
0 it proved ``d p_k/d o_i = 0`` and could refute a right step; it is unknown with the reason. Once the
document defines p (a softmax), the same steps are decided as before."""
from __future__ import annotations

import pytest

from verify.verdict import Status
from tests.documents import check_statuses

LOSS = "Let $L = -\\sum_k y_k \\log p_k$.\n\n"
SOFTMAX = "Let $p_k = \\frac{e^{o_k}}{\\sum_j e^{o_j}}$.\n\n"


@pytest.mark.parametrize("step", [
    "\\frac{\\partial p_k}{\\partial o_i} = 0",
    "\\frac{\\partial p_k}{\\partial o_i} + q = q",
    "q \\frac{\\partial p_k}{\\partial o_i} = 0",
    "\\frac{\\partial p_k}{\\partial o_i} = p_k (\\delta_{ik} - p_i)",
])
def test_a_derivative_of_an_undefined_family_is_never_decided_as_zero(step):
    assert check_statuses(LOSS + f"$${step}$$\n") == [Status.UNKNOWN]


def test_the_reason_names_the_derivative_and_asks_for_a_definition():
    from verify.engine.checker import check_derivation
    from verify.parsing import read_document

    (result,) = check_derivation(read_document(LOSS + "$$\\frac{\\partial p_k}{\\partial o_i} = 0$$\n").derivation()).results
    assert "dp[k]/d" in result.verdict.reason and "state their definition" in result.verdict.reason


def test_a_defined_family_is_differentiated_as_before():
    text = SOFTMAX + "$$\\frac{\\partial p_k}{\\partial o_k} = p_k (1 - p_k)$$\n"
    assert check_statuses(text) == [Status.PROVED]


@pytest.mark.parametrize("wrong", ["0", "p_k (1 + p_k)", "-p_k (1 - p_k)", "p_k^2 (1 - p_k)"])
def test_a_wrong_derivative_of_a_defined_family_is_still_refuted(wrong):
    text = SOFTMAX + f"$$\\frac{{\\partial p_k}}{{\\partial o_k}} = {wrong}$$\n"
    assert check_statuses(text) == [Status.REFUTED]


def test_a_family_differentiated_bare_in_one_step_is_not_constant_in_another():
    text = (LOSS + "$$\\frac{\\partial L}{\\partial o_i} = -\\sum_k \\frac{y_k}{p_k} \\frac{\\partial p_k}{\\partial o_i}$$\n\n"
            "$$\\frac{\\partial}{\\partial o_i} (p_k^2 + o_i) = 1$$\n")
    assert check_statuses(text)[-1] is Status.UNKNOWN
