"""Evaluate a SymPy expression to numbers with numpy, walking the tree ourselves.

No code generation and no ``eval``: every node type has a small handler, theory
objects (densities, expectations) are evaluated by hooks the theory provides, and
anything else raises ``Undecided`` so the checker can say ``unknown`` honestly.
Integrals over the real line are computed on a grid, vectorised over the variable.
A neutral module (it knows neither the engine nor the theories), so theories can
evaluate their definitions without importing the engine that calls them.
"""
from __future__ import annotations

from typing import Any, Callable

import numpy as np
import sympy
from sympy import Expr

from .undecided import Undecided

GRID = np.linspace(-14.0, 14.0, 5601)
MAX_SUM_TERMS = 100_000


def _tails_matter(values: np.ndarray) -> bool:
    """An integrand over the real line that is not negligible at +-14 (divergent, or too wide to trust)."""
    peak = float(np.max(np.abs(values), initial=0.0))
    ends = max(abs(complex(values[0])), abs(complex(values[-1])))
    return ends > 1e-9 * max(peak, 1.0)


_FUNCTIONS: dict[type, Callable[..., Any]] = {
    sympy.log: np.log,
    sympy.exp: np.exp,
    sympy.sin: np.sin,
    sympy.cos: np.cos,
    sympy.tan: np.tan,
    sympy.tanh: np.tanh,
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


class Evaluator:
    """Numeric value of expressions under one instantiation."""

    def __init__(self, values: dict, hooks: dict | None = None):
        self.values = dict(values)
        self.hooks = hooks or {}

    def __call__(self, expr: Expr) -> Any:
        for kind, hook in self.hooks.items():
            if isinstance(expr, kind):
                return hook(expr, self)
        if expr.is_Number or expr in (sympy.pi, sympy.E, sympy.I):
            return complex(expr) if expr is sympy.I else float(expr)
        if expr.is_Symbol:
            return self._symbol(expr)
        handler = getattr(self, f"_eval_{type(expr).__name__}", None)
        if handler is not None:
            return handler(expr)
        if type(expr) in _FUNCTIONS:
            return _FUNCTIONS[type(expr)](*(self(a) for a in expr.args))
        raise Undecided(f"cannot evaluate {type(expr).__name__} numerically")

    def _symbol(self, symbol) -> Any:
        if symbol in self.values:
            return self.values[symbol]
        raise Undecided(f"no value for symbol {symbol}")

    def bound(self, symbol, value) -> "Evaluator":
        """A copy in which ``symbol`` takes ``value`` (a number or a grid)."""
        inner = Evaluator(self.values, self.hooks)
        inner.values[symbol] = value
        return inner

    def _eval_Add(self, expr):
        return sum(self(a) for a in expr.args)

    def _eval_Mul(self, expr):
        result = 1.0
        for a in expr.args:
            result = result * self(a)
        return result

    def _eval_Pow(self, expr):
        base, exponent = self(expr.base), self(expr.exp)
        if np.iscomplexobj(base) or np.any(np.asarray(base) < 0) and not float(np.real(exponent)).is_integer():
            return np.power(np.asarray(base, dtype=complex), exponent)
        return np.power(np.asarray(base, dtype=float), exponent)

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
        body = expr.function
        variable, low, high = expr.limits[0]
        low, high = int(round(float(self(low)))), int(round(float(self(high))))
        if high - low > MAX_SUM_TERMS:
            raise Undecided("sum too long to evaluate")
        inner = sympy.Sum(body, *expr.limits[1:]) if len(expr.limits) > 1 else body
        return sum(self.bound(variable, float(k))(inner) for k in range(low, high + 1))

    def _eval_Derivative(self, expr):
        done = expr.doit(deep=False)  # exact differentiation first; numbers only for the result
        if done.has(sympy.Derivative):
            raise Undecided(f"cannot differentiate {expr.expr} symbolically")
        return self(done)

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

    def _eval_ImmutableDenseMatrix(self, expr):
        return np.array([[self(e) for e in row] for row in expr.tolist()])

    _eval_MutableDenseMatrix = _eval_ImmutableDenseMatrix
