r"""The Neumann series (I - \eta A)^{-1} = \sum_{k=0}^\infty (\eta A)^k: proved only under a stated
premise that the spectral radius of the ratio is below 1, unknown (naming the condition) without one,
and every written form that is not the series of its own inverse refuted by a 1 x 1 instance."""
from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sympy import Identity, Inverse, MatPow, MatrixSymbol, Rational, Sum, Symbol, oo

from verify.config import CheckConfig
from verify.engine.checker import check_derivation, check_step
from verify.model import Context, Relation
from verify.parsing import read_document
from verify.theories.linalg.neumann import neumann_series
from verify.theories.linalg.rules import NEUMANN_SERIES
from verify.verdict import Status
from verify.vocabulary.linalg import SpectralRadius

RADIUS = r"\rho(\eta A) < 1"
RIGHT = r"\sum_{k=0}^\infty (\eta A)^k"
WRONGS = [r"\sum_{k=1}^\infty (\eta A)^k",  # off-by-one bound
          r"\sum_{k=0}^\infty (-\eta A)^k",  # sign of the ratio
          r"\sum_{k=0}^\infty (2\eta A)^k",  # factor of the ratio
          r"\sum_{k=0}^\infty (\eta A)^{k+1}",  # exponent
          r"\sum_{k=0}^{5} (\eta A)^k"]  # a truncation is not the inverse


def verdicts(rhs: str, premise: str | None = RADIUS, lhs: str = r"(I - \eta A)^{-1}") -> list:
    assume = f"Assume:\n\n- ${premise}$\n\n" if premise else ""
    document = read_document(f"{assume}Then:\n\n$${lhs} = {rhs}$$\n")
    return [r.verdict for r in check_derivation(document.derivation(), CheckConfig(budget=None)).results]


def statuses(rhs: str, premise: str | None = RADIUS, lhs: str = r"(I - \eta A)^{-1}") -> list[Status]:
    return [v.status for v in verdicts(rhs, premise, lhs)]


def test_the_series_is_proved_under_a_stated_spectral_radius_below_one():
    found = verdicts(RIGHT)
    assert [v.status for v in found] == [Status.PROVED] and NEUMANN_SERIES in found[0].used


def test_the_series_written_as_a_product_of_powers_is_the_same_series():
    assert statuses(r"\sum_{j=0}^\infty \eta^j A^j") == [Status.PROVED]


def test_without_the_premise_the_series_is_unknown_naming_the_condition():
    found = verdicts(RIGHT, premise=None)
    assert [v.status for v in found] == [Status.UNKNOWN] and "spectral radius" in found[0].reason


@pytest.mark.parametrize("premise", [r"\rho(\eta A) < 2", r"\rho(\eta A) \le 1", r"\rho(A) < 1", r"\eta < 1"])
def test_a_premise_that_does_not_bound_the_radius_of_the_ratio_below_one_proves_nothing(premise):
    assert statuses(RIGHT, premise) == [Status.UNKNOWN]


@pytest.mark.parametrize("premise", [RADIUS, None])
@pytest.mark.parametrize("wrong", WRONGS)
def test_a_broken_series_is_refuted_by_a_one_by_one_instance(wrong, premise):
    assert statuses(wrong, premise) == [Status.REFUTED]


def test_the_inverse_of_i_plus_the_ratio_is_not_that_series():
    assert statuses(RIGHT, lhs=r"(I + \eta A)^{-1}") == [Status.REFUTED]


def test_a_series_to_a_symbolic_bound_is_never_proved():
    assert Status.PROVED not in statuses(r"\sum_{k=0}^{N} (\eta A)^k")


def test_a_fact_about_the_matrix_stops_the_one_by_one_refutation():
    """A stated property of A need not hold of a number in its place: the instance refutes nothing."""
    document = read_document("Assume:\n\n- $A = B B$\n\nThen:\n\n$$(I - \\eta A)^{-1} = \\sum_{k=1}^\\infty "
                             "(\\eta A)^k$$\n")
    found = [r.verdict.status for r in check_derivation(document.derivation(), CheckConfig(budget=None)).results]
    assert Status.PROVED not in found


# --- the same rule on matrix symbols, as a caller builds them ---------------------------------------------

N = Symbol("n", integer=True, positive=True)
A = MatrixSymbol("A", N, N)
ETA = Symbol("eta", positive=True)
K = Symbol("k", integer=True, nonnegative=True)


def radius_context(bound) -> Context:
    return Context(symbols=(ETA,), theories=("linalg", "algebra"), relations=(SpectralRadius(ETA * A) < bound,))


def matrix_series(start=0, ratio=ETA * A):
    return Sum(MatPow(ratio, K), (K, start, oo))


def test_matrix_symbols_with_the_premise_are_proved():
    verdict = neumann_series(Inverse(Identity(N) - ETA * A), Relation.EQ, matrix_series(), radius_context(1),
                             CheckConfig())
    assert verdict.status is Status.PROVED


def test_matrix_symbols_with_the_series_on_the_left_are_proved():
    verdict = neumann_series(matrix_series(), Relation.EQ, Inverse(Identity(N) - ETA * A), radius_context(1),
                             CheckConfig())
    assert verdict.status is Status.PROVED


def test_matrix_symbols_off_by_one_are_refuted():
    verdict = neumann_series(Inverse(Identity(N) - ETA * A), Relation.EQ, matrix_series(start=1),
                             radius_context(1), CheckConfig())
    assert verdict.status is Status.REFUTED


def test_an_inequality_is_not_this_rule():
    assert neumann_series(Inverse(Identity(N) - ETA * A), Relation.LE, matrix_series(), radius_context(1),
                          CheckConfig()) is None


@settings(max_examples=25, deadline=None)
@given(start=st.integers(min_value=1, max_value=4), scale=st.sampled_from([-1, 2, 3, Rational(1, 2)]))
def test_no_shifted_or_rescaled_series_is_ever_proved(start, scale):
    """Any start past 0 or any other ratio is not the inverse's series, whatever the premise says."""
    for lhs_start, ratio in ((start, ETA * A), (0, scale * ETA * A)):
        verdict = check_step(Inverse(Identity(N) - ETA * A), Relation.EQ, matrix_series(lhs_start, ratio),
                             radius_context(1), CheckConfig(budget=None))
        assert verdict.status is not Status.PROVED


# --- the numpy twin: what the rule proves converges to the inverse, what it refutes does not ---------------

def _partial_sum(matrix, start: int, terms: int = 400):
    total, power = np.zeros_like(matrix), np.linalg.matrix_power(matrix, start)
    for _ in range(terms):
        total, power = total + power, power @ matrix
    return total


@settings(max_examples=20, deadline=None)
@given(seed=st.integers(min_value=0, max_value=10_000), size=st.integers(min_value=1, max_value=4),
       start=st.sampled_from([0, 1]), scale=st.sampled_from([1, -1]))
def test_the_verdicts_agree_with_numpy_partial_sums(seed, size, start, scale):
    """A random A scaled to rho(eta A) = 1/2: the series the rule proves sums (numerically) to
    inv(I - eta A); every variant it refutes sums to something else."""
    rng = np.random.default_rng(seed)
    matrix = rng.normal(size=(size, size))
    radius = max(abs(np.linalg.eigvals(matrix)))
    if radius < 1e-6:
        return
    ratio = matrix / (2 * radius)
    summed = _partial_sum(scale * ratio, start)
    agrees = np.allclose(summed, np.linalg.inv(np.eye(size) - ratio), atol=1e-9)
    verdict = neumann_series(Inverse(Identity(N) - ETA * A), Relation.EQ, matrix_series(start, scale * ETA * A),
                             radius_context(1), CheckConfig())
    assert verdict.status is (Status.PROVED if (start, scale) == (0, 1) else Status.REFUTED)
    assert agrees is ((start, scale) == (0, 1))


def test_a_document_that_defines_its_own_i_is_not_read_with_the_identity():
    document = read_document("Assume:\n\n- $I = 2$\n- $\\rho(\\eta A) < 1$\n\nThen:\n\n$$(I - \\eta A)^{-1} = "
                             "\\sum_{k=0}^\\infty (\\eta A)^k$$\n")
    found = [r.verdict.status for r in check_derivation(document.derivation(), CheckConfig(budget=None)).results]
    assert Status.PROVED not in found


@pytest.mark.parametrize("premise", [r"\eta > 2", r"\eta < c"])
def test_a_stated_relation_the_instance_does_not_meet_stops_the_refutation(premise):
    assert Status.REFUTED not in statuses(WRONGS[0], premise)


def test_a_radius_premise_on_another_ratio_is_met_by_the_instance():
    """rho(eta A) < 1 beside (I + eta A)^{-1}: the 1 x 1 instance meets it, so it still refutes."""
    context = Context(symbols=(ETA,), theories=("linalg", "algebra"), relations=(SpectralRadius(ETA * A) < 1,))
    verdict = neumann_series(Inverse(Identity(N) + ETA * A), Relation.EQ, matrix_series(), context, CheckConfig())
    assert verdict.status is Status.REFUTED
