"""The checker: tiered deciders, cheapest first, each may pass.

structural equality -> a rule's own check -> canonical forms -> numeric
instantiation -> unknown. Only the first three can say ``proved``.
"""
from __future__ import annotations

import functools
from typing import Callable

from sympy import Expr, factor, latex

from ..config import CheckConfig
from ..model import Chain, Claim, Context, Derivation, Relation, Step
from ..theories import CLAIM_HANDLERS, find_rule
from ..verdict import CheckResult, DerivationReport, Status, Verdict, proved, unknown
from .budget import run_budgeted
from .canonical import canonical_form
from .numeric import numeric_check

_SIGN_TESTS = {
    Relation.GE: lambda d: d.is_nonnegative,
    Relation.GT: lambda d: d.is_positive,
    Relation.LE: lambda d: d.is_nonpositive,
    Relation.LT: lambda d: d.is_negative,
}


def _symbolic(lhs: Expr, relation: Relation, rhs: Expr, context: Context) -> tuple[Verdict | None, str]:
    """Decide by canonical forms; returns the verdict (or None) and the residual's text."""
    residual, used = canonical_form(lhs - rhs, context)
    if relation is Relation.EQ and residual == 0:
        return proved(f"canonical forms agree ({', '.join(used)})", used), "0"
    if relation in _SIGN_TESTS:
        for form in (residual, factor(residual)):
            if _SIGN_TESTS[relation](form):
                return proved(f"the difference {form} has the required sign ({', '.join(used)})", used), str(residual)
    return None, str(residual)


def check_step(lhs: Expr, relation: Relation, rhs: Expr, context: Context,
               config: CheckConfig = CheckConfig(), justification: str | None = None) -> Verdict:
    """Check ``lhs relation rhs`` under ``context``."""
    relation = Relation(relation)
    if relation is Relation.APPROX:
        numeric = numeric_check(lhs, Relation.EQ, rhs, context, config)
        return unknown(f"an approximation is reported, never proved (numerically: {numeric.reason})")
    if lhs == rhs and relation in (Relation.EQ, Relation.LE, Relation.GE):
        return proved("both sides are identical")
    rule = find_rule(justification)
    if rule is not None and rule.check is not None:
        decided = rule.check(lhs, relation, rhs, context)
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


def _chain_tasks(chain: Chain, context: Context, config: CheckConfig) -> list[Callable[[], Verdict]]:
    tasks = []
    previous = chain.start
    for step in chain.steps:
        tasks.append(functools.partial(check_step, previous, step.relation, step.expr, context, config,
                                       step.justification))
        previous = step.expr
    return tasks


def _outcome_verdict(status: str, value, budget: float | None) -> Verdict:
    if status == "ok":
        return value
    if status == "timeout":
        return unknown(f"time budget ({budget:g} s) exceeded")
    return unknown(f"the check failed: {value}")


def check_derivation(derivation: Derivation, config: CheckConfig = CheckConfig()) -> DerivationReport:
    """Check every step of every chain and every claim, each under the time budget."""
    context = derivation.context
    entries: list[tuple[str, int, int, str, str | None]] = []
    tasks: list[Callable[[], Verdict]] = []
    for c, chain in enumerate(derivation.chains):
        tasks.extend(_chain_tasks(chain, context, config))
        entries.extend(("step", c, i, step_latex(s), s.justification) for i, s in enumerate(chain.steps, 1))
    for i, claim in enumerate(derivation.claims, 1):
        tasks.append(functools.partial(check_claim, claim, context, config))
        entries.append(("claim", 0, i, claim.statement, claim.justification))
    for i, twin in enumerate(derivation.twins, 1):
        tasks.append(functools.partial(twin.run, config))
        entries.append(("twin", 0, i, twin.statement, None))
    report = DerivationReport(derivation.name, derivation.title)
    for (kind, chain, index, text, why), (status, value, ms) in zip(entries, run_budgeted(tasks, config.budget)):
        result = CheckResult(index, kind, text, why, _outcome_verdict(status, value, config.budget), ms, chain)
        (report.twin if kind == "twin" else report.results).append(result)
    return report
