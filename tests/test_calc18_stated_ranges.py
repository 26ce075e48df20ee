"""An unstated range ``1..|o|`` (``\\sum_k \\exp(o_k)`` in a premise) is the one plain range ``1..q`` the
step sums the same family over; with two stated ranges, or one that is no plain size, it stays unstated."""
from __future__ import annotations

from sympy import IndexedBase, Sum, Symbol, Tuple, exp

from verify.theories.linalg.ranges import unify_sizes, unstated_size

o = IndexedBase("o")
k = Symbol("k", integer=True, positive=True)
q = Symbol("q", integer=True, positive=True)
m = Symbol("m", integer=True, positive=True)
UNSTATED = Sum(exp(o[k]), (k, 1, unstated_size("o")))


def test_the_unstated_range_is_the_one_stated_range_of_its_family():
    scope = Tuple(UNSTATED, Sum(exp(o[k]), (k, 1, q)))
    assert unify_sizes(UNSTATED, scope) == Sum(exp(o[k]), (k, 1, q))


def test_two_stated_ranges_leave_the_range_unstated():
    scope = Tuple(UNSTATED, Sum(exp(o[k]), (k, 1, q)), Sum(o[k], (k, 1, m)))
    assert unify_sizes(UNSTATED, scope) == UNSTATED


def test_a_range_that_is_no_plain_size_leaves_the_range_unstated():
    scope = Tuple(UNSTATED, Sum(exp(o[k]), (k, 1, q - 1)))
    assert unify_sizes(UNSTATED, scope) == UNSTATED


def test_a_range_from_zero_leaves_the_range_unstated():
    scope = Tuple(UNSTATED, Sum(exp(o[k]), (k, 0, q)))
    assert unify_sizes(UNSTATED, scope) == UNSTATED
