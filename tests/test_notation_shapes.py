"""Shapes of undeclared names, read from how a formula uses them (issue 10 section 3, brief item 3).

A lower-case name transposed next to a matrix is a column vector and ``v^T M v`` a number; ``|\\Sigma|``
of a matrix is its determinant and ``\\text{tr}`` its trace. A product whose sizes do not fit, an
integral over a vector read as one over a number, or a transpose with no matrix beside it is refused.
"""
from __future__ import annotations

import pytest
import sympy
from sympy import Determinant, MatrixSymbol, Trace

from verify.errors import ParseError
from verify.parsing import parse_latex_expr, read_document


def matrices(expr) -> dict[str, tuple]:
    return {m.name: m.shape for m in expr.atoms(MatrixSymbol)}


SCALARS = [  # a quadratic form of a vector is a number, its vector a column
    (r"z^T I z", {"z"}),
    (r"z^T z", {"z"}),
    (r"\mu^T \Sigma^{-1} \mu", {"mu", "Sigma"}),
    (r"\mu_p^T \mu_p", {"mu_p"}),
    (r"\mu_{p}^\top \Sigma_q^{-1} \mu_{p}", {"mu_p", "Sigma_q"}),
    (r"(\mu_p - \mu_q)^T \Sigma_p^{-1} (\mu_p - \mu_q)", {"mu_p", "mu_q", "Sigma_p"}),
]


@pytest.mark.parametrize("latex, names", SCALARS)
def test_a_transposed_name_next_to_a_matrix_is_a_column_vector(latex, names):
    read = parse_latex_expr(latex)
    assert not getattr(read, "is_Matrix", False)  # a number, not a 1 x 1 matrix
    found = matrices(read)
    assert set(found) == names
    assert all(shape[1] == 1 for name, shape in found.items() if name[:1].islower())


def test_the_quadratic_form_is_the_double_sum_of_its_entries():
    read = parse_latex_expr(r"z^T \Sigma z")
    z, sigma = MatrixSymbol("z", 2, 1), MatrixSymbol("Sigma", 2, 2)
    n = sympy.Symbol("n", positive=True, integer=True)
    at_two = read.subs(n, 2).doit()
    expected = (z.T * sigma * z)[0, 0]
    assert sympy.expand(at_two.xreplace({m: {"z": z, "Sigma": sigma}[m.name] for m in at_two.atoms(MatrixSymbol)})
                        - expected.doit()) == 0


def test_a_swapped_inverse_is_another_reading():
    assert parse_latex_expr(r"\mu^T \Sigma \mu") != parse_latex_expr(r"\mu^T \Sigma^{-1} \mu")


@pytest.mark.parametrize("latex, kind", [
    (r"\log |\Sigma| + z^T z", Determinant),
    (r"\text{tr}(\Sigma_p^{-1} \Sigma_q) + \mu^T \mu", Trace),
    (r"\mathrm{tr}(\Sigma) + \mu^T \mu", Trace),
    (r"\operatorname{tr}(\Sigma) + \mu^T \mu", Trace),
])
def test_determinant_and_trace_of_a_matrix(latex, kind):
    assert parse_latex_expr(latex).atoms(kind)


def test_a_capital_in_an_exponent_is_a_number_not_a_matrix():
    read = parse_latex_expr(r"\frac{1}{\sqrt{2\pi}^J} \exp(-\frac{z^T I z}{2})")
    assert "J" not in matrices(read)
    assert any(s.name == "J" for s in read.free_symbols)


@pytest.mark.parametrize("latex, reason", [
    (r"\gamma^T", "not a matrix or vector"),  # nothing of a matrix beside it: perhaps a power
    (r"1 - \gamma^T", "not a matrix or vector"),
    (r"x^T A x", "sizes do not fit"),  # A is t x t by the attention convention, x of length n
    (r"\mathbf{x}^T Q \mathbf{x}", "sizes do not fit"),
    (r"\int \mathcal{N}(\mu, \Sigma) z^T z \, dz", "is a vector"),
])
def test_an_ill_formed_product_is_still_refused(latex, reason):
    with pytest.raises(ParseError, match=reason):
        parse_latex_expr(latex)


def test_a_vector_defined_as_zero_is_the_zero_vector():
    """``\\mu_p = 0`` of a vector is a fact the checker can use (not a number put where a vector is)."""
    document = read_document("Assume $\\mu_p = 0$.\n\n$$\\mu_p^T \\Sigma \\mu_p = 0$$\n")
    facts = {str(f.lhs): f.rhs for f in document.context.facts}
    assert isinstance(facts["mu_p"], sympy.ZeroMatrix)


def test_a_capital_in_an_exponent_is_given_no_sign():
    """``e^{-K}`` beside a transpose: K is a number, but nothing says it is positive or an integer."""
    read = parse_latex_expr(r"e^{-K} + x^T x")
    symbol = next(s for s in read.free_symbols if s.name == "K")
    assert symbol.is_positive is None and symbol.is_integer is None
