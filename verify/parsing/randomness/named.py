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
