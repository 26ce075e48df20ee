r"""Block matrices as the reader writes them (a bmatrix whose entries are matrices) and traces of
symbolic matrices: a matrix of matrices is a block matrix, never a matrix of numbers; the reader's
default sizes that the shapes force equal are one size; tr is linear with tr I_n = n."""
from __future__ import annotations

import pytest
from sympy import Identity, ImmutableMatrix, MatrixSymbol, Symbol, Trace
from sympy.matrices.expressions.determinant import Determinant

from verify.config import CheckConfig
from verify.engine.checker import check_derivation, check_step
from verify.model import Context, Relation
from verify.parsing import read_document
from verify.theories.dynamics.rules import BLOCK_DETERMINANT, TRACE
from verify.theories.dynamics.shapes import as_blocks, forced_sizes, has_matrix_entries
from verify.theories.dynamics.written import explicit
from verify.verdict import Status
from verify.vocabulary.linalg import size

CONFIG = CheckConfig(seed=4, samples=5, budget=None)
N, T = size("n"), size("t")
M_STATED, P_STATED = Symbol("m", positive=True, integer=True), Symbol("p", positive=True, integer=True)
ETA = Symbol("eta", real=True)
GAME = r"\det \begin{bmatrix} I & -\eta A \\ \eta A^\top & I \end{bmatrix}"


def statuses(formula: str) -> list[Status]:
    document = read_document(f"Then:\n\n$${formula}$$\n")
    return [r.verdict.status for r in check_derivation(document.derivation(), CONFIG).results]


def test_the_game_determinant_as_written_is_proved():
    assert statuses(GAME + r" = \det(I + \eta^2 A^\top A)") == [Status.PROVED]


@pytest.mark.parametrize("wrong", [r"\det(I - \eta^2 A^\top A)", r"\det(I + \eta A^\top A)",
                                   r"\det(I + \eta^2 A^\top A)^2", r"1 + \eta^2 \det(A^\top A)"])
def test_a_broken_game_determinant_is_never_proved(wrong):
    assert Status.PROVED not in statuses(f"{GAME} = {wrong}")


@pytest.mark.parametrize("wrong", [r"\det(I - \eta^2 A^\top A)", r"\det(I + \eta A^\top A)"])
def test_a_broken_game_determinant_is_refuted_by_scalar_blocks(wrong):
    assert statuses(f"{GAME} = {wrong}") == [Status.REFUTED]


def test_a_matrix_of_matrices_has_no_entrywise_determinant():
    """det [[I, B], [C, I]] is not I*I - B*C: the entries are blocks, not numbers."""
    A = MatrixSymbol("A", N, N)
    written = ImmutableMatrix([[Identity(N), -ETA * A], [ETA * A.T, Identity(N)]])
    assert has_matrix_entries(written) and explicit(written) is None
    assert as_blocks(written) is not None


def test_a_matrix_of_numbers_is_not_a_block_matrix():
    assert not has_matrix_entries(ImmutableMatrix([[1, ETA], [0, 1]]))


def test_default_sizes_forced_equal_by_a_block_row_become_one():
    A = MatrixSymbol("A", T, T)
    written = ImmutableMatrix([[Identity(N), -ETA * A], [ETA * A.T, Identity(N)]])
    assert forced_sizes(written) in ({T: N}, {N: T})


def test_a_default_size_forced_equal_to_a_stated_one_takes_the_stated_size():
    A = MatrixSymbol("A", M_STATED, M_STATED)
    assert forced_sizes(Identity(N) + A) == {N: M_STATED}


def test_two_stated_sizes_are_never_made_one():
    A, B = MatrixSymbol("A", M_STATED, M_STATED), MatrixSymbol("B", P_STATED, P_STATED)
    assert forced_sizes(A + B) == {}


def test_sizes_no_shape_relates_stay_apart():
    A, B = MatrixSymbol("A", T, T), MatrixSymbol("B", N, N)
    assert forced_sizes(Determinant(A) * Determinant(B)) == {}


# --- traces of symbolic matrices -------------------------------------------------------------------------

A = MatrixSymbol("A", N, N)
PLAIN = Context(symbols=(ETA,), theories=("linalg", "algebra"))


def check(lhs, rhs):
    return check_step(lhs, Relation.EQ, rhs, PLAIN, CONFIG)


def test_the_trace_of_the_identity_is_its_size():
    verdict = check(Trace(Identity(N)), N)
    assert verdict.status is Status.PROVED and TRACE in verdict.used


def test_the_trace_is_linear():
    assert check(Trace(Identity(N) + ETA * A), N + ETA * Trace(A)).status is Status.PROVED


@pytest.mark.parametrize("lhs, wrong", [(Trace(Identity(N)), N + 1), (Trace(Identity(N)), 1),
                                        (Trace(2 * Identity(N)), N), (Trace(Identity(N) - A), N + Trace(A))])
def test_a_wrong_trace_is_never_proved(lhs, wrong):
    assert check(lhs, wrong).status is not Status.PROVED


def test_a_wrong_trace_of_the_identity_is_refuted():
    assert check(Trace(Identity(N)), N + 1).status is Status.REFUTED


def test_a_block_determinant_uses_its_rule():
    A_t = MatrixSymbol("A", T, T)
    written = ImmutableMatrix([[Identity(N), -ETA * A_t], [ETA * A_t.T, Identity(N)]])
    rhs = Determinant(Identity(N) + ETA**2 * A_t.T * A_t)
    verdict = check(Determinant(written), rhs)
    assert verdict.status is Status.PROVED and BLOCK_DETERMINANT in verdict.used
