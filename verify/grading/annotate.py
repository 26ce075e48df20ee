"""Annotated feedback documents: one LaTeX document (and PDF) per graded submission.

Each rubric item becomes a section with its points; a derivation shows the student's
chain as read with every step marked, and the exporter explains the first wrong step
(its residual and counterexample); deductions and feedback sentences follow as comments.
The exporter escapes every string, so text from a submission cannot run TeX code.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Sequence

from ..export import FeedbackItem, TexError, compile_pdf, feedback_document, marked_chain
from .files import distinct_stems, write_atomic
from .results import ItemResult, SubmissionResult
from .rubric import Rubric

_UNSAFE_NAME = re.compile(r"[^A-Za-z0-9_.-]+")


def _points(value: float) -> str:
    return f"{value:g}"


def feedback_item(item: ItemResult) -> FeedbackItem:
    """One item: points (None when a person still has to mark it), chain, comments, unread answer."""
    chains = (marked_chain(item.detail.chain, item.detail.verdicts),) if item.detail is not None else ()
    comments = (f"Status: {item.status}" + (f" ({item.mistake})." if item.mistake else "."),)
    comments += tuple(f"-{_points(d.points)}: {d.reason}" for d in item.deductions) + item.feedback + item.solution
    unread = tuple(item.answer.splitlines()) if item.status == "review" and not chains and item.kind != "manual" else ()
    points = None if item.status == "review" and item.kind == "manual" else item.points
    return FeedbackItem(f"{item.id}: {item.title}", chains, points, item.max_points, comments, unread)


def feedback_tex(result: SubmissionResult, rubric: Rubric) -> str:
    """The annotated feedback document of one submission."""
    items: Sequence[FeedbackItem] = [feedback_item(i) for i in result.items]
    if result.error:
        items = [FeedbackItem("The submission could not be graded", comments=(result.error,))]
    return feedback_document(f"Feedback: {result.student}", items, subtitle=rubric.title)


def file_stem(student: str) -> str:
    """A file name from a student's name (which came from a file name: never trusted)."""
    return _UNSAFE_NAME.sub("_", student).strip("._") or "submission"


def write_feedback(results: Sequence[SubmissionResult], rubric: Rubric, folder: Path, pdf: bool = False) -> dict:
    """``folder/<student>.tex`` for every result (and ``.pdf`` when asked); ``{student: error}`` of failed PDFs.

    Raises TexMissing (the .tex files are written first) when no TeX system is installed.
    """
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    stems = distinct_stems([r.student for r in results], file_stem)
    for result in results:
        path = folder / f"{stems[result.student]}.tex"
        write_atomic(path, feedback_tex(result, rubric))
        written.append((result.student, path))
    failed = {}
    for student, path in written if pdf else ():
        try:
            compile_pdf(path.read_text(encoding="utf-8"), path.with_suffix(".pdf"))
        except TexError as error:
            failed[student] = str(error)
    return failed
