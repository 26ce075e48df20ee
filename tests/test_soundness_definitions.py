"""Definitions are exactly what they say: a diagonal is only a diagonal, a matrix's definition is
used, and a value given to something earlier formulas already determine is a claim to check."""
import pytest

from tests.documents import check_statuses
from verify.parsing import read_document
from verify.verdict import Status


DIAGONAL = "$$\\Sigma_{ii} = \\sigma_i^2$$\n\n"
MATRIX = "$$J = \\begin{bmatrix} 0 & \\eta \\\\ -\\eta & 0 \\end{bmatrix}$$\n\n"


@pytest.mark.parametrize("text", [
    DIAGONAL + "$$\\sum_{i=1}^{n} \\sum_{j=1}^{n} \\Sigma_{ij} = n \\sum_{j=1}^{n} \\sigma_j^2$$",
    DIAGONAL + "$$\\Sigma_{12} = \\sigma_2^2$$",
    "$$Q = X W^Q$$\n\n$$Q^T = X^T (W^Q)^T$$",
    MATRIX + "$$\\rho(J) = \\eta^2$$",
])
def test_a_definition_never_proves_more_than_it_says(text):
    assert Status.PROVED not in check_statuses(text)


@pytest.mark.parametrize("text", [
    DIAGONAL + "$$\\sum_{k=1}^{n} \\Sigma_{kk} = \\sum_{k=1}^{n} \\sigma_k^2$$",
    "$$Q = X W^Q$$\n\n$$Q^T = (W^Q)^T X^T$$",
])
def test_a_definition_is_used_for_what_it_says(text):
    assert check_statuses(text) == [Status.PROVED]


def test_an_off_diagonal_value_is_a_claim_not_a_definition():
    document = read_document(DIAGONAL + "$$\\Sigma_{12} = \\sigma_2^2$$")
    assert len(document.definitions) == 1 and len(document.chains) == 1


def test_a_value_of_a_function_at_a_defined_name_is_a_claim():
    document = read_document(MATRIX + "$$\\rho(J) = \\eta^2$$")
    assert [str(lhs) for lhs, _ in document.definitions] == ["J"] and len(document.chains) == 1


def test_a_matrix_definition_is_a_fact():
    document = read_document("$$Q = X W^Q$$\n\n$$Q^T = (W^Q)^T X^T$$")
    assert [f.name for f in document.context.facts] == ["definition of Q"]


def test_every_formula_taken_as_a_definition_is_listed():
    document = read_document("$$y = x^2 + 1$$\n\n$$Q = X W^Q$$\n\n$$Q^T = (W^Q)^T X^T$$\n\n$$y - 1 = x^2$$")
    assert document.definition_sources == ("y = x^2 + 1", "Q = X W^Q")


def test_a_definition_stated_in_the_prose_is_used():
    assert check_statuses("Let $y = x^2 + 1$.\n\n$$y - 1 = x^2$$") == [Status.PROVED]


def test_a_formula_in_the_prose_that_defines_nothing_is_no_fact():
    document = read_document("Hence $y = x^2 + 1$.\n\n$$y - 1 = x^2$$")
    assert document.context.facts == () and Status.PROVED not in check_statuses("Hence $y = x^2 + 1$.\n\n$$y - 1 = x^2$$")


def test_a_display_giving_a_name_defined_in_the_prose_a_value_is_a_claim():
    text = "Let $y = x^2 + 1$.\n\n$$y = x^2$$"
    assert len(read_document(text).definitions) == 1 and Status.PROVED not in check_statuses(text)
