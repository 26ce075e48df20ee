"""``expression`` items: the answer must equal the expected expression (or an accepted one).

Equality is the engine's: proved or consistent gives the points; refuted gives none
with the kind of mistake; unknown goes to a person.
"""
from __future__ import annotations

from dataclasses import replace

from ...errors import VerifyError
from ...model import Chain, Relation, Step
from ...verdict import Status
from ..checks import CheckKey, holds, safe_classify
from ..reader import context, parse_in
from ..results import Checked, Deduction
from ..rubric import Item
from .common import Draft, find, result, unreadable
from .feedback import EXPECTED_ADVICE


def expected_forms(item: Item) -> list:
    """The expected answer and the accepted ones, read (and remembered)."""
    return [parse_in(t, item.context) for t in (item.expected or "", *item.accepted)]


def prepare(item: Item, text: str) -> Draft:
    found = find(item, text)
    if isinstance(found, Draft):
        return found
    try:
        answer = parse_in(found.maths[item.locate.math], item.context)
        wanted = expected_forms(item)
    except VerifyError as error:
        return unreadable(item, found, error)
    ctx = context(item.context)
    keys = tuple(CheckKey(w, Relation.EQ, answer, ctx) for w in wanted)
    return Draft(item, found, keys=keys, data=answer)


def _checked(draft: Draft, outcomes: dict) -> Checked:
    """The expected (or accepted) answer, then the student's, with the verdict on their equality."""
    key = next((k for k in draft.keys if holds(outcomes.get(k))), draft.keys[0])
    outcome = outcomes.get(key)
    step = Step(key.rhs, Relation.EQ, "your answer", source=draft.found.maths[draft.item.locate.math])
    return Checked(Chain(key.lhs, (step,), title="the expected answer, then yours"),
                   (outcome.verdict if outcome else None,))


def finish(draft: Draft, outcomes: dict):
    return replace(_finish(draft, outcomes), detail=_checked(draft, outcomes))


def _finish(draft: Draft, outcomes: dict):
    item, found = draft.item, draft.found
    verdicts = [outcomes.get(k) for k in draft.keys]
    if any(holds(v) for v in verdicts):
        return result(item, item.points, "graded", found)
    first = verdicts[0]
    mistake = (first.mistake if first else None) or safe_classify(draft.keys[0].lhs, draft.keys[0].rhs, draft.keys[0].context)
    if first is None or first.verdict.status is Status.UNKNOWN:
        reason = first.verdict.reason if first else "not checked"
        likely = f" (it looks like: {mistake})" if mistake else ""
        return result(item, 0, "review", found, mistake=mistake,
                      deductions=(Deduction(item.points, f"not shown equivalent{likely}: {reason}"),),
                      feedback=("Your answer differs in form from the expected one and could not be compared "
                                f"automatically{likely}; a person will look at it.",))
    advice = EXPECTED_ADVICE.get(mistake or "", "it is not equivalent to the expected answer")
    reason = f"not equivalent to the expected answer ({mistake or 'no simple pattern'})"
    example = first.verdict.counterexample
    sentence = f"Your answer is not right: {advice}." + (f" For instance at {example.describe()}." if example else "")
    return result(item, 0, "graded", found, mistake=mistake, deductions=(Deduction(item.points, reason),),
                  feedback=(sentence,))
