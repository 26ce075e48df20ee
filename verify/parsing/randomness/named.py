"""Distributions named by a bare letter (``D_{KL}(P \\| Q)``, ``E_{x \\sim P}``) read as their densities.

The evidence is a premise that defines the divergence of the named laws by densities the
document writes: ``D_{KL}(P \\| Q) = \\int p(x) \\log \\frac{p(x)}{q(x)} dx`` (or the same as
``E_{x \\sim P}[\\log p(x)/q(x)]``). Its right side is the definition of KL(p(x) || q(x)) exactly
when P has the density p and Q the density q, so P is read as p(x) and Q as q(x) (checked
symbolically: a right side that is not that definition, a swapped order or a missing log, ties
nothing). The letters themselves say nothing: ``P`` is never read as ``p`` without such a premise.
"""
from __future__ import annotations

from sympy import Expr, Symbol
from sympy.core.function import AppliedUndef

from ...model import Context
from ...theories.algebra import normalise
from ...theories.probability.canonical import canonical
from ...vocabulary import KL, Density, Expectation

_EMPTY = Context(symbols=(), theories=("probability", "algebra"))


def _same(left: Expr, right: Expr) -> bool:
    first, _ = canonical(left, _EMPTY)
    second, _ = canonical(right, _EMPTY)
    return normalise(first - second) == 0


def _candidates(expr: Expr) -> list[Density]:
    return sorted({d for d in expr.atoms(Density) if len(d.variables) == 1 and not d.given}, key=str)


def named_densities(statements) -> dict[str, Density]:
    """The name of a bare law -> its density, from the premises ``KL(P, Q) = <the definition of KL(p, q)>``."""
    found: dict[str, Density] = {}
    for statement in statements:
        if statement.lead or list(statement.relations) != ["="] or len(statement.exprs) != 2:
            continue
        left, right = statement.exprs
        if not isinstance(left, KL) or not all(isinstance(a, Symbol) for a in left.args):
            continue
        first, second = left.args
        if first == second:
            continue
        for a in _candidates(right):
            for b in _candidates(right):
                if a.name == b.name or a.variables != b.variables:
                    continue
                if _same(by_densities(right, {first.name: a, second.name: b}), KL(a, b)):
                    found.setdefault(first.name, a)
                    found.setdefault(second.name, b)
    return found


def by_densities(expr: Expr, named: dict[str, Density]) -> Expr:
    """KL and expectations of the named laws as KL and expectations of their densities."""
    if not named:
        return expr

    def law(node: Expr, variable=None) -> Expr:
        density = named.get(node.name) if isinstance(node, Symbol) else None
        if density is None:
            return node
        if variable is not None and density.variables != (variable,):
            return Density(density.name, (variable,))
        return density

    def rewrite(node: Expr) -> Expr:
        if isinstance(node, KL):
            first, second = node.args
            if all(isinstance(law(a), Density) for a in (first, second)):
                a, b = law(first), law(second)
                if a.variables == b.variables:
                    return KL(a, b)
            return node
        if isinstance(node, Expectation) and isinstance(law(node.dist, node.var), Density):
            return Expectation(node.body, law(node.dist, node.var))
        return node

    return expr.replace(lambda e: isinstance(e, (KL, Expectation)), rewrite)


def divergence_names(statements) -> set[str]:
    """Names of functions a premise defines as the KL divergence: ``\\mathcal{D}(P \\| Q) =
    E_{x \\sim P}[\\log P(x) - \\log Q(x)]`` (any right side of the premise that is, with P read as
    P(x) and Q as Q(x), exactly the definition of KL(P(x) || Q(x))). The name itself says nothing."""
    found: set[str] = set()
    for statement in statements:
        if statement.lead or set(statement.relations) != {"="} or len(statement.exprs) < 2:
            continue
        left, *rights = statement.exprs
        if isinstance(left, KL) or not (isinstance(left, AppliedUndef) and len(left.args) == 2):
            continue
        first, second = left.args
        if not (isinstance(first, Symbol) and isinstance(second, Symbol)) or first == second:
            continue
        for right in rights:
            right = right.replace(lambda e: isinstance(e, AppliedUndef) and e.func.__name__ in (first.name, second.name)
                                  and len(e.args) == 1 and isinstance(e.args[0], Symbol),
                                  lambda e: Density(e.func.__name__, e.args))  # P(x) read as a density
            variables = {v for d in right.atoms(Density) if d.name in (first.name, second.name) for v in d.variables}
            if len(variables) != 1:
                continue
            x = next(iter(variables))
            a, b = Density(first.name, (x,)), Density(second.name, (x,))
            if _same(by_densities(right, {first.name: a, second.name: b}), KL(a, b)):
                found.add(left.func.__name__)
                break
    return found


def as_divergences(expr: Expr, names: set[str]) -> Expr:
    """Each application of a function defined as the KL divergence, to two densities, as their KL."""
    if not names:
        return expr
    return expr.replace(lambda e: isinstance(e, AppliedUndef) and e.func.__name__ in names and len(e.args) == 2
                        and all(isinstance(a, Density) for a in e.args), lambda e: KL(*e.args))
