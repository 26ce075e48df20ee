r"""``for $i = j$ ... for $i \neq j$``: the writer distinguishes two cases of a statement, so ``i = j``
defines neither index. Taken as the definition i := j, every i of the document became j."""
from __future__ import annotations

from verify.parsing import read_document

CASES = ("Assume $a_j = \\frac{e^{z_j}}{\\sum_k e^{z_k}}$, and $\\frac{\\partial a_j}{\\partial z_i} = a_i(1 - a_i)$ "
         "for $i = j$ and $\\frac{\\partial a_j}{\\partial z_i} = -a_i a_j$ for $i \\neq j$.\n\n"
         "$$\\frac{\\partial a_i}{\\partial z_i} = a_i(1 - a_i)$$\n")


def test_an_equality_of_indices_written_unequal_elsewhere_defines_nothing():
    assert all(str(lhs) != "i" for lhs, _ in read_document(CASES).definitions)


def test_an_equality_of_names_never_written_unequal_still_defines():
    text = "Let $i = j$.\n\n$$i + 1 = j + 1$$\n"
    assert [str(lhs) for lhs, _ in read_document(text).definitions] == ["i"]
