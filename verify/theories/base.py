"""What a theory is: a canonicaliser, an instantiator, claim handlers and named rules.

Theories register themselves on import; the checker asks the registry for the
theories a context names, cheapest first. Adding a theory means adding a module.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

import numpy as np
from sympy import Expr

from ..config import CheckConfig
from ..errors import UsageError
from ..model import Claim, Context
from ..rules import Rule, find_rule, normalise_rule_name, register_rule  # noqa: F401  (re-exported)
from ..verdict import Verdict

# canonical(expr, context) -> (canonical expr, the rules whose rewrites fired)
Canonicaliser = Callable[[Expr, Context], tuple[Expr, tuple[Rule, ...]]]


@dataclass
class Instance:
    """A concrete instantiation: values for symbols, evaluators for theory objects.

    ``hooks`` map a SymPy class to ``handler(expr, evaluate) -> value``; ``described``
    lists what a person needs to reproduce the counterexample.
    """

    values: dict = field(default_factory=dict)
    hooks: dict = field(default_factory=dict)
    described: list[tuple[str, str]] = field(default_factory=list)


# instantiate(context, expr, rng, instance) adds to ``instance``; returns a reason when
# it cannot instantiate what the expression needs, else None.
Instantiator = Callable[[Context, Expr, np.random.Generator, Instance], str | None]
ClaimHandler = Callable[[Claim, Context, CheckConfig], Verdict]


@dataclass(frozen=True)
class Theory:
    name: str
    canonical: Canonicaliser | None = None
    instantiate: Instantiator | None = None


# step_handler(lhs, relation, rhs, context, config) -> Verdict, or None when the step is not its kind
StepHandler = Callable[..., Verdict | None]

THEORIES: dict[str, Theory] = {}
CLAIM_HANDLERS: dict[str, ClaimHandler] = {}
STEP_HANDLERS: list[StepHandler] = []


def register_theory(theory: Theory) -> Theory:
    THEORIES[theory.name] = theory
    return theory


def claim_handler(kind: str) -> Callable[[ClaimHandler], ClaimHandler]:
    """Decorator: register the function that checks claims of ``kind``."""

    def register(function: ClaimHandler) -> ClaimHandler:
        CLAIM_HANDLERS[kind] = function
        return function

    return register


def step_handler(function: StepHandler) -> StepHandler:
    """Decorator: register a decider for steps of a special form (e.g. ``f = O(g)``, a membership)."""
    STEP_HANDLERS.append(function)
    return function


def theory(name: str) -> Theory:
    if name not in THEORIES:
        raise UsageError(f"unknown theory {name!r}; known: {', '.join(sorted(THEORIES))}")
    return THEORIES[name]
