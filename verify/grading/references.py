"""Expected answers taken from the built-in derivations, so a rubric cannot drift from them.

A complexity item says ``reference = "complexity: transformer train space"``: the
expected class is the total Theta-class the ``complexity`` derivation states (and
proves) for that quantity, under that derivation's conventions; it is looked up when
the rubric is read (``verify.grading.quantities``). Assumptions between sizes
(``h <= n``) are written in ASCII and read by the project parser.
"""
from __future__ import annotations

import functools

from sympy import Expr

from ..errors import UsageError
from ..model import Relation
from ..parsing import parse
from .reader import rename, symbols
from .rubric import ContextSpec, Item



def reference_class(item: Item) -> Expr:
    """The total Theta-class the item's ``reference`` names, in the item's symbols."""
    return rename(item.reference_class, symbols(item.context))


@functools.lru_cache(maxsize=256)
def assumptions(texts: tuple[str, ...], spec: ContextSpec) -> tuple[Expr, ...]:
    """``("h <= n",)`` as SymPy relations between the item's symbols."""
    out = []
    for text in texts:
        statement = parse(text, "ascii")
        relation = Relation.of_text(statement.relations[0]) if len(statement.relations) == 1 else None
        if relation is None or relation.direction == 0 or statement.lead:
            raise UsageError(f"an assumption must be one inequality such as 'h <= n', not {text!r}")
        left, right = (rename(e, symbols(spec)) for e in statement.exprs)
        out.append(relation.sympy(left, right))
    return tuple(out)
