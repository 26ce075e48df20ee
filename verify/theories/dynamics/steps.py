r"""Steps about spectra as written, decided by a step handler whatever theories the context names.

* ``Spectrum(M) = values``: a claim about the named matrix, checked as a multiset through
  the characteristic polynomial (``spectra.check_eigenvalues``); ``1 \pm i\eta`` is the
  multiset {1 + i eta, 1 - i eta}, a tuple lists the values with multiplicity.
* A step with ``\pm`` is two steps, every sign upper or every sign lower: both must hold.
* A step with det, tr or rho: both sides rewritten (``dynamics.written``), then brought to
  the context's canonical form; ``proved`` when the residual is 0 (or has the sign), ``refuted``
  at an exact rational point of the parameters' region, else ``unknown`` with the reason.
"""
from __future__ import annotations

import numpy as np
import sympy
from sympy import Expr, Indexed, MatrixSymbol, Sum, Tuple
from sympy.matrices.expressions.matexpr import MatrixElement, MatrixExpr

from ...config import CheckConfig
from ...model import Claim, Context, Relation
from ...undecided import Undecided
from ...verdict import Counterexample, Status, Verdict, proved, unknown
from ...vocabulary import KL
from ...vocabulary.linalg import PlusMinus, Spectrum
from ..algebra import apply_facts, evaluated
from ..base import THEORIES, step_handler
from .blocks import scalar_blocks
from .orthogonal import orthogonal_matrices
from .region import Region, region_of, show_point
from .rules import BOTH_SIGNS, SPECTRUM
from .shapes import forced_sizes
from .sign import Sign, decide, decide_relation
from .written import PM_BRANCH, SPECTRAL, explicit, named_matrices, rewrite

_SIGN_NAMES = {1: "upper sign (+)", -1: "lower sign (-)"}


def branch(expr: Expr, sign: int) -> Expr:
    """``expr`` with every ``a \\pm b`` read as ``a + sign * b``."""
    return expr.replace(lambda e: isinstance(e, PlusMinus), lambda e: e.centre + sign * e.offset)


def values_of(written: Expr) -> list[Expr]:
    """A written multiset of eigenvalues: a tuple (with multiplicity), ``a \\pm b`` (both values, as
    ``PlusMinus``, the reader's set of the two values or its paired form in ``pm_branch``) or one value."""
    if isinstance(written, (Tuple, tuple, list)):
        return [v for item in written for v in values_of(sympy.sympify(item))]
    if isinstance(written, sympy.FiniteSet):
        return [v for item in written.args for v in values_of(item)]
    if written.has(PlusMinus):
        return [branch(written, 1), branch(written, -1)]
    if written.has(PM_BRANCH):
        return [written.xreplace({PM_BRANCH: sign}) for sign in (1, -1)]
    return [written]


def canonical_residual(expr: Expr, context: Context) -> tuple[Expr, tuple]:
    """``expr`` through the context's canonicalisers, algebra last (the engine's order)."""
    used: list = []
    expr = evaluated(expr)
    for name in (*(n for n in context.theories if n != "algebra"), "algebra"):
        canonical = THEORIES[name].canonical
        if canonical is not None:
            expr, rules = canonical(expr, context)
            used.extend(r for r in rules if r not in used)
    return expr, tuple(used)


def _spectrum_step(lhs, rhs, context: Context, config: CheckConfig) -> Verdict:
    spectrum, written = (lhs, rhs) if isinstance(lhs, Spectrum) else (rhs, lhs)
    if written.has(Spectrum):
        return unknown("two spectra compared with each other are not decided: write the eigenvalues out")
    matrix = spectrum.matrix
    if matrix in named_matrices(context):
        matrix = named_matrices(context)[matrix].rhs
    entries = explicit(matrix)
    if entries is None:
        return unknown(f"the eigenvalues of {matrix} are computed only from its entries: with symbolic blocks or "
                       "sizes, specialise (scalar blocks, a fixed small size) to decide the spectrum")
    from .spectra import check_eigenvalues

    claimed = values_of(written)
    if len(claimed) == 1 and entries.rows > 1:
        claimed = claimed * entries.rows  # "the eigenvalue is c": c with full multiplicity
    verdict = check_eigenvalues(Claim(f"eigenvalues of {matrix}", "eigenvalues", entries, Tuple(*claimed)),
                                context, config)
    return Verdict(verdict.status, verdict.reason, verdict.residual, verdict.counterexample, verdict.samples,
                   (SPECTRUM,) if verdict.status is Status.PROVED else ())


def _holds_at(relation: Relation, residual: Expr) -> bool | None:
    if residual.has(sympy.nan, sympy.zoo) or residual.free_symbols:
        return None
    if relation is Relation.EQ:
        return None if residual.is_zero is None else bool(residual.is_zero)
    if residual.is_extended_real is not True:
        return None
    return bool(relation.sympy(residual, 0))


def in_real_domain(exprs, point: dict) -> bool:
    """Every root of the expressions has a nonnegative radicand and every log a positive argument at
    the point: outside that (sqrt(1 - 4 eta^2) at eta = 1) a real formula says nothing."""
    for expr in exprs:
        for power in expr.atoms(sympy.Pow):
            if not power.exp.is_integer and power.base.xreplace(point).is_nonnegative is not True:
                return False
        for logarithm in expr.atoms(sympy.log):
            if logarithm.args[0].xreplace(point).is_positive is not True:
                return False
    return True


def _refuting_point(residual: Expr, relation: Relation, region: Region, config: CheckConfig,
                    sides: tuple = ()) -> dict | None:
    """A rational point of the region, in the real domain of the sides, where the relation fails."""
    for point in region.points(np.random.default_rng(config.seed), max(config.samples, 12)):
        if in_real_domain((residual, *sides), point) and _holds_at(relation, residual.xreplace(point)) is False:
            return point
    return None


def _ordered(lhs, relation: Relation, rhs, residual: Expr, context: Context, region: Region) -> Sign:
    """Is the inequality true on the region? The sides' own forms first (a square root on a side
    is squared away), then the residual's sign."""
    bigger, smaller = (lhs, rhs) if relation.direction > 0 else (rhs, lhs)
    sides = [canonical_residual(side, context)[0] for side in (bigger, smaller)]
    if not any(getattr(side, "is_Matrix", False) for side in sides):
        sign = decide_relation(sides[0], sides[1], relation.strict, region)
        if sign.holds:
            return sign
    return decide(residual if relation.direction > 0 else -residual, relation.strict, region)


def _decide_branch(lhs, relation: Relation, rhs, context: Context, config: CheckConfig) -> tuple[Verdict, Expr]:
    try:
        lhs, used_left = rewrite(lhs, context)
        rhs, used_right = rewrite(rhs, context)
    except Undecided as why:
        if not (lhs.has(MatrixSymbol) or rhs.has(MatrixSymbol)):
            raise
        return _specialised(lhs, relation, rhs, None, context, config, str(why)), None
    residual, used = canonical_residual(lhs - rhs, context)
    rules = tuple(dict.fromkeys(used_left + used_right + used))
    if relation is Relation.EQ and residual == 0:
        return proved("both sides have the same canonical form", rules), residual
    region = region_of((residual,), ())
    if relation is not Relation.EQ and not getattr(residual, "is_Matrix", False):
        sign = _ordered(lhs, relation, rhs, residual, context, region)
        if sign.holds:
            return proved(f"left - right = {residual}: {sign.reason}", rules), residual
    if not _scalar_in_parameters(residual, relation):
        return _specialised(lhs, relation, rhs, residual, context, config), residual
    point = _refuting_point(residual, relation, region, config, (evaluated(lhs), evaluated(rhs)))
    if point is None:
        return unknown(f"left - right is {residual}: not shown to be 0, and no sampled point separates the "
                       "sides"), residual
    example = Counterexample(show_point(point), str(lhs.xreplace(point)), str(rhs.xreplace(point)))
    return Verdict(Status.REFUTED, f"left - right is {residual}, which fails the relation at a point",
                   residual=str(residual), counterexample=example), residual


def _scalar_in_parameters(residual, relation: Relation) -> bool:
    """A scalar in plain parameters only (real ones for an inequality): then a rational point is a
    counterexample anyone can check."""
    if getattr(residual, "is_Matrix", False) or residual.has(*SPECTRAL, PlusMinus, MatrixExpr, MatrixElement,
                                                            Indexed, Sum):
        return False
    return all(type(s) is sympy.Symbol and (relation is Relation.EQ or s.is_real) for s in residual.free_symbols)


def _specialised(lhs, relation: Relation, rhs, residual: Expr | None, context: Context, config: CheckConfig,
                 why: str | None = None) -> Verdict:
    """Symbolic blocks: try the instance with 1 x 1 blocks. A counterexample there refutes the step;
    agreement there proves nothing for larger blocks."""
    undecided = why or f"left - right is {residual}, not decided for symbolic blocks"
    left, scalars = scalar_blocks(lhs)
    right, more = scalar_blocks(rhs)
    scalars.update(more)
    if not scalars:
        return unknown(undecided)
    try:
        verdict, special = _decide_branch(left, relation, right, context, config)
    except Undecided:
        return unknown(undecided)
    blocks = ", ".join(f"{b} = [{s}]" for b, s in scalars.items())
    if verdict.status is Status.REFUTED and verdict.counterexample is not None:
        example = verdict.counterexample
        assignment = (("blocks", f"1 x 1 ({blocks})"), *example.assignment)
        return Verdict(Status.REFUTED, f"with 1 x 1 blocks ({blocks}): {verdict.reason}", str(special),
                       Counterexample(assignment, example.lhs, example.rhs))
    if verdict.status is Status.PROVED:
        return unknown(f"{undecided}; it holds with 1 x 1 blocks ({blocks}), but that proves nothing for "
                       "larger blocks: a fixed small size (2 x 2 blocks with entries) would decide more")
    return unknown(f"{undecided}; with 1 x 1 blocks ({blocks}) it is not decided either: {verdict.reason}")


def _may_be_ours(lhs, rhs, context: Context) -> bool:
    """Cheap: the step, or a fact it may use, writes spectral notation, or the context names matrices."""
    if _ours(lhs, rhs, context):
        return True
    return any(fact.rhs.has(*SPECTRAL, PlusMinus) for fact in context.facts if isinstance(fact.rhs, sympy.Basic))


def _ours(lhs, rhs, context: Context) -> bool:
    sides = (lhs, rhs)
    if any(side.has(KL) for side in sides):
        return False  # a KL between laws: its log-determinants and traces are the moments theory's
    if any(side.has(*SPECTRAL, PlusMinus) for side in sides):
        return True
    named = (*named_matrices(context), *orthogonal_matrices(context))
    return any(side.has(m) for side in sides for m in named)


@step_handler
def spectral_step(lhs, relation, rhs, context: Context, config: CheckConfig) -> Verdict | None:
    """Eigenvalue multisets, +- statements and steps with det, tr, rho (see the module docstring)."""
    if relation is Relation.APPROX or not _may_be_ours(lhs, rhs, context):
        return None
    lhs, _ = apply_facts(lhs, context)  # a fact may bring a +- (lambda_pm = (1 +- s)/2): branch after it
    rhs, _ = apply_facts(rhs, context)
    sizes = forced_sizes(lhs, rhs)  # I (size n) beside A (size t) in one block matrix: one size
    lhs, rhs = lhs.xreplace(sizes), rhs.xreplace(sizes)
    if not _ours(lhs, rhs, context):
        return None
    if isinstance(lhs, Spectrum) or isinstance(rhs, Spectrum):
        if relation is not Relation.EQ:
            return unknown("a spectrum is a multiset: only '=' between it and a list of values is decided")
        return _spectrum_step(lhs, rhs, context, config)
    signs = (1, -1) if lhs.has(PlusMinus) or rhs.has(PlusMinus) else (1,)
    verdicts = []
    for sign in signs:
        try:
            verdict, _ = _decide_branch(branch(lhs, sign), relation, branch(rhs, sign), context, config)
        except Undecided as why:
            verdict = unknown(str(why))
        verdicts.append((sign, verdict))
    return _combined(verdicts, lhs, rhs, context)


def _combined(verdicts, lhs, rhs, context: Context) -> Verdict | None:
    both = len(verdicts) > 1
    for sign, verdict in verdicts:
        if verdict.status is Status.REFUTED:
            where = f"with the {_SIGN_NAMES[sign]}: " if both else ""
            return Verdict(Status.REFUTED, where + verdict.reason, verdict.residual, verdict.counterexample)
    if all(v.status is Status.PROVED for _, v in verdicts):
        used = tuple(dict.fromkeys(r for _, v in verdicts for r in v.used)) + ((BOTH_SIGNS,) if both else ())
        reasons = "; ".join(f"{_SIGN_NAMES[s]}: {v.reason}" for s, v in verdicts) if both else verdicts[0][1].reason
        return proved(reasons, used)
    if not (lhs.has(*SPECTRAL, PlusMinus) or rhs.has(*SPECTRAL, PlusMinus)):
        return None  # only a named or orthogonal matrix: the other tiers may still decide it
    undecided = next(v for _, v in verdicts if v.status is not Status.PROVED)
    return unknown(undecided.reason, undecided.residual)
