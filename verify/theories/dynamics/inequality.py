"""Inequality claims: a relation that holds for every parameter satisfying the assumptions.

Exact first (``dynamics.sign``: assumption system, Sturm root counts, squaring
nonnegative sides) -> ``proved`` or ``refuted`` at an exact rational point; else the
relation is evaluated exactly at sampled rational points of the region -> ``refuted``
with that point, or only ``consistent``.
"""
from __future__ import annotations

import sympy
from sympy.core.relational import Relational

from ...config import CheckConfig
from ...errors import UsageError
from ...model import Claim, Context
from ...verdict import Counterexample, Status, Verdict, proved, unknown
from .compare import config_rng, dynamics_claim
from .region import Region, region_of, show_point
from .rules import DYNAMICS
from .sign import decide_relation

_GREATER = (sympy.StrictGreaterThan, sympy.GreaterThan)
_STRICT = (sympy.StrictGreaterThan, sympy.StrictLessThan)


def oriented(relation: Relational) -> tuple:
    """(bigger side, smaller side, strict) for >, >=, <, <=."""
    if not isinstance(relation, (*_GREATER, sympy.StrictLessThan, sympy.LessThan)):
        raise UsageError(f"an inequality claim needs <, <=, > or >=, got {relation!r}")
    strict = isinstance(relation, _STRICT)
    if isinstance(relation, _GREATER):
        return relation.lhs, relation.rhs, strict
    return relation.rhs, relation.lhs, strict


def _counterexample(relation: Relational, point: dict) -> Counterexample:
    return Counterexample(show_point(point), str(relation.lhs.xreplace(point)), str(relation.rhs.xreplace(point)))


def _defined(value) -> bool:
    """A finite real number: zoo, nan and non-real values cannot be ordered."""
    return value.is_extended_real is True and value.is_finite is True


def _sampled(relation: Relational, region: Region, config: CheckConfig, why: str) -> Verdict:
    agreed = 0
    for point in region.points(config_rng(config), max(config.samples, 12)):
        sides = (relation.lhs.xreplace(point), relation.rhs.xreplace(point))
        if not all(_defined(side) for side in sides):
            return unknown(f"{why}; and at the point {dict(show_point(point))} of the region a side is "
                           f"not a finite real number: {sides[0]} vs {sides[1]}")
        outcome = relation.func(*sides)
        if outcome is sympy.false:
            return Verdict(Status.REFUTED, f"fails at a point of the region ({region.describe()})",
                           counterexample=_counterexample(relation, point), samples=agreed + 1)
        agreed += outcome is sympy.true
    if not agreed:
        return unknown(f"{why}; and no sampled point of the region decides it")
    return Verdict(Status.CONSISTENT, f"{why}; holds exactly at {agreed} rational points of the region",
                   samples=agreed)


@dynamics_claim("inequality")
def check_inequality(claim: Claim, context: Context, config: CheckConfig) -> Verdict:
    """subject a Relational (built with evaluate=False); assumptions relationals on its parameters."""
    relation = claim.subject
    if relation is sympy.true or relation is sympy.false:
        return unknown("the relation was evaluated when it was built; build it with evaluate=False")
    bigger, smaller, strict = oriented(relation)
    region = region_of((bigger, smaller), claim.assumptions)
    sign = decide_relation(bigger, smaller, strict, region)
    if sign.holds:
        return proved(f"{relation} for {region.describe()}: {sign.reason}", (DYNAMICS,))
    if sign.holds is False and sign.point is not None and region.contains(sign.point):
        return Verdict(Status.REFUTED, f"{relation} fails: {sign.reason}",
                       counterexample=_counterexample(relation, sign.point))
    return _sampled(relation, region, config, sign.reason)
