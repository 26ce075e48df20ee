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
        lines.append(f"      step {step.index}: {step.label}{mark}" + (f" ({step.mistake})" if step.mistake else ""))
    lines.extend(f"      - {_points(d.points)}: {d.reason}" for d in item.deductions)
    lines.extend(f"      > {sentence}" for sentence in item.feedback)
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
            "seconds": result.seconds, "extra": result.extra, "score": result.score, "max_score": result.max_score}


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


def to_csv(results: Sequence[SubmissionResult], rubric: Rubric) -> str:
    """One row per student, one column per item, then total and error."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["student", *(item.id for item in rubric.items), "total", "error"])
    for result in results:
        points = {item.id: _points(item.points) for item in result.items}
        writer.writerow([result.student, *(points.get(i.id, "") for i in rubric.items),
                         "" if result.error else _points(result.score), result.error or ""])
    return out.getvalue()


def _output(item: ItemResult) -> str:
    lines = [f"{item.status}" + (f": {item.mistake}" if item.mistake else "")]
    lines.extend(f"-{_points(d.points)}: {d.reason}" for d in item.deductions)
    lines.extend(item.feedback)
    return "\n".join(lines)


def gradescope(result: SubmissionResult, visibility: str = "visible") -> dict:
    """Gradescope's ``results.json`` for one submission."""
    if result.error:
        return {"score": 0.0, "output": f"The submission could not be graded: {result.error}", "tests": [],
                "visibility": visibility}
    tests = [{"name": f"{item.id}: {item.title}", "score": float(item.points), "max_score": float(item.max_points),
              "output": _output(item), "visibility": visibility} for item in result.items]
    return {"score": float(result.score), "execution_time": round(result.seconds, 3), "tests": tests,
            "visibility": visibility, "stdout_visibility": "hidden"}
