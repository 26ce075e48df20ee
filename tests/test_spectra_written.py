r"""Spectra as they are written: det, tr, the characteristic polynomial, eigenvalue multisets, +-, rho.

Each rule is shown proving its correct form and never proving a broken variant (sign,
factor, exponent, swapped argument). Expressions are built in code, as the reader will
build them (``\det`` -> Determinant, ``\mathrm{tr}`` -> Trace, ``\rho`` -> SpectralRadius,
``\lambda(J)`` -> Spectrum, ``a \pm b`` -> PlusMinus).
"""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sympy import (Abs, Determinant, I, Identity, ImmutableMatrix, Integer, MatrixSymbol, Symbol, Trace, Tuple,
                   sqrt)

from verify.config import CheckConfig
from verify.engine.checker import check_step
from verify.model import Context, Fact, Relation
from verify.theories.dynamics.rules import BOTH_SIGNS, DETERMINANT, SPECTRAL_RADIUS, SPECTRUM, TRACE
from verify.verdict import Status
from verify.vocabulary.linalg import PlusMinus, SpectralRadius, Spectrum

CONFIG = CheckConfig(seed=2, samples=5, budget=None)
LAMBDA = Symbol("lambda")
ETA = Symbol("eta", real=True)
ETA_NONZERO = Symbol("eta", real=True, nonzero=True)
J_ENTRIES = ImmutableMatrix([[0, 1], [-1, 0]])
J = MatrixSymbol("J", 2, 2)
M = MatrixSymbol("M", 2, 2)


def context(theories=("linalg", "algebra"), eta=ETA):
    return Context(theories=theories, facts=(Fact("J", J, J_ENTRIES),
                                             Fact("M", M, ImmutableMatrix([[1, -eta], [eta, 1]]))))


CONTEXTS = [context(), context(("algebra",)), context(("dynamics", "algebra"))]


def status(lhs, rhs, relation=Relation.EQ, ctx=None):
    return check(lhs, rhs, relation, ctx).status


def check(lhs, rhs, relation=Relation.EQ, ctx=None):
    return check_step(lhs, relation, rhs, ctx or CONTEXTS[0], CONFIG)


# --- det, tr and the characteristic polynomial -------------------------------------------------

@pytest.mark.parametrize("ctx", CONTEXTS, ids=["linalg", "algebra", "dynamics"])
def test_the_characteristic_polynomial_of_j_is_decided_exactly(ctx):
    verdict = check(Determinant(LAMBDA * Identity(2) - J), LAMBDA**2 + 1, ctx=ctx)
    assert verdict.status is Status.PROVED and DETERMINANT in verdict.used


@pytest.mark.parametrize("wrong", [LAMBDA**2 - 1, LAMBDA**2 + 2, LAMBDA**3 + 1, -LAMBDA**2 + 1, LAMBDA**2 + LAMBDA + 1])
def test_a_broken_characteristic_polynomial_is_refuted(wrong):
    assert status(Determinant(LAMBDA * Identity(2) - J), wrong) is Status.REFUTED


def test_the_determinant_of_a_named_matrix_uses_its_entries():
    assert status(Determinant(M), 1 + ETA**2) is Status.PROVED


@pytest.mark.parametrize("wrong", [1 - ETA**2, 1 + 2 * ETA**2, 1 + ETA, ETA**2])
def test_a_broken_determinant_is_refuted_at_a_point(wrong):
    verdict = check(Determinant(M), wrong)
    assert verdict.status is Status.REFUTED and verdict.counterexample is not None


def test_the_trace_of_a_named_matrix_is_the_sum_of_its_diagonal():
    verdict = check(Trace(M), 2)
    assert verdict.status is Status.PROVED and TRACE in verdict.used


@pytest.mark.parametrize("wrong", [0, 1, 2 * ETA, -2])
def test_a_broken_trace_is_refuted(wrong):
    assert status(Trace(M), wrong) is Status.REFUTED


# --- eigenvalues as a multiset about a named matrix ----------------------------------------------

def test_lambda_one_two_equals_one_plus_minus_i_eta_is_the_multiset_of_both():
    verdict = check(Spectrum(M), PlusMinus(1, I * ETA))
    assert verdict.status is Status.PROVED and SPECTRUM in verdict.used


def test_a_listed_spectrum_is_checked_as_a_multiset_in_any_order():
    assert status(Spectrum(J), Tuple(-I, I)) is Status.PROVED
    assert status(Tuple(I, -I), Spectrum(J)) is Status.PROVED


@pytest.mark.parametrize("wrong", [PlusMinus(1, ETA), PlusMinus(-1, I * ETA), PlusMinus(1, 2 * I * ETA),
                                   PlusMinus(1, I * ETA**2), Tuple(1 + I * ETA, 1 + I * ETA)])
def test_a_broken_spectrum_is_refuted(wrong):
    assert status(Spectrum(M), wrong) is Status.REFUTED


def test_a_repeated_eigenvalue_written_once_counts_with_full_multiplicity():
    jordan = MatrixSymbol("N", 2, 2)
    ctx = Context(theories=("linalg", "algebra"), facts=(Fact("N", jordan, ImmutableMatrix([[2, 1], [0, 2]])),))
    assert status(Spectrum(jordan), Integer(2), ctx=ctx) is Status.PROVED
    assert status(Spectrum(jordan), Integer(3), ctx=ctx) is Status.REFUTED


def test_the_spectrum_of_a_symbolic_matrix_is_unknown_saying_what_would_decide_it():
    n = Symbol("n", positive=True, integer=True)
    verdict = check(Spectrum(MatrixSymbol("A", n, n)), PlusMinus(0, I))
    assert verdict.status is Status.UNKNOWN and "specialise" in verdict.reason


def test_a_spectrum_is_not_ordered():
    assert status(Spectrum(J), Tuple(I, -I), Relation.LE) is Status.UNKNOWN


small = st.integers(-3, 3).map(Integer)


@settings(max_examples=25, deadline=None)
@given(st.lists(small, min_size=4, max_size=4))
def test_a_spectrum_shifted_by_one_is_never_proved(entries):
    matrix = ImmutableMatrix(2, 2, entries)
    named = MatrixSymbol("P", 2, 2)
    ctx = Context(theories=("linalg", "algebra"), facts=(Fact("P", named, matrix),))
    values = list(matrix.eigenvals(multiple=True))
    assert status(Spectrum(named), Tuple(*values), ctx=ctx) is Status.PROVED
    assert status(Spectrum(named), Tuple(values[0] + 1, *values[1:]), ctx=ctx) is not Status.PROVED


# --- +- and moduli ----------------------------------------------------------------------------------

def test_the_modulus_of_one_plus_minus_i_eta_holds_for_both_signs():
    verdict = check(Abs(PlusMinus(1, I * ETA)), sqrt(1 + ETA**2))
    assert verdict.status is Status.PROVED and BOTH_SIGNS in verdict.used


@pytest.mark.parametrize("wrong", [1 + ETA**2, sqrt(1 - ETA**2), sqrt(1 + 2 * ETA**2), 1 + ETA])
def test_a_broken_modulus_is_refuted(wrong):
    assert status(Abs(PlusMinus(1, I * ETA)), wrong) is Status.REFUTED


def test_a_plus_minus_that_holds_for_one_sign_only_is_refuted_naming_the_sign():
    verdict = check(PlusMinus(1, ETA) ** 2, 1 + 2 * ETA + ETA**2)
    assert verdict.status is Status.REFUTED and "lower sign" in verdict.reason


def test_minus_plus_is_plus_minus_of_the_negated_offset():
    assert status(PlusMinus(1, ETA) * PlusMinus(1, -ETA), 1 - ETA**2) is Status.PROVED


# --- the spectral radius -----------------------------------------------------------------------

def test_the_spectral_radius_of_a_rotation_scaling_is_the_common_modulus():
    verdict = check(SpectralRadius(M), sqrt(1 + ETA**2))
    assert verdict.status is Status.PROVED and SPECTRAL_RADIUS in verdict.used


@pytest.mark.parametrize("wrong", [1 + ETA**2, Integer(1), sqrt(1 + 2 * ETA**2), sqrt(1 - ETA**2)])
def test_a_broken_spectral_radius_is_refuted(wrong):
    assert status(SpectralRadius(M), wrong) is Status.REFUTED


def test_the_spectral_radius_is_the_largest_modulus_of_a_numeric_spectrum():
    diagonal = ImmutableMatrix([[2, 0], [0, -3]])
    assert status(SpectralRadius(diagonal), 3) is Status.PROVED
    assert status(SpectralRadius(diagonal), 2) is Status.REFUTED


def test_rho_greater_than_one_is_proved_only_for_a_nonzero_eta():
    assert status(SpectralRadius(M), 1, Relation.GT, context(eta=ETA_NONZERO)) is Status.PROVED
    assert status(SpectralRadius(M), 1, Relation.GT) is Status.REFUTED  # eta = 0 is allowed
    assert status(SpectralRadius(M), 1, Relation.GE) is Status.PROVED


def test_rho_below_one_is_never_proved():
    assert status(SpectralRadius(M), 1, Relation.LT, context(eta=ETA_NONZERO)) is Status.REFUTED


def test_a_spectral_radius_whose_largest_modulus_depends_on_the_parameters_is_unknown():
    a = Symbol("a", real=True)
    verdict = check(SpectralRadius(ImmutableMatrix([[a, 0], [0, 1]])), a)
    assert verdict.status is Status.UNKNOWN and "depends on the parameters" in verdict.reason


def test_two_spectra_compared_with_each_other_are_unknown():
    assert status(Spectrum(J), Spectrum(M)) is Status.UNKNOWN


# --- a +- that a fact brings (the OGDA root modulus chain, built in code) --------------------------

ETA_STEP = Symbol("eta", positive=True)
S = Symbol("s", real=True)
LAMBDA_PM = Symbol("lambda_pm")
OGDA = Context(symbols=(ETA_STEP, S), facts=(Fact("s", S, sqrt(1 - 4 * ETA_STEP**2)),
                                             Fact("lambda_pm", LAMBDA_PM, PlusMinus(1, S) / 2 - I * ETA_STEP)))
QUARTER = Integer(1) / 4


@pytest.mark.parametrize("lhs, rhs", [
    (QUARTER * PlusMinus(1, S)**2 + ETA_STEP**2, QUARTER * (PlusMinus(1, 2 * S) + S**2) + ETA_STEP**2),
    (QUARTER * (PlusMinus(1, 2 * S) + S**2) + ETA_STEP**2, QUARTER * PlusMinus(2, 2 * S)),
    (QUARTER * PlusMinus(2, 2 * S), PlusMinus(1, S) / 2),
])
def test_the_ogda_root_modulus_steps_hold_for_both_signs(lhs, rhs):
    assert check(lhs, rhs, ctx=OGDA).status is Status.PROVED


@pytest.mark.parametrize("lhs, rhs", [
    (Abs(LAMBDA_PM)**2, QUARTER * PlusMinus(1, S)**2 - ETA_STEP**2),   # sign
    (QUARTER * PlusMinus(2, 2 * S), PlusMinus(1, S) / 4),              # factor
    (QUARTER * (PlusMinus(1, 2 * S) + S**2) + ETA_STEP**2, QUARTER * PlusMinus(2, S)),  # dropped factor
])
def test_a_broken_ogda_root_modulus_step_is_never_proved(lhs, rhs):
    assert check(lhs, rhs, ctx=OGDA).status is not Status.PROVED


def test_a_correct_step_whose_radicand_turns_negative_off_the_premises_is_not_refuted():
    """|lambda_pm|^2 = (1 +- s)^2/4 + eta^2 needs s real; at eta > 1/2 it is not, and no such point refutes it."""
    assert check(Abs(LAMBDA_PM)**2, QUARTER * PlusMinus(1, S)**2 + ETA_STEP**2, ctx=OGDA).status is not Status.REFUTED


def test_a_spectrum_claimed_through_a_named_value_uses_the_fact():
    ctx = Context(theories=("linalg", "algebra"), facts=(*context().facts, Fact("lambda_pm", LAMBDA_PM, PlusMinus(1, I * ETA))))
    assert status(Spectrum(M), LAMBDA_PM, ctx=ctx) is Status.PROVED
    assert status(Abs(LAMBDA_PM), sqrt(1 + ETA**2), ctx=ctx) is Status.PROVED
    assert status(Abs(LAMBDA_PM), 1 + ETA**2, ctx=ctx) is Status.REFUTED
