"""The quantities a rubric item may reference, looked up in derivations the caller names.

A complexity item says ``reference = "complexity: transformer train space"``. Grading
sits below the built-in derivations, so it never imports them: whoever loads the rubric
passes the catalogue (``derivations.BUILTIN``: topic -> module), and each reference is
looked up once, when the rubric is read.
"""
from __future__ import annotations

import importlib
from typing import Mapping

from sympy import Expr

from ..errors import UsageError

Catalogue = Mapping[str, str]  # topic -> the module that defines it, e.g. "complexity" -> "derivations.complexity"


def quantities(topic: str, derivations: Catalogue) -> dict:
    """``{name: quantity}`` of the derivation ``topic``."""
    if topic not in derivations:
        known = ", ".join(derivations) or "none were given"
        raise UsageError(f"unknown derivation {topic!r} in a rubric reference; known: {known}")
    module = importlib.import_module(derivations[topic])
    if not hasattr(module, "quantities"):
        raise UsageError(f"the derivation {topic!r} states no quantities a rubric can reference")
    return {q.name: q for q in module.quantities()}


def referenced_class(reference: str, derivations: Catalogue) -> Expr:
    """The total Theta-class of ``"topic: quantity"``, in the derivation's own symbols."""
    topic, _, name = (part.strip() for part in reference.partition(":"))
    found = quantities(topic, derivations)
    if name not in found:
        raise UsageError(f"the derivation {topic!r} has no quantity {name!r}; known: {', '.join(found)}")
    return found[name].total_class
