"""The order relations a document states as premises (``0 < \\theta < 1``, ``n < d``, ``\\eta \\in (0, 2)``).

The sign assumptions on symbols (``premises.stated_bounds``) keep only what a SymPy
assumption can hold (positive, nonnegative); an upper bound or a relation between two
names would be lost. These relations go to ``Context.relations``, where deciders and the
numeric tier read them as premises, so a step true only inside the stated range is never
refuted by a point outside it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import sympy
from sympy import Expr

from ..errors import ParseError
from .expressions import parse_latex_expr

def _apart(left: Expr, right: Expr, evaluate: bool = False) -> Expr:
    """``\\eta \\ne 0``, "if $i \\neq k$": as ``(left - right)^2 > 0``, an order the numeric tier's draws are
    filtered by (it evaluates orders, not ``Ne``; a draw with i = k would refute a step true for i != k)."""
    return sympy.StrictGreaterThan((left - right) ** 2, 0, evaluate=evaluate)


_ORDER = {"<": sympy.StrictLessThan, "<=": sympy.LessThan, ">": sympy.StrictGreaterThan, ">=": sympy.GreaterThan,
          "!=": _apart, ">>": sympy.StrictGreaterThan, "<<": sympy.StrictLessThan}  # n \\gg k: at least n > k
_INTERVAL = re.compile(r"\$\s*([^$\n]+?)\s*\\in\s*(?:\\left\s*)?([(\[])\s*([^,$\n]+?)\s*,\s*([^$\n]+?)\s*"
                       r"(?:\\right\s*)?([)\]])\s*\$")


def chained(statement) -> list[Expr]:
    """``a < b \\le c`` -> [a < b, b <= c]: each link of an order chain as a SymPy relational (``\\ne``
    as ``_apart``)."""
    return [_ORDER[relation](left, right, evaluate=False)
            for left, relation, right in zip(statement.exprs, statement.relations, statement.exprs[1:])]


@dataclass(frozen=True)
class Interval:
    """``$x \\in (a, b]$`` as the prose states it: the names (``x, y \\in ...`` gives two), the bounds,
    whether each end is open, and where the formula starts in the document."""

    names: tuple[Expr, ...]
    low: Expr
    high: Expr
    open_low: bool
    open_high: bool
    offset: int
    written: str  # the formula's left side as written

    def relations(self) -> list[Expr]:
        """Both bounds as relations (strict at an open end); an infinite bound states nothing."""
        found = []
        for name in self.names:
            if self.low.is_finite is not False:
                found.append((sympy.StrictLessThan if self.open_low else sympy.LessThan)(self.low, name, evaluate=False))
            if self.high.is_finite is not False:
                found.append((sympy.StrictLessThan if self.open_high else sympy.LessThan)(name, self.high,
                                                                                          evaluate=False))
        return found


def intervals(text: str, premise_at) -> list[Interval]:
    """Every ``$x \\in (a, b)$`` / ``[a, b]`` / ``(a, b]`` in prose the document introduces as a premise
    (``premise_at(offset)``): "hence $\\eta \\in (0, 1)$" is a claim and states nothing here. The one
    reader of intervals: the relations (``in_intervals``) and the signs (``interval_signs``) come from it."""
    found = []
    for match in _INTERVAL.finditer(text):
        if not premise_at(match.start()):
            continue
        try:
            names = tuple(parse_latex_expr(part) for part in listed_names(match.group(1)))
            low, high = (parse_latex_expr(match.group(g)) for g in (3, 4))
        except ParseError:
            continue
        if not names or not all(isinstance(n, (sympy.Symbol, sympy.Indexed)) for n in names):
            continue
        found.append(Interval(names, low, high, match.group(2) == "(", match.group(5) == ")", match.start(),
                              match.group(1).strip()))
    return found


def listed_names(written: str) -> list[str]:
    """``\\alpha, \\beta`` -> the two names; a comma inside braces (``x_{i,j}``) splits nothing."""
    parts, depth, start = [], 0, 0
    for i, char in enumerate(written):
        depth += {"{": 1, "}": -1}.get(char, 0)
        if char == "," and depth == 0:
            parts.append(written[start:i])
            start = i + 1
    parts.append(written[start:])
    return [part.strip() for part in parts if part.strip()]


def in_intervals(text: str, premise_at) -> list[Expr]:
    """``$x \\in (a, b)$`` / ``[a, b]`` in prose the document introduces as a premise: both bounds,
    strict for a round bracket; ``\\infty`` as a bound states nothing."""
    return [relation for interval in intervals(text, premise_at) for relation in interval.relations()]


def interval_signs(text: str, premise_at) -> dict[str, tuple[str, str]]:
    """name -> (``"positive"`` or ``"nonnegative"``, why), for the stated intervals whose lower bound
    makes the name's sign certain: open at a bound >= 0, or closed at a bound > 0, is positive; closed
    at 0 is nonnegative. ``(-1, 1)`` says nothing of the sign."""
    found: dict[str, tuple[str, str]] = {}
    for interval in intervals(text, premise_at):
        low = interval.low
        if low.is_nonnegative is not True:
            continue
        positive = low.is_positive is True or interval.open_low
        side = "open" if interval.open_low else "closed"
        kind, why = ("positive", f"stated: {interval.written} in an interval {side} at {low}") if positive else (
            "nonnegative", f"stated: {interval.written} in an interval closed at 0")
        for name in interval.names:
            found.setdefault(str(name), (kind, why))
    return found
