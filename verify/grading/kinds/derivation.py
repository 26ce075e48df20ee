"""``derivation`` items: a chain of steps, each checked by the engine, scored by the rubric's policy.

Points: ``goal`` for a last line equivalent to the expected goal (by default only when
every step up to it holds), ``per_step`` for each valid step (capped), minus
``wrong_step`` per refuted step and ``missing_justification`` per required rule never
named. A step the engine cannot decide earns nothing and sends the item to a person.
"""
from __future__ import annotations

import functools

from sympy import latex

from ...errors import VerifyError
from ...model import Relation
from ...theories import find_rule
from ..checks import CheckKey, Outcome, holds
from ..classify import WRONG_JUSTIFICATION
from ..reader import context, parse_in, read_chain
from ..results import Checked, Deduction, StepResult
from ..rubric import Item, Scoring
from .common import Draft, find, result, unreadable
from .feedback import step_sentence


def prepare(item: Item, text: str) -> Draft:
    found = find(item, text)
    if isinstance(found, Draft):
        return found
    ctx = context(item.context)
    try:
        chain = read_chain(found, item.context, item.title)
        goal = parse_in(item.expected, item.context) if item.expected else None
        start = parse_in(item.start, item.context) if item.start else None
    except VerifyError as error:
        return unreadable(item, found, error)
    keys, previous = [], chain.start
    for step in chain.steps:
        keys.append(CheckKey(previous, step.relation, step.expr, ctx, step.justification))
        previous = step.expr
    extras = {}
    if goal is not None:
        extras["goal"] = CheckKey(goal, Relation.EQ, previous, ctx)
    if start is not None:
        extras["start"] = CheckKey(start, Relation.EQ, chain.start, ctx)
    return Draft(item, found, keys=tuple(keys) + tuple(extras.values()), data=chain, extra=extras)


@functools.lru_cache(maxsize=4096)
def _latex(expr) -> str:
    """Remembered: the same step, written by many students, is printed once."""
    return latex(expr)


def _step(index: int, key: CheckKey, outcome: Outcome | None) -> StepResult:
    verdict = outcome.verdict
    example = verdict.counterexample.describe() if verdict.counterexample else None
    return StepResult(index, key.relation.value, _latex(key.rhs), key.justification, verdict.label, verdict.reason,
                      verdict.residual, example, outcome.mistake, verdict.used)


def _named(rule: str, justifications: list[str]) -> bool:
    wanted = find_rule(rule)
    for text in justifications:
        if (wanted is not None and find_rule(text) is wanted) or rule.lower() in text.lower():
            return True
    return False


def finish(draft: Draft, outcomes: dict):
    item, policy = draft.item, draft.item.scoring
    step_keys = draft.keys[: len(draft.data.steps)]
    steps = [_step(i, k, outcomes[k]) for i, k in enumerate(step_keys, 1)]
    deductions, feedback = _deductions(item, policy, steps, draft, outcomes)
    points = item.points - sum(d.points for d in deductions)
    wrong = next((s for s in steps if s.status == "refuted"), None)
    misnamed = next((s for s in steps if s.mistake == WRONG_JUSTIFICATION), None)
    undecided = any(s.status == "unknown" for s in steps)
    return result(item, points, "review" if undecided else "graded", draft.found, steps=tuple(steps),
                  first_wrong=wrong.index if wrong else None,
                  mistake=wrong.mistake if wrong else (misnamed.mistake if misnamed else None),
                  deductions=tuple(d for d in deductions if d.points), feedback=tuple(feedback),
                  detail=Checked(draft.data, tuple(outcomes[k].verdict for k in step_keys)))


def _deductions(item: Item, policy: Scoring, steps: list[StepResult], draft: Draft, outcomes: dict):
    good = [s for s in steps if s.status not in ("refuted", "unknown")]
    deductions, feedback = [], []
    cap = policy.max_step_points if policy.max_step_points is not None else policy.per_step * len(steps)
    lost = cap - min(cap, policy.per_step * len(good))
    if lost:
        deductions.append(Deduction(lost, f"{len(steps) - len(good)} of {len(steps)} steps not shown to hold"))
    for s in steps:
        if s.status == "refuted":
            deductions.append(Deduction(policy.wrong_step, f"step {s.index} is wrong ({s.mistake or 'refuted'})"))
            feedback.append(step_sentence(s.index, s.mistake, s.residual, s.counterexample))
        elif s.mistake == WRONG_JUSTIFICATION:
            needed = ", ".join(u for u in s.used if u != "algebra")
            deductions.append(Deduction(policy.wrong_justification,
                                        f"step {s.index} names {s.justification!r} but uses {needed}"))
            feedback.append(f"Step {s.index} is right, but it uses {needed}, not {s.justification}: "
                            "name the rule the step really applies.")
        elif s.status == "unknown":
            feedback.append(f"Step {s.index} could not be checked automatically; "
                            "a person will look at it. Smaller steps are easier to verify.")
    deductions.extend(_goal_and_start(item, policy, steps, good, draft, outcomes, feedback))
    justifications = [s.justification for s in steps if s.justification]
    for rule in policy.require:
        if not _named(rule, justifications):
            deductions.append(Deduction(policy.missing_justification, f"the rule {rule!r} is never named"))
            feedback.append(f"Name the rule you use ({rule}) at the step where you use it.")
    return deductions, feedback


def _goal_and_start(item, policy, steps, good, draft, outcomes, feedback):
    out = []
    goal = draft.extra.get("goal")
    if goal is not None and policy.goal:
        reached = holds(outcomes.get(goal))
        if not reached:
            out.append(Deduction(policy.goal, "the last line is not the expected result"))
            feedback.append(f"Your derivation should end at {latex(goal.lhs)}.")
        elif policy.goal_needs_valid_chain and len(good) < len(steps):
            out.append(Deduction(policy.goal, "the expected result is reached only through invalid steps"))
    start = draft.extra.get("start")
    if start is not None and not holds(outcomes.get(start)):
        feedback.append(f"Start from {latex(start.lhs)}, the quantity the question defines.")
    return out
