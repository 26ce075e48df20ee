"""Verdicts carry their reason: never a bare bool, never a swallowed exception."""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from .display import latex_of
from .rules import Rule


class Status(str, Enum):
    """``proved`` only from a symbolic argument; ``consistent`` only from numbers."""

    PROVED = "proved"
    CONSISTENT = "consistent"
    REFUTED = "refuted"
    UNKNOWN = "unknown"

    @property
    def holds(self) -> bool:
        return self in (Status.PROVED, Status.CONSISTENT)


class Tier(str, Enum):
    """Which decider settled a verdict; grading and export read this, never the reason text."""

    STRUCTURAL = "structural"  # the step's form alone: an undefined side, matrices of different sizes, ~=
    IDENTICAL = "identical"  # both sides the same expression: true, but a restatement, not a step
    RULE = "rule"  # a cited rule's own check (Jensen)
    STEP_HANDLER = "step handler"  # a theory's decider for steps of a special form (f = O(g))
    CANONICAL = "canonical"  # canonical forms under the context's theories
    NUMERIC = "numeric"  # instantiation: only consistent or refuted
    ROUNDING = "rounding"  # two numbers an approximation relates, compared to the precision written
    CLAIM = "claim"  # a claim's registered handler
    TWIN = "twin"  # a numpy cross-check
    BUDGET = "budget"  # the time budget ran out
    FAILURE = "failure"  # the check itself failed


@dataclass(frozen=True)
class Counterexample:
    """A concrete instantiation under which the two sides differ."""

    assignment: tuple[tuple[str, str], ...]
    lhs: str
    rhs: str

    def describe(self) -> str:
        values = ", ".join(f"{k}={v}" for k, v in self.assignment)
        return f"{values}: left = {self.lhs}, right = {self.rhs}"


@dataclass(frozen=True)
class Verdict:
    status: Status
    reason: str
    residual: str | None = None
    counterexample: Counterexample | None = None
    samples: int = 0
    used: tuple[Rule, ...] = ()
    tier: Tier | None = None  # stamped by the checker's decider that settled the verdict

    @property
    def label(self) -> str:
        return status_label(self.status, self.samples)


def status_label(status: Status, samples: int = 0) -> str:
    """How a status is shown to a person: ``consistent (5 samples)``, ``proved``, ..."""
    if status is Status.CONSISTENT:
        return f"consistent ({samples} samples)" if samples else "consistent"
    return status.value


def proved(reason: str, used: tuple[Rule, ...] = ()) -> Verdict:
    return Verdict(Status.PROVED, reason, used=used)


def unknown(reason: str, residual: str | None = None) -> Verdict:
    return Verdict(Status.UNKNOWN, reason, residual=residual)


@dataclass(frozen=True)
class CheckResult:
    """One checked step, claim or numpy cross-check, as reported."""

    index: int
    kind: str  # "step", "claim" or "twin"
    latex: str
    justification: str | None
    verdict: Verdict
    millis: float
    chain: int = 0


@dataclass
class DerivationReport:
    """Every check of one derivation: ``results`` (steps, then claims) and ``twin`` (cross-checks)."""

    name: str
    title: str
    results: list[CheckResult] = field(default_factory=list)
    twin: list[CheckResult] = field(default_factory=list)

    def count(self, status: Status) -> int:
        return sum(r.verdict.status is status for r in self.results + self.twin)

    @property
    def ok(self) -> bool:
        return all(r.verdict.status.holds for r in self.results + self.twin)

    def first_failure(self, chain: int | None = None) -> CheckResult | None:
        """The first check that does not hold; with ``chain``, the first such step of that chain."""
        return next((r for r in self.results if not r.verdict.status.holds
                     and (chain is None or (r.kind == "step" and r.chain == chain))), None)

    def _repr_latex_(self) -> str | None:
        """Jupyter shows one row per check with its verdict (the formatter ``verify.export`` registers)."""
        return latex_of(self)
