"""Spectra as papers write them (issue 11 section 3): ``\\lambda(J)``, ``\\mathrm{eig}(M)``, ``\\lambda_{1,2}(M)``
are the spectrum of the named matrix, ``\\rho(M)`` its spectral radius; a matrix written out gives its
name the matrix's shape; the Jacobian a sentence names is a matrix, the function it is of is not."""
from __future__ import annotations

import pytest

from verify.engine.checker import check_derivation
from verify.errors import ParseError
from verify.parsing import parse_latex_expr, read_document
from verify.parsing.matrices import named_in_prose
from verify.verdict import Status
from verify.vocabulary.linalg import SpectralRadius, Spectrum



@pytest.mark.parametrize("latex, kind", [
    (r"\lambda(A) + \operatorname{tr}(A^T)", Spectrum),
    (r"\mathrm{eig}(A) + \operatorname{tr}(A^T)", Spectrum),
    (r"\lambda_{1,2}(A) + \operatorname{tr}(A^T)", Spectrum),
    (r"\rho(A) + \operatorname{tr}(A^T)", SpectralRadius),
])
def test_a_spectral_notation_of_a_matrix_is_its_spectrum(latex, kind):
    assert parse_latex_expr(latex).atoms(kind)


@pytest.mark.parametrize("latex", [
    r"\lambda_i(A) + \operatorname{tr}(A^T)",  # one eigenvalue by an index: not the whole multiset
    r"\lambda_1(A) + \operatorname{tr}(A^T)",  # the first by an order not written
    r"\lambda(x)",  # of a number: a function named lambda
    r"\rho(x)",
])
def test_one_eigenvalue_or_a_scalar_argument_is_no_spectrum(latex):
    """Read as an undefined function, or refused (a function of a matrix added to a number): never the
    spectrum."""
    try:
        read = parse_latex_expr(latex)
    except ParseError:
        return
    assert not read.atoms(Spectrum) and not read.atoms(SpectralRadius)


ROTATION = ("Let $J = \\begin{bmatrix} 0 & 1 \\\\ -1 & 0 \\end{bmatrix}$, where $i$ is the imaginary unit.\n\n"
            "$${claim}$$\n")


def statuses(claim: str) -> list[Status]:
    document = read_document(ROTATION.replace("{claim}", claim))
    return [r.verdict.status for r in check_derivation(document.derivation()).results]


@pytest.mark.parametrize("claim", [r"\lambda(J) = \pm i", r"\lambda_{1,2}(J) = \pm i", r"\mathrm{eig}(J) = \pm i",
                                   r"\rho(J) = 1"])
def test_a_claim_about_a_matrix_written_out_is_checked_against_it(claim):
    assert statuses(claim) == [Status.PROVED]


@pytest.mark.parametrize("claim", [r"\lambda(J) = \pm 2i", r"\lambda(J) = \pm 1", r"\lambda(J) = 1 \pm i",
                                   r"\rho(J) = 2", r"\mathrm{eig}(J) = i"])
def test_a_wrong_eigenvalue_is_never_proved(claim):
    assert Status.PROVED not in statuses(claim)


def test_a_matrix_written_out_makes_its_name_a_matrix_of_that_shape():
    document = read_document(ROTATION.replace("{claim}", r"\lambda(J) = \pm i"))
    assert document.chains[0].start == Spectrum(document.chains[0].start.matrix)
    assert document.chains[0].start.matrix.shape == (2, 2)


def test_the_function_a_jacobian_is_of_is_no_matrix():
    found = named_in_prose("Suppose $F$ is smooth with Jacobian $J$.")
    assert set(found) == {"J"}


def test_a_jacobian_named_before_the_word_is_a_matrix():
    assert set(named_in_prose("Let $J$ be the Jacobian of $F$.")) == {"J"}


def test_an_applied_jacobian_names_no_matrix():
    assert named_in_prose("$F$ is smooth with Jacobian $J(F(x))$, so the step is first order.") == {}


PLAIN = "Let $J = \\begin{bmatrix} 0 & 1 \\\\ -1 & 0 \\end{bmatrix}$.\n\n$${claim}$$\n"


def plain_statuses(claim: str) -> list[Status]:
    document = read_document(PLAIN.replace("{claim}", claim))
    return [r.verdict.status for r in check_derivation(document.derivation()).results]


def test_i_among_claimed_eigenvalues_is_the_imaginary_unit():
    """``\\lambda(J) = \\pm i`` with nothing else saying what i is: the standard reading, sqrt(-1)."""
    assert plain_statuses(r"\lambda(J) = \pm i") == [Status.PROVED]
    assert "i the imaginary unit (a claimed eigenvalue)" in read_document(
        PLAIN.replace("{claim}", r"\lambda(J) = \pm i")).context.notes[-1]


@pytest.mark.parametrize("claim", [r"\lambda(J) = \pm 2i", r"\lambda(J) = 1 \pm i", r"\lambda(J) = \pm i^2"])
def test_a_wrong_imaginary_eigenvalue_is_never_proved(claim):
    assert Status.PROVED not in plain_statuses(claim)


def test_i_used_elsewhere_keeps_its_meaning_there():
    """An index i in another formula: i is a name, and the spectrum claim is not read with sqrt(-1)."""
    text = PLAIN.replace("{claim}", r"\lambda(J) = \pm i") + "\n$$\\sum_{i=1}^{n} 1 = n$$\n"
    note = read_document(text).context.notes[-1]
    assert "imaginary" not in note


JACOBIAN = "Assume:\n\n- $F$ is smooth with Jacobian $J(F(x))$.\n\nThen:\n\n$${claim}$$\n"


def test_a_function_and_its_jacobian_do_not_commute():
    """F is vector-valued and J(F(x)) a matrix: swapping a product's order is never proved."""
    text = JACOBIAN.replace("{claim}", r"x - \alpha (I - \alpha J(F(x))) F(x) = x - \alpha F(x) (I - \alpha J(F(x)))")
    statuses = [r.verdict.status for r in check_derivation(read_document(text).derivation()).results]
    assert Status.PROVED not in statuses


def test_the_same_order_is_still_proved():
    text = JACOBIAN.replace("{claim}", r"\alpha (F(x) - \alpha J(F(x)) F(x)) = \alpha F(x) - \alpha^2 J(F(x)) F(x)")
    statuses = [r.verdict.status for r in check_derivation(read_document(text).derivation()).results]
    assert statuses == [Status.PROVED]
