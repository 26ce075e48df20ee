"""Held sums live for one canonical form: the registry never grows over a process's life."""
from __future__ import annotations

import gc

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sympy import Integer, Sum, Symbol

from verify.model import Context
from verify.theories.linalg import canonical
from verify.theories.linalg.held import Held, hold, holding, open_registry
from verify.vocabulary.linalg import Entry, Softmax, index, matrix, size

n, m = size("n"), size("m")
i, j, k = index("i"), index("j"), index("k")
A, B = matrix("A", n, m), matrix("B", m, n)
CONTEXT = Context(theories=("linalg", "algebra"))


def _live_held_sums() -> int:
    gc.collect()
    return sum(isinstance(o, Held) for o in gc.get_objects())


def _distinct_step(power: int):
    """A softmax-and-product step, different for each ``power``, whose form holds sums."""
    x = Symbol(f"x{power}")
    return Entry(Softmax(A * B), i, j) * x**power - Entry(Softmax(A * B), i, j) * x**power + Entry(A * B, i, j)


def test_a_canonical_form_leaves_no_registry_open():
    canonical(_distinct_step(1), CONTEXT)
    assert open_registry() is None


def test_the_registry_holds_the_sums_of_the_form_being_built():
    with holding() as registry:
        canonical.__wrapped__(_distinct_step(2), CONTEXT)
        assert registry.held and _live_held_sums() >= len(registry.held)  # the count sees them
    assert open_registry() is None


@settings(max_examples=10, deadline=None)
@given(st.lists(st.integers(3, 10_000), min_size=5, max_size=20, unique=True))
def test_many_distinct_checks_leave_no_held_sum_alive(powers):
    before = _live_held_sums()
    for power in powers:
        canonical(_distinct_step(power), CONTEXT)
    assert _live_held_sums() <= before


def test_a_sum_is_held_only_inside_a_registry():
    with pytest.raises(RuntimeError):
        hold(Symbol("y") * Integer(2), k, Integer(1), n)


def test_a_nested_caller_shares_the_open_registry():
    with holding() as outer, holding() as inner:
        assert inner is outer
    assert open_registry() is None


def test_the_form_of_a_sum_is_real_after_its_registry_closes():
    form, _ = canonical(Entry(A * B, i, j) - Sum(Entry(A, i, k) * Entry(B, k, j), (k, 1, m)) + Symbol("z"), CONTEXT)
    assert form.free_symbols == {Symbol("z")}
