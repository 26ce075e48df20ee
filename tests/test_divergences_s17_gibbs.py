r"""Gibbs' inequality: KL(p || q) >= 0 for laws, as written or cited on its integral form; never
for a negated KL, a strict inequality, or a second argument that is no law."""
from __future__ import annotations

import pytest
from sympy import Symbol

from verify.engine.checker import check_step
from verify.model import Context
from verify.parsing import parse_latex_expr as read
from verify.verdict import Status

P, Q, X = Symbol("P"), Symbol("Q"), Symbol("x")
LAWS = Context(symbols=(P, Q), theories=("probability", "algebra"))
LINE = Context(symbols=(X,), theories=("probability", "algebra"), integration_variables=(X,))
SPLIT = r"\int p(x) \log p(x) dx - \int p(x) \log q(x) dx"


def status(lhs: str, relation: str, rhs: str, context: Context = LAWS, cited: str | None = None) -> Status:
    return check_step(read(lhs), relation, read(rhs), context, justification=cited).status


@pytest.mark.parametrize("lhs, relation, rhs", [
    (r"D_{KL}(P \| Q)", ">=", "0"),
    ("0", "<=", r"D_{KL}(P \| Q)"),
    (r"\mathrm{JSD}(P \| Q)", ">=", "0"),
    (r"D_{KL}(p(x) \| q(x)) + 2 D_{KL}(q(x) \| p(x))", ">=", "0"),
])
def test_a_kl_divergence_of_laws_is_never_negative(lhs, relation, rhs):
    assert status(lhs, relation, rhs) is Status.PROVED


@pytest.mark.parametrize("lhs, relation, rhs", [
    (r"-D_{KL}(P \| Q)", ">=", "0"),            # sign
    (r"D_{KL}(P \| Q)", "<=", "0"),             # flipped
    (r"D_{KL}(P \| Q)", ">", "0"),              # strict: P may equal Q
    (r"D_{KL}(P \| P + Q)", ">=", "0"),         # P + Q is no law (its KL is negative)
])
def test_broken_gibbs_steps_are_never_proved(lhs, relation, rhs):
    assert status(lhs, relation, rhs) is not Status.PROVED


def test_cited_gibbs_proves_the_split_integral_form():
    assert status(SPLIT, ">=", "0", LINE, cited="Gibbs' inequality") is Status.PROVED


@pytest.mark.parametrize("lhs", [
    r"\int p(x) \log p(x) dx + \int p(x) \log q(x) dx",   # sign
    r"\int p(x) \log q(x) dx - \int p(x) \log p(x) dx",   # swapped
    r"2 \int p(x) \log p(x) dx - \int p(x) \log q(x) dx",  # factor
])
def test_cited_gibbs_never_proves_a_broken_integral_form(lhs):
    assert status(lhs, ">=", "0", LINE, cited="Gibbs' inequality") is not Status.PROVED
