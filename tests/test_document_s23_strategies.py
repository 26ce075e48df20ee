"""Mixed strategies as game theory writes them (session 23): a name defined by a tuple has no orientation;
beside a matrix (``\\sigma_r B``, ``A \\sigma_c^T``) it is the row the product needs, and a tuple equated with
a row is that row. Read as columns, these products were refused and a correct payoff vector refuted."""
from __future__ import annotations

import pytest

from verify.verdict import Status
from tests.documents import check_statuses

ROW = ("Assume:\n\n- $B=\\begin{pmatrix} 1/2 & -1 & -1/2 \\\\-1 & 3 & 2 \\end{pmatrix}$\n"
       "- $\\sigma_r=(8/11, 3/11)$\n\nThen:\n\n")
COLUMN = ("Assume:\n\n- $A=\\begin{pmatrix} 1 & 1 & -1 \\\\ 2 & -1 & 0 \\end{pmatrix}$\n"
          "- $\\sigma_c=(0, 1/3, 2/3)$\n\nThen:\n\n")


def test_a_tuple_before_a_matrix_is_a_row():
    assert check_statuses(ROW + "$$\\sigma_r B = (1/11, 1/11, 2/11)$$\n") == [Status.PROVED]


@pytest.mark.parametrize("wrong", ["(1/11, 1/11, 3/11)", "(2/11, 1/11, 1/11)"])
def test_a_wrong_payoff_row_is_refuted(wrong):
    assert check_statuses(ROW + f"$$\\sigma_r B = {wrong}$$\n") == [Status.REFUTED]


def test_a_transposed_tuple_after_a_matrix_is_a_column():
    assert check_statuses(COLUMN + "$$A\\sigma_c^T = \\begin{pmatrix} -1/3\\\\ -1/3 \\end{pmatrix}$$\n") \
        == [Status.PROVED]


@pytest.mark.parametrize("wrong", [r"\begin{pmatrix} 1/3\\ -1/3 \end{pmatrix}", r"\begin{pmatrix} -1/3\\ 1 \end{pmatrix}"])
def test_a_wrong_payoff_column_is_refuted(wrong):
    assert check_statuses(COLUMN + f"$$A\\sigma_c^T = {wrong}$$\n") == [Status.REFUTED]


def test_a_tuple_a_matrix_multiplies_on_its_left_stays_a_column():
    text = COLUMN.replace("(0, 1/3, 2/3)", "(1, 0, 0)") + "$$A \\sigma_c = \\begin{pmatrix} 1\\\\ 2 \\end{pmatrix}$$\n"
    assert check_statuses(text) == [Status.PROVED]
