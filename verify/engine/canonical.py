"""The symbolic tier: canonical forms under the context's theories, cheapest first."""
from __future__ import annotations

from sympy import Expr

from ..model import Context
from ..rules import Rule
from ..theories import theory
from ..theories.algebra import evaluated


def theory_names(context: Context) -> tuple[str, ...]:
    """The context's theories in order, with algebra always last (it finishes every form)."""
    names = tuple(n for n in context.theories if n != "algebra")
    return names + ("algebra",)


def canonical_form(expr: Expr, context: Context) -> tuple[Expr, tuple[Rule, ...]]:
    """Bring ``expr`` to the canonical form of the context; also say which rules it used."""
    used: list[Rule] = []
    expr = evaluated(expr)
    for name in theory_names(context):
        rewrite = theory(name).canonical
        if rewrite is not None:
            expr, rules = rewrite(expr, context)
            used.extend(r for r in rules if r not in used)
    return expr, tuple(used)
