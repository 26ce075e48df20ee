"""The numeric tier differentiates a defined family through its definition: ``d p_j / d z_i`` of a
softmax ``p`` defined by a fact is evaluated from ``exp(z_j) / sum_k exp(z_k)``, never as the 0 of a
bare entry, so a true Jacobian step agrees on every sample and a broken one is refuted."""
from __future__ import annotations

import pytest
from sympy import Derivative, IndexedBase, KroneckerDelta, Sum, Symbol, exp, log

from verify.config import CheckConfig
from verify.engine.numeric import numeric_check
from verify.model import Context, Fact, Relation
from verify.theories.linalg.ranges import unstated_size
from verify.verdict import Status

CONFIG = CheckConfig(seed=5, samples=6, budget=None)
n = unstated_size("z")  # sum_k exp(z_k) over the family's own index set, as the reader writes it
i, j, k = (Symbol(name, positive=True, integer=True) for name in "ijk")
z, p = IndexedBase("z", real=True), IndexedBase("p")
SOFTMAX = Fact("definition of softmax", p[j], exp(z[j]) / Sum(exp(z[k]), (k, 1, n)))
CONTEXT = Context(theories=("linalg", "algebra"), facts=(SOFTMAX,))
JACOBIAN = Derivative(p[j], z[i])
STATED = Symbol("n", positive=True, integer=True)
OUTSIDE = Context(theories=("linalg", "algebra"), facts=(SOFTMAX.__class__(SOFTMAX.name, p[j], exp(z[j]) / Sum(
    exp(z[k]), (k, 1, STATED))),),)


def numbers(rhs, context=CONTEXT):
    return numeric_check(JACOBIAN, Relation.EQ, rhs, context, CONFIG).status


def test_the_softmax_jacobian_agrees_on_every_sample():
    assert numbers(p[j] * (KroneckerDelta(i, j) - p[i])) is Status.CONSISTENT


def test_an_index_drawn_outside_its_family_decides_nothing():
    """With a stated size n, free integers i, j drawn beyond it name no entry: those samples are dropped,
    so the true step is never refuted by them (both sides scaled by n, so that the numeric tier draws it)."""
    verdict = numeric_check(STATED * JACOBIAN, Relation.EQ, STATED * p[j] * (KroneckerDelta(i, j) - p[i]), OUTSIDE,
                            CONFIG)
    assert verdict.status is not Status.REFUTED


def test_the_derivative_of_a_log_sum_exp_at_a_stated_size_is_not_refuted():
    """d/dz_i log sum_{k=1}^n exp(z_k) = exp(z_i) / sum_k exp(z_k): true for every i in 1..n."""
    lse = log(Sum(exp(z[k]), (k, 1, STATED)))
    context = Context(theories=("linalg", "algebra"))
    softmax = exp(z[i]) / Sum(exp(z[k]), (k, 1, STATED))
    assert numeric_check(Derivative(lse, z[i]), Relation.EQ, softmax, context, CONFIG).status is Status.CONSISTENT
    assert numeric_check(Derivative(lse, z[i]), Relation.EQ, exp(z[i]), context, CONFIG).status is Status.REFUTED


@pytest.mark.parametrize("broken", [
    p[j] * (KroneckerDelta(i, j) + p[i]),   # sign
    p[j] * (1 - p[i]),                      # dropped delta
    -p[j] * p[i],                           # the off-diagonal form everywhere
    2 * p[j] * (KroneckerDelta(i, j) - p[i]),  # factor
    p[i] * (KroneckerDelta(i, j) - p[i]),   # p_i for p_j
], ids=["sign", "dropped delta", "off-diagonal", "factor", "p_i for p_j"])
def test_a_broken_jacobian_is_refuted(broken):
    assert numbers(broken) is Status.REFUTED
