""""where $y_i$ is one-hot" said of an entry: the family y is one-hot (its entries sum to 1), over the
range the document sums y on, as "where $y$ is one-hot" is. Read as a family ``y_i`` of its own (entries
y_{i,j}) the premise constrained nothing the steps use, and a right step using sum_i y_i = 1 was refuted."""
from __future__ import annotations

import pytest
import sympy

from verify.parsing import read_document
from verify.verdict import Status
from tests.documents import check_statuses

LOSS = "Assume:\n\n- Loss: $L = -\\sum_{i=1}^{C} y_i \\log p_i$, where $y_i$ is one-hot.\n\nThen:\n\n"
STEP = "$$\n-y_j + \\sum_{i \\neq j} y_i p_j + y_j p_j = RIGHT\n$$\n"


def _sum_facts(text: str) -> list:
    return [f for f in read_document(text).context.facts if isinstance(f.lhs, sympy.Sum) and f.rhs == 1]


def test_one_hot_said_of_an_entry_sums_the_family_to_one():
    (fact,) = _sum_facts(LOSS + STEP.replace("RIGHT", "p_j - y_j"))
    assert {str(i.base) for i in fact.lhs.atoms(sympy.Indexed)} == {"y"}


def test_the_right_step_under_an_entry_said_one_hot_is_accepted():
    assert check_statuses(LOSS + STEP.replace("RIGHT", "p_j - y_j"))[0] in (Status.PROVED, Status.CONSISTENT)


@pytest.mark.parametrize("wrong", ["p_j + y_j", "2 p_j - y_j", "p_j", "p_j - 2 y_j", "y_j - p_j"])
def test_a_broken_step_under_an_entry_said_one_hot_is_refuted(wrong):
    assert check_statuses(LOSS + STEP.replace("RIGHT", wrong))[0] is Status.REFUTED


def test_the_one_hot_range_is_the_one_a_definition_writes_when_no_step_sums_the_family():
    text = LOSS + "$$\ny_j p_j + \\sum_{i=1}^{C} y_i p_j - y_j p_j = p_j\n$$\n"
    (fact,) = _sum_facts(text.replace("\\sum_{i=1}^{C} y_i p_j", "p_j"))
    assert str(fact.lhs.limits[0][2]) == "C"


def test_an_entry_of_a_two_index_family_is_a_row_of_its_own():
    """$y_{ik}$ written too: y_i is the i-th row; the one-hot premise never sums the family y over one index."""
    text = ("Assume $L = -\\sum_{k=1}^{K} y_{ik} \\log p_{ik}$, where $y_i$ is one-hot.\n\n"
            "$$\n\\sum_{k=1}^{K} y_{ik} p_{ij} = p_{ij}\n$$\n")
    summed = [next(iter(f.lhs.atoms(sympy.Indexed))) for f in _sum_facts(text)]
    assert not [entry for entry in summed if str(entry.base) == "y" and len(entry.indices) == 1]
