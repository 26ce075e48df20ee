"""Draws that meet a stated sum (``sum_i y_i = c``): a one-hot or normalised target is drawn so that the
premise holds, so a step that needs it is never refuted and a wrong one is refuted by a legal instance."""
from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sympy import IndexedBase, Integer, Rational, Sum, Symbol

from verify.config import CheckConfig
from verify.engine.numeric import numeric_check
from verify.engine.sampling import premised_entries
from verify.evaluation import Evaluator
from verify.model import Context, Fact, Relation
from verify.theories.base import Instance
from verify.theories.linalg.ranges import sum_premise
from verify.verdict import Status

CONFIG = CheckConfig(seed=3, samples=6, budget=None)
n = Symbol("n", positive=True, integer=True)
k, m = Symbol("k", positive=True, integer=True), Symbol("m", positive=True, integer=True)
y, w = IndexedBase("y", real=True), IndexedBase("w", real=True)
TARGET = Fact("one-hot target", Sum(y[m], (m, 1, n)), Integer(1))
WITH = Context(theories=("linalg", "algebra"), facts=(TARGET,))
WITHOUT = Context(theories=("linalg", "algebra"))
SQUARED = Sum(y[k], (k, 1, n)) ** 2


def check(lhs, rhs, context=WITH):
    """The numeric tier alone: the symbolic tiers would substitute the premise itself."""
    return numeric_check(lhs, Relation.EQ, rhs, context, CONFIG)


def test_a_step_that_needs_the_premise_is_not_refuted():
    assert check(SQUARED, Integer(1)).status is Status.CONSISTENT


def test_without_the_premise_the_same_step_is_refuted():
    assert check(SQUARED, Integer(1), WITHOUT).status is Status.REFUTED


def test_a_wrong_total_is_refuted_by_draws_that_meet_the_premise():
    verdict = check(SQUARED, Integer(2))
    assert verdict.status is Status.REFUTED
    assert any(name == "y" and "summing to 1" in shown for name, shown in verdict.counterexample.assignment)


def test_a_premise_on_a_defined_family_is_not_drawn():
    """p_j = ... defines p: random entries summing to one would contradict the definition."""
    defined = Fact("definition", y[m], Rational(1, 2))
    assert sum_premise(TARGET, Context(facts=(TARGET, defined))) is None


def test_two_premises_on_one_family_are_not_drawn_together():
    other = Fact("second moment", Sum(y[m] ** 2, (m, 1, n)), Integer(1))
    assert sum_premise(TARGET, Context(facts=(TARGET, other))) is None


def test_a_weighted_sum_is_not_read_as_a_plain_sum():
    weighted = Fact("weighted", Sum(w[m] * y[m], (m, 1, n)), Integer(1))
    assert sum_premise(weighted, Context(facts=(weighted,))) is None


@given(st.integers(1, 6), st.integers(0, 7), st.sampled_from([Integer(1), Integer(0), Rational(5, 2)]),
       st.integers(0, 2**16))
@settings(max_examples=40, deadline=None)
def test_drawn_entries_sum_to_the_stated_total(size, index, total, seed):
    premise = Fact("stated sum", Sum(y[m], (m, 1, n)), total)
    instance = Instance(values={n: float(size)})
    assert premised_entries(Context(facts=(premise,)), y[1], np.random.default_rng(seed), instance, index) is None
    evaluate = Evaluator(instance.values, instance.hooks)
    assert sum(evaluate(y[Integer(a)]) for a in range(1, size + 1)) == pytest.approx(float(total))
