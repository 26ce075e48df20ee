"""Breaking any built-in claim must leave it unproved.

Each claim's expected value is changed in a way that changes its meaning: an entry
of a matrix or tuple moved by one, a number moved by one, a Theta/O/Omega class
multiplied by a growing size, an inequality reversed. The changed claim must come
out refuted (or at worst unknown), never proved.
"""
from __future__ import annotations

import importlib
from dataclasses import replace

import pytest
from sympy import Basic, Matrix, MatrixBase, Rel, Tuple

import derivations
from verify.config import CheckConfig
from verify.engine.checker import check_claim
from verify.verdict import Status
from verify.vocabulary import BigO, BigOmega, Theta

CONFIG = CheckConfig(seed=2, samples=4, budget=None)
REVERSED = {">": "<=", ">=": "<", "<": ">=", "<=": ">"}
GROWING = {"theta", "same_class", "omega"}  # a bigger class is wrong for these kinds


def bump(value):
    """The value with its first entry moved by one (recursively into tuples and matrices)."""
    if isinstance(value, MatrixBase):
        entries = list(value)
        return Matrix(value.rows, value.cols, [bump(entries[0]), *entries[1:]])
    if isinstance(value, Tuple) and len(value):
        return Tuple(bump(value[0]), *value[1:])
    return value + 1


def grow(value, sizes):
    """The class times a growing size: Theta(t n) -> Theta(t^2 n), Theta(1) -> Theta(t)."""
    inner = value.expr if isinstance(value, (Theta, BigO, BigOmega)) else value
    size = sorted(inner.free_symbols, key=str)[0] if inner.free_symbols else sizes[0]
    grown = inner * size
    return type(value)(grown) if isinstance(value, (Theta, BigO, BigOmega)) else grown


def broken(claim, context):
    """The claim with its meaning changed, or None when this kind has no value to change."""
    if claim.kind in GROWING:
        return replace(claim, value=grow(claim.value, context.symbols))
    if claim.kind == "big_o":
        return None  # a bigger O class stays true; the theta claims cover the same subjects
    if claim.kind == "inequality":
        subject = claim.subject
        return replace(claim, subject=Rel(subject.lhs, subject.rhs, REVERSED[subject.rel_op], evaluate=False))
    if isinstance(claim.value, (Basic, MatrixBase, int)):
        return replace(claim, value=bump(claim.value))
    return None


def _claims():
    for name in derivations.names():
        derivation = derivations.load(name)
        for i, claim in enumerate(derivation.claims, 1):
            changed = broken(claim, derivation.context)
            if changed is not None:
                yield pytest.param(derivation.context, claim, changed, id=f"{name}-claim{i}-{claim.kind}")


@pytest.mark.parametrize("context, claim, changed", list(_claims()))
def test_a_broken_claim_is_not_proved(context, claim, changed):
    assert check_claim(claim, context, CONFIG).status is Status.PROVED
    verdict = check_claim(changed, context, CONFIG)
    assert verdict.status is not Status.PROVED, f"{changed.statement}: {changed.value} -> {verdict.reason}"


def test_most_claims_have_a_breaking_change():
    loaded = [derivations.load(name) for name in derivations.names()]
    claims = [(c, d.context) for d in loaded for c in d.claims]
    breakable = [c for c, context in claims if broken(c, context) is not None]
    assert len(breakable) >= 0.8 * len(claims)
