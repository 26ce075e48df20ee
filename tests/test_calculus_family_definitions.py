"""``p_i = exp(o_i) / sum_j exp(o_j)`` at a free index i defines p at every index: ``p_k`` written elsewhere
is that value at k, so ``d p_i / d o_k = p_k (1 - p_k)`` (with i = k) is proved and its broken forms are not."""
from __future__ import annotations

import pytest
from sympy import Function, IndexedBase, Sum, Symbol, exp

from verify.config import CheckConfig
from verify.engine.checker import check_step
from verify.model import Context, Fact
from verify.theories.algebra import family_instances, usable_facts
from verify.verdict import Status

CONFIG = CheckConfig(seed=7, samples=5, budget=None)
i, j, k = (Symbol(name, nonnegative=True, integer=True) for name in "ijk")
size = Symbol("|o|", positive=True, integer=True)
o = IndexedBase("o", real=True)
p_i, p_k = Symbol("p_i", real=True), Symbol("p_k", real=True)
SOFTMAX = Fact("definition of p_i", p_i, exp(o[i]) / Sum(exp(o[j]), (j, 1, size)))
CONTEXT = Context(theories=("linalg", "algebra"), symbols=(i, k, p_k), facts=(SOFTMAX,))
AT_K = exp(o[k]) / Sum(exp(o[j]), (j, 1, size))


def check(lhs, rhs):
    return check_step(lhs, "=", rhs, CONTEXT, CONFIG)


def test_an_entry_written_at_another_index_takes_the_definition_there():
    (instance,) = family_instances((SOFTMAX,), CONTEXT)
    assert instance.lhs == p_k and instance.rhs == AT_K and instance in usable_facts(CONTEXT)


def test_the_diagonal_jacobian_in_the_entry_at_k_is_proved():
    assert check(AT_K * (1 - AT_K), p_k * (1 - p_k)).status is Status.PROVED


@pytest.mark.parametrize("broken", [p_k * (1 + p_k), p_k ** 2 * (1 - p_k), p_i * (1 - p_k) * 2],
                         ids=["sign", "exponent", "factor"])
def test_a_broken_diagonal_jacobian_is_never_proved(broken):
    assert check(AT_K * (1 - AT_K), broken).status is not Status.PROVED


def test_a_value_naming_a_symbol_subscripted_by_the_index_defines_no_family():
    """``g_t = f(x_t)``: g_s is not f(x_t), and renaming t would not reach the name x_t."""
    t, s = Symbol("t", integer=True), Symbol("s", integer=True)
    g_t, g_s, x_t = Symbol("g_t"), Symbol("g_s"), Symbol("x_t")
    fact = Fact("definition of g_t", g_t, Function("f")(x_t) + t)
    assert family_instances((fact,), Context(symbols=(t, s, g_s), facts=(fact,))) == ()


def test_an_index_that_is_not_an_integer_defines_no_family():
    x, y = Symbol("x", real=True), Symbol("y", real=True)
    fact = Fact("definition of p_x", Symbol("p_x"), x ** 2)
    assert family_instances((fact,), Context(symbols=(x, y, Symbol("p_y")), facts=(fact,))) == ()


def test_a_recurrence_defines_no_family():
    """``theta_t = theta_{t-1} - eta t``: theta_T is not theta_{t-1} - eta T."""
    t, big = Symbol("t", integer=True), Symbol("T", integer=True)
    fact = Fact("update", Symbol("theta_t"), Symbol("theta_{t-1}") - Symbol("eta") * t)
    assert family_instances((fact,), Context(symbols=(t, big, Symbol("theta_T")), facts=(fact,))) == ()
