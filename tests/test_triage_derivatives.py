"""Derivatives by a defined name (``dL/d\\hat y_i`` beside ``\\hat y_i = softmax``): a verdict, never a crash,
and never a proof that rests on treating the differentiated function as constant in its variable."""
from __future__ import annotations

import pytest
from sympy import Derivative, Function, IndexedBase, KroneckerDelta, Sum, Symbol, symbols

from tests.documents import check_statuses
from verify.config import CheckConfig
from verify.engine.checker import check_derivation
from verify.parsing import read_document
from verify.theories.algebra import carried_out
from verify.theories.linalg.held import free_of, holding
from verify.undecided import Undecided
from verify.verdict import Status, Tier

CONFIG = CheckConfig(seed=1, samples=4, budget=None)

SOFTMAX_LOSS = r"""Assume:

- $\hat{y}_i = \frac{e^{z_i}}{\sum_{k=1}^{C} e^{z_k}}$
- Cross-Entropy Loss: $L = -\sum_{i=1}^{C} y_i \log \hat{y}_i$, where $y_i$ is one-hot.

Then:

$$\frac{\partial L}{\partial z_j} = %s$$
"""

CHAIN_RULE = r"\sum_{i=1}^{C} \frac{\partial L}{\partial \hat{y}_i} \frac{\partial \hat{y}_i}{\partial z_j}"


def test_a_definition_of_a_name_differentiated_by_gives_a_verdict_not_a_checker_failure():
    results = check_derivation(read_document(SOFTMAX_LOSS % CHAIN_RULE).derivation(), CONFIG).results
    assert [r.verdict.tier for r in results] != [Tier.FAILURE]
    assert results[0].verdict.status is not Status.REFUTED


@pytest.mark.parametrize("broken", [
    "-" + CHAIN_RULE,  # sign
    r"\sum_{i=1}^{C} \frac{\partial L}{\partial \hat{y}_i}",  # dropped factor
    CHAIN_RULE + r" \hat{y}_j",  # extra factor
    r"\sum_{i=1}^{C} \frac{\partial L}{\partial \hat{y}_i} (\frac{\partial \hat{y}_i}{\partial z_j})^2",  # exponent
    r"\sum_{i=1}^{C} \frac{\partial L}{\partial \hat{y}_j} \frac{\partial \hat{y}_i}{\partial z_j}",  # wrong index
])
def test_broken_chain_rules_are_never_proved(broken):
    assert Status.PROVED not in check_statuses(SOFTMAX_LOSS % broken, CONFIG)


def test_a_derivative_by_a_variable_its_undefined_function_does_not_show_is_left_undecided():
    L, x, y = Function("L"), Symbol("x"), Symbol("y")
    with pytest.raises(Undecided, match="does not show whether it depends on y"):
        carried_out(Derivative(L(x), y))


def test_a_derivative_of_a_function_written_at_its_variable_is_carried_out():
    f, t = Function("f"), Symbol("t")
    assert carried_out(Derivative(f(t) ** 2, t)) == 2 * f(t) * Derivative(f(t), t)


def test_a_derivative_by_an_entry_moves_with_the_entry_index_under_a_sum():
    i, C = symbols("i C", integer=True)
    yhat, L = IndexedBase("yhat"), Function("L")(Symbol("x"))
    with holding():
        assert i in free_of(Derivative(L, yhat[i]))
        assert i not in free_of(Sum(Derivative(L, yhat[i]), (i, 1, C)))


def test_a_derivative_by_an_entry_of_a_family_the_body_shows_at_another_index_is_carried_out():
    i, j = symbols("i j", integer=True)
    f, z = Function("f"), IndexedBase("z")
    assert carried_out(Derivative(f(z[i]), z[j])) == KroneckerDelta(i, j) * Derivative(f(z[i]), z[i])
