r"""Inequalities under a stated ``x != c``: the region is decided on each open piece the puncture
leaves (``\sqrt{1+\eta^2} > 1`` for ``\eta \ne 0``); a failure on one piece refutes the step."""
from __future__ import annotations

import pytest
from sympy import Integer, Ne, Symbol, sqrt

from verify.config import CheckConfig
from verify.engine.checker import check_step
from verify.model import Context, Relation
from verify.theories.dynamics.region import region_of
from verify.theories.dynamics.sign import decide_relation
from verify.verdict import Status

ETA = Symbol("eta", real=True)
NONZERO = Context(symbols=(ETA,), relations=(Ne(ETA, 0),))


def status(lhs, relation, rhs, context=NONZERO):
    return check_step(lhs, relation, rhs, context, CheckConfig(seed=3, budget=None)).status


@pytest.mark.parametrize("lhs, rhs", [(sqrt(1 + ETA**2), Integer(1)), (1 + ETA**2, Integer(1)), (ETA**2, Integer(0))])
def test_a_strict_bound_that_fails_only_at_the_excluded_point_is_proved(lhs, rhs):
    assert status(lhs, Relation.GT, rhs) is Status.PROVED


@pytest.mark.parametrize("lhs, relation, rhs", [(ETA, Relation.GT, Integer(0)), (sqrt(1 - ETA**2), Relation.GT, Integer(1)),
                                                (sqrt(1 + ETA**2), Relation.LT, Integer(1)),
                                                (sqrt(1 + ETA**2), Relation.GT, 1 + ETA**2)])
def test_a_bound_that_fails_on_a_piece_is_never_proved(lhs, relation, rhs):
    assert status(lhs, relation, rhs) is not Status.PROVED


def test_without_the_puncture_the_strict_bound_is_not_proved():
    assert status(ETA**2, Relation.GT, Integer(0), Context(symbols=(ETA,))) is not Status.PROVED


def test_a_failure_on_one_piece_is_shown_at_a_point_of_the_region():
    region = region_of((ETA,), (Ne(ETA, 0),))
    sign = decide_relation(ETA, Integer(0), True, region)
    assert sign.holds is False and region.contains(sign.point)
