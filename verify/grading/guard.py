"""One student's item never stops a class: any failure while grading it sends it to a person.

A failure the package raises on purpose (``VerifyError``: unreadable maths, a limit) carries
a message written for people and is shown. Any other exception is a fault of the grader,
not of the student: the TA is told to mark the item by hand, never shown Python's text.
"""
from __future__ import annotations

import logging
import re

from ..errors import VerifyError
from .results import Deduction, ItemResult
from .rubric import Item

LOG = logging.getLogger("verify.grading")

INTERNAL = ("the grader could not handle this answer automatically; mark it by hand "
            "(the answer is quoted in the feedback file)")


_PYTHON_NAME = re.compile(r":?\s*\b[A-Z][A-Za-z]*(?:Error|Exception)\b:?.*", re.S)


def for_people(message: str) -> str:
    """A message with any Python exception's text cut off (some readers' messages quote it);
    only what is shown changes, nothing is decided on it."""
    head = message.split("\n")[0]
    return _PYTHON_NAME.sub("", head).rstrip(" :;,") or "it could not be read"


def review_reason(error: BaseException) -> str:
    """A reason a TA can act on: the package's own message, else a plain instruction."""
    if isinstance(error, VerifyError):
        return f"the answer could not be read: {for_people(str(error))}; mark it by hand"
    if isinstance(error, RecursionError):
        return "the answer nests too deeply to be read automatically; mark it by hand"
    if isinstance(error, MemoryError):
        return "the answer needs more memory than grading allows; mark it by hand"
    return INTERNAL


def failed_item(item: Item, error: BaseException, answer: str = "", line: int | None = None) -> ItemResult:
    """The item in ``review`` with the reason; the exception goes to the log for developers only."""
    if not isinstance(error, VerifyError):
        LOG.debug("grading item %s failed", item.id, exc_info=error)
    reason = review_reason(error)
    return ItemResult(item.id, item.title, item.kind, 0.0, item.points, "review", answer=answer, line=line,
                      deductions=(Deduction(item.points, reason),),
                      feedback=("Your answer could not be graded automatically; a person will mark it.",))
