r"""A derivative by an entry o_j of a sum over its own j: the bound j is another index than the free one.

SymPy differentiates through the bound j as if it were the free j: ``d/d o_j \sum_j y_j o_j`` came out
as ``\sum_j y_j`` and that wrong step was proved. Bound indices a derivative's variable names are renamed
before differentiating, in every tier."""
import sympy
from sympy import IndexedBase, Sum, symbols

from tests.documents import check_statuses
from verify.differentiation import carried
from verify.verdict import Status

j, k, q = symbols("j k q", integer=True)
o, y = IndexedBase("o"), IndexedBase("y")


def test_the_bound_index_is_not_the_free_one():
    done = carried(sympy.Derivative(Sum(y[j] * o[j], (j, 1, q)), o[j]))
    assert done.subs(q, 3).doit().subs(j, 2) == y[2]


def test_a_derivative_without_a_clash_is_unchanged():
    assert carried(sympy.Derivative(Sum(y[k] * o[k], (k, 1, q)), o[j])) == \
        sympy.Derivative(Sum(y[k] * o[k], (k, 1, q)), o[j]).doit()


def test_the_captured_derivative_is_never_proved():
    assert Status.PROVED not in check_statuses("$$\\frac{\\partial}{\\partial o_j} \\sum_{j=1}^q y_j o_j "
                                               "= \\sum_{j=1}^q y_j$$\n")
    assert Status.PROVED not in check_statuses("Assume $l = \\sum_{j=1}^q y_j o_j$.\n\n"
                                               "$$\\frac{\\partial l}{\\partial o_j} = \\sum_{j=1}^q y_j$$\n")


def test_the_right_derivative_is_not_refuted_at_an_index_outside_the_family():
    """The free j ranges over o's entries 1..q: a draw j > q is no instance of the step."""
    assert Status.REFUTED not in check_statuses("$$\\frac{\\partial}{\\partial o_j} \\sum_{j=1}^q y_j o_j = y_j$$\n")
