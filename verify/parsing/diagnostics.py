"""Errors a person can act on: line, column, a caret under the spot, a readable label."""
from __future__ import annotations

from ..errors import LimitExceeded, ParseError


def caret_context(text: str, pos: int, width: int = 72) -> str:
    """The line of ``text`` holding ``pos`` (clipped to ``width`` around it) and a caret under ``pos``."""
    pos = max(0, min(pos, len(text)))
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    end = len(text) if end < 0 else end
    left = max(start, pos - width // 2)
    shown = text[left:min(end, left + width)].replace("\t", " ")
    return f"  {shown}\n  {' ' * (pos - left)}^"


def line_column(text: str, pos: int, origin: tuple[int, int] = (1, 1)) -> tuple[int, int]:
    """1-based line and column of ``pos``; ``origin`` is where ``text`` starts in its document."""
    line = text.count("\n", 0, pos)
    if line == 0:
        return origin[0], origin[1] + pos
    return origin[0] + line, pos - text.rfind("\n", 0, pos)


def parse_error(label: str, text: str, pos: int, origin: tuple[int, int] = (1, 1)) -> ParseError:
    line, column = line_column(text, pos, origin)
    return ParseError(label, line, column, caret_context(text, pos))


def limit_error(limit: str, detail: str, text: str, pos: int, origin: tuple[int, int] = (1, 1)) -> LimitExceeded:
    """A refusal naming the limit (``Limits`` field) and what broke it."""
    line, column = line_column(text, pos, origin)
    return LimitExceeded(f"limit {limit} exceeded: {detail}", line, column, caret_context(text, pos))
