"""Dot products of the vectors of a bold family: ``<v_i, v_j> = sum_l v_{i,l} v_{j,l}``.

``\\langle \\mathbf{v}_i, \\mathbf{v}_j \\rangle`` with both arguments entries of one family written bold
(``\\mathbf{v}_i``: a vector by its notation) is the sum of the products of their components, over the
family's second index set. That set is not stated by the dot product itself: it is the unstated range
``1..|v|_2`` (``linalg.ranges``); that it is the range ``1..k`` a step sums the components ``v_{i,l}``
over is a guess the symbols never make (the numbers draw the two alike, so such a step is consistent).
The reading is the definition of the dot product, so symbols prove with it and numbers evaluate it
(the numeric tier had "cannot evaluate inner"). Arguments of any other kind (plain names, entries of two families, a number)
keep the undefined ``inner``: their kind is open, and a product of scalars would be a guess.
"""
from __future__ import annotations

from sympy import Dummy, Expr, Indexed, Sum
from sympy.core.function import AppliedUndef

from .ranges import unstated_size
from .rules import DOT_PRODUCT


def _bold_entry(e) -> bool:
    return isinstance(e, Indexed) and len(e.indices) == 1 and str(e.base.label).endswith("bold")


def _is_vector_inner(e) -> bool:
    return (isinstance(e, AppliedUndef) and e.func.__name__ == "inner" and len(e.args) == 2
            and all(_bold_entry(a) for a in e.args) and e.args[0].base == e.args[1].base)


def _components(e: AppliedUndef) -> Expr:
    left, right = e.args
    base = left.base
    l = Dummy("l", integer=True, positive=True)
    return Sum(base[left.indices[0], l] * base[right.indices[0], l], (l, 1, unstated_size(str(base.label), 1)))


def dot_products(expr: Expr, used: set) -> Expr:
    """Each ``inner`` of two entries of one bold family as the sum of component products (module docstring)."""
    if not expr.has(AppliedUndef):
        return expr
    done = expr.replace(_is_vector_inner, _components)
    if done != expr:
        used.add(DOT_PRODUCT)
    return done
