"""The dynamics theory: update maps, Jacobians, eigenvalues, spectral radius, iterates.

Chain steps get a canonical form with time derivatives carried out and angle sums
split (``dynamics.canonical``); the numeric tier can evaluate trajectories' states
``p(t)`` and their derivatives through the context's facts (the vector field).
Non-rewrite facts are *claims*; the kinds and their encodings (all SymPy objects):

==================  ==============================================  ==========================
kind                subject                                         value
==================  ==============================================  ==========================
gradient            Tuple(f, Tuple(vars))                           Tuple of partials
hessian             Tuple(f, Tuple(vars))                           Matrix
update_map          Tuple(f, Tuple(vars), Tuple(signs), eta,        Tuple of new values
                    Str(rule)); sign -1 descends, +1 ascends;
                    rule simultaneous|alternating|extragradient|flow
jacobian            Tuple(Tuple or Matrix of exprs, Tuple(vars))    Matrix
fixed_point         Tuple(map, point)                               None
iterates            Tuple(map, z0, Tuple((symbol, value), ...))     Tuple of rows z_0..z_T
                                                                    (or a Matrix of rows)
closed_form         Tuple(map, z0, n)                               Z(n): vector or Matrix
eigenvalues         Matrix                                          Tuple, with multiplicity
determinant         Matrix                                          expression
spectral_radius     Matrix                                          expression
inequality          Relational (evaluate=False)                     None
saddle              Tuple(f, Tuple(vars), Tuple(point))             None
==================  ==============================================  ==========================

A ``map`` is a square Matrix (linear, z' = A z) or Tuple(Tuple(exprs), Tuple(vars)).
``Claim.assumptions`` hold relationals on the parameters (``eta < 2``); symbols carry
their own SymPy assumptions (``positive=True``).
"""
from __future__ import annotations

import numpy as np
import sympy
from sympy import Expr
from sympy.core.function import AppliedUndef

from ...undecided import Undecided
from ...model import Context
from . import implication, inequality, invariants, maps, ordering, recurrence, semidefinite, spectra, step_sizes, steps  # noqa: F401  (register handlers)
from . import rules  # noqa: F401  (registers the rules)
from ..base import Instance, Theory, register_theory
from .canonical import canonical, evaluate_derivatives
from .fields import FIELD_OPERATORS, evaluate_fields


def _derivative_hook(context: Context):
    """Evaluate d/dt of a state through the facts (the vector field), after the chain rule."""
    facts = {fact.lhs: fact.rhs for fact in context.facts}

    def evaluate(expr: Expr, evaluator):
        reduced = evaluate_derivatives(expr).xreplace(facts)
        if reduced.has(sympy.Derivative):
            raise Undecided(f"no vector field (fact) gives {expr}")
        return evaluator(reduced)

    return evaluate


def _state_hook(expr: Expr, evaluator):
    if expr in evaluator.values:
        return evaluator.values[expr]
    raise Undecided(f"no value for the state {expr}")


def _field_hook(context: Context):
    """Evaluate a curl, divergence, Jacobian or cross product through the field's components."""
    def evaluate(expr: Expr, evaluator):
        computed = evaluate_fields(expr, context, set())
        if computed.has(*FIELD_OPERATORS):
            raise Undecided(f"the components of the field in {expr} are not known (define it, F(x) = [...])")
        return evaluator(computed)

    return evaluate


def instantiate(context: Context, expr: Expr, rng: np.random.Generator, instance: Instance) -> str | None:
    """Give each state p(t) a random value; derivatives follow from the vector field in the facts."""
    if expr.has(*FIELD_OPERATORS):
        for kind in FIELD_OPERATORS:
            instance.hooks.setdefault(kind, _field_hook(context))
        computed = evaluate_fields(expr, context, set())  # the coordinates appear only once computed
        for coordinate in sorted(computed.free_symbols - expr.free_symbols, key=str):
            if coordinate not in instance.values and coordinate.is_real:
                value = float(np.round(rng.uniform(-2.0, 2.0), 3))
                instance.values[coordinate] = value
                instance.described.append((str(coordinate), f"{value:g}"))
    states = set(expr.atoms(AppliedUndef))
    for fact in context.facts:
        if isinstance(fact.lhs, sympy.Derivative):
            states |= fact.rhs.atoms(AppliedUndef)
    for state in sorted(states, key=str):
        if state not in instance.values:
            value = float(np.round(rng.uniform(-2.0, 2.0), 3))
            instance.values[state] = value
            instance.described.append((str(state), f"{value:g}"))
    if states:
        instance.hooks.setdefault(sympy.Derivative, _derivative_hook(context))
        instance.hooks.setdefault(AppliedUndef, _state_hook)
    return None


register_theory(Theory("dynamics", canonical, instantiate))
