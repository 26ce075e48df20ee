"""The residual of a step that does not hold, as an expression: ``left − right`` in canonical form.

The engine's verdict carries the residual only as ``str()`` text (SymPy code), which must
not be read back. So the residual of each failing step is computed again from the step's
two sides and the context, each under the time budget; where that fails, the caller
shows the plain difference ``left − right`` of the sides instead.
"""
from __future__ import annotations

import functools
from typing import Iterable, Mapping

from sympy import Expr

from ..engine.budget import run_budgeted
from ..engine.canonical import canonical_form
from ..model import Context, Derivation
from ..verdict import DerivationReport

Where = tuple[int, int]  # (chain, step index from 1)


def _residual(lhs: Expr, rhs: Expr, context: Context) -> Expr:
    return canonical_form(lhs - rhs, context)[0]


def residuals(context: Context, pairs: Iterable[tuple[Where, Expr, Expr]], budget: float | None = 5.0
              ) -> dict[Where, Expr]:
    """``{where: canonical(lhs - rhs)}`` for each (where, lhs, rhs); a pair whose form took too long is left out."""
    pairs = list(pairs)
    tasks = [functools.partial(_residual, lhs, rhs, context) for _, lhs, rhs in pairs]
    outcomes = run_budgeted(tasks, budget) if tasks else []
    return {where: outcome.value for (where, _, _), outcome in zip(pairs, outcomes)
            if outcome.ok and isinstance(outcome.value, Expr)}


def failing_residuals(derivation: Derivation, report: DerivationReport, budget: float | None = 5.0
                      ) -> Mapping[Where, Expr]:
    """The residual of every step that does not hold and for which the engine found one."""
    failing = {(r.chain, r.index) for r in report.results
               if r.kind == "step" and not r.verdict.status.holds and r.verdict.residual is not None}
    pairs = [((c, i), previous, step.expr) for c, chain in enumerate(derivation.chains)
             for i, (previous, step) in enumerate(chain.links(), 1) if (c, i) in failing]
    return residuals(derivation.context, pairs, budget)
