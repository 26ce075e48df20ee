"""Step checks as keys, so a batch checks each distinct step once.

Students write the same lines; a ``CheckKey`` is the step's sides, relation,
justification and context. A batch gathers every key first, checks each distinct
one once, under the engine's time budget in a forked worker, and names the mistake
of those that fail. Keys are compared structurally (SymPy equality includes the
symbols' assumptions), so identical steps meet without printing any expression.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, replace

from sympy import Expr

from ..config import CheckConfig
from ..engine.budget import Ending, Outcome, run_budgeted
from ..engine.checker import check_step, outcome_verdict
from ..model import Context, KeepsWritten, Relation
from ..rules import Rule, find_rule
from ..verdict import Tier, Verdict, unknown
from .classify import WRONG_JUSTIFICATION, classify


@dataclass(frozen=True)
class CheckKey(KeepsWritten):
    """One distinct step of a class: what is checked (its ``written`` sides survive a worker, unevaluated)."""

    lhs: Expr
    relation: Relation
    rhs: Expr
    context: Context
    justification: str | None = None
    written: tuple = (None, None)  # the sides as written (unevaluated): a cancellation is no restatement


@dataclass(frozen=True)
class StepOutcome:
    """A step's verdict and, when it does not hold, the kind of mistake (if one fits)."""

    verdict: Verdict
    mistake: str | None = None


def check_one(key: CheckKey, config: CheckConfig) -> StepOutcome:
    """Check one step inline (the caller supplies the time budget) and name its mistake."""
    verdict = check_step(key.lhs, key.relation, key.rhs, key.context, config, key.justification, key.written)
    mistake = None
    if not verdict.status.holds and key.relation is Relation.EQ:
        mistake = safe_classify(key.lhs, key.rhs, key.context)
    elif verdict.status.holds and wrong_justification(key.justification, verdict.used):
        mistake = WRONG_JUSTIFICATION
    return StepOutcome(verdict, mistake)


def safe_classify(before, after, context) -> str | None:
    """The mistake's name, or None when naming fails: naming only explains, it never decides."""
    try:
        return classify(before, after, context)
    except Exception:  # noqa: BLE001 - e.g. sets or relations, which have no additive pieces
        return None


def wrong_justification(named: str | None, used: tuple[Rule, ...]) -> bool:
    """The step names a registered rule, the engine needed another one, and not the named one.

    Only a rule the engine knows can be judged: free prose ("then") is never wrong, and
    a step settled by algebra alone licenses any name.
    """
    cited = find_rule(named)
    needed = [rule for rule in used if rule.demands_citation]
    return cited is not None and bool(needed) and not any(rule is cited for rule in needed)


def _step_outcome(outcome: Outcome, budget: float | None) -> StepOutcome:
    """The worker's StepOutcome, or a verdict-only one for a time-out or a failed check."""
    if outcome.ok:
        return outcome.value
    if outcome.ending in (Ending.ERROR, Ending.CRASH):  # the engine failed: say what to do, not what Python said
        return StepOutcome(replace(unknown("this step could not be checked automatically; a person should "
                                           "check it"), tier=Tier.FAILURE))
    return StepOutcome(outcome_verdict(outcome, budget))


def run_checks(keys: list[CheckKey], config: CheckConfig) -> dict[CheckKey, StepOutcome]:
    """Every distinct key checked once, each under ``config.budget`` (one forked worker for all)."""
    unique = list(dict.fromkeys(keys))
    inline = replace(config, budget=None)  # the worker is budgeted from outside
    tasks = [functools.partial(check_one, key, inline) for key in unique]
    results = run_budgeted(tasks, config.budget)
    return {key: _step_outcome(outcome, config.budget) for key, outcome in zip(unique, results)}


def holds(outcome: StepOutcome | None) -> bool:
    return outcome is not None and outcome.verdict.status.holds
