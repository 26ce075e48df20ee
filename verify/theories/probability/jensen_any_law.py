r"""Jensen's inequality for log under any one law, however the expectation is written.

``log E[g] >= E[log g]`` for g > 0 holds under every probability law, so a step of that form
needs no model of the law: ``E[-\log \frac{q}{p}] \ge -\log E[\frac{q}{p}]`` ("-log is convex")
is the same inequality after linearity. The expectation may be ``E_q[...]``, the moments'
``E[...]`` or an undefined ``E(...)`` / ``E_z(...)`` of a probabilistic document; both sides must
use the *same* expectation (one law), and only numeric factors and sums are moved through it
(linearity under any law). A step that is Jensen's form flipped, scaled or shifted is not this
rule's, and is left to the other tiers. Like the integral form it is the cited Jensen rule's
check (``probability.jensen``): a chain that never names the rule is not proved by it.
"""
from __future__ import annotations

from sympy import Add, Expr, expand, expand_log, log
from sympy.core.function import AppliedUndef

from ...model import Context, Relation
from ...verdict import Verdict, proved, unknown
from ...vocabulary import Expectation, Normal
from ...vocabulary.random import Expect

PROBABILISTIC_THEORIES = frozenset({"probability", "moments"})


def is_expectation(node) -> bool:
    """An expectation node: E_q[f], the moments' E[f], or an undefined one-argument E / E_z."""
    if isinstance(node, Expectation):
        from .jensen import is_law_of

        return isinstance(node.dist, Normal) or is_law_of(node.dist, node.var)  # p(x, z) over z is no law
    if isinstance(node, Expect):
        return True
    if isinstance(node, AppliedUndef) and len(node.args) == 1:
        name = node.func.__name__
        return name == "E" or name.startswith("E_")
    return False


def body(node) -> Expr:
    return node.args[0]


def rebuilt(node, inside: Expr) -> Expr:
    """The same expectation (same law) of ``inside``."""
    return node.func(inside, *node.args[1:])


def spread(expr: Expr) -> Expr:
    """Every expectation pushed through sums and numeric factors of its (log-expanded) argument."""
    def through(node):
        inside = expand(expand_log(body(node), force=False))
        total = []
        for term in Add.make_args(inside):
            number, rest = term.as_coeff_Mul()
            total.append(number if rest == 1 else number * rebuilt(node, rest))
        return Add(*total)

    return expand(expand_log(expr, force=False)).replace(is_expectation, through)


def larger_and_smaller(lhs: Expr, relation: Relation, rhs: Expr) -> tuple[Expr, Expr] | None:
    """The sides of ``>=`` or ``<=`` as (the larger, the smaller); None for any other relation."""
    if relation is Relation.GE:
        return lhs, rhs
    if relation is Relation.LE:
        return rhs, lhs
    return None


def _candidates(expr: Expr) -> list:
    """The expectations E[g] that stand inside a log in ``expr``."""
    return [a.args[0] for a in expr.atoms(log) if is_expectation(a.args[0])]


def jensen_under_any_law(lhs: Expr, relation, rhs: Expr, context: Context, config=None) -> Verdict | None:
    """Prove E[h] >= f(E[g]) when, after linearity, it reads log E[g] >= E[log g] (g > 0) for one
    expectation; None when the step is not of that form."""
    if not PROBABILISTIC_THEORIES & set(context.theories):
        return None
    try:
        sides = larger_and_smaller(lhs, Relation(relation), rhs)
    except ValueError:
        return None
    if sides is None:
        return None
    larger, smaller = sides
    if isinstance(larger, Expr) and isinstance(smaller, Expr):
        difference = spread(larger - smaller)
    else:
        return None
    for expectation in dict.fromkeys(_candidates(larger) + _candidates(smaller)):
        g = body(expectation)
        gap = spread(log(expectation) - rebuilt(expectation, log(g)))
        if expand(difference - gap) != 0:
            continue
        if g.is_positive:
            from .jensen import JENSEN

            return proved(f"Jensen's inequality under one law: log E[g] >= E[log g] (log is concave, g = {g} > 0)",
                          (JENSEN,))
        return unknown(f"Jensen's inequality log E[g] >= E[log g] needs g = {g} > 0, which is not known")
    return None
