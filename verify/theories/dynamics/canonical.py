"""Canonical forms for dynamics: time derivatives carried out, angle sums split.

Both rewrites are identities: ``Derivative(...).doit()`` applies the chain and product
rules exactly, and ``cos(u + c) = cos u cos c - sin u sin c`` (``c`` a constant, so
``cos c`` evaluates, e.g. ``c = pi/4``). The algebra theory finishes the form.
"""
from __future__ import annotations

import sympy
from sympy import Expr

from ...model import Context
from ..algebra import DIFFERENTIATION, differentiate, evaluated, normalise
from ..base import Rule
from .rules import ANGLE_ADDITION
from .written import entrywise_zero, rewrite_where_decided


def _angle_sum(function: Expr) -> Expr | None:
    """``cos(u + c)`` or ``sin(u + c)`` with a constant ``c`` split by the addition formula."""
    argument = sympy.expand(function.args[0])
    constant, rest = argument.as_independent(*argument.free_symbols, as_Add=True)
    if constant == 0 or rest == 0:
        return None
    u, c = rest, constant
    if isinstance(function, sympy.cos):
        return sympy.cos(u) * sympy.cos(c) - sympy.sin(u) * sympy.sin(c)
    return sympy.sin(u) * sympy.cos(c) + sympy.cos(u) * sympy.sin(c)


def shift(expr: Expr, n: Expr) -> Expr:
    """``expr`` with ``n -> n + 1``, sines and cosines split by angle addition as they are built.

    Building ``cos(pi*(n + 1)/4)`` and splitting it afterwards costs SymPy an evaluation
    attempt per function; splitting while building skips it (same identity).
    """
    placeholders, split = {}, {}
    for function in expr.atoms(sympy.cos, sympy.sin):
        if function.has(n):
            marker = sympy.Dummy()
            placeholders[function] = marker
            moved = function.func(function.args[0].xreplace({n: n + 1}), evaluate=False)
            split[marker] = _angle_sum(moved) or moved
    return expr.xreplace(placeholders).xreplace({n: n + 1}).xreplace(split)


def expand_angles(expr: Expr) -> Expr:
    """Split every sine and cosine of ``variable part + constant``."""
    replacements = {}
    for function in expr.atoms(sympy.cos, sympy.sin):
        split = _angle_sum(function)
        if split is not None:
            replacements[function] = split
    return expr.xreplace(replacements) if replacements else expr


evaluate_derivatives = differentiate  # the base theory's: one implementation of exact differentiation


def dynamics_form(expr: Expr) -> Expr:
    """The full canonical form used by the claim handlers (derivatives, angles, algebra)."""
    return normalise(expand_angles(sympy.expand(evaluate_derivatives(evaluated(expr)))))


def canonical(expr: Expr, context: Context) -> tuple[Expr, tuple[Rule, ...]]:
    """The theory's canonicaliser for chain steps; algebra runs after it."""
    expr, written = rewrite_where_decided(expr, context)  # det, tr, rho of explicit matrices; orthogonal contraction
    used: list[Rule] = list(written)  # the engine has already rebuilt ``expr`` with evaluation (algebra.evaluated)
    if expr.has(sympy.Derivative):
        expr = evaluate_derivatives(expr)
        used.append(DIFFERENTIATION)
    if expr.has(sympy.sin, sympy.cos):
        split = expand_angles(sympy.expand(expr))
        if split != expr:
            expr = split
            used.append(ANGLE_ADDITION)
    expr, entries = entrywise_zero(expr, context)
    used.extend(r for r in entries if r not in used)
    return expr, tuple(used)
