"""A function of undecided sign is refuted out of a class by a path on which it outgrows the bound.

The path is a sequence of instances where every size grows and every stated relation holds; it
never proves a membership, and a function the bound dominates term by term is never refuted.
"""
from __future__ import annotations

import sympy
from hypothesis import given
from hypothesis import strategies as st
from sympy import Mul

from verify.config import CheckConfig
from verify.engine.checker import check_step
from verify.model import Context, Relation
from verify.theories.asymptotics.paths import outside_along_a_path
from verify.verdict import Status
from verify.vocabulary import BigO

n, d, k = sympy.symbols("n d k", positive=True, integer=True)
LONG_INPUT = Context(symbols=(n, k, d), theories=("asymptotics", "algebra"), relations=(k < n,))
INLINE = CheckConfig(budget=None)
APPLIED = Mul(n - k + 1, BigO(k * d), evaluate=False)  # a filter applied n - k + 1 times


def test_a_dropped_factor_of_undecided_sign_is_refuted_with_a_path():
    verdict = check_step(APPLIED, Relation.EQ, BigO(k * d), LONG_INPUT, INLINE)
    assert verdict.status is Status.REFUTED
    assert "n = t^2" in verdict.reason  # the reason names the witness


def test_the_correct_class_is_still_proved():
    assert check_step(APPLIED, Relation.EQ, BigO(n * k * d), LONG_INPUT, INLINE).status is Status.PROVED


def test_the_path_obeys_the_stated_relations():
    """n - k lies in [0, 1] when k <= n <= k + 1: no path may leave O(1)."""
    pinned = (k <= n, n <= k + 1)
    assert outside_along_a_path(n - k, "O", sympy.S.One, pinned) is None


def test_without_the_relation_a_negative_gap_leaves_o_of_one():
    """n - k with n <= k + 1 only: k = t^2, n = t makes |n - k| grow."""
    assert outside_along_a_path(n - k, "O", sympy.S.One, (n <= k + 1,)) is not None


def test_a_relation_the_reader_cannot_follow_gives_no_witness():
    assert outside_along_a_path(n - k, "O", sympy.S.One, (sympy.Ne(n, k),)) is None


def test_a_path_never_refutes_an_omega_class_the_function_reaches():
    assert outside_along_a_path(sympy.expand((n - k + 1) * k * d), "Omega", k * d, (k < n,)) is None


@given(st.integers(1, 9), st.integers(-9, 9), st.integers(-9, 9))
def test_a_function_the_bound_dominates_term_by_term_is_never_refuted(a, b, c):
    member = a * n * d + b * d + c * n
    assert outside_along_a_path(member, "O", n * d, (k < n,)) is None
