"""Targeted points of the numeric tier: where random samples rarely land but wrong steps fail.

* ``edges``: every plain symbol at the closed end of its stated range (``draws.boundary_value``);
* ``search``: after the random samples agree, each scalar variable in turn is moved along
  a grid (its admissible integers; for a real, 0, small simple numbers and a
  log-spaced sweep over five decades, both signs where allowed) with the others held
  at an agreeing sample, evaluated in one vectorised pass. A grid point where the
  relation fails is confirmed by an ordinary one-point check before it refutes.
  For a strict inequality the grid also brackets the zeros of the difference
  (changes of sign, and minima of its size that touch zero); a zero that is a simple
  number, confirmed exactly, is a counterexample: there the two sides are equal.
"""
from __future__ import annotations

import numpy as np
import sympy
from sympy import Expr, MatrixSymbol, Symbol

from ..evaluation import Evaluator
from ..model import Context, Relation
from ..theories.base import Instance
from ..theories.draws import LARGE_INTEGER, boundary_value
from ..undecided import Undecided
from .exact import exact_value, substitutable

MAX_SCANNED = 4
_FAILURES = (Undecided, TypeError, ValueError, IndexError, ZeroDivisionError, OverflowError, np.linalg.LinAlgError)
_SIMPLE = np.array([0.0, 0.5, 1.0, 1.5, 2.0, 3.0, 1 / 3, 2 / 3, 0.25, 0.75, np.sqrt(2), np.e, np.pi])


def _shape_symbols(expr: Expr) -> set:
    """Symbols that size a matrix or index an entry: a grid of them means nothing."""
    found: set = set()
    for m in expr.atoms(MatrixSymbol):
        found |= m.rows.free_symbols | m.cols.free_symbols
    for node in expr.atoms(sympy.Indexed):
        found |= set().union(*(i.free_symbols for i in node.indices)) if node.indices else set()
    return found


def _plain(expr: Expr, context: Context) -> list[Symbol]:
    fixed = _shape_symbols(expr) | set(context.integration_variables) | {f.lhs for f in context.facts}
    return sorted((s for s in expr.free_symbols if isinstance(s, Symbol) and s.is_commutative and s not in fixed),
                  key=str)


def edges(expr: Expr, context: Context) -> dict:
    """The symbols of ``expr`` whose stated range has a closed end, each at that end."""
    found = {s: boundary_value(s) for s in _plain(expr, context)}
    return {s: v for s, v in found.items() if v is not None}


def grid(symbol) -> np.ndarray:
    """The admissible points a variable is scanned along (see the module's list)."""
    if symbol.is_integer:
        low = 1 if symbol.is_positive else (0 if symbol.is_nonnegative else None)
        high = -1 if symbol.is_negative else (0 if symbol.is_nonpositive else None)
        start = low if low is not None else (high - 2 * LARGE_INTEGER if high is not None else -LARGE_INTEGER)
        points = np.arange(start, start + 2 * LARGE_INTEGER + 1, dtype=float)
        points = points[points <= high] if high is not None else points
        if symbol.is_even:
            points = points[points % 2 == 0]
        if symbol.is_odd:
            points = points[points % 2 == 1]
        return points[points != 0] if symbol.is_zero is False else points
    magnitudes = np.concatenate([_SIMPLE, 10 ** np.linspace(-3, 2, 101)])
    points = np.unique(np.concatenate([magnitudes, -magnitudes])) + 0.0  # no -0
    if symbol.is_nonnegative:
        points = points[points >= 0]
    if symbol.is_nonpositive:
        points = points[points <= 0]
    if symbol.is_zero is False or symbol.is_positive or symbol.is_negative:
        points = points[points != 0]
    return points


def _along(lhs: Expr, rhs: Expr, instance: Instance, symbol, points: np.ndarray):
    """Both sides at every point of the grid at once, or None when they do not vectorise."""
    evaluate = Evaluator(instance.values, instance.hooks).bound(symbol, points)
    try:
        with np.errstate(all="ignore"):
            left, right = evaluate(lhs), evaluate(rhs)
        left, right = np.broadcast_to(left, points.shape), np.broadcast_to(right, points.shape)
    except _FAILURES:
        return None
    return left, right


def _failing(left, right, relation: Relation, tol: float) -> np.ndarray:
    """Grid positions where the relation fails in floating point, or one side leaves the finite
    reals and the other does not (confirmed, or not, by ``judge``)."""
    finite = np.isfinite(left) & np.isfinite(right)
    one_sided = np.isfinite(left) != np.isfinite(right)
    scale = np.maximum(1.0, np.maximum(np.abs(left), np.abs(right)))
    slack = tol * scale
    real = (np.abs(np.imag(left)) <= slack) & (np.abs(np.imag(right)) <= slack)
    a, b = np.real(left), np.real(right)
    if relation is Relation.EQ:
        fails = np.abs(left - right) > slack
    else:
        fails = ~real | {Relation.LE: a > b + slack, Relation.GE: a < b - slack,
                         Relation.LT: a >= b, Relation.GT: a <= b}[relation]
    return np.flatnonzero(finite & fails | one_sided)


def _at(instance: Instance, symbol, value: float) -> Instance:
    values = {**instance.values, symbol: float(value)}
    described = [(n, v) for n, v in instance.described if n != str(symbol)] + [(str(symbol), f"{value:g}")]
    return Instance(values, instance.hooks, described)


def _confirmed(lhs, relation, rhs, instance: Instance, tol: float):
    from .numeric import Outcome, evaluate_sides, judge

    try:
        left, right = evaluate_sides(lhs, rhs, instance)
        judgement = judge(lhs, relation, rhs, left, right, instance, tol, undefined_disagrees=False)
    except _FAILURES:
        return None
    return (instance, judgement) if judgement.outcome is Outcome.DISAGREE else None


def _zero_candidates(difference: np.ndarray, points: np.ndarray) -> list[float]:
    """Points near which the difference vanishes: midpoints of changes of sign, and local
    minima of its size that come close to 0."""
    d = np.real(difference)
    size = np.abs(d)
    ok = np.isfinite(d)
    found = [(points[i] + points[i + 1]) / 2 for i in np.flatnonzero(ok[:-1] & ok[1:] & (d[:-1] * d[1:] < 0))]
    top = max(1.0, float(np.max(size[ok], initial=0)))
    interior = (size[1:-1] <= size[:-2]) & (size[1:-1] <= size[2:]) & (size[1:-1] < 1e-2 * top)
    found.extend(points[1:-1][interior & ok[1:-1]])
    return found[:8]


def _simple_zero(lhs, rhs, instance: Instance, symbol, near: float) -> Instance | None:
    """A simple number near ``near`` at which the two sides are exactly equal, as an instance."""
    candidate = sympy.nsimplify(near, [sympy.pi, sympy.E], tolerance=2e-2 * max(1.0, abs(near)))
    if not (candidate.is_real and candidate.is_finite) or (symbol.is_integer and not candidate.is_integer):
        return None
    if (symbol.is_positive and not candidate > 0) or (symbol.is_nonnegative and not candidate >= 0) or (
            symbol.is_negative and not candidate < 0) or (symbol.is_nonpositive and not candidate <= 0):
        return None
    sides = [side.xreplace({symbol: candidate}) for side in (lhs, rhs)]
    if not substitutable(sympy.Tuple(*sides), instance.values):
        return None
    left, right = (exact_value(side, instance.values) for side in sides)
    if not (left.real and right.real) or abs(left.value - right.value) > 1e-25 * max(1, abs(left.value)):
        return None
    return _at(instance, symbol, float(candidate))


def search(lhs: Expr, relation: Relation, rhs: Expr, context: Context, instance: Instance | None, tol: float):
    """A confirmed counterexample found by scanning each variable, or None."""
    from .numeric import Judgement, Outcome

    if instance is None:
        return None
    expr = sympy.Tuple(lhs, rhs)
    if expr.has(sympy.Integral, sympy.Sum) or instance.hooks:  # too costly to sweep; the samples decide
        return None
    determining = set().union(*(f.rhs.free_symbols for f in context.facts)) if context.facts else set()
    symbols = [s for s in _plain(expr, context)  # a symbol a definition uses would leave its value behind
               if isinstance(instance.values.get(s), float) and s not in determining][:MAX_SCANNED]
    for symbol in symbols:
        points = grid(symbol)
        sides = _along(lhs, rhs, instance, symbol, points)
        if sides is None:
            continue
        for position in _failing(*sides, relation, tol)[:3]:
            found = _confirmed(lhs, relation, rhs, _at(instance, symbol, points[position]), tol)
            if found is not None:
                return found
        if relation in (Relation.LT, Relation.GT):
            for near in _zero_candidates(sides[0] - sides[1], points):
                zero = _simple_zero(lhs, rhs, instance, symbol, float(near))
                if zero is not None:
                    shown = exact_value(lhs, zero.values).shown()
                    return zero, Judgement(Outcome.DISAGREE, shown, exact_value(rhs, zero.values).shown())
    return None

