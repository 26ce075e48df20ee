"""What grading produces: per step, per item, per submission. Plain frozen data for the writers."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Deduction:
    points: float
    reason: str


@dataclass(frozen=True)
class Checked:
    """A chain as read (``verify.model.Chain``) and the engine's verdict on each step, in order."""

    chain: Any
    verdicts: tuple[Any, ...]


@dataclass(frozen=True)
class StepResult:
    """One step of a located chain as the engine judged it."""

    index: int
    relation: str
    expression: str
    justification: str | None
    status: str
    reason: str
    residual: str | None = None
    counterexample: str | None = None
    mistake: str | None = None
    used: tuple[str, ...] = ()  # the rules the engine needed for this step


@dataclass(frozen=True)
class ItemResult:
    """``status``: graded, not found, review (a person must look), or error."""

    id: str
    title: str
    kind: str
    points: float
    max_points: float
    status: str
    answer: str = ""
    steps: tuple[StepResult, ...] = ()
    first_wrong: int | None = None
    mistake: str | None = None
    deductions: tuple[Deduction, ...] = ()
    feedback: tuple[str, ...] = ()
    line: int | None = None
    # what was read and checked, as objects (a Chain and its verdicts), for annotated feedback;
    # not part of the plain data the gradebook writers emit
    detail: Checked | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class SubmissionResult:
    student: str
    path: str
    items: tuple[ItemResult, ...] = ()
    error: str | None = None
    seconds: float = 0.0
    extra: dict = field(default_factory=dict, compare=False, hash=False)

    @property
    def score(self) -> float:
        return round(sum(item.points for item in self.items), 6)

    @property
    def max_score(self) -> float:
        return round(sum(item.max_points for item in self.items), 6)
