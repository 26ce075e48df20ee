"""One grader per rubric kind: ``prepare(item, text)`` locates and reads the answer and lists
the step checks it needs; ``finish(draft, outcomes)`` turns verdicts into points and feedback."""
from __future__ import annotations

from . import complexity, derivation, expression, manual, values

GRADERS = {
    "complexity": complexity,
    "derivation": derivation,
    "expression": expression,
    "manual": manual,
    "values": values,
}
