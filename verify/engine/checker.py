"""The checker: tiered deciders, cheapest first, each may pass.

structural equality -> a rule's own check -> a theory's handler for steps of a
special form (``f = O(g)``) -> canonical forms -> numeric instantiation -> unknown.
Only the symbolic tiers can say ``proved``.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator

from sympy import Expr, factor, latex, nan, zoo
from sympy.core.sympify import _sympify
from sympy.matrices import MatrixBase
from sympy.matrices.expressions.matexpr import MatrixExpr

from ..config import CheckConfig
from ..model import Claim, Context, Derivation, Relation, Step
from ..theories import CLAIM_HANDLERS, STEP_HANDLERS, find_rule
from ..verdict import CheckResult, DerivationReport, Status, Verdict, proved, unknown
from .budget import run_lanes
from .canonical import canonical_form
from .numeric import numeric_check

_SIGN_TESTS = {
    Relation.GE: lambda d: d.is_nonnegative,
    Relation.GT: lambda d: d.is_positive,
    Relation.LE: lambda d: d.is_nonpositive,
    Relation.LT: lambda d: d.is_negative,
}


IDENTICAL = "both sides are identical"

_HOLDS_FOR_CONSTANT = {
    Relation.EQ: lambda d: d == 0,
    Relation.GE: lambda d: d >= 0,
    Relation.GT: lambda d: d > 0,
    Relation.LE: lambda d: d <= 0,
    Relation.LT: lambda d: d < 0,
}


def _constant_refutation(residual: Expr, relation: Relation) -> Verdict | None:
    """A canonical residual that is a known constant of the wrong sign refutes every instance."""
    if not (residual.is_number and residual.is_comparable) or residual.has(nan, zoo):
        return None
    if bool(_HOLDS_FOR_CONSTANT[relation](residual)):
        return None
    return Verdict(Status.REFUTED, f"left - right is the constant {residual} at every instance",
                   residual=str(residual))


def _shape_mismatch(lhs: Expr, rhs: Expr) -> Verdict | None:
    """Two matrices of different, known sizes are never equal (nor comparable)."""
    if not all(isinstance(side, (MatrixBase, MatrixExpr)) for side in (lhs, rhs)):
        return None
    left, right = lhs.shape, rhs.shape
    if any(not getattr(n, "is_Integer", isinstance(n, int)) for n in (*left, *right)):
        return None
    if tuple(map(int, left)) == tuple(map(int, right)):
        return None
    show = lambda shape: " x ".join(str(int(n)) for n in shape)  # noqa: E731
    return Verdict(Status.REFUTED, f"the left side is {show(left)}, the right side {show(right)}: "
                                   "matrices of different sizes are never equal")


def _symbolic(lhs: Expr, relation: Relation, rhs: Expr, context: Context) -> tuple[Verdict | None, str]:
    """Decide by canonical forms; returns the verdict (or None) and the residual's text."""
    residual, used = canonical_form(lhs - rhs, context)
    if relation is Relation.EQ and residual == 0:
        return proved(f"canonical forms agree ({', '.join(map(str, used))})", used), "0"
    refuted = _constant_refutation(residual, relation)
    if refuted is not None:
        return refuted, str(residual)
    if relation in _SIGN_TESTS:
        for form in (residual, factor(residual)):
            if _SIGN_TESTS[relation](form):
                return proved(f"the difference {form} has the required sign ({', '.join(map(str, used))})", used), str(residual)
    return None, str(residual)


def check_step(lhs: Expr, relation: Relation, rhs: Expr, context: Context,
               config: CheckConfig = CheckConfig(), justification: str | None = None) -> Verdict:
    """Check ``lhs relation rhs`` under ``context``."""
    relation = Relation(relation)
    lhs, rhs = _sympify(lhs), _sympify(rhs)  # numbers become SymPy numbers; text is refused
    if lhs.has(nan, zoo) or rhs.has(nan, zoo):
        return unknown("a side is undefined (division by zero or an indeterminate form such as oo - oo)")
    mismatch = _shape_mismatch(lhs, rhs)
    if mismatch is not None:
        return mismatch
    if relation is Relation.APPROX:
        numeric = numeric_check(lhs, Relation.EQ, rhs, context, config)
        return unknown(f"an approximation is reported, never proved (numerically: {numeric.reason})")
    if lhs == rhs and relation in (Relation.EQ, Relation.LE, Relation.GE):
        return proved(IDENTICAL)
    rule = find_rule(justification)
    if rule is not None and rule.check is not None:
        decided = rule.check(lhs, relation, rhs, context)
        if decided is not None:
            return decided
    for handler in STEP_HANDLERS:
        decided = handler(lhs, relation, rhs, context, config)
        if decided is not None:
            return decided
    verdict, residual = _symbolic(lhs, relation, rhs, context)
    if verdict is not None:
        return verdict
    numeric = numeric_check(lhs, relation, rhs, context, config)
    shown = f"residual (left - right) in canonical form: {residual}"
    if numeric.status is Status.UNKNOWN:
        return unknown(f"{numeric.reason}; {shown}", residual=residual)
    return Verdict(numeric.status, numeric.reason, residual=residual,
                   counterexample=numeric.counterexample, samples=numeric.samples)


def check_claim(claim: Claim, context: Context, config: CheckConfig = CheckConfig()) -> Verdict:
    handler = CLAIM_HANDLERS.get(claim.kind)
    if handler is None:
        return unknown(f"no handler for claims of kind {claim.kind!r}")
    return handler(claim, context, config)


def step_latex(step: Step) -> str:
    return f"{step.relation.latex} {latex(step.expr)}"


@dataclass(frozen=True)
class _Entry:
    """What the report says about one task, besides its verdict."""

    kind: str
    chain: int
    index: int
    justification: str | None
    text: Callable[[], str]  # computed in the worker, so printing runs in parallel too


def _with_text(entry: _Entry, check: Callable[[], Verdict]) -> tuple[Verdict, str]:
    return check(), entry.text()


def _plan(derivation: Derivation, config: CheckConfig) -> list[tuple[_Entry, Callable[[], Verdict]]]:
    """Every check of a derivation, in report order, with what the report needs to say of it."""
    context = derivation.context
    plan = []
    for c, chain in enumerate(derivation.chains):
        for i, (previous, step) in enumerate(chain.links(), 1):
            check = functools.partial(check_step, previous, step.relation, step.expr, context, config,
                                      step.justification)
            plan.append((_Entry("step", c, i, step.justification, functools.partial(step_latex, step)), check))
    for i, claim in enumerate(derivation.claims, 1):
        check = functools.partial(check_claim, claim, context, config)
        plan.append((_Entry("claim", 0, i, claim.justification, lambda c=claim: c.statement), check))
    for i, twin in enumerate(derivation.twins, 1):
        plan.append((_Entry("twin", 0, i, None, lambda t=twin: t.statement), functools.partial(twin.run, config)))
    return plan


def outcome_verdict(status: str, value, budget: float | None) -> Verdict:
    """The verdict for a worker outcome that is not a result: a timeout or a failed check."""
    if status == "ok":
        return value
    if status == "timeout":
        return unknown(f"time budget ({budget:g} s) exceeded")
    return unknown(f"the check failed: {value}")


def _report(derivation: Derivation, plan, outcomes, config: CheckConfig) -> DerivationReport:
    report = DerivationReport(derivation.name, derivation.title)
    for (entry, _), (status, value, ms) in zip(plan, outcomes):
        verdict, text = value if status == "ok" else (outcome_verdict(status, value, config.budget), entry.text())
        result = CheckResult(entry.index, entry.kind, text, entry.justification, verdict, ms, entry.chain)
        (report.twin if entry.kind == "twin" else report.results).append(result)
    return report


LANE_SIZE = 40  # checks per worker lane: small enough to spread a long derivation over the workers,
# large enough that few workers are forked (each fork loses the caches its predecessor warmed)


def check_derivations(derivations: Iterable[Derivation], config: CheckConfig = CheckConfig()
                      ) -> Iterator[DerivationReport]:
    """Reports of each derivation, in order; checks run on ``config.jobs`` workers, each under the budget.

    ``derivations`` may be lazy: the next one is built while the workers check the previous ones.
    Each derivation's checks are cut into lanes of ``LANE_SIZE`` so that one long derivation
    still keeps every worker busy.
    """
    planned: list[tuple[Derivation, list, int]] = []  # derivation, plan, number of lanes

    def task_lists():
        for derivation in derivations:
            plan = _plan(derivation, config)
            tasks = [functools.partial(_with_text, entry, check) for entry, check in plan]
            lanes = [tasks[k:k + LANE_SIZE] for k in range(0, len(tasks), LANE_SIZE)] or [[]]
            planned.append((derivation, plan, len(lanes)))
            yield from lanes

    outcomes: list = []
    lanes_seen = 0
    for lane in run_lanes(task_lists(), config.budget, config.jobs):
        outcomes.extend(lane)
        lanes_seen += 1
        derivation, plan, lanes = planned[0]
        if lanes_seen == lanes:
            planned.pop(0)
            yield _report(derivation, plan, outcomes, config)
            outcomes, lanes_seen = [], 0


def check_derivation(derivation: Derivation, config: CheckConfig = CheckConfig()) -> DerivationReport:
    """Check every step of every chain, every claim and every cross-check, each under the time budget."""
    return next(check_derivations([derivation], config))
