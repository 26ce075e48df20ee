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

from sympy import Dummy, Expr, Indexed, MatrixSymbol, Sum, Symbol, Tuple, expand

from ...config import CheckConfig
from ...model import Claim, Context
from ...verdict import Counterexample, Status, Verdict, proved, unknown
from ...vocabulary.linalg import Dot, Entry, Row
from ..base import Rule, Theory, claim_handler, find_rule, register_rule, register_theory
from .entries import Mixed, entry, is_matrix, is_vector, lower
from .moments import Undecided, moments
from .sums import freshen, reduced

ROW = Dummy("r", integer=True, positive=True)  # Dummies: no user symbol can be captured
COLUMN = Dummy("c", integer=True, positive=True)


def _family_value(fact, node: Indexed) -> Expr:
    """The right side of ``alpha_{ij} = ...`` at the indices of ``node`` (bound indices kept apart)."""
    return freshen(fact.rhs).xreplace(dict(zip(fact.lhs.indices, node.indices)))


def _same_pattern(indices, defined) -> bool:
    """``Sigma_{ii} = ...`` defines the diagonal only: a definition with a repeated index applies
    where the same positions repeat (``Sigma_{kk}``), never to ``Sigma_{ij}``."""
    return len(set(defined)) == len(defined) or [indices.index(i) for i in indices] == [defined.index(i) for i in defined]


def apply_definitions(expr: Expr, context: Context) -> tuple[Expr, list[str]]:
    """Substitute facts; a fact ``x_{ij} = ...`` with symbol indices defines x at every index."""
    used = []
    for fact in context.facts:
        lhs = fact.lhs
        if isinstance(lhs, Indexed) and all(isinstance(i, Symbol) for i in lhs.indices):
            if expr.has(lhs.base):
                expr = expr.replace(lambda e: isinstance(e, Indexed) and e.base == lhs.base
                                    and len(e.indices) == len(lhs.indices) and _same_pattern(e.indices, lhs.indices),
                                    lambda e: _family_value(fact, e))
                used.append(fact.name)
        elif expr.has(lhs):
            expr = expr.xreplace({lhs: fact.rhs})
            used.append(fact.name)
    return expr, used


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
        used.add("entrywise equality")
        return lower(entry(expr, ROW, COLUMN, used), None, used)
    if is_vector(expr):
        used.add("componentwise equality")
        return lower(expr, COLUMN, used)
    return lower(expr, None, used)


def _relevant(expr: Expr) -> bool:
    return is_matrix(expr) or expr.has(Sum, Indexed, Row, Entry, Dot, MatrixSymbol)


def canonical(expr: Expr, context: Context) -> tuple[Expr, tuple[str, ...]]:
    if not _relevant(expr):
        return expr, ()
    expr, facts = apply_definitions(expr, context)
    used: set = set()
    try:
        scalar = to_scalar(resolve_rows(expr), used)
    except Mixed:
        return expr, tuple(facts)
    return reduced(scalar, used), tuple(facts) + tuple(sorted(used)) + ("linalg",)


def instantiate(context: Context, expr: Expr, rng, instance) -> str | None:
    """Numbers for ``expr`` (``linalg.numeric``), imported on first use: proved steps never need them."""
    from .numeric import instantiate as numbers

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
                  "zero mean, unit variance)", ("linearity of expectation", "independence"))


RULES = (
    Rule("matrix product", "(AB)_{ij} = sum_k A_{ik} B_{kj}; row i of AB = sum_k A_{ik} b_k",
         aliases=("matrix multiplication", "definition of matrix product", "row of a product")),
    Rule("transpose", "(A^T)_{ij} = A_{ji}"),
    Rule("definition of softmax", "softmax(S)_{ij} = exp(S_ij) / sum_l exp(S_il), along each row",
         aliases=("softmax",)),
    Rule("definition of attention weights", "alpha_ij = exp(q_i.k_j / sqrt(d_k)) / sum_l exp(q_i.k_l / sqrt(d_k))",
         aliases=("attention weights",)),
    Rule("dot product", "u . v = sum_k u_k v_k"),
    Rule("block multiplication", "Concat(A_1..A_h) Stack(B_1..B_h) = sum_m A_m B_m when the block sizes agree",
         aliases=("block matrix multiplication",)),
    Rule("row blocks", "W^O = Stack(W^O_1, ..., W^O_h): the rows of W^O split into one block per head",
         aliases=("partition into blocks", "split into row blocks")),
    Rule("linearity of summation", "sum_k (a_k + b_k) = sum_k a_k + sum_k b_k; sum_k c a_k = c sum_k a_k",
         aliases=("factor out of a sum", "pull out a constant")),
    Rule("exp of a sum", "exp(a + b) = exp(a) exp(b)"),
    Rule("normalisation of softmax", "sum_j softmax(S)_{ij} = 1: each row of attention weights sums to one",
         aliases=("normalization of softmax", "weights sum to one")),
    Rule("shift invariance", "softmax(S + c 1^T) = softmax(S): a constant added to a row cancels",
         aliases=("softmax shift invariance",)),
    Rule("rename dummy index", "sum_j f(j) = sum_l f(l)", aliases=("relabel the summation index",)),
    Rule("scaling of variance", "Var(X / c) = Var(X) / c^2"),
    Rule("independence", "E[XY] = E[X] E[Y] for independent X, Y"),
)

register_theory(Theory("linalg", canonical, instantiate))
for _rule in RULES:
    if find_rule(_rule.name) is None:  # another theory (probability) may own the general rule
        register_rule(_rule)
