"""Expected answers taken from the built-in derivations, so a rubric cannot drift from them.

A complexity item says ``reference = "complexity: transformer train space"``: the
expected class is the total Theta-class the ``complexity`` derivation states (and
proves) for that quantity, under that derivation's conventions. Assumptions between
sizes (``h <= n``) are written in ASCII and read by the project parser.
"""
from __future__ import annotations

import functools
import importlib

import sympy
from sympy import Expr

from ..errors import UsageError
from ..parsing import parse
from .reader import rename, symbols
from .rubric import ContextSpec

_RELATIONS = {"<=": sympy.Le, ">=": sympy.Ge, "<": sympy.Lt, ">": sympy.Gt}


@functools.lru_cache(maxsize=8)
def _quantities(topic: str) -> dict:
    from derivations import BUILTIN

    if topic not in BUILTIN:
        raise UsageError(f"unknown derivation {topic!r} in a rubric reference; known: {', '.join(BUILTIN)}")
    module = importlib.import_module(BUILTIN[topic])
    if not hasattr(module, "quantities"):
        raise UsageError(f"the derivation {topic!r} states no quantities a rubric can reference")
    return {q.name: q for q in module.quantities()}


def reference_class(reference: str, spec: ContextSpec) -> Expr:
    """The total Theta-class of ``"topic: quantity"``, in the item's symbols."""
    topic, _, name = (part.strip() for part in reference.partition(":"))
    found = _quantities(topic)
    if name not in found:
        raise UsageError(f"the derivation {topic!r} has no quantity {name!r}; known: {', '.join(found)}")
    return rename(found[name].total_class, symbols(spec))


@functools.lru_cache(maxsize=256)
def assumptions(texts: tuple[str, ...], spec: ContextSpec) -> tuple[Expr, ...]:
    """``("h <= n",)`` as SymPy relations between the item's symbols."""
    out = []
    for text in texts:
        statement = parse(text, "ascii")
        if len(statement.relations) != 1 or statement.relations[0] not in _RELATIONS or statement.lead:
            raise UsageError(f"an assumption must be one inequality such as 'h <= n', not {text!r}")
        left, right = (rename(e, symbols(spec)) for e in statement.exprs)
        out.append(_RELATIONS[statement.relations[0]](left, right))
    return tuple(out)
