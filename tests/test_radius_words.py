r"""A premise bounding a spectral radius in words reads as ``rho(M) < 1``; every other wording (another
bound, a hedge, a claim, a number that only starts with 1) states nothing."""
from __future__ import annotations

import pytest
import sympy
from sympy import Function, Symbol

from verify.parsing.radius_words import radius_bounds

ETA_A = Symbol("eta") * Symbol("A")
RHO = Function("rho")


def everywhere(_at: int) -> bool:
    return True


def test_the_spectral_radius_below_one_is_a_strict_bound():
    assert radius_bounds(r"For small enough $\eta$ (spectral radius of $\eta A$ below one).", everywhere) == \
        [sympy.StrictLessThan(RHO(ETA_A), 1)]


@pytest.mark.parametrize("said", ["is less than 1", "is strictly smaller than one", "is below $1$", "stays under one."])
def test_other_strict_wordings_are_the_same_bound(said):
    assert radius_bounds(f"Assume the spectral radius of $\\eta A$ {said}", everywhere) == \
        [sympy.StrictLessThan(RHO(ETA_A), 1)]


def test_at_most_one_is_not_strict():
    assert radius_bounds(r"the spectral radius of $\eta A$ is at most one", everywhere) == [sympy.LessThan(RHO(ETA_A), 1)]


@pytest.mark.parametrize("said", ["is below 1.5", "is below one-half", "is below 10", "is less than 1/2",
                                  "is above one", "equals one", "is below two"])
def test_any_other_bound_states_nothing(said):
    assert radius_bounds(f"the spectral radius of $\\eta A$ {said}", everywhere) == []


@pytest.mark.parametrize("sentence", [r"The spectral radius of $\eta A$ is not below one.",
                                      r"If the spectral radius of $\eta A$ is below one, the series converges.",
                                      r"We ask whether the spectral radius of $\eta A$ is below one.",
                                      r"The spectral radius of $\eta A$ isn't below one."])
def test_a_negated_or_conditional_sentence_states_nothing(sentence):
    assert radius_bounds(sentence, everywhere) == []


def test_prose_that_is_no_premise_states_nothing():
    assert radius_bounds(r"hence the spectral radius of $\eta A$ is below one", lambda _at: False) == []


def test_an_unreadable_formula_states_nothing():
    assert radius_bounds(r"the spectral radius of $\frac{$ is below one", everywhere) == []


NEUMANN = "$$(I - \\eta A)^{-1} = \\sum_{k=0}^{\\infty} (\\eta A)^k$$\n"


def _neumann_status(prose: str):
    from tests.documents import check_statuses
    return check_statuses(f"Let $A$ be a $2 \\times 2$ matrix. {prose}\n\n" + NEUMANN)


def test_a_document_stating_the_radius_in_words_proves_the_neumann_series():
    from verify.verdict import Status
    assert _neumann_status("Assume the spectral radius of $\\eta A$ is below one.") == [Status.PROVED]


def test_a_document_that_only_concludes_the_radius_does_not_prove_it():
    from verify.verdict import Status
    assert _neumann_status("Hence the spectral radius of $\\eta A$ is below one.") != [Status.PROVED]


def test_the_radius_of_another_matrix_proves_nothing():
    from verify.verdict import Status
    assert _neumann_status("Assume the spectral radius of $\\eta B$ is below one.") != [Status.PROVED]
