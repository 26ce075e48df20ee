r"""Implications and equivalences between relations, decided under the premises.

``a \Rightarrow b`` and ``a \iff b`` are claims of kind ``implication`` (``Implies(a, b)``,
``Equivalent(a, b)``), their premises the claim's assumptions and the symbols' own. Each
argument (a positive factor, a monotone map, a weaker bound) proves its correct form and
never a broken one (a flipped sign, a negative factor, a map outside its domain).
"""
from __future__ import annotations

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from sympy import (Eq, Equivalent, Ge, Gt, Implies, Le, Lt, Ne, Rational, StrictGreaterThan, Symbol, exp, log,
                   sqrt)

from verify.config import CheckConfig
from verify.engine.checker import check_claim, check_step
from verify.model import Claim, Context, Relation
from verify.theories.dynamics.rules import MONOTONE_MAP, POSITIVE_FACTOR, WEAKER_BOUND
from verify.verdict import Status

CONFIG = CheckConfig(seed=5, samples=5, budget=None)
CONTEXT = Context(theories=("dynamics", "algebra"))
N, D = Symbol("n", positive=True), Symbol("d", positive=True)
A, B = Symbol("a", real=True), Symbol("b", real=True)
X = Symbol("x", positive=True)
ETA = Symbol("eta", real=True)
ETA_NONZERO = Symbol("eta", real=True, nonzero=True)


def check(subject, assumptions=()):
    return check_claim(Claim("implication", "implication", subject, None, None, tuple(assumptions)), CONTEXT, CONFIG)


# --- multiplying or dividing by a quantity known positive -------------------------------------

def test_the_ratio_claim_n_over_d_below_one_iff_n_below_d():
    verdict = check(Equivalent(Lt(N**2 * D / (N * D**2), 1), Lt(N, D)))
    assert verdict.status is Status.PROVED and POSITIVE_FACTOR in verdict.used


def test_doubling_both_sides_is_an_equivalence():
    assert check(Equivalent(Gt(2 * A, 2 * B), Gt(A, B))).status is Status.PROVED


@pytest.mark.parametrize("broken", [Equivalent(Gt(-2 * A, -2 * B), Gt(A, B)), Equivalent(Lt(N / D, 1), Lt(D, N)),
                                    Equivalent(Lt(N / D, 2), Lt(N, D))])
def test_a_negative_factor_or_a_changed_bound_is_refuted(broken):
    assert check(broken).status is Status.REFUTED


def test_dividing_by_a_quantity_of_unknown_sign_is_not_proved():
    assert check(Equivalent(Gt(A * B, B), Gt(A, 1))).status is Status.REFUTED


def test_a_strict_relation_implies_the_weak_one_but_not_back():
    assert check(Implies(Lt(N / D, 1), Le(N, D))).status is Status.PROVED
    assert check(Equivalent(Lt(N / D, 1), Le(N, D))).status is not Status.PROVED
    assert check(Implies(Le(N / D, 1), Lt(N, D))).status is not Status.PROVED


def test_a_premise_makes_a_factor_positive():
    c = Symbol("c", real=True)
    assert check(Equivalent(Gt(c * A, c * B), Gt(A, B)), (Gt(c, 0),)).status is Status.PROVED
    assert check(Equivalent(Gt(c * A, c * B), Gt(A, B))).status is Status.REFUTED


# --- monotone maps ---------------------------------------------------------------------------------

@pytest.mark.parametrize("subject", [Equivalent(Lt(log(N), log(D)), Lt(N, D)), Equivalent(Lt(exp(A), exp(B)), Lt(A, B)),
                                     Equivalent(Lt(sqrt(X), 1), Lt(X, 1)), Equivalent(Lt(N**2, D**2), Lt(N, D)),
                                     Equivalent(Gt(log(N), 0), Gt(N, 1))])
def test_a_strictly_increasing_map_on_its_domain_is_an_equivalence(subject):
    verdict = check(subject)
    assert verdict.status is Status.PROVED and MONOTONE_MAP in verdict.used


def test_squaring_is_not_monotone_off_the_nonnegatives():
    assert check(Equivalent(Lt(A**2, B**2), Lt(A, B))).status is Status.REFUTED


def test_squaring_is_monotone_when_the_premises_make_the_sides_nonnegative():
    assert check(Equivalent(Lt(A**2, B**2), Lt(A, B)), (Ge(A, 0), Ge(B, 0))).status is Status.PROVED


def test_sqrt_one_plus_eta_squared_above_one_iff_eta_nonzero():
    verdict = check(Equivalent(Gt(sqrt(1 + ETA**2), 1), Ne(ETA, 0)))
    assert verdict.status is Status.PROVED


def test_sqrt_one_plus_eta_squared_above_one_for_a_nonzero_eta_as_an_inequality_claim():
    relation = StrictGreaterThan(sqrt(1 + ETA_NONZERO**2), 1, evaluate=False)
    claim = Claim("growth", "inequality", relation)
    assert check_claim(claim, CONTEXT, CONFIG).status is Status.PROVED
    unrestricted = Claim("growth", "inequality", StrictGreaterThan(sqrt(1 + ETA**2), 1, evaluate=False))
    assert check_claim(unrestricted, CONTEXT, CONFIG).status is Status.REFUTED


def test_a_nonzero_symbol_refutes_nothing_at_zero():
    """eta**2 > 0 fails only at eta = 0, which a nonzero eta excludes."""
    claim = Claim("square", "inequality", StrictGreaterThan(ETA_NONZERO**2, 0, evaluate=False))
    assert check_claim(claim, CONTEXT, CONFIG).status is Status.PROVED


# --- weaker bounds ----------------------------------------------------------------------------------

def test_a_relation_implies_a_weaker_one():
    verdict = check(Implies(Gt(A, 2), Gt(A, 1)))
    assert verdict.status is Status.PROVED and WEAKER_BOUND in verdict.used


def test_a_relation_does_not_imply_a_stronger_one():
    assert check(Implies(Gt(A, 1), Gt(A, 2))).status is Status.REFUTED
    assert check(Equivalent(Gt(A, 2), Gt(A, 1))).status is Status.REFUTED


def test_equalities_are_equivalent_under_a_nonzero_factor():
    assert check(Equivalent(Eq(3 * A, 3 * B), Eq(A, B))).status is Status.PROVED


def test_complex_parameters_have_no_order():
    z = Symbol("z")
    assert check(Implies(Gt(z, 1), Gt(z, 0))).status is Status.UNKNOWN


@settings(max_examples=30, deadline=None)
@given(st.integers(-5, 5), st.integers(1, 5))
def test_scaling_by_a_constant_is_an_equivalence_exactly_when_the_constant_is_positive(numerator, denominator):
    c = Rational(numerator, denominator)
    assume(c != 1)  # SymPy evaluates Equivalent(r, r) to True when it is built
    verdict = check(Equivalent(Gt(c * A, c * B), Gt(A, B)))
    assert (verdict.status is Status.PROVED) == (c > 0)


# --- chains mixing < and <= ---------------------------------------------------------------------

def test_a_chain_with_one_strict_link_is_strict():
    assert Relation.compose([Relation.LE, Relation.LT, Relation.EQ]) is Relation.LT
    assert Relation.compose([Relation.GE, Relation.EQ, Relation.GT]) is Relation.GT


def test_a_chain_of_weak_links_is_weak_and_of_equalities_an_equality():
    assert Relation.compose([Relation.LE, Relation.EQ]) is Relation.LE
    assert Relation.compose([Relation.EQ, Relation.EQ]) is Relation.EQ


def test_links_pointing_both_ways_or_an_approximation_compose_to_nothing():
    assert Relation.compose([Relation.LT, Relation.GT]) is None
    assert Relation.compose([Relation.LE, Relation.APPROX]) is None
    assert Relation.compose([]) is Relation.EQ  # no link: the start is the end


def test_each_link_of_a_mixed_chain_is_checked_on_its_own():
    """The engine checks links; a wrong strict link is refuted whatever the others are."""
    assert check_step(A**2 + 1, Relation.GT, A**2, CONTEXT, CONFIG).status is Status.PROVED
    assert check_step(A**2, Relation.GT, A**2, CONTEXT, CONFIG).status is not Status.PROVED


# --- inequality steps in a chain -----------------------------------------------------------------

def test_sqrt_one_plus_eta_squared_above_one_is_a_proved_step_for_a_nonzero_eta():
    assert check_step(sqrt(1 + ETA_NONZERO**2), Relation.GT, 1, CONTEXT, CONFIG).status is Status.PROVED
    assert check_step(1, Relation.LT, sqrt(1 + ETA_NONZERO**2), CONTEXT, CONFIG).status is Status.PROVED


@pytest.mark.parametrize("lhs, relation, rhs", [
    (sqrt(1 + ETA**2), Relation.GT, 1),                 # eta = 0 is allowed
    (sqrt(1 + ETA_NONZERO**2), Relation.LT, 1),         # the wrong direction
    (sqrt(1 + ETA_NONZERO**2), Relation.GT, 1 + ETA_NONZERO**2),  # squared: false for every eta
    (sqrt(1 - ETA_NONZERO**2), Relation.GT, 1),         # a flipped sign
])
def test_a_broken_inequality_step_is_never_proved(lhs, relation, rhs):
    assert check_step(lhs, relation, rhs, CONTEXT, CONFIG).status is not Status.PROVED
