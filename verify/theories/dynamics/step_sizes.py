r"""Products of ``1 + a_t`` over step sizes: ``\prod_t (1+\eta_t^2) \ge 1 + \sum_t \eta_t^2`` and divergence.

For ``a_t >= 0`` the product ``\prod_{t=b}^{u} (1 + a_t)`` is at least ``1 + \sum_{t=b}^{u} a_t`` (expand the
product: every other term is nonnegative) and at most ``\exp(\sum a_t)``. So over an infinite range the
product diverges exactly when the sum does: ``\prod (1+\eta_t^2) = \infty`` follows from a stated
``\sum \eta_t^2 = \infty``, and a product stated finite is refuted by it. Nonnegativity of ``a_t`` is
decided from its form (a square of a real) or from a stated ``\eta_t > 0``; otherwise the step is unknown
with that reason.
"""
from __future__ import annotations

import re

import sympy
from sympy import Dummy, Expr, Indexed, Product, Sum, oo

from ...config import CheckConfig
from ...model import Context, Relation
from ...verdict import Status, Verdict, proved, unknown
from ..algebra import fact_rule
from ..base import Rule, register_rule, step_handler

PRODUCT_BOUND = register_rule(Rule(
    "product of 1 + a_t", "prod_t (1 + a_t) >= 1 + sum_t a_t for a_t >= 0 (Weierstrass), so over an infinite "
    "range the product diverges exactly when the sum does", aliases=("weierstrass product inequality",)))


def _one_plus(product: Product):
    """(a_t, limits) of ``\\prod (1 + a_t)`` over one index, else None."""
    if not isinstance(product, Product) or len(product.limits) != 1:
        return None
    rest = product.function - 1
    return rest, product.limits[0]


def _same_sum(term: Expr, limits, candidate) -> bool:
    """``candidate`` is ``\\sum`` of ``term`` over the same range (its own dummy renamed)."""
    if not isinstance(candidate, Sum) or len(candidate.limits) != 1:
        return False
    (d1, lo1, hi1), (d2, lo2, hi2) = limits, candidate.limits[0]
    return lo1 == lo2 and hi1 == hi2 and sympy.expand(candidate.function.xreplace({d2: d1}) - term) == 0


def _nonnegative(term: Expr, context: Context) -> bool:
    """``a_t >= 0``: from its form with each entry ``eta_t`` a real (positive when a premise says so)."""
    positive = {str(r.lhs) for r in context.relations
                if isinstance(r, (sympy.StrictGreaterThan, sympy.GreaterThan)) and r.rhs == 0}
    entries = {}
    for entry in term.atoms(Indexed):
        stem = str(entry.base.label).lstrip("\\")
        stated = any(re.fullmatch(rf"\\?{re.escape(stem)}_\{{?[A-Za-z]\}}?", p) for p in positive)  # eta_t > 0: every t
        entries[entry] = Dummy(positive=True) if stated else Dummy(real=True)
    return bool(term.xreplace(entries).is_nonnegative)


@step_handler
def product_step(lhs, relation, rhs, context: Context, config: CheckConfig) -> Verdict | None:
    """``\\prod (1 + a_t) >= 1 + \\sum a_t`` and ``\\prod_{t}^{\\infty} (1 + a_t) = \\infty`` (module docstring)."""
    sides = [(lhs, rhs), (rhs, lhs)]
    for product, other in sides:
        read = _one_plus(product) if isinstance(product, Product) else None
        if read is None:
            continue
        term, limits = read
        bound = relation in (Relation.GE, Relation.GT) and product is lhs or \
            relation in (Relation.LE, Relation.LT) and product is rhs
        if bound and relation in (Relation.GE, Relation.LE) and _same_sum(term, limits, other - 1):
            if not _nonnegative(term, context):
                return unknown(f"prod (1 + a_t) >= 1 + sum a_t needs a_t = {term} >= 0, which no premise gives")
            return proved(f"each a_t = {term} is nonnegative, so the product of 1 + a_t is at least 1 + their sum",
                          (PRODUCT_BOUND,))
        if relation is Relation.EQ and limits[2] == oo and other in (oo, sympy.S.Infinity):
            return _diverges(term, limits, context)
    return None


def _diverges(term: Expr, limits, context: Context) -> Verdict:
    stated = next((f for f in context.facts if _same_sum(term, limits, f.lhs)), None)
    if stated is None:
        return unknown(f"prod (1 + a_t) over an infinite range diverges exactly when sum a_t (a_t = {term}) does, "
                       "and no premise states that sum (e.g. \\sum_t a_t = \\infty)")
    if not _nonnegative(term, context):
        return unknown(f"the product and the sum diverge together only for a_t = {term} >= 0, which no premise gives")
    if stated.rhs == oo:
        return proved(f"the stated sum of a_t = {term} diverges and prod (1 + a_t) >= 1 + sum a_t",
                      (PRODUCT_BOUND, fact_rule(stated)))
    if stated.rhs.is_number and stated.rhs.is_finite:
        return Verdict(Status.REFUTED, f"the stated sum of a_t = {term} is finite ({stated.rhs}), so prod (1 + a_t) "
                                       f"<= exp({stated.rhs}) is finite, not infinite")
    return unknown(f"the stated value {stated.rhs} of the sum does not say whether it is finite")
