r"""Entropy and cross entropy of normal laws in closed form: H(N(m, v)) = log(2 pi v)/2 + 1/2 and
H(N1, N2) = -E_{N1}[log N2]; the variance-for-standard-deviation, sign and swapped-argument variants
are refuted."""
from __future__ import annotations

import pytest
from sympy import Function, Rational, Symbol, log, pi

from verify.engine.checker import check_step
from verify.model import Context
from verify.verdict import Status
from verify.vocabulary import Normal

MU, SIGMA = Symbol("mu", real=True), Symbol("sigma", positive=True)
H, CE = Function("H"), Function("CE")
CONTEXT = Context(symbols=(MU, SIGMA), theories=("probability", "algebra"))
Q, STANDARD = Normal(MU, SIGMA**2), Normal(0, 1)
CROSS = log(2 * pi) / 2 + (MU**2 + SIGMA**2) / 2  # -E_q[log N(z; 0, 1)]


def status(lhs, rhs) -> Status:
    return check_step(lhs, "=", rhs, CONTEXT).status


@pytest.mark.parametrize("lhs, rhs", [
    (H(Q), log(2 * pi * SIGMA**2) / 2 + Rational(1, 2)),
    (H(Q, STANDARD), CROSS),
    (CE(Q, STANDARD), CROSS),
])
def test_entropies_of_normals_are_their_closed_forms(lhs, rhs):
    assert status(lhs, rhs) is Status.PROVED


@pytest.mark.parametrize("lhs, rhs", [
    (H(Q), log(2 * pi * SIGMA**2) + Rational(1, 2)),          # dropped 1/2
    (H(Q), log(2 * pi * SIGMA) / 2 + Rational(1, 2)),         # sigma for the variance
    (H(Q, STANDARD), log(2 * pi) / 2 + (MU**2 - SIGMA**2) / 2),  # sign
    (H(STANDARD, Q), CROSS),                                  # swapped arguments
])
def test_broken_closed_forms_are_refuted(lhs, rhs):
    assert status(lhs, rhs) is Status.REFUTED


STATED = ("Assume:\n\n- $q(z) = \\mathcal{N}(z; \\mu, \\sigma^2)$\n\nThen:\n\n"
          "$$H(q(z)) = \\frac{1}{2}\\log(2 \\pi e \\sigma^2)$$\n")


def test_an_entropy_beside_parameters_the_drawn_density_ignores_is_never_refuted():
    """The drawn q is not tied to sigma: a counterexample from it would refute a correct step."""
    from tests.documents import check_statuses

    assert Status.REFUTED not in check_statuses(STATED)
