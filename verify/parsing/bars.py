r"""An evaluation bar written without ``\left.``: ``f(x) \Big|_{x=0}``, ``\frac{\partial f}{\partial x}\bigg|_{x=a}``.

A bar with no partner, directly followed by ``_{x = ...}`` (or ``^{b}_{x = a}``), evaluates what stands
before it: everything back to the start of its side (the relation, comma or opening bracket before it),
as ``\left. ... \right|_{x=0}`` would with ``\left.`` there. The tokens are rewritten to that form
(LEVAL ... REVAL), so the grammar reads both spellings as one. A bar that could close an absolute value
(an odd number of plain bars before it on its side) is left as it was.
"""
from __future__ import annotations

from lark import Token

from .lexicon import RELATION_TOKENS
from .tokens import CLOSERS, OPENERS, script_unit_end

_SIDE_BREAKS = frozenset(RELATION_TOKENS) | {"COMMA", "SEMI", "AMP", "ROWSEP"}


def _names_a_point(tokens: list, i: int) -> bool:
    """``_{x = ...}`` starts at ``i`` (after an optional ``^{b}``, which TeX lets come first)."""
    if i < len(tokens) and tokens[i].type == "CARET":
        i = script_unit_end(tokens, i + 1)
    kinds = [t.type for t in tokens[i:i + 4]]
    return kinds == ["UNDERSCORE", "LBRACE", "NAME", "EQ"]


def _side_start(tokens: list, bar: int) -> int | None:
    """The index where the bar's side begins; None when a plain bar before it may be its partner."""
    depth, bars = 0, 0
    for j in range(bar - 1, -1, -1):
        kind = tokens[j].type
        if kind in CLOSERS:
            depth += 1
        elif kind in OPENERS:
            if depth == 0:
                return j + 1 if bars % 2 == 0 else None
            depth -= 1
        elif depth == 0 and kind in _SIDE_BREAKS:
            return j + 1 if bars % 2 == 0 else None
        elif depth == 0 and kind == "PIPE":
            bars += 1
    return 0 if bars % 2 == 0 else None


def trailing_bars(tokens: list) -> list:
    """``f \\Big|_{x=0}`` -> ``\\left. f \\right|_{x=0}`` as tokens; every other bar as it was."""
    out = list(tokens)
    i = 0
    while i < len(out):
        token = out[i]
        if token.type == "PIPE" and str(token.value) != "\\mid" and _names_a_point(out, i + 1):
            start = _side_start(out, i)
            if start is not None and start < i:
                out[i] = Token("REVAL", token.value, start_pos=token.start_pos)
                out.insert(start, Token("LEVAL", "", start_pos=out[start].start_pos))
                i += 1
        i += 1
    return out
