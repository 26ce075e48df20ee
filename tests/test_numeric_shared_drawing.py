"""What every draw of one check shares is found once and remembered (``algebra.Drawing``, the last
context and expression asked; ``ranges.SizePlan``, by expression; the stated-sum premise, by context
and scope): a remembered answer is the answer found afresh, and a new context or expression is never
given another's."""
from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from sympy import IndexedBase, Integer, Sum, Symbol, Tuple, exp

from verify.evaluation import Evaluator
from verify.model import Context, Fact
from verify.theories import algebra
from verify.theories.base import Instance
from verify.theories.linalg import ranges
from verify.theories.linalg.ranges import SizePlan, draw_sizes, stated_sum_premise, unstated_size

x, t = Symbol("x", real=True), Symbol("t", positive=True)
u = Symbol("u", real=True)
k, j = Symbol("k", integer=True, positive=True), Symbol("j", integer=True, positive=True)
o = IndexedBase("o", real=True)
SIZE = unstated_size("o")
SUMMED = Tuple(Sum(exp(o[k]), (k, 1, SIZE)) * o[j], Integer(1))


def _value_of_u(context: Context, seed: int) -> tuple[float, float]:
    instance = Instance()
    assert algebra.instantiate(context, u * x, np.random.default_rng(seed), instance) is None
    return instance.values[u], Evaluator(instance.values)(context.facts[0].rhs)


def test_a_new_context_is_not_given_the_last_contexts_definitions():
    squared = Context(facts=(Fact("definition", u, x**2 + t),))
    shifted = Context(facts=(Fact("definition", u, x + 1),))
    for context in (squared, shifted, squared):
        value, by_definition = _value_of_u(context, 3)
        assert value == by_definition


def test_a_new_expression_under_the_same_context_gets_its_own_symbols():
    context = Context(facts=(Fact("definition", u, x**2),))
    first, second = Instance(), Instance()
    algebra.instantiate(context, u, np.random.default_rng(0), first)
    algebra.instantiate(context, t, np.random.default_rng(0), second)
    assert t in second.values and t not in first.values


def _sized_draw(expr, seed: int) -> tuple[dict, list]:
    instance = Instance()
    draw_sizes(expr, np.random.default_rng(seed), instance)
    return dict(instance.values), list(instance.described)


@given(seed=st.integers(0, 2**16))
@settings(max_examples=20, deadline=None)
def test_a_remembered_size_plan_draws_what_a_fresh_one_draws(seed):
    SizePlan.of.cache_clear()
    fresh = _sized_draw(SUMMED, seed)
    assert _sized_draw(SUMMED, seed) == fresh  # the second draw reads the remembered plan


def test_every_unstated_size_takes_one_value_and_free_indices_lie_inside():
    values, _ = _sized_draw(SUMMED, 5)
    assert 2 <= values[SIZE] <= 4
    assert 1 <= values[j] <= values[SIZE]


def test_the_stated_sum_premise_is_asked_again_for_another_context():
    free = Context(theories=("linalg", "algebra"))
    constrained = Context(theories=("linalg", "algebra"),
                          facts=(Fact("normalised", Sum(o[k] ** 2, (k, 1, SIZE)), Integer(1)),))
    scope = Tuple(SUMMED)
    assert stated_sum_premise(scope, free) is None
    assert stated_sum_premise(scope, constrained) is not None
    assert stated_sum_premise(Tuple(SUMMED), free) is None
    assert ranges._LAST_PREMISE[0][0] is free
