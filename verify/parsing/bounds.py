"""The order relations a document states as premises (``0 < \\theta < 1``, ``n < d``, ``\\eta \\in (0, 2)``).

The sign assumptions on symbols (``premises.stated_bounds``) keep only what a SymPy
assumption can hold (positive, nonnegative); an upper bound or a relation between two
names would be lost. These relations go to ``Context.relations``, where deciders and the
numeric tier read them as premises, so a step true only inside the stated range is never
refuted by a point outside it.
"""
from __future__ import annotations

import re

import sympy
from sympy import Expr

from ..errors import ParseError
from .expressions import parse_latex_expr

_ORDER = {"<": sympy.StrictLessThan, "<=": sympy.LessThan, ">": sympy.StrictGreaterThan, ">=": sympy.GreaterThan}
_INTERVAL = re.compile(r"\$\s*([^$\n]+?)\s*\\in\s*(?:\\left\s*)?([(\[])\s*([^,$\n]+?)\s*,\s*([^$\n]+?)\s*"
                       r"(?:\\right\s*)?([)\]])\s*\$")


def chained(statement) -> list[Expr]:
    """``a < b \\le c`` -> [a < b, b <= c]: each link of an order chain as a SymPy relational."""
    return [_ORDER[relation](left, right, evaluate=False)
            for left, relation, right in zip(statement.exprs, statement.relations, statement.exprs[1:])]


def in_intervals(text: str, premise_at) -> list[Expr]:
    """``$x \\in (a, b)$`` / ``[a, b]`` in prose the document introduces as a premise: both bounds,
    strict for a round bracket; ``\\infty`` as a bound states nothing."""
    found = []
    for match in _INTERVAL.finditer(text):
        if not premise_at(match.start()):
            continue
        try:
            name, low, high = (parse_latex_expr(match.group(g)) for g in (1, 3, 4))
        except ParseError:
            continue
        if low.is_finite is not False:
            found.append((sympy.StrictLessThan if match.group(2) == "(" else sympy.LessThan)(low, name, evaluate=False))
        if high.is_finite is not False:
            found.append((sympy.StrictLessThan if match.group(5) == ")" else sympy.LessThan)(name, high, evaluate=False))
    return found
