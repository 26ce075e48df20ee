"""Explicit matrices equal entry by entry are proved, not only found consistent on samples
(``dynamics.written.entrywise_zero``): each entry of left - right is brought to the algebra's form."""
from __future__ import annotations

import pytest
from sympy import ImmutableMatrix, Symbol

from verify.config import CheckConfig
from verify.engine.checker import check_step
from verify.model import Context
from verify.verdict import Status, Tier

eta, x = Symbol("eta", real=True), Symbol("x", real=True)
UPDATE = ImmutableMatrix([(x - eta) * (1 + eta), (eta * x + 1) ** 2])  # entries written as products


@pytest.mark.parametrize("theories", [("dynamics", "algebra"), ("linalg", "dynamics", "algebra")])
def test_an_explicit_matrix_identity_is_proved(theories):
    verdict = check_step(UPDATE, "=", ImmutableMatrix([x + eta * x - eta - eta ** 2, eta ** 2 * x ** 2 + 2 * eta * x + 1]),
                         Context(symbols=(eta, x), theories=theories), CheckConfig(budget=None))
    assert verdict.status is Status.PROVED and verdict.tier is Tier.CANONICAL


RIGHT = [x + eta * x - eta - eta ** 2, eta ** 2 * x ** 2 + 2 * eta * x + 1]


@pytest.mark.parametrize("wrong", [[x + eta * x - eta + eta ** 2, RIGHT[1]],  # sign
                                   [RIGHT[0], eta ** 2 * x ** 2 + eta * x + 1],  # factor
                                   [RIGHT[1], RIGHT[0]]])  # swapped components
def test_a_wrong_entry_is_refuted(wrong):
    verdict = check_step(UPDATE, "=", ImmutableMatrix(wrong),
                         Context(symbols=(eta, x), theories=("linalg", "dynamics", "algebra")), CheckConfig(budget=None))
    assert verdict.status is Status.REFUTED
