"""Softmax calculus: derivatives over indexed families with the Kronecker delta.

Canonical forms in ``softmax.canonical``; the named identities (Jacobian, cross-entropy
gradient, sigmoid derivative, log-sum-exp derivative and shift) it recognises in
``softmax.named``; numbers (components drawn, definitions unfolded before differentiating,
indices inside their family's range) in ``softmax.numeric``.
"""
from __future__ import annotations

from ..base import Theory, register_theory
from . import rules  # noqa: F401  (register the rules)
from .canonical import canonical



def instantiate(context, expr, rng, instance) -> str | None:
    """Numbers for ``expr`` (``softmax.numeric``), imported on first use: proved steps never need them."""
    from .numeric import instantiate as numbers

    return numbers(context, expr, rng, instance)


register_theory(Theory("softmax", canonical, instantiate))

__all__ = ["canonical", "instantiate"]
