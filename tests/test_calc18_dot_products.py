"""``\\langle \\mathbf{v}_i, \\mathbf{v}_j \\rangle`` of two entries of one bold family is the sum of their
component products over the family's second index set ``1..|v|_2``, unstated: that it is the ``1..k`` a
step sums the components ``v_{i,l}`` over is never assumed by the symbols, so the component form is only
consistent (the numbers draw both ranges alike); a dot product of plain names keeps its kind open."""
from __future__ import annotations

import pytest

from tests.documents import check_statuses
from verify.config import CheckConfig
from verify.verdict import Status

CONFIG = CheckConfig(seed=7, samples=6)
HEAD = ("Assume:\n\n- $\\mathbf{V} \\in \\mathbb{R}^{d\\times k}$; $\\mathbf{v}_i$ is the $i$-th row of $\\mathbf{V}$.\n"
        "- $\\langle\\cdot, \\cdot \\rangle$ is the dot product of two vectors.\n\nThen:\n\n$${step}$$\n")
PAIRS = "\\sum_{i=1}^d \\sum_{j=i+1}^d \\langle\\mathbf{v}_i, \\mathbf{v}_j\\rangle x_i x_j"
FULL = "\\sum_{i=1}^d \\sum_{j=1}^d\\langle\\mathbf{v}_i, \\mathbf{v}_j\\rangle x_i x_j"
DIAGONAL = "\\sum_{i=1}^d \\langle\\mathbf{v}_i, \\mathbf{v}_i\\rangle x_i x_i"
COMPONENTS = "\\sum_{i=1}^d \\langle\\mathbf{v}_i, \\mathbf{v}_j\\rangle x_i"


def statuses(step: str) -> list[Status]:
    return check_statuses(HEAD.replace("{step}", step), CONFIG)


def test_the_pairwise_reformulation_is_accepted():
    assert statuses(f"{PAIRS} = \\frac{{1}}{{2}} {FULL} - \\frac{{1}}{{2}} {DIAGONAL}") == [Status.CONSISTENT]


@pytest.mark.parametrize("rhs", [
    f"\\frac{{1}}{{2}} {FULL} + \\frac{{1}}{{2}} {DIAGONAL}",   # sign
    f"{FULL} - \\frac{{1}}{{2}} {DIAGONAL}",                    # dropped factor
    f"\\frac{{1}}{{2}} {FULL}",                                 # dropped diagonal
])
def test_a_wrong_reformulation_is_refuted(rhs):
    assert statuses(f"{PAIRS} = {rhs}") == [Status.REFUTED]


def test_the_dot_product_by_its_components_is_consistent():
    step = f"{COMPONENTS} = \\sum_{{i=1}}^d \\sum_{{l=1}}^k \\mathbf{{v}}_{{i, l}} \\mathbf{{v}}_{{j, l}} x_i"
    assert statuses(step) == [Status.CONSISTENT]


@pytest.mark.parametrize("rhs", [
    "\\sum_{i=1}^d \\sum_{l=1}^k \\mathbf{v}_{i, l} \\mathbf{v}_{i, l} x_i",      # one vector twice
    "\\sum_{i=1}^d \\sum_{l=1}^{k-1} \\mathbf{v}_{i, l} \\mathbf{v}_{j, l} x_i",  # a component dropped
    "-\\sum_{i=1}^d \\sum_{l=1}^k \\mathbf{v}_{i, l} \\mathbf{v}_{j, l} x_i",     # sign
])
def test_a_wrong_component_form_is_never_proved(rhs):
    assert Status.PROVED not in statuses(f"{COMPONENTS} = {rhs}")


def test_a_dot_product_of_plain_names_is_no_product_of_numbers():
    assert Status.PROVED not in check_statuses("Then:\n\n$$\\langle a, b\\rangle = a b$$\n", CONFIG)
