"""Jensen's inequality as a rule with its own check.

log E_q[g] >= E_q[log g] for a density q over z and g > 0, because log is concave:
an inequality, so the canonical form cannot carry it out; the checker asks the cited
rule's ``check`` instead.
"""
from __future__ import annotations

from typing import Iterator

from sympy import Expr, Integral, Mul, log

from ...model import Context, Relation
from ...verdict import Verdict, proved, unknown
from ...vocabulary import Density, Expectation
from ..algebra import canonical as algebra_canonical
from ..base import Rule, register_rule
from .canonical import canonical, over_real_line, plain, real_line_integral
from .jensen_any_law import jensen_under_any_law, larger_and_smaller

Weighting = tuple[Density, Expr, object]  # (q, g, z): the lhs reads log int q g dz


def is_law_of(q, variable) -> bool:
    """True when ``q`` integrates to one over ``variable``: a plain density of it alone (q(z | z) is not)."""
    return isinstance(q, Density) and plain(q) and q.variables == (variable,)


def _weights_in(expr: Expr, variable) -> list[Density]:
    """Densities over ``variable`` that weight ``expr`` (its expectation's law or integrand factors)."""
    if isinstance(expr, Expectation):
        return [expr.dist] if is_law_of(expr.dist, variable) else []
    return [f for f in Mul.make_args(expr) if is_law_of(f, variable)]


def weightings(inner: Expr, smaller: Expr) -> Iterator[Weighting]:
    """Ways to read ``inner`` as E_q[g]: its own law, or q from the integrand or the other side."""
    if isinstance(inner, Expectation):
        if is_law_of(inner.dist, inner.var):
            yield inner.dist, inner.body, inner.var
        return
    if not (isinstance(inner, Integral) and over_real_line(inner)):
        return
    variable, body = inner.limits[0][0], inner.function
    other = smaller.function if isinstance(smaller, Integral) else smaller
    for q in dict.fromkeys(_weights_in(body, variable) + _weights_in(other, variable)):
        yield q, body / q, variable


def _vanishes(expr: Expr, context: Context) -> bool:
    form, _ = canonical(expr, context)
    return algebra_canonical(form, context)[0] == 0


def check_jensen(lhs: Expr, relation: Relation, rhs: Expr, context: Context) -> Verdict | None:
    """Prove log E_q[g] >= E_q[log g] (or the same read right to left); None if the step is not of that form."""
    sides = larger_and_smaller(lhs, Relation(relation), rhs)
    if sides is None:
        return None
    larger, smaller = sides
    if not isinstance(larger, log):  # E[-log g] >= -log E[g]: the same, by linearity
        return jensen_under_any_law(lhs, relation, rhs, context)
    for q, g, variable in weightings(larger.args[0], smaller):
        if _vanishes(smaller - real_line_integral(q * log(g), variable), context):
            if g.is_positive:
                return proved(f"Jensen's inequality (log is concave, {q} a density, g = {g} > 0)", (JENSEN,))
            return unknown(f"Jensen's inequality needs g = {g} > 0, which is not known")
    return jensen_under_any_law(lhs, relation, rhs, context)  # the same inequality written with an expectation


JENSEN = register_rule(Rule(
    "jensen", "log E_q[g] >= E_q[log g] for g > 0 (log is concave)", check=check_jensen,
    aliases=("Jensen's inequality", "jensen inequality", "jensens inequality")))
