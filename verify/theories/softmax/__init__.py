"""Softmax calculus: derivatives over indexed families with the Kronecker delta.

Canonical forms only (``softmax.canonical``); there is no numeric instantiation of its own,
so a step it cannot prove is left to the other theories' numbers, or undecided.
"""
from __future__ import annotations

from ..base import Theory, register_theory
from . import rules  # noqa: F401  (register the rules)
from .canonical import canonical

register_theory(Theory("softmax", canonical, None))

__all__ = ["canonical"]
