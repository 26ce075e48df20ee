"""Grade one submission: locate and read every item, check the steps, score.

Two halves so a batch can check each distinct step once: ``prepare`` (locate, read,
list the checks) and ``finish`` (verdicts to points and feedback).

>>> from verify.grading.rubric import parse_rubric
>>> rubric = parse_rubric('''
... [[items]]
... id = "q1"
... title = "cost"
... points = 1
... kind = "complexity"
... expected = "n^2"
... context = { positive = ["n"] }
... locate = { label = "Q1" }
... ''')
>>> grade_text("Q1: the cost is $O(n^2 + n)$", rubric).items[0].points
1.0
"""
from __future__ import annotations

import time

from ..config import CheckConfig
from ..errors import VerifyError
from .checks import run_checks
from .guard import failed_item
from .kinds import GRADERS
from .kinds.common import Draft
from .results import ItemResult, SubmissionResult
from .rubric import Item, Rubric


def _prepare_item(item: Item, text: str) -> Draft:
    """The item's draft; a failure while reading it sends the item (only it) to a person."""
    try:
        return GRADERS[item.kind].prepare(item, text)
    except Exception as error:  # noqa: BLE001 - one item must never stop the class
        return Draft(item, None, done=failed_item(item, error))


def _finish_item(draft: Draft, outcomes: dict) -> ItemResult:
    if draft.done is not None:
        return draft.done
    try:
        return GRADERS[draft.item.kind].finish(draft, outcomes)
    except Exception as error:  # noqa: BLE001 - one item must never stop the class
        found = draft.found
        return failed_item(draft.item, error, found.excerpt.strip() if found else "", found.line if found else None)


def warm_up(rubric: Rubric) -> None:
    """Build the parser and read the rubric's expected answers here, once, before workers fork.

    Forked workers inherit the built parser and the filled caches instead of each
    rebuilding them; an answer that cannot be read here fails later, per item, as usual.
    """
    from ..parsing import parse_latex_expr

    parse_latex_expr("x")
    for item in rubric.items:
        expected = getattr(GRADERS[item.kind], "expected_forms", None)
        try:
            if expected is not None:
                expected(item)
        except VerifyError:  # reported per submission, at the item
            pass


def prepare(text: str, rubric: Rubric) -> tuple[Draft, ...]:
    """Every item located and read; the drafts list the step checks still needed."""
    return tuple(_prepare_item(item, text) for item in rubric.items)


def finish(drafts: tuple[Draft, ...], outcomes: dict) -> tuple[ItemResult, ...]:
    return tuple(_finish_item(d, outcomes) for d in drafts)


def grade_text(text: str, rubric: Rubric, config: CheckConfig = CheckConfig(), student: str = "submission",
               path: str = "") -> SubmissionResult:
    """Grade one submission's text against ``rubric`` (checks run under ``config.budget``)."""
    start = time.perf_counter()
    drafts = prepare(text, rubric)
    outcomes = run_checks([k for d in drafts for k in d.keys], config)
    return SubmissionResult(student, path, finish(drafts, outcomes), seconds=time.perf_counter() - start)
