"""What grading produces: per step, per item, per submission. Plain frozen data for the writers.

A step keeps the engine's typed verdict fields (``Status``, ``Tier``, the ``Rule`` objects
used): grading decides on those, never on the reason text, which is only shown.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from ..rules import Rule
from ..verdict import Status, Tier, status_label


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
    status: Status
    reason: str  # for people; never compared
    residual: str | None = None
    counterexample: str | None = None
    mistake: str | None = None
    used: tuple[Rule, ...] = ()  # the rules the engine needed for this step
    tier: Tier | None = None  # which of the engine's deciders settled it
    samples: int = 0  # numeric samples behind a ``consistent`` status
    written: str = ""  # the step as the student wrote it
    line: int | None = None  # its line in the submission
    residual_math: str | None = None  # the residual as ``$...$``, for sentences that are typeset

    @property
    def label(self) -> str:
        return status_label(self.status, self.samples)


@dataclass(frozen=True)
class ItemResult:
    """``status``: graded, not found, review (a person must look), or error (the submission was unreadable)."""

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
    solution: tuple[str, ...] = ()  # sentences that give the model answer away (hidden from students on request)
    marked: bool = False  # the points are a person's mark (``--marks``), not the grader's
    # what was read and checked, as objects (a Chain and its verdicts), for annotated feedback;
    # not part of the plain data the gradebook writers emit
    detail: Checked | None = field(default=None, compare=False, repr=False)


class Failure(Enum):
    """Why a whole submission was not graded: the submission's fault, the clock's, or ours.

    A TA acts differently on each (ask the student for a readable file; mark by hand; report a bug),
    so it is a typed field, never read back out of the message."""

    UNREADABLE = "unreadable"  # too large, not UTF-8, no file to grade, unreadable maths
    TIMEOUT = "timeout"  # reading it took longer than the budget
    GRADER_FAULT = "grader fault"  # an unexpected exception in the grader: a bug of ours, logged


@dataclass(frozen=True)
class SubmissionResult:
    student: str
    path: str
    items: tuple[ItemResult, ...] = ()
    error: str | None = None
    failure: Failure | None = None  # set whenever ``error`` is
    seconds: float = 0.0
    extra: dict = field(default_factory=dict, compare=False, hash=False)

    @property
    def score(self) -> float:
        return round(sum(item.points for item in self.items), 6)

    @property
    def max_score(self) -> float:
        return round(sum(item.max_points for item in self.items), 6)
