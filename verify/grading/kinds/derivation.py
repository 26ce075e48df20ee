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
from ...rules import find_rule
from ...verdict import Status, Tier
from ..checks import CheckKey, StepOutcome, holds
from ...printing.prose import prose_authored
from ...printing.verdicts import counterexample_prose
from ..maths import formula, plain
from ..classify import WRONG_JUSTIFICATION
from ..classify import residual as linear_residual
from ..answers import MIRROR, Answer, readings
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
        goal = goal_of(item)
        start = parse_in(item.start, item.context) if item.start else None
    except VerifyError as error:
        return unreadable(item, found, error)
    keys = [CheckKey(previous, step.relation, step.expr, ctx, step.justification, (before, step.written))
            for (previous, step), (before, _) in zip(chain.links(), chain.written_links())]
    extras = {}
    if goal is not None and goal.relation is not None:  # ``log p(x) >= ELBO``: both ends, either way round
        extras["goal"] = CheckKey(goal.value, Relation.EQ, chain.end, ctx)
        extras["goal from"] = CheckKey(goal.lhs, Relation.EQ, chain.start, ctx)
        extras["mirror"] = CheckKey(goal.lhs, Relation.EQ, chain.end, ctx)
        extras["mirror from"] = CheckKey(goal.value, Relation.EQ, chain.start, ctx)
    elif goal is not None:
        extras["goal"] = CheckKey(goal.value, Relation.EQ, chain.end, ctx)
    if start is not None:
        extras["start"] = CheckKey(start, Relation.EQ, chain.start, ctx)
    return Draft(item, found, keys=tuple(keys) + tuple(extras.values()), data=chain, extra=extras)


SHOWN = {">=": "≥", "<=": "≤"}


class Solution(str):
    """A feedback sentence that gives the model answer away (kept apart, so it can be hidden)."""


def goal_of(item: Item) -> Answer | None:
    """The expected goal: a last line, or a relation ``start rel result`` the chain must establish."""
    if not item.expected:
        return None
    found = readings(item.expected, item.context)
    relational = [a for a in found if a.relation is not None and a.relation != "="]
    if relational:
        return relational[0]
    return Answer(parse_in(item.expected, item.context), item.expected)


def expected_forms(item: Item):
    return goal_of(item)


def _implies(established: str | None, wanted: str) -> bool:
    """A chain establishing ``established`` proves ``wanted`` (``>`` proves ``>=``; ``=`` proves ``<=``)."""
    if established is None:
        return False
    return established == wanted or (established == "=" and wanted in ("<=", ">=")) or \
        (established, wanted) in ((">", ">="), ("<", "<="))


@functools.lru_cache(maxsize=4096)
def _latex(expr) -> str:
    """Remembered: the same step, written by many students, is printed once."""
    return latex(expr)


def _residual_forms(key: CheckKey) -> tuple[str | None, str | None]:
    """``before - after`` for a step that does not hold, as plain maths and as ``$...$`` for a sentence
    ((None, None) if it cannot be shown)."""
    try:
        value = linear_residual(key.lhs, key.rhs)
    except Exception:  # noqa: BLE001 - shown only; sets, matrices and relations have no difference
        return None, None
    return (None, None) if value == 0 else (plain(value), formula(value))


def _line_of(source: str, found) -> int | None:
    """The submission's line holding ``source`` (the step as written)."""
    if found is None or not source.strip():
        return None
    probe = source.strip().splitlines()[0].strip()[:40]
    for offset, line in enumerate(found.excerpt.splitlines()):
        if probe and probe in line:
            return found.line + offset
    return None


def _relation_formula(lhs, relation: str, rhs) -> str:
    """``lhs rel rhs`` as one ``$...$`` formula (a relation SymPy has no class for is written in words)."""
    try:
        return formula(Relation(relation).sympy(lhs, rhs, evaluate=False))
    except (ValueError, TypeError, AttributeError):
        return f"{formula(lhs)} {SHOWN.get(relation, relation)} {formula(rhs)}"


def _step(index: int, key: CheckKey, outcome: StepOutcome, written: str = "", line: int | None = None) -> StepResult:
    verdict = outcome.verdict
    wrong = verdict.status is Status.REFUTED
    example = None
    if verdict.counterexample:
        where = f"your line {line}" if line else "your line"
        example = prose_authored(counterexample_prose(verdict.counterexample, key.lhs, key.rhs,
                                                      left="the line before it", right=where))
    residual, residual_math = _residual_forms(key) if wrong else (verdict.residual, None)
    return StepResult(index, key.relation.value, _latex(key.rhs), key.justification, verdict.status, verdict.reason,
                      residual, example, outcome.mistake, verdict.used, verdict.tier, verdict.samples,
                      written=" ".join(written.split()), line=line, residual_math=residual_math)


def _named(rule: str, steps: list[StepResult]) -> bool:
    """The rule is named at a step that really uses it (when the engine knows the rule); a name
    given where no step uses the rule (the step that should is wrong) still counts as named:
    the wrong step loses its own points."""
    wanted = find_rule(rule)
    named = [s for s in steps if (wanted is not None and find_rule(s.justification) is wanted)
             or rule.lower() in (s.justification or "").lower()]
    if wanted is None:
        return bool(named)
    if any(any(used is wanted for used in s.used) for s in named):
        return True
    return bool(named) and not any(any(used is wanted for used in s.used) for s in steps)


def _proved(step: StepResult) -> bool:
    return step.status is Status.PROVED


def _credited(step: StepResult) -> bool:
    """A proved step that does something: restating the line before earns nothing."""
    return _proved(step) and step.tier is not Tier.IDENTICAL


def _undecided(step: StepResult) -> bool:
    """Unknown, or only consistent on samples: a person decides, no automatic credit."""
    return step.status in (Status.UNKNOWN, Status.CONSISTENT)


def composed_relation(relations: list[str]) -> str | None:
    """What a chain establishes between its start and its end, as text ("=", "<=", "<", ...), or
    None when it mixes <= and >= (then it establishes nothing): ``Relation.compose``."""
    composed = Relation.compose(Relation(r) for r in relations)
    return composed.value if composed is not None else None


def finish(draft: Draft, outcomes: dict):
    item, policy = draft.item, draft.item.scoring
    step_keys = draft.keys[: len(draft.data.steps)]
    sources = [s.source or "" for s in draft.data.steps]
    steps = [_step(i, k, outcomes[k], sources[i - 1], _line_of(sources[i - 1], draft.found))
             for i, k in enumerate(step_keys, 1)]
    deductions, feedback = _deductions(item, policy, steps, draft, outcomes)
    solution = tuple(f for f in feedback if isinstance(f, Solution))
    feedback = [f for f in feedback if not isinstance(f, Solution)]
    points = item.points - sum(d.points for d in deductions)
    wrong = next((s for s in steps if s.status is Status.REFUTED), None)
    misnamed = next((s for s in steps if s.mistake == WRONG_JUSTIFICATION), None)
    undecided = any(_undecided(s) for s in steps)
    return result(item, points, "review" if undecided else "graded", draft.found, steps=tuple(steps),
                  first_wrong=wrong.index if wrong else None,
                  mistake=wrong.mistake if wrong else (misnamed.mistake if misnamed else None),
                  deductions=tuple(d for d in deductions if d.points), feedback=tuple(feedback),
                  solution=tuple(str(s) for s in solution),
                  detail=Checked(draft.data, tuple(outcomes[k].verdict for k in step_keys)))


def _deductions(item: Item, policy: Scoring, steps: list[StepResult], draft: Draft, outcomes: dict):
    good = [s for s in steps if _proved(s)]
    credited = [s for s in steps if _credited(s)]
    deductions, feedback = [], []
    cap = policy.max_step_points if policy.max_step_points is not None else policy.per_step * len(steps)
    lost = cap - min(cap, policy.per_step * len(credited))
    if lost:
        deductions.append(Deduction(lost, f"{len(steps) - len(credited)} of {len(steps)} steps not shown to hold "
                                          "or only restate the line before"))
    for s in steps:
        if s.status is Status.REFUTED:
            deductions.append(Deduction(policy.wrong_step, f"step {s.index} is wrong ({s.mistake or 'refuted'})"))
            feedback.append(step_sentence(s.index, s.mistake, s.residual_math or s.residual, s.counterexample,
                                          s.written, s.line))
        elif s.mistake == WRONG_JUSTIFICATION:
            needed = ", ".join(rule.name for rule in s.used if rule.demands_citation)
            deductions.append(Deduction(policy.wrong_justification,
                                        f"step {s.index} names {s.justification!r} but uses {needed}"))
            feedback.append(f"Step {s.index} is right, but it uses {needed}, not {s.justification}: "
                            "name the rule the step really applies.")
        elif _undecided(s):
            feedback.append(f"Step {s.index} could not be proved automatically ({s.label}); "
                            "a person will look at it. Smaller steps are easier to verify.")
    deductions.extend(_goal_and_start(item, policy, steps, good, draft, outcomes, feedback))
    for rule in policy.require:
        if not _named(rule, steps):
            deductions.append(Deduction(policy.missing_justification,
                                        f"the rule {rule!r} is never named at a step that uses it"))
            feedback.append(f"Name the rule you use ({rule}) at the step where you use it.")
    return deductions, feedback


def _goal_and_start(item, policy, steps, good, draft, outcomes, feedback):
    out = []
    goal = draft.extra.get("goal")
    if goal is not None and policy.goal and "goal from" in draft.extra:
        out.extend(_relation_goal(draft, steps, good, outcomes, feedback, policy))
    elif goal is not None and policy.goal:
        reached = holds(outcomes.get(goal))
        established = composed_relation([s.relation for s in steps])
        if not reached:
            out.append(Deduction(policy.goal, "the last line is not the expected result"))
            feedback.append("Your last line is not the expected result.")
            feedback.append(Solution(f"Your derivation should end at {formula(goal.lhs)}."))
        elif draft.data.start == goal.lhs:
            out.append(Deduction(policy.goal, "the chain starts at the expected result: nothing is derived"))
            feedback.append("Start from the quantity the question defines and derive the result from it.")
        elif established != "=":
            what = "mixes <= and >=, so it establishes no relation" if established is None else \
                f"establishes only start {established} result, not an equality"
            out.append(Deduction(policy.goal, f"the chain {what}"))
            feedback.append("Every step must be an equality to derive the expected result.")
        elif policy.goal_needs_valid_chain and len(good) < len(steps):
            out.append(Deduction(policy.goal, "the expected result is reached only through steps not proved"))
    start = draft.extra.get("start")
    if start is not None and not holds(outcomes.get(start)):
        feedback.append(Solution(f"Start from {plain(start.lhs)}, the quantity the question defines."))
    return out


def _relation_goal(draft, steps, good, outcomes, feedback, policy):
    """``log p(x) >= ELBO``: the chain runs from one side to the other and establishes the relation."""
    goal = goal_of(draft.item)
    extra = draft.extra
    established = composed_relation([s.relation for s in steps])
    forward = holds(outcomes.get(extra["goal from"])) and holds(outcomes.get(extra["goal"]))
    backward = holds(outcomes.get(extra["mirror from"])) and holds(outcomes.get(extra["mirror"]))
    wanted = goal.relation if forward else MIRROR[goal.relation]
    shown = _relation_formula(goal.lhs, goal.relation, goal.value)
    if not (forward or backward):
        starts = holds(outcomes.get(extra["goal from"])) or holds(outcomes.get(extra["mirror from"]))
        feedback.append("Your last line is not the expected result." if starts else
                        "Your derivation should go from one side of the expected result to the other.")
        feedback.append(Solution(f"The expected result is {shown}."))
        return [Deduction(policy.goal, "the last line is not the expected result" if starts else
                          "the chain does not run between the two sides of the expected result")]
    if not _implies(established, wanted):
        what = "mixes <= and >=" if established is None else f"establishes {established}"
        feedback.append(f"The chain {what}; it should establish the relation {goal.relation}.")
        return [Deduction(policy.goal, f"the chain {what}, not the expected relation {goal.relation}")]
    if policy.goal_needs_valid_chain and len(good) < len(steps):
        return [Deduction(policy.goal, "the expected result is reached only through steps not proved")]
    return []
