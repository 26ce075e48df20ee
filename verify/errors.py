"""One error root with a few children, so callers can catch what they can act on."""
from __future__ import annotations

import difflib


class VerifyError(Exception):
    """Root of every error this package raises on purpose."""


class UsageError(VerifyError):
    """A caller asked for something that does not exist (an unknown name, a bad option)."""


class UnreadableInput(VerifyError):
    """A file that cannot be read at all: too large, not UTF-8, empty."""


class ParseError(VerifyError):
    """Text could not be read; carries the position so a person can find the spot."""

    def __init__(self, message: str, line: int = 0, column: int = 0, context: str = ""):
        self.message = message
        self.line = line
        self.column = column
        self.context = context
        where = f"line {line}, column {column}: " if line else ""
        super().__init__(f"{where}{message}" + (f"\n{context}" if context else ""))


class LimitExceeded(ParseError):
    """Input broke one of the safety limits (size, nesting, number or exponent size)."""


def unknown_name(kind: str, name: str, known: list[str]) -> UsageError:
    """An error that shows the bad value, a near miss if any, and the valid choices."""
    near = difflib.get_close_matches(name, known, n=1)
    hint = f" Did you mean {near[0]!r}?" if near else ""
    return UsageError(f"unknown {kind} {name!r}.{hint} Known: {', '.join(known)}")
