"""Equation labels around a formula: ``(3) \\quad``, ``c3 \\quad``, ``\\tag{3}``, ``\\label{..}``, a final full stop.

One place for both readers: the document reader cuts them off each row, ``parse``
blanks them out of a single LaTeX formula (same length, so error columns still
point into the original text). Without this, ``c3 \\quad L(q)`` reads as ``3 c L(q)``.
A bare ``(3) `` with no ``\\quad`` is a label only at the start of a document row
(in a lone formula ``(2) x`` is 2x), and never before an operator (``(1) + x``).
"""
from __future__ import annotations

import re

_QUAD = r"^\s*(?:\\tag\{[^{}]*\}|\([A-Za-z0-9]{1,4}\)|[A-Za-z]?\d{1,3}[a-z]?\)?)\s*\\q?quad\s*"
_BARE = r"^\s*\(\d{1,3}[a-z]?\)\s+(?![-+*/^_!.])"
_LEADING = {True: re.compile(f"{_QUAD}|{_BARE}"), False: re.compile(_QUAD)}
_TRAILING = re.compile(r"(\\q?quad\s*\(\d{1,3}[a-z]?\)|\\tag\{[^{}]*\}|\\label\{[^{}]*\}|\\nonumber|\\notag"
                       r"|[.,;]\s*(?:\\q?quad\s*|\\[,;!]\s*)*)\s*$")  # ``x = 1. \quad``: a full stop, then spacing


def label_length(row: str, bare: bool = True) -> int:
    """How many characters of ``row`` come before its formula: the label and the blanks."""
    found = _LEADING[bare].match(row)
    return found.end() if found else len(row) - len(row.lstrip())


def without_labels(row: str, bare: bool = True) -> str:
    """``row`` from its formula's first character, with a trailing tag, label or full stop cut off."""
    return _TRAILING.sub("", row[label_length(row, bare):])


def blank_labels(text: str) -> str:
    """A lone formula with its unambiguous labels replaced by spaces: same length, positions kept."""
    lead = label_length(text, bare=False)
    kept = without_labels(text, bare=False)
    return " " * lead + kept + " " * (len(text) - lead - len(kept))
