r"""The Neumann series: ``(I - M)^{-1} = \sum_{k=0}^\infty M^k``, the geometric series of a matrix.

The series converges, and then equals the inverse, exactly when the spectral radius of ``M`` is
below 1; so the step is proved only under a stated premise ``\rho(M) < 1`` of the same ``M``, or
``\|M\| < 1`` (``\rho(M) \le \|M\|`` for the operator norm, the reading of a plain or 2-norm of a
matrix; an absolute value ``|M|`` is not one, as a determinant reads the same), and is unknown
without one, naming the condition. A written form that is not the series of its own
inverse (the sum from ``k = 1``, the ratio ``-M``) is refuted by the 1 x 1 instance: a number ``x``
with ``0 < |x| < 1`` in place of ``M`` meets every premise on the radius, and there the two sides
are ``1/(1 - x)`` and a scalar series with an exact value. Agreement there proves nothing.
"""
from __future__ import annotations

from dataclasses import dataclass

import sympy
from sympy import Expr, Identity, Inverse, MatrixSymbol, Pow, Rational, S, Sum, Symbol, ZeroMatrix, oo
from sympy.core.function import AppliedUndef
from sympy.matrices.expressions.matexpr import MatrixExpr

from ...config import CheckConfig
from ...model import Context, Relation
from ...verdict import Counterexample, Status, Verdict, proved, unknown
from ...vocabulary.linalg import SpectralRadius
from ..base import step_handler
from .rules import NEUMANN_SERIES

IDENTITY_NAME = "I"  # a plain I beside a matrix: the identity, the standard reading
RADIUS_NAME = "rho"  # \rho(M) read as a function of a matrix-like name: the spectral radius
NORM_NAME = "norm"  # \|M\| (or \|M\|_2) of a matrix as the reader leaves it: the operator norm, rho(M) <= it
_TRIAL_VALUES = (Rational(1, 2), Rational(1, 3), Rational(2, 7), Rational(1, 5))


@dataclass(frozen=True)
class Series:
    """``\\sum_{k=start}^{end} summand``, and its ratio ``R`` when the summand is ``R^k``."""

    summand: Expr
    index: Symbol
    start: Expr
    end: Expr
    ratio: Expr | None


@dataclass(frozen=True)
class NeumannStep:
    """``(I - M)^{-1}`` on one side, a series on the other."""

    complement: Expr  # M
    inverse: Expr  # the side (I - M)^{-1}, as read
    series: Series


def _matrix_like(expr: Expr) -> bool:
    return isinstance(expr, MatrixExpr) or expr.is_commutative is False


def _is_identity(term: Expr) -> bool:
    return term == S.One or isinstance(term, Identity) or (isinstance(term, Symbol) and term.name == IDENTITY_NAME)


def _inverted(side: Expr) -> Expr | None:
    if isinstance(side, Inverse):
        return side.arg
    if isinstance(side, Pow) and side.exp == -1:
        return side.base
    return None


def _complement(base: Expr) -> Expr | None:
    """``M`` where ``base`` is ``I - M`` with ``M`` matrix-like, else None."""
    terms = sympy.Add.make_args(base) if not isinstance(base, sympy.MatAdd) else base.args
    identities = [t for t in terms if _is_identity(t)]
    if len(identities) != 1:
        return None
    rest = [t for t in terms if t is not identities[0]]
    if not rest:
        return None
    complement = -sympy.Add(*rest) if not isinstance(base, sympy.MatAdd) else -sympy.MatAdd(*rest)
    return complement if _matrix_like(complement) else None


def _ratio(summand: Expr, index: Symbol) -> Expr | None:
    """``R`` when the summand is ``R^k`` or a product of powers ``a^k B^k`` (``k`` the index)."""
    factors = sympy.Mul.make_args(summand) if isinstance(summand, sympy.Mul) else (summand,)
    bases = []
    for factor in factors:
        if not (isinstance(factor, (Pow, sympy.MatPow)) and factor.exp == index) or factor.base.has(index):
            return None
        bases.append(factor.base)
    return sympy.Mul(*bases)


def _series(side: Expr) -> Series | None:
    if not isinstance(side, Sum) or len(side.limits) != 1:
        return None
    index, start, end = side.limits[0]
    return Series(side.function, index, start, end, _ratio(side.function, index))


def neumann_step(lhs: Expr, rhs: Expr) -> NeumannStep | None:
    """The step as an inverse against a series, in either order (None: not of that form)."""
    for inverse, other in ((lhs, rhs), (rhs, lhs)):
        base, series = _inverted(inverse), _series(other)
        if base is None or series is None:
            continue
        complement = _complement(base)
        if complement is not None:
            return NeumannStep(complement, inverse, series)
    return None


def _same(a: Expr, b: Expr) -> bool:
    """``a`` and ``b`` are one expression; a matrix against a scalar (a name read two ways) is not."""
    try:
        difference = sympy.expand(a - b)
    except (TypeError, ValueError, sympy.ShapeError):
        return False
    return difference == 0 or isinstance(difference, ZeroMatrix)


def _radius_of(expr: Expr) -> Expr | None:
    """The matrix whose spectral radius ``expr`` is (``SpectralRadius(M)``, or ``rho(M)`` as read of a name)."""
    if isinstance(expr, SpectralRadius):
        return expr.matrix
    if isinstance(expr, AppliedUndef) and expr.func.__name__ == RADIUS_NAME and len(expr.args) == 1:
        return expr.args[0]
    return None


def _bounded_by(expr: Expr) -> Expr | None:
    """The matrix whose spectral radius ``expr`` is, or bounds: ``rho(M)``, or the norm ``\\|M\\|`` of a
    matrix, as ``rho(M) <= ||M||`` holds for every operator norm (not ``norm_p``: an entrywise norm bounds
    no radius)."""
    if isinstance(expr, AppliedUndef) and expr.func.__name__ == NORM_NAME and len(expr.args) == 1 \
            and _matrix_like(expr.args[0]):
        return expr.args[0]
    return _radius_of(expr)


def _as_named_in(expr: Expr, other: Expr) -> Expr:
    """``expr`` with each name taken as ``other`` has it: a premise may read ``A`` as a plain number where
    the step, seeing a product of capitals, keeps it non-commuting; by name, it is the same matrix."""
    names = {s.name: s for s in other.free_symbols if isinstance(s, (Symbol, MatrixSymbol))}
    return expr.xreplace({s: names[s.name] for s in expr.free_symbols
                          if isinstance(s, (Symbol, MatrixSymbol)) and s.name in names})


def radius_premise(complement: Expr, context: Context) -> Expr | None:
    """A stated relation that puts the spectral radius of ``complement`` below 1, or None."""
    for relation in context.relations:
        if not isinstance(relation, (sympy.StrictLessThan, sympy.LessThan, sympy.StrictGreaterThan,
                                     sympy.GreaterThan)):
            continue
        small, big = (relation.lhs, relation.rhs) if isinstance(relation, (sympy.StrictLessThan, sympy.LessThan)) \
            else (relation.rhs, relation.lhs)
        matrix = _bounded_by(small)
        if matrix is None or not big.is_number or not big.is_real or not _same(_as_named_in(matrix, complement), complement):
            continue
        strict = isinstance(relation, (sympy.StrictLessThan, sympy.StrictGreaterThan))
        if big < 1 or (strict and big == 1):
            return relation
    return None


def _scalars(expr: Expr) -> dict:
    """Each matrix-like name as a real number (its 1 x 1 instance), the identity as 1."""
    mapping: dict = {s: S.One for s in expr.atoms(Identity)}
    mapping.update({s: S.One for s in expr.free_symbols if isinstance(s, Symbol) and s.name == IDENTITY_NAME})
    for name in expr.free_symbols | expr.atoms(MatrixSymbol):
        if name not in mapping and (isinstance(name, MatrixSymbol) or name.is_commutative is False):
            mapping[name] = Symbol(f"{name}_1x1", real=True)
    return mapping


_SCALAR_FORMS = {sympy.MatAdd: sympy.Add, sympy.MatMul: sympy.Mul, sympy.MatPow: sympy.Pow,
                 Inverse: lambda m: Pow(m, -1), sympy.Transpose: lambda m: m}


def as_scalar(expr: Expr, values: dict) -> Expr:
    """``expr`` at its 1 x 1 instance: each name in ``values`` replaced, matrix operations read on
    numbers (a 1 x 1 transpose is its entry, an inverse the reciprocal)."""
    if expr in values:
        return values[expr]
    if isinstance(expr, Identity):
        return S.One
    if isinstance(expr, ZeroMatrix):
        return S.Zero
    if not expr.args or isinstance(expr, MatrixSymbol):
        return expr
    args = [as_scalar(a, values) for a in expr.args]
    if isinstance(expr, Sum):
        return Sum(args[0], *expr.limits)
    return _SCALAR_FORMS.get(type(expr), expr.func)(*args)


def _mentioned(step: NeumannStep, context: Context) -> bool:
    """Whether a fact says something of the step's matrices (then a 1 x 1 instance need not meet it, and
    refutes nothing). Stated relations are met or not at the instance's point (``_point``)."""
    names = {s for s in step.complement.free_symbols | step.complement.atoms(MatrixSymbol) if _matrix_like(s)}
    said = [f.lhs for f in context.facts] + [f.rhs for f in context.facts]
    return any(isinstance(e, sympy.Basic) and any(e.has(n) for n in names) for e in said)


def _point(values: dict, parameters: list, complement: Expr, context: Context, premise: Expr | None) -> dict | None:
    """One rational point where the 1 x 1 ratio is strictly inside the unit disc, meeting the parameters'
    assumptions and every other stated relation that names them or the matrices (by name, as a premise
    may read a name as a number): one that cannot be evaluated there stops the instance."""
    if any(p.is_integer for p in parameters):
        return None
    matrices = {str(name): value for name, value in values.items() if isinstance(value, Symbol)}
    for value in _TRIAL_VALUES:
        point = {p: (-value if p.is_negative else value) for p in parameters}
        x = as_scalar(complement, values).xreplace(point)
        if not x.is_number or x == 0 or not abs(x) < 1:
            continue
        by_name = {str(p): v for p, v in point.items()} | {name: point[s] for name, s in matrices.items()}
        if all(_meets(r, by_name, values, point) for r in context.relations if r is not premise):
            return point
    return None


def _meets(relation: Expr, by_name: dict, values: dict, point: dict) -> bool:
    """A relation naming none of the instance's names says nothing of it; one naming some must hold there."""
    named = {s: by_name[s.name] for s in relation.free_symbols if isinstance(s, Symbol) and s.name in by_name}
    if not named:
        return True
    radii = {e: sympy.Abs(as_scalar(_bounded_by(e), values)) for e in relation.atoms(AppliedUndef, SpectralRadius)
             if _bounded_by(e) is not None}  # the radius and the norm of a 1 x 1 matrix: its modulus
    try:
        sides = [as_scalar(side.xreplace(radii), values).xreplace(named).xreplace(point)
                 for side in (relation.lhs, relation.rhs)]
        return relation.func(*sides) is sympy.true
    except TypeError:  # a side that is no number at the instance: it says nothing the instance meets
        return False


def _scalar_instance(step: NeumannStep, context: Context, premise: Expr | None) -> Verdict | None:
    """The step at a 1 x 1 instance with ``|M| < 1``: refuted when the sides differ there."""
    series = step.series
    values = _scalars(step.complement)
    parameters = sorted((s for s in as_scalar(step.complement, values).free_symbols
                         if s not in values.values()), key=str)
    scalar_names = sorted((v for v in values.values() if isinstance(v, Symbol)), key=str)
    point = _point(values, [*parameters, *scalar_names], step.complement, context, premise)
    if point is None:
        return None
    left = (1 / (1 - as_scalar(step.complement, values))).xreplace(point)
    summand = as_scalar(series.summand, values).xreplace(point)
    if summand.free_symbols - {series.index} or not (series.start.is_integer and series.start.is_number) \
            or not (series.end == oo or (series.end.is_integer and series.end.is_number)):
        return None
    right = Sum(summand, (series.index, series.start, series.end)).doit()
    if not (left.is_number and right.is_number) or right.has(Sum) or sympy.simplify(left - right) == 0:
        return None
    shown = tuple((str(k), str(v)) for k, v in sorted(point.items(), key=lambda kv: str(kv[0])))
    instance = ", ".join(f"{name} = [{value}]" for name, value in values.items() if isinstance(value, Symbol))
    return Verdict(Status.REFUTED, f"not the Neumann series of its inverse: with 1 x 1 matrices ({instance}) and "
                                   f"|{as_scalar(step.complement, values).xreplace(point)}| < 1, which meets any "
                                   f"premise on the spectral radius, the left side is {left} and the right {right}",
                   counterexample=Counterexample((("matrices", "1 x 1"), *shown), str(left), str(right)))


def _is_neumann(step: NeumannStep) -> bool:
    series = step.series
    return series.start == 0 and series.end == oo and series.ratio is not None and \
        _same(series.ratio, step.complement)


@step_handler
def neumann_series(lhs, relation, rhs, context: Context, config: CheckConfig) -> Verdict | None:
    """``(I - M)^{-1} = \\sum_{k \\ge 0} M^k`` (see the module docstring)."""
    if relation is not Relation.EQ:
        return None
    step = neumann_step(lhs, rhs)
    if step is None or any(isinstance(f.lhs, Symbol) and f.lhs.name == IDENTITY_NAME for f in context.facts):
        return None  # a document that defines its own I: not the identity this rule reads
    premise = radius_premise(step.complement, context)
    if _is_neumann(step):
        if premise is not None:
            return proved(f"the Neumann series of {step.complement}: it converges to (I - M)^(-1) because "
                          f"{premise} is stated", (NEUMANN_SERIES,))
        return unknown(f"the Neumann series (I - M)^(-1) = sum_(k>=0) M^k with M = {step.complement} holds exactly "
                       f"when the spectral radius of M is below 1, and no stated premise gives rho({step.complement}) "
                       "< 1 (state it, e.g. \\rho(M) < 1 or \\|M\\| < 1)")
    if not _mentioned(step, context):
        refuted = _scalar_instance(step, context, premise)
        if refuted is not None:
            return refuted
    return unknown(f"a series against (I - M)^(-1) with M = {step.complement} that is not written as the Neumann "
                   "series sum_(k=0)^oo M^k, and not refuted by a 1 x 1 instance")
