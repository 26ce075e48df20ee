r"""A sum over a discrete latent, ``\sum_z p(x, z)``, as the integral of its densities against counting measure.

The reader gives ``\sum_z f`` (no bounds) as an undefined ``sum_z(f)``. When f holds a density of
z, z is a latent variable summed over its values, and every rule the probability theory applies
to ``\int ... dz`` holds for that sum as well: linearity, normalisation (``\sum_z q(z) = 1``),
marginalisation (``\sum_z p(x, z) = p(x)``), the log rules and Jensen's inequality. So the sum is
written as the theory's integral over z; the note says so. A sum without a density of its
variable (``\sum_i a_i``) is left as read.
"""
from __future__ import annotations

from dataclasses import replace

from sympy import Expr, Integral, Symbol, oo
from sympy.core.function import AppliedUndef

from ...vocabulary import Density
from .rewriting import rewrite_chain

PREFIX = "sum_"


def _variable(node, symbols: dict) -> Symbol | None:
    """z of ``sum_z(f)`` when f holds a density of z, else None."""
    if not (isinstance(node, AppliedUndef) and node.func.__name__.startswith(PREFIX) and len(node.args) == 1):
        return None
    name = node.func.__name__[len(PREFIX):]
    for density in node.args[0].atoms(Density):
        for v in density.variables + density.given:
            if getattr(v, "name", None) == name:
                return v
    return None


def as_integrals(expr: Expr, symbols: dict) -> Expr:
    """Each ``sum_z(f)`` over a latent z as the integral of f over z (module doc)."""
    return expr.replace(lambda e: _variable(e, symbols) is not None,
                        lambda e: Integral(e.args[0], (_variable(e, symbols), -oo, oo)))


def with_discrete_sums(document):
    """The document with sums over a discrete latent read as integrals against counting measure."""
    symbols = {s.name: s for s in document.context.symbols if isinstance(s, Symbol)}
    chains = tuple(rewrite_chain(c, lambda e: as_integrals(e, symbols)) for c in document.chains)
    if chains == document.chains:
        return document
    context = document.context
    notes = context.notes + ("a sum over a latent variable read as the integral against counting measure "
                             "(the same rules hold)",)
    if "probability" not in context.theories:
        context = replace(context, theories=("probability",) + tuple(context.theories))
    return replace(document, chains=chains, context=replace(context, notes=notes))
