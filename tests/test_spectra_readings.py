r"""A spectrum claim written with a plain ``i`` (``\lambda(J) = \pm i``) where the document never says
what ``i`` is: refuted only when it fails in every standard reading of ``i``, never proved in the
reading the document did not state."""
from __future__ import annotations

import pytest
from sympy import FiniteSet, I, ImmutableMatrix, MatrixSymbol, Symbol

from verify.config import CheckConfig
from verify.engine.checker import check_step
from verify.model import Context, Fact, Relation
from verify.verdict import Status
from verify.vocabulary.linalg import Spectrum

J = MatrixSymbol("J", 2, 2)
PLAIN_I = Symbol("i", real=True)
CONTEXT = Context(symbols=(PLAIN_I,), theories=("linalg", "algebra"),
                  facts=(Fact("J", J, ImmutableMatrix([[0, 1], [-1, 0]])),))
CONFIG = CheckConfig(seed=5, samples=5, budget=None)


def status(values):
    return check_step(Spectrum(J), Relation.EQ, values, CONTEXT, CONFIG).status


def test_a_real_name_i_where_the_imaginary_unit_fits_is_unknown_not_refuted():
    assert status(FiniteSet(PLAIN_I, -PLAIN_I)) is Status.UNKNOWN


def test_the_imaginary_unit_itself_is_proved():
    assert status(FiniteSet(I, -I)) is Status.PROVED


@pytest.mark.parametrize("wrong", [FiniteSet(1, -1), FiniteSet(2 * PLAIN_I, -2 * PLAIN_I),
                                   FiniteSet(1 + PLAIN_I, 1 - PLAIN_I)])
def test_a_spectrum_wrong_in_every_reading_of_i_is_refuted(wrong):
    assert status(wrong) is Status.REFUTED
