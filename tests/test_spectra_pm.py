r"""Eigenvalues written with \pm as the reader builds them (the set of both values, or the paired form
in pm_branch): a claim about the named matrix, checked as a multiset, never split sign by sign."""
from __future__ import annotations

import pytest
from sympy import FiniteSet, I, ImmutableMatrix, MatrixSymbol, Symbol

from verify.config import CheckConfig
from verify.engine.checker import check_step
from verify.model import Context, Fact, Relation
from verify.theories.dynamics.rules import SPECTRUM
from verify.theories.dynamics.written import PM_BRANCH
from verify.verdict import Status
from verify.vocabulary.linalg import Spectrum

ETA = Symbol("eta", real=True)
M = MatrixSymbol("M", 2, 2)
CONTEXT = Context(theories=("linalg", "algebra"), facts=(Fact("M", M, ImmutableMatrix([[1, -ETA], [ETA, 1]])),))
CONFIG = CheckConfig(seed=2, samples=5, budget=None)


def check(rhs):
    return check_step(Spectrum(M), Relation.EQ, rhs, CONTEXT, CONFIG)


def paired(upper, lower):
    return ((1 + PM_BRANCH) * upper + (1 - PM_BRANCH) * lower) / 2


def test_the_set_of_both_values_is_the_spectrum():
    verdict = check(FiniteSet(1 + I * ETA, 1 - I * ETA))
    assert verdict.status is Status.PROVED and SPECTRUM in verdict.used


def test_the_paired_form_is_the_spectrum():
    assert check(paired(1 + I * ETA, 1 - I * ETA)).status is Status.PROVED


@pytest.mark.parametrize("wrong", [FiniteSet(1 + ETA, 1 - ETA), FiniteSet(-1 + I * ETA, -1 - I * ETA),
                                   FiniteSet(1 + 2 * I * ETA, 1 - 2 * I * ETA), paired(1 + I * ETA**2, 1 - I * ETA**2)])
def test_a_wrong_eigenvalue_is_refuted(wrong):
    assert check(wrong).status is Status.REFUTED


def test_one_value_of_the_pair_is_not_the_spectrum():
    assert check(1 + I * ETA).status is not Status.PROVED
