"""The base theory: ordinary algebra over the context's symbols.

Canonical form: known facts substituted, logarithms of positive things expanded,
products expanded, rational functions cancelled. Every rewrite is an identity under
the symbols' assumptions, so a zero residual is a proof.
"""
from __future__ import annotations

import numpy as np
import sympy
from sympy import Basic, Expr

from ..model import Context
from .base import Instance, Rule, Theory, register_rule, register_theory


def evaluated(expr: Basic) -> Basic:
    """``expr`` rebuilt bottom-up with evaluation.

    The parser builds steps with ``evaluate=False`` so the step checked is the step
    written; rebuilding at check time lets the context's assumptions act
    (``sqrt(eta**2)`` becomes ``eta`` for a positive eta) before canonical forms.
    """
    if not expr.args or isinstance(expr, sympy.MatrixBase):
        return expr
    args = tuple(evaluated(a) for a in expr.args)
    return expr.func(*args)


def apply_facts(expr: Expr, context: Context) -> tuple[Expr, tuple[str, ...]]:
    """Rewrite every occurrence of a fact's left side by its right side."""
    used = []
    for fact in context.facts:
        if expr.has(fact.lhs):
            expr = expr.xreplace({fact.lhs: fact.rhs})
            used.append(fact.name)
    return expr, tuple(used)


def normalise(expr: Expr) -> Expr:
    """Expand logs (only where the arguments are known positive), powers and products."""
    expr = sympy.expand(expr, log=True, power_exp=True, power_base=True, mul=True, multinomial=True)
    if expr != 0 and any(term.is_Pow and term.exp.is_negative for term in sympy.preorder_traversal(expr)):
        expr = sympy.expand(sympy.cancel(sympy.together(expr)))
    return expr


def canonical(expr: Expr, context: Context) -> tuple[Expr, tuple[str, ...]]:
    expr, used = apply_facts(expr, context)
    return normalise(expr), used + ("algebra",)


def sample_value(symbol, rng: np.random.Generator) -> float:
    """A value that satisfies the symbol's assumptions, away from edge cases."""
    if symbol.is_integer:
        low = 1 if symbol.is_positive else (0 if symbol.is_nonnegative else -4)
        return float(rng.integers(low, 7))
    if symbol.is_positive:
        return float(np.round(rng.uniform(0.3, 2.5), 3))
    if symbol.is_nonnegative:
        return float(np.round(rng.uniform(0.0, 2.5), 3))
    if symbol.is_negative:
        return float(np.round(rng.uniform(-2.5, -0.3), 3))
    return float(np.round(rng.uniform(-2.0, 2.0), 3))


def instantiate(context: Context, expr: Expr, rng: np.random.Generator, instance: Instance) -> str | None:
    bound = set(instance.values) | set(context.integration_variables)
    for symbol in sorted(expr.free_symbols - bound, key=str):
        value = sample_value(symbol, rng)
        instance.values[symbol] = value
        instance.described.append((str(symbol), f"{value:g}"))
    return None


register_theory(Theory("algebra", canonical, instantiate))
register_rule(Rule("algebra", "rearranging terms, expanding products and logarithms of positive quantities",
                   aliases=("simplify", "simplification", "rearrange", "expand", "definition", "substitution")))
