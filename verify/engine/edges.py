"""Exact points where random samples never land but wrong steps fail: 0, +-1, +-2, 1/2, ...

A strict inequality that fails only where its two sides meet (``sqrt(1 + eta^2) > 1`` at
eta = 0), a bound that is off at the edge of a stated range (x >= 0 at x = 0) or an
identity that breaks at a small integer is missed by continuous draws. Here each plain
symbol takes the simple values its assumptions admit, every stated relation must hold at
the point, floating point screens the points, and SymPy confirms a failing one exactly
(to 50 digits), so a rounding error never makes a counterexample.

For a strict inequality the difference of the two sides is also scanned along each symbol
(the others at a simple point); near a change of sign or a minimum that touches 0, Newton's
method finds the zero (of the derivative, for a minimum that touches 0), ``nsimplify`` names it exactly (``7/10``, ``sqrt(2)``) and the exact
check decides: where the two sides are equal, a strict inequality fails.

Only plain expressions qualify: commuting symbols under ordinary functions, after the
context's definitions are substituted; anything a theory instantiates (an integral, a
sum, a random variable, a function) is left to the random samples.
"""
from __future__ import annotations

import itertools
from dataclasses import dataclass

import numpy as np
import sympy
from sympy import Expr, Symbol
from sympy.core.function import AppliedUndef

from ..evaluation import Evaluator
from ..model import Context, Relation
from ..theories.algebra import definitions
from ..undecided import Undecided
from .sampling import admits, simple_values

MAX_POINTS = 120
DIGITS = 50
ZERO = sympy.Float(10) ** -40  # below this an exact difference at a simple point is 0
_THEORY_OBJECTS = (sympy.Integral, sympy.Sum, sympy.Product, sympy.Derivative, sympy.Indexed, sympy.MatrixBase,
                   sympy.MatrixExpr, sympy.Piecewise, AppliedUndef)


@dataclass(frozen=True)
class EdgeFailure:
    """A point where the step fails exactly, with both sides' values."""

    point: tuple[tuple[Symbol, sympy.Rational], ...]
    left: str
    right: str


def _substituted(expr: Expr, context: Context) -> Expr | None:
    """``expr`` with the context's definitions unfolded, or None when they do not unfold."""
    defined = definitions(context)
    for _ in range(len(defined) + 1):
        if not (expr.free_symbols & set(defined)):
            return expr
        expr = expr.xreplace(defined)
    return None


def _plain(expr: Expr, context: Context) -> bool:
    owned = set(context.integration_variables) | {
        s for rv in context.random_variables for s in expr.free_symbols if str(s) == rv.key}
    return (not expr.has(*_THEORY_OBJECTS) and not (expr.free_symbols & owned)
            and all(isinstance(s, Symbol) and s.is_commutative for s in expr.free_symbols))


def _points(symbols: list[Symbol], rng: np.random.Generator):
    """The grid of simple values, whole when small, else one symbol moved at a time plus random corners."""
    choices = [simple_values(s) for s in symbols]
    if any(not c for c in choices):
        return []
    total = int(np.prod([len(c) for c in choices]))
    if total <= MAX_POINTS:
        return [dict(zip(symbols, p)) for p in itertools.product(*choices)]
    base = {s: c[min(1, len(c) - 1)] for s, c in zip(symbols, choices)}
    points = [base]
    for s, c in zip(symbols, choices):
        points += [{**base, s: v} for v in c]
    while len(points) < MAX_POINTS:
        points.append({s: c[int(rng.integers(len(c)))] for s, c in zip(symbols, choices)})
    return points


def _holds_in_floats(left, relation: Relation, right) -> bool:
    scale = max(1.0, abs(left), abs(right))
    if relation is Relation.EQ:
        return abs(left - right) <= 1e-9 * scale
    near = abs(left - right) <= 1e-9 * scale  # strict ones are screened as failing when the sides meet
    return {Relation.LE: left <= right + 1e-9 * scale, Relation.GE: left >= right - 1e-9 * scale,
            Relation.LT: left < right and not near, Relation.GT: left > right and not near}[relation]


def _exact(expr: Expr, point: dict):
    value = expr.xreplace(point)
    if value.has(sympy.nan, sympy.zoo, sympy.oo, -sympy.oo):
        return None
    value = sympy.N(value, DIGITS)
    return value if value.is_number else None


def _fails_exactly(lhs: Expr, relation: Relation, rhs: Expr, point: dict) -> tuple[str, str] | None:
    left, right = _exact(lhs, point), _exact(rhs, point)
    if left is None or right is None:
        return None
    left_real = abs(sympy.im(left)) < ZERO
    right_real = abs(sympy.im(right)) < ZERO
    if not (left_real and right_real):
        return None  # at an isolated point a side may be real where it is complex all around: not compared
    shown = (f"{float(sympy.re(left)):.6g}", f"{float(sympy.re(right)):.6g}")
    d = sympy.re(left) - sympy.re(right)
    failing = {Relation.EQ: abs(d) > ZERO, Relation.LE: d > ZERO, Relation.GE: d < -ZERO,
               Relation.LT: d > -ZERO, Relation.GT: d < ZERO}[relation]
    return shown if failing else None


def _relations_hold(context: Context, point: dict) -> bool:
    for stated in context.relations:
        value = stated.xreplace(point)
        if value not in (sympy.true, sympy.false):
            try:
                value = sympy.simplify(value)
            except (TypeError, ValueError):
                return False
        if value is not sympy.true:
            return False
    return True


def edge_failure(lhs: Expr, relation: Relation, rhs: Expr, context: Context,
                 rng: np.random.Generator) -> EdgeFailure | None:
    """A simple exact point where the step fails, or None (also when the step is not plain)."""
    if relation is Relation.APPROX:
        return None
    sides = [_substituted(side, context) for side in (lhs, rhs)]
    if any(s is None for s in sides) or not all(_plain(s, context) for s in sides):
        return None
    left_expr, right_expr = sides
    symbols = sorted(left_expr.free_symbols | right_expr.free_symbols, key=str)
    if not symbols:
        return None
    for point in _points(symbols, rng):
        numbers = {s: float(v) for s, v in point.items()}
        try:
            with np.errstate(all="ignore"):
                left = complex(np.asarray(Evaluator(numbers)(left_expr)).item())
                right = complex(np.asarray(Evaluator(numbers)(right_expr)).item())
        except (Undecided, TypeError, ValueError, ZeroDivisionError, OverflowError):
            continue
        if not (np.isfinite(left) and np.isfinite(right)):
            continue
        if abs(left.imag) > 1e-12 or abs(right.imag) > 1e-12:
            continue
        if _holds_in_floats(left.real, relation, right.real):
            continue
        if not _relations_hold(context, point):
            continue
        failed = _fails_exactly(left_expr, relation, right_expr, point)
        if failed is not None:
            return EdgeFailure(tuple(sorted(point.items(), key=lambda kv: str(kv[0]))), *failed)
    if relation.strict:
        return _root_failure(left_expr, relation, right_expr, context, symbols, rng)
    return None


SCAN = np.linspace(-10.0, 10.0, 4001)
MAX_SCANNED = 3
MAX_ROOTS = 6


def _scan(symbol) -> np.ndarray:
    """The admissible points a symbol is moved along while the others stay at a simple point."""
    if symbol.is_integer:
        return np.array([float(k) for k in range(-40, 41) if admits(symbol, sympy.Integer(k))])
    keep = np.array([admits(symbol, sympy.Float(v)) for v in SCAN[::100]])  # the sign constraints are intervals
    low, high = SCAN[::100][keep].min(initial=np.inf), SCAN[::100][keep].max(initial=-np.inf)
    return SCAN[(SCAN >= low) & (SCAN <= high) & ((SCAN != 0) | bool(admits(symbol, sympy.Integer(0))))]


def _candidates(difference: np.ndarray, grid: np.ndarray) -> list[tuple[float, bool]]:
    """Where the difference changes sign (False), or comes near 0 at a local minimum of its size (True)."""
    d = np.real(difference)
    ok = np.isfinite(d) & (np.abs(np.imag(difference)) < 1e-12)
    found = [(float(grid[i]), False) for i in np.flatnonzero(ok[:-1] & ok[1:] & (d[:-1] * d[1:] < 0))]
    size = np.abs(d)
    top = max(1.0, float(np.max(size[ok], initial=0.0)))
    interior = ok[1:-1] & (size[1:-1] <= size[:-2]) & (size[1:-1] <= size[2:]) & (size[1:-1] < 1e-2 * top)
    found += [(float(v), True) for v in grid[1:-1][interior]]
    return found[:MAX_ROOTS]


def _root_failure(lhs: Expr, relation: Relation, rhs: Expr, context: Context, symbols: list,
                  rng: np.random.Generator) -> EdgeFailure | None:
    """For a strict inequality: an exact zero of left - right along one symbol, the others at a simple point."""
    points = _points(symbols, rng)
    if not points:
        return None
    base = points[0]
    for symbol in symbols[:MAX_SCANNED]:
        grid = _scan(symbol)
        if grid.size < 3:
            continue
        numbers = {s: float(v) for s, v in base.items() if s != symbol}
        try:
            with np.errstate(all="ignore"):
                evaluate = Evaluator({**numbers, symbol: grid})
                difference = np.broadcast_to(np.asarray(evaluate(lhs) - evaluate(rhs), dtype=complex), grid.shape)
        except (Undecided, TypeError, ValueError, ZeroDivisionError, OverflowError):
            continue
        along = (lhs - rhs).xreplace({s: v for s, v in base.items() if s != symbol})
        for near, touching in _candidates(difference, grid):
            root = _exact_root(sympy.diff(along, symbol) if touching else along, symbol, near)
            if root is None or not admits(symbol, root):
                continue
            point = {**base, symbol: root}
            if not _relations_hold(context, point):
                continue
            failed = _fails_exactly(lhs, relation, rhs, point)
            if failed is not None:
                return EdgeFailure(tuple(sorted(point.items(), key=lambda kv: str(kv[0]))), *failed)
    return None


def _exact_root(expr: Expr, symbol, near: float):
    """A simple closed form (a rational, a square root) of the zero of ``expr`` near ``near``, or None."""
    try:
        found = sympy.nsolve(expr, symbol, near, prec=30, verify=True)
    except (ValueError, TypeError, ZeroDivisionError, ArithmeticError):
        return None
    if abs(sympy.im(found)) > 1e-20:
        return None
    value = sympy.nsimplify(sympy.re(found), tolerance=1e-20, rational=False)
    return value if value.is_real and value.is_number else None
