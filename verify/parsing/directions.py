"""Limit directions a document states: O(...) is decided only as the sizes grow.

"As $\\eta \\to 0$", "for small $x$" say an O-term is about a small quantity. The asymptotics
theory decides O(...) with every name a size that grows, so an O-statement about such a name is
*refused* (read as a formula that cannot be checked, with the reason) rather than decided in the
wrong direction. "For fixed $d$", "$d$ held fixed" say a name is no size but a constant
(``fixed_names``): the theory decides O(...) with it as a fixed positive number.
"""
from __future__ import annotations

import re

from ..errors import ParseError

_INLINE = r"\$([^$\n]+?)\$"
_SMALL = (re.compile(r"\$([^$\n]+?)\\to\s*0\s*(?:\^\s*\{?\+\}?)?\s*\$"),  # $\eta \to 0$
          re.compile(r"\bsmall\s+" + _INLINE, re.I),  # for small $x$
          re.compile(_INLINE + r"\s+(?:is\s+|are\s+)?(?:small|close to (?:0|zero))\b", re.I))
_FIXED = (re.compile(r"\b(?:fixed|constant)\s+" + _INLINE, re.I),  # for fixed $d$
          re.compile(_INLINE + r"\s+(?:is\s+|are\s+)?(?:held\s+|kept\s+)?(?:fixed|constant)\b", re.I))


def _names(inline: str) -> set[str]:
    from .expressions import parse_latex_expr

    names = set()
    for part in inline.split(","):
        try:
            names |= {s.name for s in parse_latex_expr(part.strip()).free_symbols}
        except (ParseError, ValueError):
            continue
    return names


def stated(text: str) -> dict[str, str]:
    """name -> what the document says about its limit ("tends to 0 or is small")."""
    return {name: "tends to 0 or is small" for name in _matched(text, _SMALL)}


def fixed_names(text: str) -> set[str]:
    """The names the document holds fixed ("for fixed $d$", "$d$ held fixed", "$k$ is constant")."""
    return set(_matched(text, _FIXED))


def _matched(text: str, patterns) -> list[str]:
    return [name for pattern in patterns for match in pattern.finditer(text) for name in sorted(_names(match.group(1)))]


def refusal(statement, directions: dict[str, str]) -> str | None:
    """Why an O-statement cannot be decided as written (it is about a name with a stated limit), or None."""
    from ..vocabulary.asymptotics import _Asymptotic

    if not any(expr.has(_Asymptotic) for expr in statement.exprs):
        return None
    names = sorted({s.name for expr in statement.exprs for s in expr.free_symbols if s.name in directions})
    if not names:
        return None
    said = "; ".join(f"{n} {directions[n]}" for n in names)
    return f"refused: the document says {said}, and O/Theta/Omega are decided only as every size grows"
