"""Linearity of expectation over a finite sum needs neither independence nor a common law:
E[sum_i f(i)] = sum_i E[f(i)] is proved for any declared random families, while the readings that
do need more (a count d in front, one term for the sum, factorised moments) are never proved."""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sympy import IndexedBase, Sum, Symbol

from tests.documents import check_statuses
from verify.config import CheckConfig
from verify.engine.checker import check_step
from verify.model import Context
from verify.verdict import Status
from verify.vocabulary.random import Expect, Law, RandomVariable

DEPENDENT = ("Assume:\n\n- $q_1, \\dots, q_d$ and $k_1, \\dots, k_d$ are random variables.\n\nThen:\n\n")
IID = ("Assume:\n\n- $q_i, k_i \\sim \\mathcal{N}(0, 1)$, independent and identically distributed.\n\nThen:\n\n")
SUM = "\\mathbb{E}\\left[\\sum_{i=1}^{d} q_i k_i\\right]"
SQUARE = "\\mathbb{E}\\left[\\left(\\sum_{i=1}^{d} q_i\\right)^2\\right]"


def _status(premises: str, left: str, right: str) -> Status:
    (status,) = check_statuses(premises + f"$${left} = {right}$$\n")
    return status


def test_expectation_of_a_sum_of_dependent_products_is_the_sum_of_expectations():
    assert _status(DEPENDENT, SUM, "\\sum_{i=1}^{d} \\mathbb{E}[q_i k_i]") is Status.PROVED


def test_a_constant_factor_comes_out_of_the_expectation_of_a_dependent_sum():
    assert _status(DEPENDENT, "\\mathbb{E}\\left[\\sum_{i=1}^{d} 2 q_i\\right]",
                   "2 \\sum_{i=1}^{d} \\mathbb{E}[q_i]") is Status.PROVED


def test_the_square_of_a_dependent_sum_keeps_every_cross_term():
    assert _status(DEPENDENT, SQUARE, "\\sum_{i=1}^{d} \\sum_{j=1}^{d} \\mathbb{E}[q_i q_j]") is Status.PROVED


def test_linearity_still_holds_for_iid_families():
    assert _status(IID, SUM, "\\sum_{i=1}^{d} \\mathbb{E}[q_i k_i]") is Status.PROVED


@pytest.mark.parametrize("right", [
    "d \\sum_{i=1}^{d} \\mathbb{E}[q_i k_i]",  # a factor d too many
    "\\mathbb{E}[q_i k_i]",  # the sum dropped
    "\\sum_{i=1}^{d} \\mathbb{E}[q_i] \\mathbb{E}[k_i]",  # factorised without independence
    "d \\, \\mathbb{E}[q_1 k_1]",  # one law for every component, which the premises do not give
    "-\\sum_{i=1}^{d} \\mathbb{E}[q_i k_i]",  # the sign
    "\\sum_{i=1}^{d} \\mathbb{E}[q_i^2]",  # an argument swapped
])
def test_broken_linearity_over_dependent_families_is_never_proved(right):
    assert _status(DEPENDENT, SUM, right) is not Status.PROVED


def test_the_square_of_a_dependent_sum_without_its_cross_terms_is_never_proved():
    assert _status(DEPENDENT, SQUARE, "\\sum_{i=1}^{d} \\mathbb{E}[q_i^2]") is not Status.PROVED


D = Symbol("d", positive=True, integer=True)
I = Symbol("i", positive=True, integer=True)
Q, K = IndexedBase("q"), IndexedBase("k")
CONFIG = CheckConfig(seed=17, samples=6, budget=None)
NOT_INDEPENDENT = Context(theories=("moments", "algebra"), random_variables=(
    RandomVariable(Q, Law(), length=D), RandomVariable(K, Law(), length=D)))


@settings(max_examples=15, deadline=None)
@given(st.integers(-3, 3).filter(bool), st.integers(1, 3), st.integers(1, 3))
def test_linearity_proves_any_sum_of_dependent_monomials(c, p, r):
    body = c * Q[I] ** p * K[I] ** r
    lhs, rhs = Expect(Sum(body, (I, 1, D))), c * Sum(Expect(Q[I] ** p * K[I] ** r), (I, 1, D))
    assert check_step(lhs, "=", rhs, NOT_INDEPENDENT, CONFIG).status is Status.PROVED


@settings(max_examples=15, deadline=None)
@given(st.integers(-3, 3).filter(bool), st.integers(1, 3), st.integers(1, 3))
def test_a_count_in_front_of_a_dependent_linear_sum_is_never_proved(c, p, r):
    body = c * Q[I] ** p * K[I] ** r
    lhs, rhs = Expect(Sum(body, (I, 1, D))), c * D * Sum(Expect(Q[I] ** p * K[I] ** r), (I, 1, D))
    assert check_step(lhs, "=", rhs, NOT_INDEPENDENT, CONFIG).status is not Status.PROVED
