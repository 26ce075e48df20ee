r"""Block matrices with symbolic blocks, Gram forms and orthogonal matrices, as specifications.

``[[I, -eta A], [eta A^T, I]]`` has the determinant ``det(I + eta^2 A A^T)`` (its lower blocks
commute); a block determinant with no plainly commuting pair is unknown unless 1 x 1 blocks
refute it; ``A^T A`` is positive semidefinite; ``R^T R = I`` is a fact steps may use.
"""
from __future__ import annotations

import pytest
from sympy import (BlockMatrix, Determinant, I, Identity, ImmutableMatrix, MatrixSymbol, Symbol, Transpose,
                   ZeroMatrix, cos, sin)

from verify.config import CheckConfig
from verify.engine.checker import check_claim, check_step
from verify.model import Claim, Context, Fact, Relation
from verify.theories.dynamics.blocks import commute
from verify.theories.dynamics.orthogonal import membership_facts
from verify.theories.dynamics.rules import (BLOCK_DETERMINANT, DETERMINANT_PRODUCT, GRAM_SEMIDEFINITE,
                                            ORTHOGONALITY, SYLVESTER_DETERMINANT)
from verify.verdict import Status
from verify.vocabulary.linalg import PlusMinus, Spectrum

CONFIG = CheckConfig(seed=4, samples=5, budget=None)
N = Symbol("n", positive=True, integer=True)
ETA = Symbol("eta", real=True)
A, B, C, D, R = (MatrixSymbol(name, N, N) for name in "ABCDR")
X = MatrixSymbol("x", N, 1)
GAME = BlockMatrix([[Identity(N), -ETA * A], [ETA * A.T, Identity(N)]])
PLAIN = Context(theories=("linalg", "algebra"))
ROTATION = Context(theories=("linalg", "algebra"), facts=membership_facts(R, special=True))
ORTHOGONAL = Context(theories=("linalg", "algebra"), facts=membership_facts(R, special=False))


def check(lhs, rhs, relation=Relation.EQ, ctx=PLAIN):
    return check_step(lhs, relation, rhs, ctx, CONFIG)


# --- block determinants ---------------------------------------------------------------------------

def test_the_game_matrix_determinant_uses_its_commuting_lower_blocks():
    verdict = check(Determinant(GAME), Determinant(Identity(N) + ETA**2 * A * A.T))
    assert verdict.status is Status.PROVED and BLOCK_DETERMINANT in verdict.used


def test_sylvester_identity_lets_a_t_a_and_a_a_t_meet():
    verdict = check(Determinant(GAME), Determinant(Identity(N) + ETA**2 * A.T * A))
    assert verdict.status is Status.PROVED and SYLVESTER_DETERMINANT in verdict.used


@pytest.mark.parametrize("wrong", [Determinant(Identity(N) - ETA**2 * A * A.T), Determinant(Identity(N) + ETA * A * A.T),
                                   Determinant(Identity(N) + ETA**2 * A), 1 + ETA**2 * Determinant(A)])
def test_a_broken_block_determinant_is_refuted_with_scalar_blocks(wrong):
    verdict = check(Determinant(GAME), wrong)
    assert verdict.status is Status.REFUTED
    assert verdict.counterexample is not None and verdict.counterexample.assignment[0][0] == "blocks"


@pytest.mark.parametrize("blocks, value", [
    ([[A, B], [C, Identity(N)]], A - B * C),        # C, D = I commute: det(AD - BC)
    ([[Identity(N), B], [C, D]], D - C * B),        # A = I, C commute: det(AD - CB)
    ([[A, B], [ZeroMatrix(N, N), D]], D * A),       # C = 0 commutes with D
])
def test_each_commuting_pair_gives_its_formula(blocks, value):
    assert check(Determinant(BlockMatrix(blocks)), Determinant(value)).status is Status.PROVED


def test_a_block_determinant_with_no_commuting_pair_is_unknown_with_the_specialisation_named():
    verdict = check(Determinant(BlockMatrix([[A, B], [B, A]])), Determinant(A * A - B * B))
    assert verdict.status is Status.UNKNOWN
    assert "commute" in verdict.reason and "1 x 1 blocks" in verdict.reason


def test_a_block_determinant_wrong_already_for_scalar_blocks_is_refuted():
    verdict = check(Determinant(BlockMatrix([[A, B], [B, A]])), Determinant(A * A + B * B))
    assert verdict.status is Status.REFUTED


def test_commuting_is_claimed_only_where_it_is_plain():
    assert commute(A, Identity(N)) and commute(3 * Identity(N), B) and commute(A, A)
    assert not commute(A, B) and not commute(A, A.T)


def test_the_determinant_of_a_product_is_the_product_of_determinants():
    verdict = check(Determinant(2 * A * B), 2**N * Determinant(A) * Determinant(B))
    assert verdict.status is Status.PROVED and DETERMINANT_PRODUCT in verdict.used
    assert check(Determinant(2 * A * B), 2 * Determinant(A) * Determinant(B)).status is not Status.PROVED


# --- Gram forms ---------------------------------------------------------------------------------

def test_a_t_a_is_symmetric():
    assert check(Transpose(A.T * A), A.T * A).status is Status.PROVED


@pytest.mark.parametrize("form", [X.T * A.T * A * X, Transpose(A * X) * (A * X), X.T * (Identity(N) + A.T * A) * X,
                                  X.T * A * A.T * X])
def test_a_squared_norm_is_nonnegative(form):
    verdict = check(form, 0, Relation.GE)
    assert verdict.status is Status.PROVED and GRAM_SEMIDEFINITE in verdict.used


@pytest.mark.parametrize("form", [X.T * A * X, X.T * A * A * X, -(X.T * A.T * A * X), X.T * (Identity(N) - A.T * A) * X])
def test_a_form_that_is_not_plainly_a_square_is_never_proved_nonnegative(form):
    assert check(form, 0, Relation.GE).status is not Status.PROVED


def semidefinite(matrix):
    return check_claim(Claim("psd", "positive_semidefinite", matrix), PLAIN, CONFIG).status


def test_gram_matrices_and_their_nonnegative_combinations_are_semidefinite():
    assert semidefinite(A.T * A) is Status.PROVED
    assert semidefinite(Identity(N) + ETA**2 * A * A.T) is Status.PROVED


def test_a_matrix_that_is_not_a_gram_form_is_not_proved_semidefinite():
    assert semidefinite(A) is Status.UNKNOWN
    assert semidefinite(A * A) is Status.UNKNOWN
    assert semidefinite(Identity(N) - ETA**2 * A.T * A) is Status.UNKNOWN


def test_an_explicit_matrix_is_decided_by_its_eigenvalues():
    assert semidefinite(ImmutableMatrix([[2, 1], [1, 2]])) is Status.PROVED
    assert semidefinite(ImmutableMatrix([[1, 2], [2, 1]])) is Status.REFUTED
    assert semidefinite(ImmutableMatrix([[1, 1], [0, 1]])) is Status.REFUTED  # not symmetric


# --- orthogonal and rotation matrices as facts ----------------------------------------------------

@pytest.mark.parametrize("ctx", [ROTATION, ORTHOGONAL], ids=["SO(n)", "O(n)"])
def test_an_orthogonal_matrix_preserves_the_squared_norm(ctx):
    verdict = check(Transpose(R * X) * (R * X), X.T * X, ctx=ctx)
    assert verdict.status is Status.PROVED and ORTHOGONALITY in verdict.used


def test_r_r_transpose_is_the_identity_too():
    assert check(R * R.T * X, X, ctx=ORTHOGONAL).status is Status.PROVED


def test_without_the_fact_r_transpose_r_does_not_contract():
    assert check(Transpose(R * X) * (R * X), X.T * X).status is not Status.PROVED


def test_a_wrong_factor_after_contracting_is_not_proved():
    assert check(Transpose(R * X) * (R * X), 2 * X.T * X, ctx=ROTATION).status is not Status.PROVED


def test_a_rotation_has_determinant_one_and_an_orthogonal_matrix_need_not():
    assert check(Determinant(R), 1, ctx=ROTATION).status is Status.PROVED
    assert check(Determinant(R), -1, ctx=ROTATION).status is Status.REFUTED
    assert check(Determinant(R), 1, ctx=ORTHOGONAL).status is not Status.PROVED


def test_the_determinant_of_r_transpose_r_is_one_for_any_orthogonal_r():
    assert check(Determinant(R.T * R), 1, ctx=ORTHOGONAL).status is Status.PROVED


def test_the_inverse_of_an_orthogonal_matrix_is_its_transpose():
    assert check(R.I * X, R.T * X, ctx=ORTHOGONAL).status is Status.PROVED
    assert check(R.I * X, R * X, ctx=ORTHOGONAL).status is not Status.PROVED


def test_a_plane_rotation_has_the_spectrum_cos_plus_minus_i_sin():
    theta = Symbol("theta", real=True)
    rotation = MatrixSymbol("Q", 2, 2)
    entries = ImmutableMatrix([[cos(theta), -sin(theta)], [sin(theta), cos(theta)]])
    ctx = Context(theories=("linalg", "algebra"), facts=(Fact("Q", rotation, entries),))
    assert check(Spectrum(rotation), PlusMinus(cos(theta), I * sin(theta)), ctx=ctx).status is Status.PROVED
    assert check(Spectrum(rotation), PlusMinus(sin(theta), I * cos(theta)), ctx=ctx).status is Status.REFUTED


@pytest.mark.parametrize("wrong", [Determinant(Identity(N) + ETA**2 * A * A), Determinant(Identity(N) - ETA**2 * A * A.T),
                                   Determinant(Identity(N) + ETA * A * A.T)])
def test_sylvester_identity_swaps_the_factors_and_nothing_else(wrong):
    assert check(Determinant(Identity(N) + ETA**2 * A.T * A), wrong).status is not Status.PROVED
