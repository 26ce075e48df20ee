r"""A plain ``E`` with a subscript: an expectation (``E_q[f]``, ``E_{z \sim q} \log p``) or a name such as
the key embedding size ``E_k`` of complexity notes. LaTeX in, the expression it means out; where the
reading would be a guess, the old refusal stands."""
from __future__ import annotations

import pytest
from sympy import Symbol

from verify.errors import ParseError
from verify.parsing import parse_latex_expr
from verify.verdict import Status
from tests.documents import check_statuses

E_k, E_q, E_v, L = (Symbol(name) for name in ("E_k", "E_q", "E_v", "L"))


@pytest.mark.parametrize("text, meaning", [
    (r"2\times E_k-1", 2 * E_k - 1),
    (r"E_k + E_v", E_k + E_v),
    (r"\left(2\times E_{k}-1\right)", 2 * E_k - 1),
    (r"L \times E_v", L * E_v),
    (r"E_k^2 + 1", E_k ** 2 + 1),
])
def test_a_subscripted_e_followed_by_an_operator_is_a_name(text, meaning):
    assert parse_latex_expr(text) == meaning


def test_a_subscripted_e_before_a_bracket_is_a_product_when_the_formula_uses_it_as_a_name():
    assert parse_latex_expr(r"E_q(2E_q-1)") == E_q * (2 * E_q - 1)


@pytest.mark.parametrize("expectation, written_out", [
    (r"E_q[\log p(x)]", r"\mathbb{E}_{q}[\log p(x)]"),
    (r"E_q \log p(x)", r"\mathbb{E}_{q}[\log p(x)]"),
    (r"E_{z \sim q}(\log p(z))", r"\mathbb{E}_{z \sim q}[\log p(z)]"),
    (r"E_q \big[ x \big]", r"\mathbb{E}_{q}[x]"),
    (r"E_{q}\left[x\right]", r"\mathbb{E}_{q}[x]"),
    (r"E_q(f(z))", r"\mathbb{E}_{q}[f(z)]"),
])
def test_a_subscripted_e_with_an_argument_stays_an_expectation(expectation, written_out):
    assert parse_latex_expr(expectation) == parse_latex_expr(written_out)


@pytest.mark.parametrize("text", [
    r"E_q f(z)",            # an expectation of f(z) without brackets, or E_q times f(z)?
    r"E_q^2[x]",            # a power of an average, or an average with a superscript?
    r"E_{z \sim q} - 1",    # a law in the subscript: only ever averaged over
])
def test_where_the_reading_would_be_a_guess_it_is_refused(text):
    with pytest.raises(ParseError):
        parse_latex_expr(text)


def test_a_complexity_count_with_embedding_sizes_is_checked():
    document = (
        "Let $L$ be the sequence length and $E_k$ the key size.\n\n"
        "$$L^2\\times\\left(2\\times E_k-1\\right)+L\\times\\left(4\\times L-1\\right)+L^2"
        " = 2\\times L^2\\times\\left(E_k+2\\right)-L$$\n"
    )
    assert check_statuses(document) == [Status.PROVED]


def test_a_wrong_count_with_embedding_sizes_is_refuted():
    document = (
        "Let $L$ be the sequence length and $E_k$ the key size.\n\n"
        "$$L^2\\times\\left(2\\times E_k-1\\right)+L\\times\\left(4\\times L-1\\right)+L^2"
        " = 2\\times L^2\\times\\left(E_k+1\\right)-L$$\n"
    )
    assert check_statuses(document) == [Status.REFUTED]
