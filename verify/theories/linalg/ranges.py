"""Sums over an index set the document does not state (``\\sum_j \\exp(o_j)``).

Such a sum runs over SOME finite index set: the components of the family it sums. It is
read as ``Sum(f(j), (j, 1, |o|))`` with ``|o|`` the size of that family, a positive integer
that no user can write (a name with bars). Why this is faithful: an identity proved for
every value of ``|o|`` holds for every finite index set; the size is keyed by the family,
so ``\\sum_i \\exp(o_i)`` and ``\\sum_j \\exp(o_j)`` are the same sum.

Reading convention (the rule a proof names, below): a free index written inside such a sum
(or brought there by differentiating, ``d/do_k``) is taken to lie in its range, so
``sum_j delta_jk f(j) = f(k)``; the document's note lists ``|o|`` as a positive integer. Numbers: every unstated size gets one and the same small
integer (a legitimate instance whatever the intended sets), free indices a value inside.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

from sympy import (Add, Derivative, Expr, Indexed, IndexedBase, Integral, KroneckerDelta, Mul, Product, Sum, Symbol,
                   Tuple, expand)

from ...undecided import Undecided
from ..base import Rule, register_rule

KRONECKER_EQUAL_INDICES = register_rule(Rule(
    "Kronecker delta at equal indices", "delta_ij f(i, j) = delta_ij f(i, i): where the delta is not 0 the "
    "indices are equal", aliases=("delta sets the indices equal",)))
KRONECKER_APART = register_rule(Rule(
    "Kronecker delta of indices stated apart", "delta_ij = 0 where the premises state i != j",
    aliases=("i is not j",)))
KRONECKER_IN_UNSTATED_RANGE = register_rule(Rule(
    "Kronecker delta over an unstated range",
    "sum_j delta_jk f(j) = f(k), the sum over an index set the document does not state, k taken to lie in it",
    aliases=("kronecker delta under a sum over the index set",)))

_BAR = "|"


def unstated_size(family: str, position: int = 0) -> Symbol:
    """The size of the index set of ``family`` (at index ``position``), written ``|o|`` / ``|a|_2``."""
    name = f"{_BAR}{family}{_BAR}" + (f"_{position + 1}" if position else "")
    return Symbol(name, integer=True, positive=True)


def is_unstated_size(expr) -> bool:
    return isinstance(expr, Symbol) and expr.name.startswith(_BAR) and _BAR in expr.name[1:]


def summed_family(body: Expr, variable) -> tuple[str, int] | None:
    """The family a sum over ``variable`` runs through: the first (by name) entry with exactly
    ``variable`` as an index; None when no family is indexed by it (then no range is read)."""
    found = sorted((str(node.base.label), position) for node in body.atoms(Indexed)
                   for position, index in enumerate(node.indices) if index == variable)
    return found[0] if found else None


def _entry_by_name(derivative: Derivative) -> None:
    """``d/do_k`` of a sum of ``o[j]`` by a plain name ``o_k``: carried out it would be 0, though the
    name is the family's entry; undecided rather than that."""
    bases = {str(n.base.label) for n in derivative.expr.atoms(Indexed)}
    for variable in derivative.variables:
        if isinstance(variable, Symbol) and variable.name.split("_", 1)[0] in bases and "_" in variable.name:
            raise Undecided(f"the derivative by {variable}, a name like an entry of a family summed in "
                            f"{derivative.expr}: read it as that entry or as another name?")


def unstated_sums(expr: Expr) -> list:
    """Sums whose range holds an unstated size (``1..|o|``, or ``C - |o| + 1..C`` for ``\\sum_k^C``)."""
    return [s for s in expr.atoms(Sum) if any(_sized(Tuple(low, high)) for _, low, high in s.limits)]


def differentiated_sums(expr: Expr, used: set) -> Expr:
    """Derivatives of expressions holding sums carried out (``d/do_k sum_j exp(o_j)`` is
    ``sum_j delta_jk exp(o_j)``), then the deltas of unstated ranges collapsed. A derivative
    that would drop a dependence the document does not show raises ``Undecided``; where one
    would treat a defined family as a constant (``algebra.hidden_derivatives``) none is carried
    out here, since only the algebra theory, with the facts, can unfold it."""
    if not expr.has(Derivative) or not expr.has(Sum):
        return expr
    from ..algebra import DIFFERENTIATION, carried_out, hidden_derivatives  # algebra imports linalg: on use

    if hidden_derivatives(expr):
        return expr  # the chain rule through a defined family: the algebra theory unfolds it with the facts
    for derivative in expr.atoms(Derivative):
        if derivative.has(Sum):
            _entry_by_name(derivative)
    done = expr.replace(lambda e: isinstance(e, Derivative) and e.has(Sum), carried_out)
    if done != expr:
        used.add(DIFFERENTIATION)
    return _collapse_stated(collapse_deltas(done, used), expr, used)  # free indices read before differentiating


def _collapse_stated(expr: Expr, before: Expr, used: set) -> Expr:
    """``sum_{j=1}^q delta_jk f(j) = f(k)`` over a stated range, where k is a free index of a family the
    step (``before``, derivatives not yet carried out) sums over that one range only: the softmax
    theory's reading (``softmax.canonical.collapse``), the same rule here where the matrices' theory
    carries the derivative out."""
    if not expr.has(KroneckerDelta):
        return expr
    from ..softmax.canonical import collapse, index_ranges, summed_ranges  # softmax builds on linalg: on use

    inside = index_ranges(before, summed_ranges(before))
    rules: list = []
    done = _nested(expr, inside, rules, collapse)
    used.update(rules)
    return done


def _nested(expr: Expr, inside: dict, rules: list, collapse) -> Expr:
    """``collapse`` at every sum, inner sums first, each knowing its enclosing sums' indices lie in their
    ranges: ``sum_{j0=1}^C ... sum_{j1=1}^C delta_{j0 j1} f(j1)`` is ``f(j0)`` inside the outer sum."""
    if isinstance(expr, Sum) and len(expr.limits) == 1:
        k, low, high = expr.limits[0]
        body = _nested(expr.function, {**inside, k: (low, high)}, rules, collapse)
        outer = {i: r for i, r in inside.items() if i != k}
        return collapse(Sum(body, (k, low, high)), outer, rules)
    if isinstance(expr, (Add, Mul)) or (expr.is_Pow and expr.has(Sum)):
        return expr.func(*(_nested(a, inside, rules, collapse) for a in expr.args))
    if getattr(expr, "is_Function", False) and expr.has(Sum):
        return expr.func(*(_nested(a, inside, rules, collapse) for a in expr.args))
    return expr


def stated_apart(relations) -> set:
    """The pairs of indices the premises state to differ (``j \\neq i`` is read as ``(j - i)^2 > 0``)."""
    pairs = set()
    for relation in relations:
        if not (relation.is_Relational and relation.rel_op == ">" and relation.rhs == 0 and relation.lhs.is_Pow
                and relation.lhs.exp == 2):
            continue
        base = relation.lhs.base
        names = sorted((s for s in base.free_symbols if isinstance(s, Symbol)), key=str)
        if len(names) == 2 and expand(base**2 - (names[0] - names[1])**2) == 0:
            pairs.add(frozenset(names))
    return pairs


def at_apart_indices(expr: Expr, relations, used: set) -> Expr:
    """``delta_ij = 0`` for two free indices the premises state apart; a delta of a summed index stays."""
    pairs = stated_apart(relations)
    if not pairs or not expr.has(KroneckerDelta):
        return expr
    bound = {v for node in expr.atoms(Sum, Product, Integral) for v in node.variables}
    zero = {d: 0 for d in expr.atoms(KroneckerDelta) if frozenset(d.args) in pairs and not set(d.args) & bound}
    if not zero:
        return expr
    used.add(KRONECKER_APART)
    return expr.xreplace(zero)


def at_equal_indices(expr: Expr, used: set) -> Expr:
    """``delta_ij f(i, j) = delta_ij f(i, i)`` in each term a delta of two free indices multiplies: where the
    delta is 0 the term is 0 whatever f is, and where it is 1 the indices are equal. The later index (by
    name) becomes the earlier; a term that binds it (a sum over j) is left as written."""
    if not expr.has(KroneckerDelta):
        return expr
    terms, changed = [], False
    for term in Add.make_args(expand(expr)):
        delta = next((f for f in Mul.make_args(term) if isinstance(f, KroneckerDelta)
                      and all(isinstance(a, Symbol) for a in f.args)), None)
        if delta is not None:
            keep, drop = sorted(delta.args, key=str)
            rest = term / delta
            bound = {v for node in rest.atoms(Sum, Product, Integral) for v in node.variables}
            if drop not in bound and rest.has(drop):
                term, changed = rest.xreplace({drop: keep}) * delta, True
        terms.append(term)
    if changed:
        used.add(KRONECKER_EQUAL_INDICES)
    return Add(*terms)


def collapse_deltas(expr: Expr, used: set) -> Expr:
    """``sum_{j=1}^{|o|} delta_jk f(j) = f(k)`` for a free index k: k lies in the unstated range
    (the reading convention); terms without such a delta stay summed."""
    return _collapse_stated(collapse_unstated(expr, used), expr, used)


def collapse_unstated(expr: Expr, used: set) -> Expr:
    """``collapse_deltas`` over the unstated ranges only: no written range is taken to hold a free index."""
    if not expr.has(KroneckerDelta):
        return expr
    sums = set(unstated_sums(expr))
    if sums:
        bound = {limit[0] for node in expr.atoms(Sum) for limit in node.limits}  # an outer sum's index: its own range
        expr = expr.replace(lambda e: isinstance(e, Sum) and e in sums, lambda e: _collapse(e, bound, used))
    return expr


def _collapse(node: Sum, bound: set, used: set) -> Expr:
    if len(node.limits) != 1:
        return node
    k, low, high = node.limits[0]
    if not _sized(Tuple(low, high)):
        return node
    kept, collapsed = [], []
    for term in Add.make_args(expand(node.function)):
        deltas = [f for f in Mul.make_args(term) if isinstance(f, KroneckerDelta) and k in f.args]
        other = next((a for d in deltas[:1] for a in d.args if a != k), None)
        if isinstance(other, Symbol) and other.is_integer and other not in bound and not is_unstated_size(other):
            collapsed.append((term / deltas[0]).xreplace({k: other}))
        else:
            kept.append(term)
    if not collapsed:
        return node
    used.add(KRONECKER_IN_UNSTATED_RANGE)
    return Add(*collapsed) + (Sum(Add(*kept), (k, low, high)) if kept else 0)


def _sized(expr: Expr) -> set:
    return {s for s in expr.free_symbols if is_unstated_size(s)}


@dataclass(frozen=True)
class SizePlan:
    """The names ``draw_sizes`` gives values, each kind in drawing order: found once per expression,
    since no drawn value changes them (finding them walked the expression four times a draw)."""

    sizes: tuple  # the unstated sizes |o|
    stated: tuple  # stated sizes of the same families (C of sum_{i=1}^C y_i)
    tops: tuple  # written upper bounds of sums whose lower bound is not written
    indices: tuple  # free indices of entries

    @staticmethod
    @functools.lru_cache(maxsize=64)
    def of(expr: Expr) -> "SizePlan":
        sizes = tuple(sorted(_sized(expr), key=str))
        if not sizes:
            return SizePlan((), (), (), ())
        bound = {limit[0] for node in expr.atoms(Sum) for limit in node.limits}
        return SizePlan(sizes, tuple(sorted(_stated_sizes(expr), key=str)), tuple(sorted(_tops(expr), key=str)),
                        tuple(sorted(_free_indices(expr, bound), key=str)))


def draw_sizes(expr: Expr, rng, instance) -> None:
    """One small size for every unstated range (the same for all: a legitimate instance whatever
    index sets were meant) and each free index of a family inside it."""
    plan = SizePlan.of(expr)
    sizes = [s for s in plan.sizes if s not in instance.values]
    if not sizes:
        return
    given = [instance.values[s] for s in plan.stated if s in instance.values]
    size = int(given[0]) if given else int(rng.integers(2, 5))
    for symbol in [s for s in plan.stated if s not in instance.values]:  # y summed over 1..C and over 1..|y|
        instance.values[symbol] = float(size)
        instance.described.append((str(symbol), str(size)))
    for symbol in sizes:
        instance.values[symbol] = float(size)
        instance.described.append((str(symbol), str(size)))
    for top in [t for t in plan.tops if t not in instance.values]:  # \sum_k^C: C = |o|, the range 1..|o|
        instance.values[top] = float(size)
        instance.described.append((str(top), str(size)))
    for index in [i for i in plan.indices if i not in instance.values]:
        instance.values[index] = float(rng.integers(1, size + 1))
        instance.described.append((str(index), str(int(instance.values[index]))))


def draw_stated_indices(expr: Expr, scope: Expr, rng, instance) -> None:
    """Each free index of an entry in ``expr`` (``z_j`` of ``d/dz_j``) that has no value yet, drawn inside the
    one stated range its family is summed over in ``scope`` (the step and the facts), with the sizes of that
    range drawn small first: the softmax theory's reading of an index (``softmax.numeric``), for the steps
    the matrices' theory draws. An index outside its family's range names no entry, and proves nothing."""
    from ..softmax.canonical import index_ranges, summed_ranges  # softmax builds on linalg: on use
    from ...evaluation import Evaluator

    inside = index_ranges(expr, summed_ranges(scope))
    for index, (low, high) in sorted(inside.items(), key=lambda item: str(item[0])):
        if index in instance.values or index.is_integer is False:
            continue
        sizes = sorted((low.free_symbols | high.free_symbols) - set(instance.values), key=str)
        if not all(s.is_integer and s.is_positive for s in sizes):
            continue
        for size in sizes:
            instance.values[size] = float(rng.integers(2, 5))
            instance.described.append((str(size), str(int(instance.values[size]))))
        bounds = [Evaluator(instance.values)(b) for b in (low, high)]
        if not all(float(b).is_integer() for b in bounds) or bounds[0] > bounds[1]:
            continue
        instance.values[index] = float(rng.integers(int(bounds[0]), int(bounds[1]) + 1))
        instance.described.append((str(index), str(int(instance.values[index]))))


@dataclass(frozen=True)
class SumPremise:
    """``sum_{k=low}^{high} a_k = total`` stated of a family nothing defines: the numeric tier draws
    the family's entries in that range so that the sum holds (``sampling.premised_entries``)."""

    base: IndexedBase
    low: Expr
    high: Expr
    total: Expr


def sum_premise(fact, context) -> SumPremise | None:
    """The premise ``fact`` as a drawable ``SumPremise``: one index, the bare entry summed, a real
    number as total, a family no fact defines (a defined family's values are its definition's), and
    no other premise on the family's sums (two constraints are not drawn together). Else None."""
    lhs = fact.lhs
    if not isinstance(lhs, Sum) or len(lhs.limits) != 1 or not (fact.rhs.is_number and fact.rhs.is_real):
        return None
    k, low, high = lhs.limits[0]
    body = lhs.function
    if not isinstance(body, Indexed) or body.indices != (k,):
        return None
    if any(isinstance(f.lhs, Indexed) and f.lhs.base == body.base for f in context.facts):
        return None
    others = [f for f in context.facts if f is not fact and isinstance(f.lhs, Sum)
              and body.base in {n.base for n in f.lhs.atoms(Indexed)}]
    return None if others else SumPremise(body.base, low, high, fact.rhs)


def stated_sum_premise(scope: Expr, context) -> str | None:
    """A premise on a sum over an unstated range (``sum_i y_i = 1``) constrains the draws of its
    family; free draws would break it, and a draw that breaks a premise refutes nothing. A premise
    the numeric tier draws to (``sum_premise``) is no obstacle. Asked at every draw of a check with
    the same context and an equal scope: the last answer is kept (the slot keeps the context alive,
    so its identity cannot be another's)."""
    last = _LAST_PREMISE[0]
    if last is not None and last[0] is context and last[1] == scope:
        return last[2]
    reason = _stated_sum_premise(scope, context)
    _LAST_PREMISE[0] = (context, scope, reason)
    return reason


_LAST_PREMISE: list = [None]


def _stated_sum_premise(scope: Expr, context) -> str | None:
    families = {n.base for n in scope.atoms(Indexed)}
    for fact in context.facts:
        if isinstance(fact.lhs, Sum) and unstated_sums(fact.lhs) and {n.base for n in fact.lhs.atoms(Indexed)} & families:
            if sum_premise(fact, context) is None:
                return f"no values satisfying the premise {fact.lhs} = {fact.rhs} are drawn"
    return None


def _stated_sizes(expr: Expr) -> set:
    """Stated sizes ``C`` of families that ``expr`` also sums over an unstated range: ``y`` summed over
    ``1..C`` in ``L = -sum_{i=1}^C y_i log yhat_i`` and over ``i != j`` (``1..|y|``) in a step has one
    index set, so ``|y|`` and ``C`` take one value."""
    unstated = {str(n.base.label) for s in unstated_sums(expr) for n in s.function.atoms(Indexed)}
    sizes = _sized(expr)
    found = set()
    for node in expr.atoms(Sum):
        for k, low, high in node.limits:
            named = {str(n.base.label) for n in node.function.atoms(Indexed) if n.indices == (k,)}
            at = {unstated_size(str(n.base.label), p) for n in node.function.atoms(Indexed)
                  for p, i in enumerate(n.indices) if i == k}  # v_{i,l} summed over l: v's second index set
            if low == 1 and isinstance(high, Symbol) and high.is_integer and not is_unstated_size(high) \
                    and (named & unstated or at & sizes):
                found.add(high)
    return found


def _tops(expr: Expr) -> set:
    """The written upper bounds (C of ``\\sum_k^C``) of sums whose lower bound is not written."""
    return {high for node in unstated_sums(expr) for _, low, high in node.limits
            if isinstance(high, Symbol) and not is_unstated_size(high) and _sized(low)}


def _free_indices(expr: Expr, bound: set) -> set:
    """Free integer indices of entries, and the index of an entry differentiated by (``d/do_k``) however
    it was declared: a derivative's variables are not among its free symbols, so nothing else draws it."""
    variables = {i for d in expr.atoms(Derivative) for v in d.variables if isinstance(v, Indexed) for i in v.indices}
    return {i for node in expr.atoms(Indexed) for i in node.indices
            if isinstance(i, Symbol) and (i.is_integer or i in variables) and i not in bound}


def unify_sizes(expr: Expr, scope: Expr) -> Expr:
    """Families summed together under one unstated index (``sum_i y_i log p_i``) share its index
    set: their sizes become one (the first name of the class), everywhere in ``expr``; ``scope``
    holds every formula of the step and its context, so each formula reads the same classes."""
    sizes = _sized(scope)
    if not sizes:
        return expr
    parent = {s: s for s in sizes}

    def root(s):
        while parent[s] != s:
            s = parent[s]
        return s

    for node in unstated_sums(scope):
        for variable, low, high in node.limits:
            own = _sized(Tuple(low, high))
            members = own | ({unstated_size(str(n.base.label), p) for n in node.function.atoms(Indexed)
                              for p, i in enumerate(n.indices) if i == variable} & sizes if own else set())
            for member in members:
                a, b = sorted((root(member), root(next(iter(sorted(own, key=str))))), key=str)
                parent[b] = a
    mapping = {s: root(s) for s in sizes if root(s) != s}
    return expr.xreplace(mapping) if mapping else expr


__all__ = ["SumPremise", "sum_premise", "stated_sum_premise", "unify_sizes", "draw_sizes", "unstated_size", "is_unstated_size", "summed_family", "unstated_sums", "collapse_deltas", "at_equal_indices"]
