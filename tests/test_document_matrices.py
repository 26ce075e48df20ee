"""Names the document shows to be matrices are matrices in every formula: they do not commute."""
from sympy import MatrixSymbol, Symbol

from tests.documents import check_statuses
from verify.parsing import read_document
from verify.verdict import Status


def _matrix(document, name: str) -> MatrixSymbol:
    found = [m for c in document.chains for m in c.start.atoms(MatrixSymbol) if m.name == name]
    assert found, f"{name} was not read as a matrix"
    return found[0]


def test_a_declaration_in_r_n_by_n_makes_matrices_with_that_shape():
    document = read_document("Let $A, B \\in \\mathbb{R}^{m \\times n}$.\n\n$$A + B = B + A$$")
    assert _matrix(document, "A").shape == (Symbol("m", positive=True, integer=True),
                                            Symbol("n", positive=True, integer=True))


def test_prose_calling_symbols_matrices_makes_them_matrices():
    document = read_document("Let $A$ and $B$ be $n \\times n$ matrices.\n\n$$A B = B A$$")
    assert _matrix(document, "B").shape[0] == Symbol("n", positive=True, integer=True)


def test_a_transpose_in_one_formula_makes_the_name_a_matrix_in_another():
    document = read_document("$$(A^T)^T = A$$\n\n$$A + A = 2 A$$")
    assert document.chains[1].start.atoms(MatrixSymbol)


def test_matrices_do_not_commute_so_the_square_of_a_sum_is_never_proved():
    statuses = check_statuses("Let $A$ and $B$ be $n \\times n$ matrices.\n\n$$(A + B)^2 = A^2 + 2AB + B^2$$")
    assert statuses[0] is not Status.PROVED


def test_a_b_equals_b_a_for_declared_matrices_is_refuted():
    statuses = check_statuses("Let $A, B \\in \\mathbb{R}^{n \\times n}$.\n\n$$A B = B A$$")
    assert statuses == [Status.REFUTED]


def test_a_correct_matrix_step_is_still_proved():
    statuses = check_statuses("Let $A$ and $B$ be $n \\times n$ matrices.\n\n$$(A B)^T = B^T A^T$$")
    assert statuses == [Status.PROVED]


def test_the_linalg_theory_is_used_when_a_matrix_appears():
    document = read_document("Let $A$ be a matrix.\n\n$$A + A = 2A$$")
    assert "linalg" in document.context.theories


def test_sizes_from_the_naming_convention_are_not_listed_as_assumed():
    document = read_document("$$(Q K^T)^T = K Q^T$$")
    assert "d_k" not in document.context.notes[-1] and " t " not in document.context.notes[-1]


def test_a_lowercase_name_in_a_sentence_about_matrices_stays_a_scalar():
    document = read_document("Let $A$ be a matrix and $c$ a number.\n\n$$c A = A c$$")
    assert Symbol("c", real=True) in document.chains[0].start.free_symbols


def test_a_declaration_in_r_d_makes_a_column_vector():
    document = read_document("Let $x \\in \\mathbb{R}^{d}$.\n\n$$x + x = 2 x$$")
    assert _matrix(document, "x").shape == (Symbol("d", positive=True, integer=True), 1)


def test_a_declaration_in_r_d_without_braces_makes_a_column_vector():
    document = read_document("Let $x \\in \\mathbb{R}^d$.\n\n$$x + x = 2 x$$")
    assert _matrix(document, "x").shape[1] == 1


def test_a_lowercase_transposed_name_is_a_vector_in_every_formula():
    document = read_document("$$x^T y = y^T x$$\n\n$$x + x = 2 x$$")
    assert document.chains[1].start.atoms(MatrixSymbol)


def test_x_transpose_x_equal_to_x_x_transpose_is_never_proved():
    assert Status.PROVED not in check_statuses("$$x^T x = x x^T$$")


def test_a_vector_times_a_matrix_in_the_wrong_order_is_never_proved():
    text = "Let $W \\in \\mathbb{R}^{d \\times d}$ and $x, y \\in \\mathbb{R}^{d}$.\n\n$$W x = x W$$"
    assert Status.PROVED not in check_statuses(text)


def test_a_transpose_of_a_scalar_expression_is_a_parse_error():
    document = read_document("$$(a + b)^T = a + b$$")
    assert "not a matrix" in str(document.errors[0])
