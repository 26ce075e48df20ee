"""The canonical form of expressions in E, Var and Cov: moments the premises fix.

The context's definitions are substituted first (a name defined as a random expression
is random). Then bottom-up, innermost operator first: a dot product of declared vectors becomes the sum
of its component products; a Var or Cov first tries the rules whose conditions the
premises establish (``moments.shortcuts``), then its definition; every E is reduced by
``moments.reduction``. Each rewrite is an identity under the declarations, so a zero
residual is a proof; what no rule reduces stays as an irreducible E of one block.
"""
from __future__ import annotations

import functools

from sympy import Basic, Dummy, Expr, IndexedBase, Sum, expand

from ...model import Context
from ...undecided import Undecided
from ...vocabulary import KL, Density, Expectation, Normal
from ...vocabulary.linalg import Dot
from ...vocabulary.random import Cov, Expect, Var
from ..algebra import apply_facts, fact_rule, normalise
from ..base import Rule
from ..linalg.held import holding
from ..linalg.sums import reduced
from .declared import RandomModel, random_model
from .gaussian import gaussian_kl, matrix_scalars, under_normal
from .reduction import expectation, note
from .rules import COVARIANCE_DEFINITION, DOT_PRODUCT, VARIANCE_DEFINITION
from .shortcuts import VARIANCE_SHORTCUTS, covariance_of_independent

OPERATORS = (Expect, Var, Cov, Expectation, KL, Dot)


def bottom_up(expr: Basic, rewrite) -> Basic:
    if not isinstance(expr, Basic) or not expr.args:
        return expr
    args = tuple(bottom_up(a, rewrite) for a in expr.args)
    if args != expr.args:
        expr = expr.func(*args)
    return rewrite(expr)


def dot_product(node: Dot, model: RandomModel, used: list) -> Expr:
    """q . k = sum_{i=1}^{n} q_i k_i for declared vectors q, k of one length n."""
    first, second = node.args
    if not (isinstance(first, IndexedBase) and isinstance(second, IndexedBase)):
        return node
    a, b = (model.by_key.get(str(v.label)) for v in (first, second))
    if a is None or b is None or a.length is None or a.length != b.length:
        return node
    i = Dummy("i", integer=True, positive=True)
    note(used, DOT_PRODUCT)
    return Sum(first[i] * second[i], (i, 1, a.length))


def variance(node: Var, model: RandomModel, used: list, strict: bool) -> Expr:
    """A conditional rule when its condition holds, else Var(X) = E[X^2] - E[X]^2."""
    model.check_constants(node.args[0])
    for shortcut in () if strict else VARIANCE_SHORTCUTS:
        rewritten = shortcut(node, model, used)
        if rewritten is not None:
            return reduce(rewritten, model, used, strict)
    note(used, VARIANCE_DEFINITION)
    argument = node.args[0]
    return expand(expectation(argument**2, model, used, strict) - expectation(argument, model, used, strict) ** 2)


def covariance(node: Cov, model: RandomModel, used: list, strict: bool) -> Expr:
    """Cov(X, Y) = 0 for independent X, Y, else Cov(X, Y) = E[XY] - E[X] E[Y]."""
    model.check_constants(node.args[0] + node.args[1])
    if not strict and covariance_of_independent(node, model, used) is not None:
        return covariance_of_independent(node, model, used)
    note(used, COVARIANCE_DEFINITION)
    first, second = node.args
    return expand(expectation(first * second, model, used, strict)
                  - expectation(first, model, used, strict) * expectation(second, model, used, strict))


def reduce(expr: Expr, model: RandomModel, used: list, strict: bool = False) -> Expr:
    """Every operator in ``expr`` rewritten, innermost first."""
    declared = bool(model.variables)  # with nothing declared random, E, Var and Cov stay as written

    def rewrite(node):
        if isinstance(node, Expectation):
            return under_normal(node, used)
        if isinstance(node, KL):
            return gaussian_kl(node, used)
        if not declared:
            return node
        if isinstance(node, Dot):
            return dot_product(node, model, used)
        stated = next((f for f in model.stated if f.lhs == node), None)
        if stated is not None and not strict:  # a moment the premises state: their value, by their word
            note(used, fact_rule(stated))
            return stated.rhs
        if isinstance(node, Expect):
            return expectation(node.body, model, used, strict)
        if isinstance(node, Var):
            return variance(node, model, used, strict)
        if isinstance(node, Cov):
            return covariance(node, model, used, strict)
        return node

    return bottom_up(expr, rewrite)


def _only_densities(expr: Expr, context: Context) -> bool:
    """An expression whose averages and divergences are all of densities known only by name (``KL(q(z|x)
    \\| p(z|x))``, ``E_{q(z|x)}[...]``), no moment operator and no premise giving one of its densities a
    normal law: the probability theory's. Put through the facts, ``p(z|x)`` inside the KL would become
    Bayes' right side, a divergence of no density, which no rule unfolds; so the facts stay outside it."""
    if expr.has(Expect, Var, Cov, Dot, Normal):
        return False
    nodes = [n for n in expr.atoms(KL, Expectation)]
    if not all(isinstance(a, Density) for n in nodes if isinstance(n, KL) for a in n.args) or \
            not all(isinstance(n.dist, Density) for n in nodes if isinstance(n, Expectation)):
        return False
    densities = expr.atoms(Density)
    return not any(f.rhs.has(Normal) for f in context.facts if f.lhs in densities)


def _facts_outside_divergences(expr: Expr, context: Context) -> tuple[Expr, tuple[Rule, ...]]:
    """The premises' facts applied everywhere but inside a divergence of two densities, which the
    probability theory unfolds as written (``CE(P, Q)`` defined by an expectation is still written out)."""
    defined = {f.lhs for f in context.facts}
    held = {node: Dummy("KL") for node in expr.atoms(KL) if node not in defined}
    value, facts = apply_facts(expr.xreplace(held), context)
    return value.xreplace({d: node for node, d in held.items()}), tuple(facts)


@functools.lru_cache(maxsize=1024)
def canonical(expr: Expr, context: Context) -> tuple[Expr, tuple[Rule, ...]]:
    """The canonical form and the rules that fired; undecidable parts are left as written."""
    if not expr.has(*OPERATORS) or not context.random_variables and not expr.has(Expectation, KL):
        return expr, ()
    if _only_densities(expr, context):
        return _facts_outside_divergences(expr, context)
    expr, facts = apply_facts(expr, context)  # s := q.k / sqrt(d_k) first: Var(s) is not Var of a constant
    used: list = list(facts)
    try:
        form = normalise(matrix_scalars(reduce(expr, random_model(context), used)))
    except Undecided:
        return expr, tuple(facts)
    if form.has(Sum):  # a diagonal KL's sum beside the written one: both split, dummies renamed
        summed: set = set()
        with holding():
            form = reduced(form, summed)
        used.extend(sorted(summed, key=str))
    return form, tuple(used)
