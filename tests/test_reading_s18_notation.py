"""Notation read in session 18 (issue 10, sections 2-3): LaTeX in, the expression it means out; each
with a near miss that is refused, never guessed."""
from __future__ import annotations

import pytest
import sympy
from sympy import Symbol

from verify.errors import ParseError
from verify.parsing import parse_latex_expr
from verify.vocabulary import Expectation

a, b, z, x = (Symbol(n) for n in "abzx")


def reads(text: str):
    return parse_latex_expr(text)


n, m = Symbol("n"), Symbol("m")

READ = [
    (r"a \hspace*{7em} - b", a - b),  # a space of a given length
    (r"a \hspace{1.5em} b", a * b),
    (r"\dim \mathbb{R}^n", n),
    (r"\dim \mathbb{R}^{m \times n}", m * n),
    (r"\dim \mathbb{R}^{3}", 3),
]


@pytest.mark.parametrize("text, expected", READ)
def test_the_notation_reads_as_the_expression_it_means(text, expected):
    assert reads(text) == expected


REFUSED = [
    (r"a \hspace{x} b", "length"),
    (r"a \hspace b", "length"),
    (r"A \otimes B", "Kronecker or an outer product"),  # shapes not given
    (r"a ⊗ b", "Kronecker or an outer product"),
    (r"f \circ g", "composition"),
    (r"(f \circ g)(x)", "composition"),  # never (f o g) times x
    (r"A^T \circ B^T", "one shape"),  # A is t x t and B n x n by the convention
    (r"\dim V", "dim"),
    (r"\dim(x)", "dim"),  # x is no vector here
    (r"\dim \mathbb{R}^{-1}", "dim"),
    (r"A^T + 1", "cannot add a matrix or vector and a number"),  # was "cannot build this formula"
    (r"f(A^T) A^T", "not shown to be a number"),  # a factor of open kind never scales a matrix silently
]


@pytest.mark.parametrize("text, reason", REFUSED)
def test_a_near_miss_is_refused_with_its_reason(text, reason):
    with pytest.raises(ParseError, match=reason):
        reads(text)


def test_an_expectation_over_a_named_variable_binds_the_density_s_own_argument():
    """E_{Z ~ q(z|x)}[f(Z)] is the integral of q(z|x) f(z) dz: the body is in the density's variable."""
    found = reads(r"\mathbb{E}_{Z \sim q(z \mid x)}[\log p(x \mid Z)]")
    assert isinstance(found, Expectation)
    assert found == reads(r"\mathbb{E}_{z \sim q(z \mid x)}[\log p(x \mid z)]")


def test_an_expectation_whose_body_has_the_density_s_argument_free_keeps_both():
    found = reads(r"\mathbb{E}_{Z \sim q(z)}[Z z]")
    assert found.args[2].name == "Z" and "z" in {s.name for s in found.args[0].free_symbols}


def shaped(text: str, declarations: str):
    """The first step of a one-formula document with the declarations in its premises."""
    from verify.parsing import read_document

    document = read_document(f"Let {declarations}.\n\n$${text} = {text}$$\n")
    assert not [f.error for f in document.formulas if f.error is not None and f.display]
    return document.chains[0].start


def test_the_tensor_product_of_two_declared_matrices_is_the_kronecker_product():
    found = shaped(r"A \otimes B", r"$A \in \mathbb{R}^{m \times n}$ and $B \in \mathbb{R}^{p \times q}$")
    assert isinstance(found, sympy.KroneckerProduct) and str(found.shape) == "(m*p, n*q)"


def test_the_tensor_product_of_two_vectors_is_refused_outer_or_kronecker():
    from verify.parsing import read_document

    document = read_document("Let $u \\in \\mathbb{R}^n$ and $v \\in \\mathbb{R}^n$.\n\n$$u \\otimes v = u v^T$$\n")
    assert [f.error.message for f in document.formulas if f.error is not None and f.display][0].find("two vectors") > 0


def test_circ_between_two_declared_matrices_of_one_shape_is_the_hadamard_product():
    found = shaped(r"A \circ B", r"$A, B \in \mathbb{R}^{m \times n}$")
    assert isinstance(found, sympy.HadamardProduct)


def test_the_dimension_of_a_declared_vector_is_its_length():
    assert str(shaped(r"\dim x", r"$x \in \mathbb{R}^{d}$")) == "d"


KRONECKER = "Let $A \\in \\mathbb{R}^{m \\times n}$ and $B \\in \\mathbb{R}^{p \\times q}$.\n\n$$%s$$\n"


def test_the_transpose_of_a_kronecker_product_is_proved_factor_by_factor():
    from tests.documents import check_statuses
    from verify.verdict import Status

    assert check_statuses(KRONECKER % r"(A \otimes B)^T = A^T \otimes B^T") == [Status.PROVED]


@pytest.mark.parametrize("wrong", [r"(A \otimes B)^T = B^T \otimes A^T", r"A \otimes B = B \otimes A"])
def test_a_wrong_kronecker_step_is_never_proved(wrong):
    from tests.documents import check_statuses
    from verify.verdict import Status

    assert Status.PROVED not in check_statuses(KRONECKER % wrong)


@pytest.mark.parametrize("wrong", [r"\log c \exp(u) = \log c - u", r"\log c \exp(u) = u \log c",
                                   r"\log c \exp(u) = \log(c) \exp(u)"])
def test_a_wrong_step_from_a_log_density_is_never_proved(wrong):
    from tests.documents import check_statuses
    from verify.verdict import Status

    assert Status.PROVED not in check_statuses(f"$${wrong}$$\n")


def test_a_wrong_step_with_a_macro_named_in_prose_is_never_proved():
    from tests.documents import check_statuses
    from verify.verdict import Status

    text = ("Here $\\expect$ is the expectation.\n\n"
            "$$\\expect_{z \\sim q(z)}[a f(z)] = a^2 \\expect_{z \\sim q(z)}[f(z)]$$\n")
    assert Status.PROVED not in check_statuses(text)
