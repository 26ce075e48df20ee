"""A family the step differentiates by is a variable there: its definition is not substituted in that step,
so a derivative by another variable of anything holding it (``d log p_i / d o_k`` beside ``d log p_i / d p_i``)
is undecided, never the 0 that treating p as a constant gives. Before this rule the chain rule through a
defined softmax was "proved" with any exponent on its second factor, both sides being 0."""
from __future__ import annotations

import pytest
from sympy import Derivative, IndexedBase, Symbol

from tests.documents import check_statuses
from verify.config import CheckConfig
from verify.theories.algebra import hide_no_dependence
from verify.undecided import Undecided
from verify.verdict import Status

CONFIG = CheckConfig(seed=9, samples=4, budget=None)
PREMISES = r"""Assume:

- $L = - \sum_i y_i \log p_i$
- $p_i = \frac{ \exp (o_i) }{\sum_j \exp(o_j) }$

Then:

$$- \sum_i y_i \frac{\partial \log p_i}{\partial o_k} = %s$$
"""
CHAIN = r"\frac{\partial \log p_i}{\partial p_i} \frac{\partial p_i}{\partial o_k}"


@pytest.mark.parametrize("broken", [
    r"- \sum_i y_i \frac{\partial \log p_i}{\partial p_i} (\frac{\partial p_i}{\partial o_k})^2",  # exponent
    r"- 2 \sum_i y_i " + CHAIN,  # factor
    r"\sum_i y_i " + CHAIN,  # sign
    r"- \sum_i y_i \frac{\partial \log p_i}{\partial p_i}",  # dropped factor
], ids=["exponent", "factor", "sign", "dropped factor"])
def test_a_broken_chain_rule_through_a_defined_family_is_refuted(broken):
    """Never proved; and refuted by numbers, the index k of d/do_k drawn inside the family's range."""
    assert check_statuses(PREMISES % broken, CONFIG) == [Status.REFUTED]


def test_a_derivative_by_another_variable_of_a_family_differentiated_by_is_undecided():
    p, o = IndexedBase("p"), IndexedBase("o")
    i, k = Symbol("i", integer=True), Symbol("k", integer=True)
    with pytest.raises(Undecided, match="p is differentiated by in the same step"):
        hide_no_dependence(Derivative(p[i], o[k]) + Derivative(p[i] ** 2, p[i]))


def test_a_derivative_by_the_family_itself_is_carried_out():
    p = IndexedBase("p")
    i = Symbol("i", integer=True)
    assert hide_no_dependence(Derivative(p[i] ** 2, p[i])) is None


def test_the_chain_rule_through_a_defined_family_is_proved_with_the_definition_inside_the_derivative():
    """d log p_i / d o_k = (d log p_i / d p_i)(d p_i / d o_k), p_i = softmax(o)_i unfolded under d/do_k only."""
    assert check_statuses(PREMISES % (r"- \sum_i y_i " + CHAIN), CONFIG) == [Status.PROVED]
