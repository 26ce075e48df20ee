"""The linear-algebra theory: matrices, rows, softmax, concatenation, finite sums.

Canonical form of a step ``lhs - rhs``: defining facts substituted; ``q_i`` read as
row ``i`` of ``Q`` when ``Q`` occurs (see ``verify.vocabulary.linalg``); a matrix
replaced by its entry at a symbolic (r, c), a vector by its component at c
(``linalg.entries``); sums normalised and their dummies renamed (``linalg.sums``).
Every rewrite is an identity, so a zero residual is a proof, and the rules that
fired are named. Numbers come from ``linalg.numeric``; the ``moments`` claim from
``linalg.moments``.
"""
from __future__ import annotations

import functools

from sympy import Derivative, Dummy, Expr, Indexed, MatrixSymbol, Product, Sum, Symbol, Tuple, expand

from ...config import CheckConfig
from ...model import Claim, Context
from ...undecided import Undecided
from ...verdict import Counterexample, Status, Verdict, proved, unknown
from ...vocabulary.linalg import Dot, Entry, Row
from ..algebra import bound_symbols, fact_rule
from ..base import Rule, Theory, claim_handler, register_theory
from ..dynamics.written import entrywise_zero, rewrite_where_decided
from ..probability.rules import INDEPENDENCE, LINEARITY
from .entries import Mixed, entry, is_matrix, is_vector, lower
from .held import holding
from .inner import dot_products
from .moments import moments
from .norms import squared_norms
from .products import logs_of_products
from .ranges import differentiated_sums, draw_sizes, draw_stated_indices, stated_sum_premise, unify_sizes
from .rules import COMPONENTWISE_EQUALITY, ENTRYWISE_EQUALITY, LINEAR_ALGEBRA
from .sums import freshen, reduced
from . import neumann  # noqa: F401  (registers its step handler)

ROW = Dummy("r", integer=True, positive=True)  # Dummies: no user symbol can be captured
COLUMN = Dummy("c", integer=True, positive=True)


def _family_value(fact, node: Indexed) -> Expr:
    """The right side of ``alpha_{ij} = ...`` at the indices of ``node`` (bound indices kept apart)."""
    return freshen(fact.rhs).xreplace(dict(zip(fact.lhs.indices, node.indices)))


def _same_pattern(indices, defined) -> bool:
    """``Sigma_{ii} = ...`` defines the diagonal only: a definition with a repeated index applies
    where the same positions repeat (``Sigma_{kk}``), never to ``Sigma_{ij}``."""
    return len(set(defined)) == len(defined) or [indices.index(i) for i in indices] == [defined.index(i) for i in defined]


def _differentiated(expr: Expr, fact) -> bool:
    """Is the defined name a variable of differentiation in ``expr`` (``dL/d\\hat y_i``)? Then
    ``L`` is differentiated with the name held as a variable of its own: its definition can be
    substituted only after the derivative is taken (the algebra theory does), never inside it."""
    lhs = fact.lhs
    variables = {v for d in expr.atoms(Derivative) for v in d.variables}
    if isinstance(lhs, Indexed):
        return any(isinstance(v, Indexed) and v.base == lhs.base for v in variables)
    return lhs in variables


def apply_definitions(expr: Expr, context: Context) -> tuple[Expr, list[Rule]]:
    """Substitute facts; a fact ``x_{ij} = ...`` with symbol indices defines x at every index.
    A fact whose name is differentiated against, or bound by a sum here, is left for later. Repeated
    (at most once per fact) while a pass changes something: a premise ``l(y, yhat) = -sum_j y_j log yhat_j``
    brings in a family a fact before it defines."""
    used: list = []
    for count in range(len(context.facts)):
        before = expr
        expr = _definitions_once(expr, context, used, again=count > 0)
        if expr == before:
            break
    return expr, used


def _recurrent(fact) -> bool:
    """``a_n = a_{n-1} + 1``: the right side holds the defined family (or name) again."""
    lhs = fact.lhs
    return fact.rhs.has(lhs.base) if isinstance(lhs, Indexed) else fact.rhs.has(lhs)


def _definitions_once(expr: Expr, context: Context, used: list, again: bool = False) -> Expr:
    """One pass over the facts; ``again`` (a later pass) leaves recurrences alone, which a pass more
    would unroll one step further (as written they hold where the document states them, no further)."""
    for fact in context.facts:
        lhs = fact.lhs
        if _differentiated(expr, fact) or (again and _recurrent(fact)):
            continue
        if isinstance(lhs, Indexed) and all(isinstance(i, Symbol) for i in lhs.indices):
            if expr.has(lhs.base):
                expr = expr.replace(lambda e: isinstance(e, Indexed) and e.base == lhs.base
                                    and len(e.indices) == len(lhs.indices) and _same_pattern(e.indices, lhs.indices),
                                    lambda e: _family_value(fact, e))
                used.append(fact_rule(fact)) if fact_rule(fact) not in used else None
        elif expr.has(lhs) and lhs not in bound_symbols(expr):  # a bound k is not the defined k
            expr = expr.xreplace({lhs: fact.rhs})
            used.append(fact_rule(fact)) if fact_rule(fact) not in used else None
    return expr


def resolve_rows(expr: Expr) -> Expr:
    """``q_i`` becomes ``Row(Q, i)`` when a matrix named ``Q`` occurs in ``expr``."""
    matrices = {m.name: m for m in expr.atoms(MatrixSymbol)}

    def is_row(e) -> bool:
        name = str(e.base.label)
        return len(e.indices) == 1 and name.islower() and name.upper() in matrices

    if not matrices:
        return expr
    return expr.replace(lambda e: isinstance(e, Indexed) and is_row(e),
                        lambda e: Row(matrices[str(e.base.label).upper()], e.indices[0]))


def to_scalar(expr: Expr, used: set) -> Expr:
    """A matrix becomes its (r, c) entry, a vector its c-th component, everything else stays."""
    if is_matrix(expr):
        used.add(ENTRYWISE_EQUALITY)
        return lower(entry(expr, ROW, COLUMN, used), None, used)
    if is_vector(expr):
        used.add(COMPONENTWISE_EQUALITY)
        return lower(expr, COLUMN, used)
    return lower(expr, None, used)


def _relevant(expr: Expr) -> bool:
    return is_matrix(expr) or expr.has(Sum, Product, Indexed, Row, Entry, Dot, MatrixSymbol)


@functools.lru_cache(maxsize=1024)
def canonical(expr: Expr, context: Context) -> tuple[Expr, tuple[Rule, ...]]:
    """Remembered per process (the form holds no placeholder: ``reduced`` puts real sums back)."""
    expr, written = rewrite_where_decided(expr, context)  # det, tr, rho of explicit matrices; orthogonal contraction
    zero, entries = entrywise_zero(expr, context)  # an explicit matrix of zero entries: no entrywise reading needed
    if zero == 0:
        return zero, tuple(written) + tuple(r for r in entries if r not in written)
    if not _relevant(expr):
        return expr, written
    expr, facts = apply_definitions(expr, context)
    facts = [*written, *facts]
    used: set = set()
    expr = dot_products(squared_norms(expr, used), used)
    expr = differentiated_sums(unify_sizes(logs_of_products(expr, used), _scope(expr, context)), used)
    with holding():  # the held sums of this form, dropped when it is built
        try:
            scalar = to_scalar(resolve_rows(expr), used)
        except Mixed:
            return expr, tuple(facts)
        form = reduced(scalar, used)
        form = stated_sums(form, context, facts)
    return form, tuple(facts) + tuple(sorted(used, key=str)) + (LINEAR_ALGEBRA,)


def _scope(expr: Expr, context: Context) -> Expr:
    """The step and every fact: where the families summed over unstated ranges are read together."""
    return Tuple(expr, *(side for f in context.facts for side in (f.lhs, f.rhs)))


def stated_sums(form: Expr, context: Context, used: list) -> Expr:
    """A stated value of a sum (``\\sum_j y_j = 1``, one-hot labels) put in wherever the form shows that
    sum once constants are factored out (``\\sum_j y_j c = c \\sum_j y_j``): both are brought to the
    same normal form, dummies renamed alike, so a sum over other names is the same sum."""
    for fact in context.facts:
        if not isinstance(fact.lhs, Sum) or form == 0:
            continue
        target = reduced(to_scalar(unify_sizes(fact.lhs, _scope(form, context)), set()), set())
        if target != 0 and form.has(target):
            form = form.xreplace({target: fact.rhs})
            used.append(fact_rule(fact))
    return form


def instantiate(context: Context, expr: Expr, rng, instance) -> str | None:
    """Numbers for ``expr`` (``linalg.numeric``), imported on first use: proved steps never need them."""
    from .numeric import instantiate as numbers

    scope = Tuple(expr, *(f.rhs for f in context.facts))
    reason = stated_sum_premise(scope, context)
    if reason is not None:
        return reason
    premised = tuple(f.lhs for f in context.facts if isinstance(f.lhs, Sum))  # sum_{i=1}^{|y|} y_i = 1: |y| drawn
    draw_sizes(Tuple(scope, *premised) if premised else scope, rng, instance)  # with the C y is summed to
    draw_stated_indices(expr, scope, rng, instance)
    return numbers(context, expr, rng, instance)


def _refutation(difference: Expr, what: str) -> Verdict:
    sizes = sorted(difference.free_symbols, key=str)
    for value in range(1, 9):
        at = {s: value for s in sizes}
        if difference.xreplace(at) != 0:
            example = Counterexample(tuple((str(s), str(value)) for s in sizes), str(difference.xreplace(at)), "0")
            return Verdict(Status.REFUTED, f"the exact {what} differs from the claim by {difference}",
                           residual=str(difference), counterexample=example)
    return unknown(f"the {what} differs from the claim by {difference}, but no small size shows it")


@claim_handler("moments")
def check_moments(claim: Claim, context: Context, config: CheckConfig) -> Verdict:
    """``subject`` a polynomial in independent standardised components; ``value`` (mean, variance)."""
    try:
        mean, variance = moments(claim.subject)
    except Undecided as why:
        return unknown(f"moments not decided: {why}")
    claimed_mean, claimed_variance = Tuple(*claim.value)
    for computed, claimed, what in ((mean, claimed_mean, "mean"), (variance, claimed_variance, "variance")):
        difference = expand(computed - claimed)
        if difference != 0:
            return _refutation(difference, what)
    return proved(f"exact: mean {mean}, variance {variance} (linearity of expectation, independence, "
                  "zero mean, unit variance)", (LINEARITY, INDEPENDENCE))


register_theory(Theory("linalg", canonical, instantiate))
