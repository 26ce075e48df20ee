"""Evaluate a SymPy expression to numbers with numpy, walking the tree ourselves.

No code generation and no ``eval``: every node type has a small handler, theory
objects (densities, expectations) are evaluated by hooks the theory provides, and
anything else raises ``Undecided`` so the checker can say ``unknown`` honestly.
Integrals over the real line are computed on a grid, vectorised over the variable.
The logarithm of a negative real is complex (as a square root of one is), so a side that
leaves the reals shows as complex rather than as an undefined ``nan``. A product of
non-commuting factors whose values are matrices is a matrix product, in the written order
(``matrices.py`` in the engine draws those values); a number added to such a matrix is
that multiple of the identity, and a function of one is refused.
A neutral module (it knows neither the engine nor the theories), so theories can
evaluate their definitions without importing the engine that calls them.
"""
from __future__ import annotations

import functools
from typing import Any, Callable

import numpy as np
import sympy
from sympy import Expr

from .differentiation import carried
from .undecided import Undecided

GRID = np.linspace(-14.0, 14.0, 5601)
MAX_SUM_TERMS = 100_000


def _tails_matter(values: np.ndarray) -> bool:
    """An integrand over the real line that is not negligible at +-14 (divergent, or too wide to trust)."""
    peak = float(np.max(np.abs(values), initial=0.0))
    ends = max(abs(complex(values[0])), abs(complex(values[-1])))
    return ends > 1e-9 * max(peak, 1.0)


def _log(value):
    """The natural logarithm; of a negative real, the principal complex value (not ``nan``)."""
    value = np.asarray(value)
    if not np.iscomplexobj(value) and np.any(value < 0):
        value = value.astype(complex)
    return np.log(value)


_FUNCTIONS: dict[type, Callable[..., Any]] = {
    sympy.log: _log,
    sympy.exp: np.exp,
    sympy.sin: np.sin,
    sympy.cos: np.cos,
    sympy.tan: np.tan,
    sympy.tanh: np.tanh,
    sympy.coth: lambda value: 1 / np.tanh(value),
    sympy.sinh: np.sinh,
    sympy.cosh: np.cosh,
    sympy.asinh: np.arcsinh,
    sympy.Abs: np.abs,
    sympy.sign: np.sign,
    sympy.re: np.real,
    sympy.im: np.imag,
    sympy.conjugate: np.conj,
    sympy.Max: np.maximum,
    sympy.Min: np.minimum,
    sympy.atan2: np.arctan2,
    sympy.atan: np.arctan,
}


def _is_matrix(value) -> bool:
    """A square matrix value (of a non-commuting symbol); grids and vectors are 1-D."""
    return np.ndim(value) == 2


def _times(a, b):
    if _is_matrix(a) and _is_matrix(b):
        return a @ b
    if (_is_matrix(a) and np.ndim(b) == 1) or (_is_matrix(b) and np.ndim(a) == 1):
        raise Undecided("a matrix times a grid of values")
    return a * b


CONDITION_LIMIT = 1e6  # beyond this an inverse is not accurate enough to compare at rel_tol


def _matrix_power(base: np.ndarray, exponent):
    power = complex(np.asarray(exponent).item()) if np.ndim(exponent) == 0 else None
    if power is None or power.imag or not float(power.real).is_integer():
        raise Undecided("a matrix to a power that is not an integer")
    n = int(power.real)
    if n < 0 and np.linalg.cond(base) > CONDITION_LIMIT:
        raise Undecided("the matrix to invert is (nearly) singular at this instance")
    return np.linalg.matrix_power(base, n)


_HANDLERS: dict[type, str] = {}
_MISSING = object()  # no value bound (distinct from any value a symbol may take)


def _handler_name(node_type: type) -> str:
    """``_eval_<class name>``, built once per node type."""
    return _HANDLERS.setdefault(node_type, f"_eval_{node_type.__name__}")


@functools.lru_cache(maxsize=4096)
def _within_outermost(expr):
    """What a sum (product) adds up over its outermost range: the same sum over its inner ranges, built
    once per expression (building a SymPy sum costs more than evaluating a small one)."""
    return expr.func(expr.function, *expr.limits[:-1]) if len(expr.limits) > 1 else expr.function


class Evaluator:
    """Numeric value of expressions under one instantiation."""

    def __init__(self, values: dict, hooks: dict | None = None, _kinds: dict | None = None):
        self.values = dict(values)
        self.hooks = hooks or {}
        self._kinds = {} if _kinds is None else _kinds  # shared with every bound copy

    def _hook_kind(self, node_type: type) -> type | None:
        """The first hook class a node of ``node_type`` is an instance of (the hooks' order decides),
        found once per type: a sum of many terms walks the same few node types thousands of times.
        Recomputed when hooks are added (the cache remembers how many there were)."""
        cached = self._kinds.get(node_type)
        if cached is not None and cached[0] == len(self.hooks):
            return cached[1]
        kind = next((k for k in self.hooks if issubclass(node_type, k)), None)
        self._kinds[node_type] = (len(self.hooks), kind)
        return kind

    def __call__(self, expr: Expr) -> Any:
        node_type = type(expr)
        cached = self._kinds.get(node_type)  # _hook_kind's cache read inline: this runs once per node per term
        kind = cached[1] if cached is not None and cached[0] == len(self.hooks) else self._hook_kind(node_type)
        if kind is not None:
            return self.hooks[kind](expr, self)
        if expr.is_Symbol:
            value = self.values.get(expr, _MISSING)
            return self._symbol(expr) if value is _MISSING else value
        if expr.is_Number or expr is sympy.pi or expr is sympy.E or expr is sympy.I:  # singletons
            return complex(expr) if expr is sympy.I else float(expr)
        handler = getattr(self, _HANDLERS.get(type(expr)) or _handler_name(type(expr)), None)
        if handler is not None:
            return handler(expr)
        if type(expr) in _FUNCTIONS:
            values = [self(a) for a in expr.args]
            if any(_is_matrix(v) and a.is_commutative is False for a, v in zip(expr.args, values)):
                raise Undecided(f"{type(expr).__name__} of a matrix is not evaluated entrywise")
            return _FUNCTIONS[type(expr)](*values)
        raise Undecided(f"cannot evaluate {type(expr).__name__} numerically")

    def _symbol(self, symbol) -> Any:
        if symbol in self.values:
            return self.values[symbol]
        raise Undecided(f"no value for symbol {symbol}")

    def bound(self, symbol, value) -> "Evaluator":
        """A copy in which ``symbol`` takes ``value`` (a number or a grid)."""
        inner = Evaluator(self.values, self.hooks, self._kinds)
        inner.values[symbol] = value
        return inner

    def _eval_Add(self, expr):
        values = [self(a) for a in expr.args]
        if expr.is_commutative is False and any(_is_matrix(v) for v in values):
            size = next(np.shape(v)[0] for v in values if _is_matrix(v))
            values = [v if _is_matrix(v) else v * np.eye(size) for v in values]  # c + A is c I + A
        return sum(values)

    def _eval_Mul(self, expr):
        result = 1.0
        if expr.is_commutative is False:  # SymPy keeps non-commuting factors in their written order
            for a in expr.args:
                result = _times(result, self(a))
            return result
        for a in expr.args:
            result = result * self(a)
        return result

    def _eval_Pow(self, expr):
        base, exponent = self(expr.base), self(expr.exp)
        if expr.base.is_commutative is False and _is_matrix(base):
            return _matrix_power(base, exponent)
        if np.iscomplexobj(base) or np.any(np.asarray(base) < 0) and not float(np.real(exponent)).is_integer():
            return np.power(np.asarray(base, dtype=complex), exponent)
        return np.power(np.asarray(base, dtype=float), exponent)

    def _eval_norm(self, expr):
        """``\\|x\\|`` of a vector: its Euclidean length; of a matrix the norm is not named (Frobenius or
        operator), so it is not evaluated."""
        value = np.asarray(self(expr.args[0])) if len(expr.args) == 1 else None
        if value is None or value.ndim > 2 or (value.ndim == 2 and min(value.shape) > 1):
            raise Undecided("the norm of a matrix is not evaluated (Frobenius or operator norm?)")
        return float(np.linalg.norm(value.ravel()))

    def _eval_Integral(self, expr):
        result = expr.function
        for limit in reversed(expr.limits):
            result = self._integrate(result, limit)
        return result

    def _integrate(self, body, limit):
        if not isinstance(body, Expr):  # already a number from an inner integral
            raise Undecided("multiple integrals are not supported numerically")
        variable, *bounds = limit
        grid = GRID
        if len(bounds) == 2 and all(b.is_finite for b in bounds):
            grid = np.linspace(float(self(bounds[0])), float(self(bounds[1])), 4001)
        elif len(bounds) == 2 and not (bounds[0] == -sympy.oo and bounds[1] == sympy.oo):
            raise Undecided("half-infinite integrals are not supported numerically")
        values = np.broadcast_to(self.bound(variable, grid)(body), grid.shape)
        if grid is GRID and _tails_matter(values):
            raise Undecided("the integrand does not vanish at the ends of the grid: the integral may diverge")
        return np.trapezoid(values, grid)

    def _eval_Sum(self, expr):
        return sum(self._terms(expr, "sum", "terms"))

    def _eval_Product(self, expr):
        """A finite product term by term, as a sum is (the empty product is 1); an infinite one is undecided."""
        result = 1.0
        for factor in self._terms(expr, "product", "factors"):
            result = _times(result, factor)
        return result

    def _terms(self, expr, what: str, parts: str):
        """The values of a sum's terms (a product's factors) over its outermost range, one by one. SymPy
        lists the innermost range first, and an inner range may use the outer index."""
        variable, low, high = expr.limits[-1]
        low, high = float(self(low)), float(self(high))
        if not (np.isfinite(low) and np.isfinite(high)):
            raise Undecided(f"an infinite {what} has no value from finitely many {parts}")
        low, high = int(round(low)), int(round(high))
        if high - low > MAX_SUM_TERMS:
            raise Undecided(f"{what} too long to evaluate")
        return self._over_range(_within_outermost(expr), variable, range(low, high + 1))

    def _over_range(self, body, variable, indices: range):
        """``body`` at each index in turn, lazily and in order. One bound copy serves every term, its
        index rebound before each (a hook that keeps an evaluator keeps a ``bound`` copy, a snapshot):
        copying every value once per term dominated long nested sums."""
        at = self.bound(variable, 0.0)
        for k in indices:
            at.values[variable] = float(k)
            yield at(body)

    def _eval_Derivative(self, expr):
        done = carried(expr)  # exact differentiation first (no index captured); numbers only for the result
        if done.has(sympy.Derivative):
            raise Undecided(f"cannot differentiate {expr.expr} symbolically")
        return self(done)

    def _eval_Subs(self, expr):
        """A derivative at a point (``f'(2)``, ``\\partial \\phi / \\partial x`` at (a, b)): carried out exactly, then
        evaluated with the point's values in place of the variables."""
        body = carried(expr.expr) if expr.expr.has(sympy.Derivative) else expr.expr
        if body.has(sympy.Derivative):
            raise Undecided(f"cannot differentiate {expr.expr} symbolically")
        return self(body.subs(dict(zip(expr.variables, expr.point)), simultaneous=True))

    def _eval_Piecewise(self, expr):
        for value, condition in expr.args:
            if condition is sympy.true or bool(self(condition)):
                return self(value)
        raise Undecided("no branch of a piecewise expression applies")

    def _eval_StrictGreaterThan(self, expr):
        return self(expr.lhs) > self(expr.rhs)

    def _eval_StrictLessThan(self, expr):
        return self(expr.lhs) < self(expr.rhs)

    def _eval_GreaterThan(self, expr):
        return self(expr.lhs) >= self(expr.rhs)

    def _eval_LessThan(self, expr):
        return self(expr.lhs) <= self(expr.rhs)

    def _eval_Equality(self, expr):
        """A stated equality holds at an instance up to the rounding of the quadrature behind it."""
        return np.isclose(self(expr.lhs), self(expr.rhs), rtol=1e-6, atol=1e-9)

    def _eval_ImmutableDenseMatrix(self, expr):
        return np.array([[self(e) for e in row] for row in expr.tolist()])

    _eval_MutableDenseMatrix = _eval_ImmutableDenseMatrix
