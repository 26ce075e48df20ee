"""What a chain of relations establishes between its first and last expression.

``a < b <= c = d`` gives ``a < d``: one strict link makes the whole strict; links that point
both ways (``a < b > c``) relate nothing; ``~=`` relates nothing exactly. The engine checks
each link; this is the composition a report or a grader states for the chain as a whole.
"""
from __future__ import annotations

from typing import Iterable

from ...model import Relation


def composed(relations: Iterable[Relation]) -> Relation | None:
    """The relation between a chain's ends, or None when its links do not compose."""
    relations = list(relations)
    if not relations or Relation.APPROX in relations:
        return None
    directions = {r.direction for r in relations} - {0}
    if len(directions) > 1:
        return None
    if not directions:
        return Relation.EQ
    strict = any(r.strict for r in relations)
    if directions == {1}:
        return Relation.GT if strict else Relation.GE
    return Relation.LT if strict else Relation.LE
