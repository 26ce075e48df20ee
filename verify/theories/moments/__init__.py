"""The moments theory: declared random variables, E, Var and Cov by named rules.

The declarations (``verify.vocabulary.random``) live in the context; ``moments.declared``
reads them and decides independence; ``moments.reduction`` reduces E of polynomials to
the moments the premises fix; ``moments.shortcuts`` holds the conditional rules on Var and
Cov; ``moments.canonical`` assembles them; ``moments.concrete`` is the numeric tier, which
draws concrete distributions satisfying the declarations and computes their moments exactly.
"""
from __future__ import annotations

from ..base import Theory, register_theory
from . import rules  # noqa: F401  (register the rules)
from .canonical import canonical


def instantiate(context, expr, rng, instance) -> str | None:
    """Concrete laws for the declared variables (``moments.concrete``), imported on first use."""
    from .concrete import instantiate as concrete

    return concrete(context, expr, rng, instance)


register_theory(Theory("moments", canonical, instantiate))

__all__ = ["canonical", "instantiate"]
