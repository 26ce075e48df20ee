r"""Displays that relate two relations: ``a \Rightarrow b``, ``a \implies b``, ``a \iff b``, ``a \Leftrightarrow b``.

Such a display is a claim of kind ``implication`` (``Implies(a, b)`` or ``Equivalent(a, b)``), which the
dynamics theory decides under the document's premises. Each side must be one relation (``x + 1 = 3``,
``x > 1``); anything else (a chain ``0 < x < 1``, a second arrow, a side that is no relation) is refused
with the reason, never read as something else. The reverse arrows (``\Leftarrow``, ``\impliedby``) are
refused too: which side is the premise would otherwise be a guess.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import sympy
from sympy import Expr

from ..errors import ParseError
from .diagnostics import parse_error

_FORWARD = ("Rightarrow", "implies", "Longrightarrow")
_BOTH = ("iff", "Leftrightarrow", "Longleftrightarrow")
_BACKWARD = ("Leftarrow", "impliedby", "Longleftarrow")
_ARROW = re.compile(r"\\(" + "|".join(_FORWARD + _BOTH + _BACKWARD) + r")(?![A-Za-z])")
_RELATIONAL = {"=": sympy.Eq, "!=": sympy.Ne, "<": sympy.Lt, "<=": sympy.Le, ">": sympy.Gt, ">=": sympy.Ge}


@dataclass(frozen=True)
class Arrow:
    """The display split at its arrow: the two sides as written and whether it is an equivalence."""

    left: str
    right: str
    both: bool
    at: int  # where the arrow is written
    right_at: int  # where the right side starts


def arrow(text: str) -> Arrow | None:
    """The one arrow at the top level of ``text`` (outside braces and brackets); None when there is none.
    Raises ParseError for a reverse arrow or more than one."""
    found = [m for m in _ARROW.finditer(text) if _depth(text, m.start()) == 0]
    if not found:
        return None
    if len(found) > 1:
        raise parse_error("more than one arrow between relations: write each implication in its own display",
                          text, found[1].start())
    match = found[0]
    if match.group(1) in _BACKWARD:
        raise parse_error(f"\\{match.group(1)}: write the implication forwards (premise \\Rightarrow conclusion)",
                          text, match.start())
    return Arrow(text[:match.start()], text[match.end():], match.group(1) in _BOTH, match.start(), match.end())


def _depth(text: str, end: int) -> int:
    depth = 0
    for char in text[:end]:
        depth += {"{": 1, "(": 1, "[": 1, "}": -1, ")": -1, "]": -1}.get(char, 0)
    return depth


def relation(statement, text: str, at: int) -> Expr:
    """The side's one relation as an unevaluated SymPy relational; ParseError when the side is none."""
    if statement.lead or len(statement.relations) != 1 or statement.relations[0] not in _RELATIONAL:
        raise parse_error("each side of an implication must be one relation (=, \\ne, <, \\le, >, \\ge)", text, at)
    left, right = statement.exprs
    if getattr(left, "is_Matrix", False) or getattr(right, "is_Matrix", False):
        raise parse_error("an implication between matrix relations is not read", text, at)
    return _RELATIONAL[statement.relations[0]](left, right, evaluate=False)


def claim_subject(first: Expr, second: Expr, both: bool) -> Expr:
    return sympy.Equivalent(first, second, evaluate=False) if both else sympy.Implies(first, second, evaluate=False)


__all__ = ["Arrow", "arrow", "relation", "claim_subject", "ParseError"]
