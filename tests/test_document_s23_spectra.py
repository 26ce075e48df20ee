"""A name the prose gives the eigenvalues of a matrix ("$\\lambda_{1,2}$ are the eigenvalues of $J$") heads a
claim about J's spectrum, checked as a multiset; it was read as the definition of a fresh name, and the
document then held no derivation at all."""
from __future__ import annotations

import pytest

from verify.verdict import Status
from tests.documents import check_statuses

NAMED = ("Assume:\n\n- $J = \\begin{pmatrix} 0 & \\ell'(0) \\\\ -\\ell'(0) & 0 \\end{pmatrix}$\n"
         "- $\\lambda_{1,2}$ are the eigenvalues of $J$; $i$ is the imaginary unit.\n\nThen:\n\n")


def test_the_named_eigenvalues_are_checked_against_the_matrix():
    assert check_statuses(NAMED + "$$\\lambda_{1,2} = \\pm\\, i\\, \\ell'(0)$$\n") == [Status.PROVED]


@pytest.mark.parametrize("wrong", [r"\pm \ell'(0)", r"\pm 2 i \ell'(0)", r"1 \pm i \ell'(0)"])
def test_wrong_named_eigenvalues_are_refuted(wrong):
    assert check_statuses(NAMED + f"$$\\lambda_{{1,2}} = {wrong}$$\n") == [Status.REFUTED]


def test_a_list_of_names_is_not_read_as_the_spectrum():
    """``\\lambda_1, \\lambda_2`` are two eigenvalues in an order the text does not fix."""
    from verify.parsing import read_document

    text = NAMED.replace("$\\lambda_{1,2}$ are", "$\\lambda_1, \\lambda_2$ are") + "$$\\lambda_1 = i \\ell'(0)$$\n"
    assert not any("Spectrum" in str(c.start) for c in read_document(text).chains)
