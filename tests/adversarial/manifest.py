"""The adversarial cases (cases.toml) and how verify's verdicts are matched to their labelled steps.

A step is located by how it is written (``= b`` of ``a = b``), in order of appearance, so
a formula verify starts or stops reading as a definition does not shift the other labels.
A labelled step verify does not report is ``unchecked``: for a wrong step that is a failure
as real as ``proved``, since the document's claim was accepted without a check.
"""
from __future__ import annotations

import re
import tomllib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
CASES_TOML = HERE / "cases.toml"
VERDICTS = ("proved", "consistent", "refuted", "unknown", "refused", "unchecked")
LABELS = ("wrong", "correct")


@dataclass(frozen=True)
class Case:
    id: str
    file: str
    cls: str
    topic: str
    note: str
    steps: tuple[tuple[str, str], ...]  # (step as written, "correct" | "wrong")

    @property
    def path(self) -> Path:
        return HERE / self.file

    @property
    def has_wrong_step(self) -> bool:
        return any(label == "wrong" for _, label in self.steps)


@dataclass(frozen=True)
class StepOutcome:
    case: str
    cls: str
    at: str
    label: str
    verdict: str


@dataclass(frozen=True)
class CaseOutcome:
    case: Case
    steps: tuple[StepOutcome, ...]
    unlabelled: tuple[str, ...]  # steps verify reports that the case does not label


def load_cases(path: Path = CASES_TOML) -> list[Case]:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return [Case(c["id"], c["file"], c["class"], c["topic"], c["note"],
                 tuple((s["at"], s["expect"]) for s in c["steps"])) for c in data["case"]]


def written(text: str) -> str:
    return " ".join(text.split())


def written_steps(document) -> dict[tuple[int, int], str]:
    """(chain, index) of each step verify reports, 1-based as in ``--json``, to the step as written."""
    from verify.commands.check import step_as_written

    return {(c + 1, k + 1): written(step_as_written(chain, k))
            for c, chain in enumerate(document.chains) for k in range(len(chain.steps))}


_LEADING_RELATION = re.compile(r"^(=|<=|>=|<|>|\\leq?|\\geq?|\\approx)\s*")


def _refused(at: str, refusals: tuple[str, ...]) -> bool:
    """The step's formula is one verify refused to read, with a positioned reason (a refusal, not a
    silent definition): its text ends with the step's right side."""
    right = _LEADING_RELATION.sub("", written(at), count=1).strip()
    return bool(right) and any(written(text).endswith(right) for text in refusals)


def match(case: Case, reported: list[tuple[str, str]], refusals: tuple[str, ...] = ()) -> CaseOutcome:
    """Pair each labelled step with the first unused reported step written the same way; a labelled
    step that is not reported is ``refused`` when its formula was refused with a reason, else
    ``unchecked``."""
    pool = list(reported)
    steps = []
    for at, label in case.steps:
        hit = next((k for k, (where, _) in enumerate(pool) if where == written(at)), None)
        if hit is not None:
            verdict = pool.pop(hit)[1]
        else:
            verdict = "refused" if _refused(at, refusals) else "unchecked"
        steps.append(StepOutcome(case.id, case.cls, at, label, verdict))
    return CaseOutcome(case, tuple(steps), tuple(where for where, _ in pool))


def check_in_process(cases: list[Case]) -> list[CaseOutcome]:
    """What ``verify check`` decides for every case, through the API it calls (one worker pool for all)."""
    from verify.config import CheckConfig
    from verify.engine.checker import check_derivations
    from verify.parsing import read_document

    documents = [read_document(c.path.read_text(encoding="utf-8"), filename=c.file) for c in cases]
    reports = check_derivations([d.derivation(c.file) for c, d in zip(cases, documents)], CheckConfig())
    outcomes = []
    for case, document, report in zip(cases, documents, reports):
        where = written_steps(document)
        reported = [(where[(r.chain + 1, r.index)], r.verdict.status.value) for r in report.results if r.kind == "step"]
        refusals = tuple(f.text for f in document.formulas if f.error is not None)
        outcomes.append(match(case, reported, refusals))
    return outcomes


def confusion(outcomes: list[CaseOutcome]) -> dict[str, Counter]:
    table = {label: Counter() for label in LABELS}
    for outcome in outcomes:
        for step in outcome.steps:
            table[step.label][step.verdict] += 1
    return table


def confusion_text(outcomes: list[CaseOutcome]) -> str:
    table = confusion(outcomes)
    lines = [f"{'':10}" + "".join(f"{v:>12}" for v in VERDICTS) + f"{'total':>10}"]
    for label in LABELS:
        lines.append(f"{label:10}" + "".join(f"{table[label][v]:>12}" for v in VERDICTS)
                     + f"{sum(table[label].values()):>10}")
    return "\n".join(lines)


def steps_where(outcomes: list[CaseOutcome], label: str, verdicts: tuple[str, ...]) -> list[StepOutcome]:
    return [s for o in outcomes for s in o.steps if s.label == label and s.verdict in verdicts]
