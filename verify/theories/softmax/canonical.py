"""Derivatives over indexed families: definitions substituted, derivatives taken, deltas collapsed.

``p_j = exp(z_j) / sum_k exp(z_k)`` (a fact with an indexed left side) defines p at every
index; d z_j / d z_i = delta_ij (SymPy's own rule for indexed symbols); then under a sum
over k, ``delta_ik f(k)`` becomes f(i) when i lies in k's range. An index's range is
read from the document's sums: a free index of a component z_i lies in the one range
over which z's components are summed (its components are exactly those its sums run
over, in the step or in the definitions of the context); when z is summed over two ranges, or
never, nothing collapses and the step stays undecided. Sums are then split and their dummies renamed (``linalg.sums``), and facts
whose left side is a sum (``sum_j y_j = 1``) are applied in that same form.

An entry of the softmax of a vector written bold (``softmax(\\mathbf{o})_j``) is
``exp(o_j) / sum_k exp(o_k)`` over the one range the step sums the components ``o_k`` over,
when that range is a whole index set ``1..n`` or ``0..n-1`` (``softmax_entries``); with no
such range, or two, it stays as written.
"""
from __future__ import annotations

import functools

from sympy import Add, Derivative, Expr, Indexed, KroneckerDelta, MatrixSymbol, Mul, Sum, Tuple, exp, expand
from sympy.core.function import AppliedUndef

from ...model import Context
from ..algebra import carried_out, normalise
from ..base import Rule
from ..linalg import apply_definitions
from ..linalg.held import holding
from ..linalg.rules import SOFTMAX_DEFINITION
from ..linalg.sums import reduced
from ...vocabulary.linalg import Softmax
from .named import named
from .rules import DIFFERENTIATION, KRONECKER_DELTA_SUM, NORMALISED_TARGET


def summed_ranges(expr: Expr) -> dict:
    """Each IndexedBase summed over exactly one range: base -> (low, high)."""
    found: dict = {}
    for node in expr.atoms(Sum):
        for k, low, high in node.limits:
            for component in node.function.atoms(Indexed):
                if k in component.indices:
                    found.setdefault(component.base, set()).add((low, high))
    return {base: next(iter(r)) for base, r in found.items() if len(r) == 1}


def _summing(scope: Expr) -> dict:
    """family name -> (its summation variable, low, high), for each family summed over one range only."""
    found: dict = {}
    for node in scope.atoms(Sum):
        for k, low, high in node.limits:
            for component in node.function.atoms(Indexed):
                if component.indices == (k,):
                    found.setdefault(str(component.base.label), {}).setdefault((low, high), (component.base, k))
    return {name: (*next(iter(r.values())), *next(iter(r))) for name, r in found.items()
            if len(r) == 1 and _whole_index_set(*next(iter(r)))}


def _whole_index_set(low, high) -> bool:
    """``1..n`` or ``0..n-1`` with ``n`` a size (a positive integer name): the way an index set of n
    components is written. Any other range (``1..n-1``, ``2..n``) is no vector's index set read off a
    step, or an off-by-one bound would define the vector it is checked against."""
    def size(e) -> bool:
        return e.is_Symbol and e.is_integer is True and e.is_positive is True

    return (low == 1 and size(high)) or (low == 0 and size(high + 1))


def _vector_family(vector) -> str | None:
    """``obold`` (``\\mathbf{o}``) is the vector whose components are the ``o_k``: the family ``o``."""
    name = vector.name if isinstance(vector, MatrixSymbol) else ""
    return name[: -len("bold")] if name.endswith("bold") and len(name) > len("bold") else None


def _is_softmax_entry(e) -> bool:
    return (isinstance(e, AppliedUndef) and e.func.__name__ == "entry" and len(e.args) == 2
            and isinstance(e.args[0], Softmax) and _vector_family(e.args[0].arg) is not None)


def softmax_entries(expr: Expr, scope: Expr) -> tuple[Expr, bool]:
    """``softmax(o)_j`` -> ``exp(o_j) / sum_k exp(o_k)`` where ``scope`` sums the components ``o_k``
    over exactly one range (that range is the vector's index set); else left as written. Says
    whether it rewrote anything."""
    if not expr.has(Softmax):
        return expr, False
    ranges = _summing(scope)

    def rewrite(e):
        family = ranges.get(_vector_family(e.args[0].arg))
        if family is None:
            return e
        base, k, low, high = family
        return exp(base[e.args[1]]) / Sum(exp(base[k]), (k, low, high))

    done = expr.replace(_is_softmax_entry, rewrite)
    return done, done != expr


def index_ranges(expr: Expr, ranges: dict) -> dict:
    """Each free index of a component -> the range of its family (when the family has one)."""
    # an index bound by one sum and free elsewhere (a definition's ``sum_j y_j o_j`` unfolded beside ``o_j``) is free
    bound = {limit[0] for node in expr.atoms(Sum) for limit in node.limits} - expr.free_symbols
    result: dict = {}
    for component in expr.atoms(Indexed):
        for index in component.indices:
            if index.is_Symbol and index not in bound and component.base in ranges:
                result.setdefault(index, set()).add(ranges[component.base])
    return {index: next(iter(r)) for index, r in result.items() if len(r) == 1}


def collapse(node: Sum, inside: dict, used: list) -> Expr:
    """sum_k delta_ik f(k) = f(i) for i known to lie in k's range; other terms stay summed."""
    if len(node.limits) != 1:
        return node
    k, low, high = node.limits[0]
    kept, collapsed = [], []
    for term in Add.make_args(expand(node.function)):
        deltas = [f for f in Mul.make_args(term) if isinstance(f, KroneckerDelta) and k in f.args]
        other = next((a for d in deltas[:1] for a in d.args if a != k), None)
        if other is not None and not other.has(k) and inside.get(other) == (low, high):
            collapsed.append((term / deltas[0]).xreplace({k: other}))
        else:
            kept.append(term)
    if not collapsed:
        return node
    if KRONECKER_DELTA_SUM not in used:
        used.append(KRONECKER_DELTA_SUM)
    return Add(*collapsed) + (Sum(Add(*kept), (k, low, high)) if kept else 0)


def fact_sides(context: Context) -> tuple:
    """The sides of the context's facts: the ranges a definition sums a family over are that family's
    too (a premise summing z over 1..n and a step over 1..n-1 give z two ranges: nothing collapses)."""
    return tuple(side for f in context.facts for side in (f.lhs, f.rhs) if isinstance(side, Expr))


def sum_facts(context: Context) -> tuple:
    return tuple(f for f in context.facts if isinstance(f.lhs, Sum))


@functools.lru_cache(maxsize=512)
def canonical(expr: Expr, context: Context) -> tuple[Expr, tuple[Rule, ...]]:
    if not expr.has(Indexed) or not (expr.has(Derivative) or expr.has(Sum)):
        return expr, named(expr, context)  # no family differentiated or summed: only a name (the sigmoid's)
    expr, used = apply_definitions(expr, context)
    used = list(dict.fromkeys(used)) + list(named(expr, context))
    inside = index_ranges(expr, summed_ranges(Tuple(expr, *fact_sides(context))))
    if expr.has(Derivative):
        expr = expr.replace(lambda e: isinstance(e, Derivative), carried_out)
        used.append(DIFFERENTIATION)
    expr = expr.replace(lambda e: isinstance(e, Sum), lambda e: collapse(e, inside, used))
    summed: set = set()
    with holding():
        form = reduced(normalise(expr), summed)
        for fact in sum_facts(context):
            lhs = reduced(normalise(fact.lhs), set())
            if form.has(lhs):
                form = form.xreplace({lhs: fact.rhs})
                used.append(NORMALISED_TARGET)
    used.extend(sorted(summed, key=str))
    return form, tuple(dict.fromkeys(used))
