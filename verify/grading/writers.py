"""Gradebook outputs: a terminal summary, JSON (everything), CSV (one row per student), Gradescope.

Gradescope's autograder reads ``results.json``: a top-level ``score``, ``tests`` each with
``name``, ``score``, ``max_score``, ``output`` and ``visibility``, and optional
``execution_time`` and ``stdout_visibility``.
"""
from __future__ import annotations

import csv
import io
import json
from dataclasses import fields, is_dataclass
from enum import Enum
from typing import Sequence

from ..report import authored_plain
from ..rules import Rule
from .results import ItemResult, SubmissionResult
from .rubric import Rubric

VISIBILITIES = ("hidden", "after_due_date", "after_published", "visible")


def _points(value: float) -> str:
    return f"{value:g}"


def item_lines(item: ItemResult) -> list[str]:
    head = f"  {item.id:<28} {_points(item.points):>5} / {_points(item.max_points):<4} {item.status:<10}"
    lines = [head + (f" {item.mistake}" if item.mistake else "")]
    for step in item.steps:
        mark = "" if step.status.holds else "  <--"
        where = f" (line {step.line}: {step.written})" if step.line and not step.status.holds else ""
        lines.append(f"      step {step.index}: {step.label}{mark}" + (f" ({step.mistake})" if step.mistake else "")
                     + where)
    lines.extend(f"      - {_points(d.points)}: {authored_plain(d.reason)}" for d in item.deductions)
    lines.extend(f"      > {authored_plain(sentence)}" for sentence in item.feedback)
    lines.extend(f"      = {authored_plain(sentence)}" for sentence in item.solution)
    return lines


def terminal(results: Sequence[SubmissionResult], rubric: Rubric, detail: bool = True) -> str:
    lines = []
    for result in results:
        if result.error:
            lines.append(f"{result.student}: ERROR {result.error}")
            continue
        lines.append(f"{result.student}: {_points(result.score)} / {_points(result.max_score)}  ({rubric.title})")
        if detail:
            for item in result.items:
                lines.extend(item_lines(item))
    if len(results) > 1:
        graded = [r for r in results if not r.error]
        mean = sum(r.score for r in graded) / max(1, len(graded))
        lines.append(f"{len(results)} submissions, {len(results) - len(graded)} errors, mean {mean:.2f} / "
                     f"{_points(rubric.total)}")
    return "\n".join(lines)


def to_json(results: Sequence[SubmissionResult], rubric: Rubric) -> str:
    return json.dumps({
        "rubric": {"name": rubric.name, "title": rubric.title, "total": rubric.total,
                   "items": [{"id": i.id, "title": i.title, "kind": i.kind, "points": i.points} for i in rubric.items]},
        "submissions": [_plain(r) for r in results],
    }, indent=2)


def _plain(result: SubmissionResult) -> dict:
    """Everything but the objects kept for annotated feedback (``ItemResult.detail``)."""
    items = [{f.name: _value(getattr(i, f.name)) for f in fields(i) if f.name != "detail"} for i in result.items]
    return {"student": result.student, "path": result.path, "items": items, "error": result.error,
            "failure": result.failure.value if result.failure else None, "seconds": result.seconds, "extra": result.extra, "score": result.score, "max_score": result.max_score}


def _value(value):
    """Plain JSON data: enums by their value, rules by their name, dataclasses field by field."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Rule):
        return value.name
    if isinstance(value, tuple):
        return [_value(v) for v in value]
    if is_dataclass(value):
        return {f.name: _value(getattr(value, f.name)) for f in fields(value)}
    return value


MAX_ROW = "(max points)"
STATUSES = ("graded", "review", "not found", "error")


def csv_columns(rubric: Rubric) -> list[str]:
    """Stable columns: the student, points and status of each item in rubric order, then the totals."""
    items = [c for i in rubric.items for c in (i.id, f"{i.id} status")]
    return ["student", "name", "sid", *items, "total", "pending", "max", "error"]


def _cells(result: SubmissionResult, rubric: Rubric) -> dict:
    found = {item.id: item for item in result.items}
    people = result.extra.get("submitters", [])
    row = {"student": result.student, "error": result.error or "",
           "name": "; ".join(p["name"] for p in people), "sid": "; ".join(p["id"] for p in people)}
    for rubric_item in rubric.items:
        item = found.get(rubric_item.id)
        if result.error or item is None:
            row[rubric_item.id], row[f"{rubric_item.id} status"] = "", "error"
            continue
        waiting = item.status == "review" and not item.marked
        row[rubric_item.id] = "" if waiting else _points(item.points)  # blank: a person still marks it
        row[f"{rubric_item.id} status"] = item.status
    pending = sum(i.max_points for i in result.items if i.status == "review" and not i.marked)
    row["total"] = _points(result.score) if not result.error else ""
    row["pending"] = _points(rubric.total if result.error else pending)
    row["max"] = _points(rubric.total)
    return row


def to_csv(results: Sequence[SubmissionResult], rubric: Rubric) -> str:
    """One row per student after a row of maximum points; an item waiting for a person has a blank
    cell and the status ``review``; ``total`` is what is given, ``pending`` what is still to mark."""
    out = io.StringIO()
    columns = csv_columns(rubric)
    writer = csv.DictWriter(out, columns, lineterminator="\n")
    writer.writeheader()
    maximum = {"student": MAX_ROW, **{i.id: _points(i.points) for i in rubric.items},
               "total": _points(rubric.total), "pending": "", "max": _points(rubric.total), "error": ""}
    writer.writerow({c: maximum.get(c, "") for c in columns})  # name, sid: empty
    for result in results:
        writer.writerow(_cells(result, rubric))
    return out.getvalue()


STUDENT_STATUS = {"graded": "Marked automatically.", "not found": "No answer was found for this question.",
                  "review": "Course staff will mark this answer.", "error": "This submission could not be read."}


def _output(item: ItemResult, hide_solutions: bool = False) -> str:
    """What a student reads: where they stand and what to do, in plain words (no internal terms)."""
    if item.marked:
        lines = ["Marked by course staff."]
    else:
        lines = [STUDENT_STATUS.get(item.status, "")]
    lines.extend(map(authored_plain, item.feedback))  # sentences keep their maths in $...$: plain for students
    if not hide_solutions:
        lines.extend(map(authored_plain, item.solution))
    return "\n".join(line for line in lines if line)


def _test_status(item: ItemResult) -> str | None:
    """Gradescope's per-test ``status``: passed with full points, failed below; none while pending."""
    if item.status == "review" and not item.marked:
        return None
    return "passed" if item.points >= item.max_points else "failed"


def gradescope(result: SubmissionResult, visibility: str = "visible", stdout_visibility: str = "hidden",
               hide_solutions: bool = False) -> dict:
    """Gradescope's ``results.json`` for one submission.

    ``visibility`` of the results and each test and ``stdout_visibility`` take Gradescope's values
    (``hidden``, ``after_due_date``, ``after_published``, ``visible``); ``hide_solutions`` keeps the
    model answers (the rubric's expected answers and review notes) out of what students see.
    """
    for value in (visibility, stdout_visibility):
        if value not in VISIBILITIES:
            raise ValueError(f"visibility must be one of {', '.join(VISIBILITIES)}, not {value!r}")
    if result.error:
        return {"score": 0.0, "output": f"Your submission could not be graded automatically: {result.error}. "
                                        "Course staff will look at it.", "tests": [],
                "visibility": visibility, "stdout_visibility": stdout_visibility}
    tests = []
    for item in result.items:
        test = {"name": f"{item.id}: {item.title}", "score": float(item.points), "max_score": float(item.max_points),
                "output": _output(item, hide_solutions), "visibility": visibility}
        status = _test_status(item)
        if status:
            test["status"] = status
        tests.append(test)
    return {"score": float(result.score), "execution_time": round(result.seconds, 3), "tests": tests,
            "visibility": visibility, "stdout_visibility": stdout_visibility}
