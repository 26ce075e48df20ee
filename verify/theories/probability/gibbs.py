"""Gibbs' inequality: a KL divergence between two laws is never negative.

An inequality, so no canonical form carries it; it is decided here, in two ways:
- as written: ``KL(a || b) >= 0`` (or a sum of KL and JSD terms with positive weights), for
  arguments that are laws (plain densities, normals, names used as laws, mixtures of names);
- cited (``by Gibbs``): ``f >= 0`` where ``f``'s canonical form is that of KL(a || b) for two laws
  of one variable written in the step (``int p log p - int p log q >= 0``).
Arguments that are no laws (``KL(P || P + Q)``) are not decided: the inequality needs both to be
probability laws.
"""
from __future__ import annotations

from itertools import permutations

from sympy import Add, Expr, Integer
from sympy.core.function import AppliedUndef

from ...model import Context, Relation
from ...verdict import Verdict, proved
from ...vocabulary import KL, Density, Normal
from ..algebra import canonical as algebra_canonical
from ..base import Rule, register_rule, step_handler
from .canonical import canonical, plain
from .divergences import JSD_NAMES, law_names, mixture_terms


def is_law(arg: Expr) -> bool:
    """A plain density of one variable, a normal, or a name (or mixture of names) used as a law."""
    if isinstance(arg, Density):
        return plain(arg) and len(arg.variables) == 1
    return isinstance(arg, Normal) or mixture_terms(arg) is not None


def nonnegative_divergence(term: Expr) -> bool:
    """True for c KL(a || b) or c JSD(a, b) with c a positive number and a, b laws."""
    weight, node = term.as_coeff_Mul()
    if not (weight.is_Number and weight > 0):
        return False
    named_jsd = isinstance(node, AppliedUndef) and node.func.__name__ in JSD_NAMES and len(node.args) == 2
    return (isinstance(node, KL) or named_jsd) and all(is_law(a) for a in node.args)


def sides(lhs: Expr, relation: Relation, rhs: Expr) -> tuple[Expr, Expr] | None:
    """(larger, smaller) of a >= or <= step, else None (KL may be 0: > is not Gibbs')."""
    relation = Relation(relation)
    if relation is Relation.GE:
        return lhs, rhs
    if relation is Relation.LE:
        return rhs, lhs
    return None


@step_handler
def gibbs_as_written(lhs: Expr, relation: Relation, rhs: Expr, context: Context, config=None) -> Verdict | None:
    """KL(a || b) >= 0 for laws a, b (and positive sums of such divergences); None otherwise."""
    found = sides(lhs, relation, rhs)
    if found is None or found[1] != 0 or not found[0].has(KL, AppliedUndef):
        return None
    if all(nonnegative_divergence(t) for t in Add.make_args(found[0])):
        return proved("Gibbs' inequality: a KL divergence between two laws is never negative", (GIBBS,))
    return None


def candidate_laws(expr: Expr) -> list[tuple[Expr, Expr]]:
    """Ordered pairs of laws of one variable written in ``expr``: plain densities, or names used as laws."""
    densities = [d for d in expr.atoms(Density) if plain(d) and len(d.variables) == 1]
    pairs = [(a, b) for a, b in permutations(densities, 2) if a.variables == b.variables]
    names = sorted(law_names(expr), key=str)
    return pairs + list(permutations(names, 2))


def check_gibbs(lhs: Expr, relation: Relation, rhs: Expr, context: Context) -> Verdict | None:
    """Prove f >= 0 when f's canonical form is that of KL(a || b) for two laws a, b of the step."""
    found = sides(lhs, relation, rhs)
    if found is None:
        return None
    written = gibbs_as_written(lhs, relation, rhs, context)
    if written is not None:
        return written
    difference = found[0] - found[1]
    for a, b in candidate_laws(difference):
        form, _ = canonical(difference - KL(a, b), context)
        if algebra_canonical(form, context)[0] == Integer(0):
            return proved(f"Gibbs' inequality: the larger side less the smaller is KL({a} || {b}) >= 0", (GIBBS,))
    return None


GIBBS = register_rule(Rule(
    "Gibbs' inequality", "KL(p || q) >= 0 for probability laws p, q (equality iff p = q)", check=check_gibbs,
    aliases=("gibbs", "gibbs inequality", "non-negativity of KL", "KL is non-negative", "information inequality",
             "KL divergence is non-negative")))

__all__ = ["GIBBS", "check_gibbs", "gibbs_as_written"]
