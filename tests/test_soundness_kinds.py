"""Kind: a name the document treats as a matrix is never read as a commuting scalar.

Each wrong step is a product reordered or an inverse of a product taken factor by
factor; each is paired with the correct step under the document's stated reading.
"""
import pytest

from tests.documents import check_statuses
from verify.parsing import read_document
from verify.verdict import Status


DISPLAY_DECLARATION = "$$X, Y \\in \\mathbb{R}^{n \\times n}$$\n\n"
WEIGHTS = "The weights $W_1$ and $W_2$ of the two layers are learned.\n\n"
JACOBIAN = "Let $J$ be the Jacobian and $H$ the Hessian of the loss.\n\n"
COVARIANCE = "Let $\\Sigma$ be the covariance of $x$ and $A$ a matrix.\n\n"


@pytest.mark.parametrize("text", [
    DISPLAY_DECLARATION + "$$(XY)^{-1} = X^{-1} Y^{-1}$$",
    DISPLAY_DECLARATION + "$$X Y = Y X$$",
    WEIGHTS + "$$W_1 W_2 = W_2 W_1$$",
    JACOBIAN + "$$J H = H J$$",
    COVARIANCE + "$$A \\Sigma A^T = \\Sigma A A^T$$",
    "$$W_1 W_2 = W_2 W_1$$",
    "$$(W_1 W_2)^{-1} = W_1^{-1} W_2^{-1}$$",
    "$$(A + B)^2 = A^2 + 2 A B + B^2$$",
    "$$(A + B)(A - B) = A^2 - B^2$$",
    "$$(U \\Lambda U^{-1})^2 = U^2 \\Lambda^2 U^{-2}$$",
    "$$U \\Lambda U^{-1} = \\Lambda$$",
    "$$\\det(A B - B A) = 0$$" "\n\n$$A B = B A$$",
])
def test_a_step_that_holds_only_if_the_factors_commute_is_not_proved(text):
    assert Status.PROVED not in check_statuses(text)


@pytest.mark.parametrize("text", [
    DISPLAY_DECLARATION + "$$(XY)^{-1} = Y^{-1} X^{-1}$$",
    WEIGHTS + "$$(W_1 W_2)^T = W_2^T W_1^T$$",
    "$$(W_1 W_2)^{-1} = W_2^{-1} W_1^{-1}$$",
    "$$(A + B)^2 = A^2 + A B + B A + B^2$$",
    "$$(U \\Lambda U^{-1})^2 = U \\Lambda^2 U^{-1}$$",
    "$$A B + A C = A (B + C)$$",
])
def test_the_same_step_written_for_non_commuting_factors_is_proved(text):
    assert check_statuses(text) == [Status.PROVED]


def test_a_display_declaration_makes_matrices_that_do_not_commute():
    assert check_statuses(DISPLAY_DECLARATION + "$$X Y = Y X$$") == [Status.REFUTED]


@pytest.mark.parametrize("word", ["weights", "Jacobians", "Hessians", "covariances", "matrices"])
def test_a_prose_word_for_matrices_makes_the_capitals_of_its_sentence_matrices(word):
    statuses = check_statuses(f"The {word} $P$ and $R$ are given.\n\n$$P R = R P$$")
    assert statuses == [Status.REFUTED]


def test_vectors_named_in_prose_are_not_scalars():
    statuses = check_statuses("Let $u, v$ be vectors.\n\n$$(u + v)^2 = u^2 + 2 u v + v^2$$")
    assert Status.PROVED not in statuses


def test_vectors_named_in_prose_still_add_like_vectors():
    assert check_statuses("Let $u, v$ be vectors.\n\n$$u + v - u = v$$") == [Status.PROVED]


def test_identity_next_to_a_declared_matrix_is_the_identity_matrix():
    assert check_statuses("Let $A \\in \\mathbb{R}^{n \\times n}$.\n\n$$A I = A$$") == [Status.PROVED]


def test_identity_next_to_a_declared_matrix_is_never_the_number_one():
    statuses = check_statuses("Let $A \\in \\mathbb{R}^{n \\times n}$.\n\n$$A + I = I + A$$\n\n$$A I = 1 A$$")
    assert statuses[0] is Status.PROVED


def test_the_determinant_of_a_product_is_the_product_of_determinants_only_for_matrices():
    assert Status.PROVED not in check_statuses("$$\\det(A B) = \\det(A)\\det(B) + 1$$")


def test_a_capital_used_as_a_size_stays_a_commuting_scalar():
    text = "$$\\sum_{i=1}^{N} 1 = N$$\n\n$$N M = M N$$"
    assert check_statuses(text) == [Status.PROVED, Status.PROVED]


def test_a_capital_times_numbers_and_scalars_keeps_its_algebra():
    assert check_statuses("$$2 A x + 3 x A = 5 A x$$") == [Status.PROVED]


def test_the_assumed_line_says_which_names_were_read_as_not_commuting():
    document = read_document("$$W_1 W_2 = W_2 W_1$$")
    assert "W_1" in document.context.notes[-1] and "commut" in document.context.notes[-1]


def test_the_assumed_line_gives_the_evidence_for_a_matrix():
    document = read_document(WEIGHTS + "$$W_1 W_2 = W_2 W_1$$")
    assert "weights" in document.context.notes[-1]


@pytest.mark.parametrize("text", [
    "$$A^{-1} A = I$$",
    "$$(X^T X)^{-1} X^T X = I$$",
    "$$(X^T X + \\lambda I)^T = X^T X + \\lambda I$$",
    "Let $A \\in \\mathbb{R}^{n \\times n}$.\n\n$$A + I = I + A$$",
])
def test_the_identity_takes_the_size_of_the_matrix_beside_it(text):
    assert check_statuses(text) == [Status.PROVED]


@pytest.mark.parametrize("text", [
    "Let $A \\in \\mathbb{R}^{n \\times n}$.\n\n$$(A + I)^2 = A^2 + A + I$$",
    "$$U^T U = I$$",
    "$$A^{-1} B A = B I$$",
])
def test_a_wrong_step_with_the_identity_is_not_proved(text):
    assert Status.PROVED not in check_statuses(text)


def test_a_capital_multiplied_by_a_known_matrix_is_a_matrix():
    document = read_document("The weights $A = \\operatorname{softmax}(S)$.\n\n$$A V = V A$$")
    assert "V a matrix (a product with a matrix)" in document.context.notes[-1]


def test_a_name_applied_to_a_sum_and_written_alone_is_a_product():
    assert check_statuses("$$\\sum_{i=1}^{n} i = \\frac{n(n+1)}{2}$$") == [Status.PROVED]


def test_a_wrong_closed_form_is_not_proved():
    assert Status.PROVED not in check_statuses("$$\\sum_{i=1}^{n} i = \\frac{n(n-1)}{2}$$")


@pytest.mark.parametrize("text", ["$$|x \\cdot y| = \\|x\\| \\|y\\|$$", "$$|x y| = \\|x\\| \\|y\\|$$"])
def test_cauchy_schwarz_is_never_proved_as_an_equality(text):
    assert Status.PROVED not in check_statuses(text)


def test_a_name_alone_in_a_norm_is_a_vector_and_a_coefficient_is_not():
    note = read_document("$$\\|x - \\eta g\\| = \\|x - \\eta g\\|$$").context.notes[-1]
    assert "x a vector (a norm)" in note and "eta" not in note
