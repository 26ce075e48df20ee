"""Find an item's answer in a submission: by label, by key words, or by a fenced block's id.

Submissions are Markdown with LaTeX as OCR tools write them, so labels come in many
shapes: ``(2a)``, ``2a)``, ``Q3``, ``<6>``, ``**3.**``. Struck-out text (``~~x~~``,
``<del>x</del>``) is never an answer. A missing answer is reported with the reason.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .displays import as_dollars
from .labels import label_region, leading_label, normal_label  # noqa: F401 - re-exported
from .rubric import Locator

_STRUCK = re.compile(r"~~.*?~~|<del>.*?</del>|\\sout\{[^{}]*\}", re.S)
_MATH = re.compile(r"\$\$(.+?)\$\$|\$(.+?)\$", re.S)
_FENCE = re.compile(r"^```\s*\{?\s*#?([\w.-]+)\}?[^\n]*\n(.*?)^```", re.S | re.M)


@dataclass(frozen=True)
class Located:
    """What was found: the excerpt, its math segments and the prose before each one."""

    excerpt: str
    maths: tuple[str, ...]
    notes: tuple[str, ...]
    line: int  # 1-based line of the excerpt's start


@dataclass(frozen=True)
class NotFound:
    reason: str


def clean(text: str) -> str:
    """Remove struck-out text, keeping line breaks so line numbers stay right."""
    return _STRUCK.sub(lambda m: "\n" * m.group(0).count("\n"), text)


def _find_line(lines: list[str], first: int, last: int, words: tuple[str, ...], starts: bool) -> int | None:
    lowered = tuple(w.lower() for w in words)
    for index in range(first, last):
        text = lines[index].lower().lstrip(" \t#*>-")
        if starts and not text.startswith(lowered[0]):
            continue
        if all(word in text for word in lowered):
            return index
    return None


def region(lines: list[str], locator: Locator) -> tuple[int, int] | NotFound:
    """The lines ``[first, last)`` where the answer is, narrowed by label, section, line, until."""
    first, last = 0, len(lines)
    if locator.label:
        found = label_region(lines, locator.label)
        if found is None:
            return NotFound(f"no part labelled {locator.label!r}")
        first, last = found
    for words, starts, what in ((locator.section, False, "section"), (locator.line, locator.starts, "line")):
        if words:
            index = _find_line(lines, first, last, words, starts)
            if index is None:
                return NotFound(f"no {what} mentioning {' + '.join(repr(w) for w in words)}")
            first, last = index, min(last, index + locator.within)
    if locator.until:
        end = _find_line(lines, first + 1, last, locator.until, False)
        last = end if end is not None else last
    return first, last


def _segments(excerpt: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    maths, notes, previous = [], [], 0
    for match in _MATH.finditer(excerpt):
        maths.append((match.group(1) or match.group(2)).strip())
        notes.append(" ".join(excerpt[previous:match.start()].split()))
        previous = match.end()
    return tuple(maths), tuple(notes)


@functools.lru_cache(maxsize=4)
def _cleaned(text: str) -> tuple[str, list[str]]:
    """The text without struck-out parts, and its lines: once per submission, not per item."""
    text = as_dollars(clean(text))
    return text, text.splitlines()


def locate(text: str, locator: Locator) -> Located | NotFound:
    """Find the answer ``locator`` describes in ``text``."""
    text, lines = _cleaned(text)
    if locator.block:
        return _fenced(text, locator.block)
    span = region(lines, locator)
    if isinstance(span, NotFound):
        return span
    first, last = span
    if locator.mode == "math":
        last = _first_math_end(lines, first, last)
    excerpt = "\n".join(lines[first:last])
    maths, notes = _segments(excerpt)
    if locator.mode in ("math", "chain") and not maths:
        return NotFound("the answer's place was found but holds no mathematics")
    return Located(excerpt, maths, notes, first + 1)


def _first_math_end(lines: list[str], first: int, last: int) -> int:
    """A ``math`` answer ends with the first complete math segment from ``first`` (``$$`` may span lines)."""
    seen = ""
    for index in range(first, last):
        seen += lines[index] + "\n"
        if _MATH.search(seen) and seen.count("$$") % 2 == 0:
            return index + 1
    return last


def _fenced(text: str, block: str) -> Located | NotFound:
    for match in _FENCE.finditer(text):
        if match.group(1) == block:
            body = match.group(2)
            maths, notes = _segments(body)
            if not maths:
                maths, notes = tuple(s.strip() for s in body.splitlines() if s.strip()), ()
            return Located(body, maths, notes, text[:match.start()].count("\n") + 1)
    return NotFound(f"no fenced block with id {block!r}")
