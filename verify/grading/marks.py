"""Manual marks and overrides merged back into the results (``verify grade ... --marks FILE``).

Two shapes of CSV are read. *Long*: columns ``student``, ``item``, ``points`` (and an optional
``comment``), one mark per row. *Wide*: the gradebook CSV this package writes, edited by a
person: a filled cell of an item waiting in ``review``, or a cell changed from the grader's
points, is a mark. The ``(max points)`` row is ignored. A mark outside ``0..max`` or naming an
unknown student or item is an error with its row number, so no mark is silently lost.
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass, replace
from typing import Sequence

from ..errors import UsageError
from .results import Deduction, SubmissionResult
from .rubric import Rubric
from .writers import MAX_ROW


@dataclass(frozen=True)
class Mark:
    student: str
    item: str
    points: float
    comment: str = ""
    row: int = 0


def _number(text: str, row: int) -> float:
    try:
        return float(text)
    except ValueError:
        raise UsageError(f"marks row {row}: {text!r} is not a number of points") from None


def read_marks(text: str, rubric: Rubric, results: Sequence[SubmissionResult]) -> list[Mark]:
    """The marks in the CSV ``text`` (long or wide)."""
    rows = list(csv.DictReader(io.StringIO(text)))
    fields = set(rows[0]) if rows else set()
    if {"student", "item", "points"} <= fields:
        return [Mark(r["student"], r["item"], _number(r["points"], n), r.get("comment") or "", n)
                for n, r in enumerate(rows, 2) if (r.get("points") or "").strip()]
    if "student" not in fields:
        raise UsageError("the marks file needs a 'student' column (and 'item', 'points', or one column per item)")
    graded = {r.student: {i.id: i for i in r.items} for r in results}
    marks = []
    for n, row in enumerate(rows, 2):
        if row["student"] == MAX_ROW:
            continue
        for rubric_item in rubric.items:
            cell = (row.get(rubric_item.id) or "").strip()
            if not cell:
                continue
            item = graded.get(row["student"], {}).get(rubric_item.id)
            points = _number(cell, n)
            if item is None or item.status == "review" or abs(points - item.points) > 1e-9:
                marks.append(Mark(row["student"], rubric_item.id, points, "", n))
    return marks


def apply_marks(results: Sequence[SubmissionResult], marks: Sequence[Mark]) -> list[SubmissionResult]:
    """The results with each mark in place (status ``graded``, ``marked`` set); totals follow."""
    by_student = {r.student: r for r in results}
    changed: dict[str, dict[str, Mark]] = {}
    for mark in marks:
        result = by_student.get(mark.student)
        if result is None:
            raise UsageError(f"marks row {mark.row}: no submission of student {mark.student!r}")
        item = next((i for i in result.items if i.id == mark.item), None)
        if item is None:
            raise UsageError(f"marks row {mark.row}: no item {mark.item!r} (or the submission was unreadable)")
        if not 0 <= mark.points <= item.max_points:
            raise UsageError(f"marks row {mark.row}: {mark.points:g} points is outside 0..{item.max_points:g} "
                             f"for {mark.item!r}")
        changed.setdefault(mark.student, {})[mark.item] = mark
    out = []
    for result in results:
        marked = changed.get(result.student, {})
        items = tuple(_marked(i, marked[i.id]) if i.id in marked else i for i in result.items)
        out.append(replace(result, items=items))
    return out


def _marked(item, mark: Mark):
    lost = item.max_points - mark.points
    deductions = (Deduction(lost, mark.comment or "marked by course staff"),) if lost else ()
    feedback = ((mark.comment,) if mark.comment else ()) + (item.feedback if item.status != "review" else ())
    return replace(item, points=mark.points, status="graded", marked=True, deductions=deductions, feedback=feedback)
