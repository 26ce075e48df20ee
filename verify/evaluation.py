"""Evaluate a SymPy expression to numbers with numpy, walking the tree ourselves.

No code generation and no ``eval``: every node type has a small handler, theory
objects (densities, expectations) are evaluated by hooks the theory provides, and
anything else raises ``Undecided`` so the checker can say ``unknown`` honestly.
Integrals over the real line are computed on a grid, vectorised over the variable.
Names that do not commute (``Symbol(..., commutative=False)``, a capital of open kind)
take square matrices: their products are matrix products in the written order, a
negative integer power is a power of the inverse, and a scalar added to a matrix is
that multiple of the identity. A logarithm of a negative real is complex, as the
principal branch says, so a side that leaves the reals shows instead of vanishing
as ``nan``. Sums follow the ordinary convention: an empty range sums to 0.
A neutral module (it knows neither the engine nor the theories), so theories can
evaluate their definitions without importing the engine that calls them.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

import numpy as np
import sympy
from sympy import Expr
from sympy.core.function import AppliedUndef

from .undecided import Undecided

GRID = np.linspace(-14.0, 14.0, 5601)
MAX_SUM_TERMS = 100_000


def _tails_matter(values: np.ndarray) -> bool:
    """An integrand over the real line that is not negligible at +-14 (divergent, or too wide to trust)."""
    peak = float(np.max(np.abs(values), initial=0.0))
    ends = max(abs(complex(values[0])), abs(complex(values[-1])))
    return ends > 1e-9 * max(peak, 1.0)


def _log(value):
    """The principal logarithm: complex for a negative real (numpy would give ``nan``)."""
    if np.iscomplexobj(value) or np.any(np.asarray(value) < 0):
        return np.log(np.asarray(value, dtype=complex))
    return np.log(value)


def _is_matrix(value) -> bool:
    return np.ndim(value) == 2


_FUNCTIONS: dict[type, Callable[..., Any]] = {
    sympy.log: _log,
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


@dataclass(frozen=True)
class RandomFunction:
    """A concrete function standing for an undefined one (``f(x)``), as a SymPy ``Lambda``:
    its values come from the evaluator, its derivatives are exact."""

    form: sympy.Lambda
    shown: str = ""  # how a counterexample names it (printing the form is slow)

    def at(self, args) -> Expr:
        return self.form(*args)


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
        if isinstance(expr, AppliedUndef):
            return self.applied(expr)
        handler = getattr(self, f"_eval_{type(expr).__name__}", None)
        if handler is not None:
            return handler(expr)
        if type(expr) in _FUNCTIONS:
            return self.function(type(expr), expr.args)
        raise Undecided(f"cannot evaluate {type(expr).__name__} numerically")

    def function(self, kind: type, args) -> Any:
        """``kind(*args)`` by its numpy counterpart; refused for matrices, where it would act entrywise."""
        values = [self(a) for a in args]
        if any(_is_matrix(v) for v, a in zip(values, args) if not a.is_commutative):
            raise Undecided(f"{kind.__name__} of a matrix is not evaluated entrywise")
        return _FUNCTIONS[kind](*values)

    def applied(self, expr: AppliedUndef) -> Any:
        """An undefined function at its arguments: a value given for the application, else the
        function's concrete stand-in (``RandomFunction``) at the arguments."""
        if expr in self.values:
            return self.values[expr]
        stand_in = self.values.get(expr.func)
        if isinstance(stand_in, RandomFunction):
            if any(np.ndim(self(a)) >= 2 for a in expr.args):
                raise Undecided(f"{expr.func} of a matrix has no stand-in")
            return self(stand_in.at(expr.args))
        raise Undecided(f"no value for the function {expr.func}")

    def stand_ins(self, expr: Expr) -> Expr:
        """``expr`` with every undefined function that has a concrete stand-in replaced by it."""
        return expr.replace(
            lambda e: isinstance(e, AppliedUndef) and isinstance(self.values.get(e.func), RandomFunction),
            lambda e: self.values[e.func].at(e.args))

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
        values = [self(a) for a in expr.args]
        if not expr.is_commutative:
            values = _as_matrices(values)
        return sum(values)

    def _eval_Mul(self, expr):
        if not expr.is_commutative:
            return _product([self(a) for a in expr.args])
        result = 1.0
        for a in expr.args:
            result = result * self(a)
        return result

    def _eval_Pow(self, expr):
        base, exponent = self(expr.base), self(expr.exp)
        if not expr.base.is_commutative and _is_matrix(base):
            return _matrix_power(base, exponent, expr)
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
        """The outermost limit (SymPy lists it last) first, so an inner bound may use its index;
        an empty range sums to 0 (``range`` is empty), never SymPy's Karr reflection."""
        body = expr.function
        variable, low, high = expr.limits[-1]
        low, high = int(round(float(np.real(self(low))))), int(round(float(np.real(self(high)))))
        if high - low > MAX_SUM_TERMS:
            raise Undecided("sum too long to evaluate")
        inner = sympy.Sum(body, *expr.limits[:-1]) if len(expr.limits) > 1 else body
        return sum((self.bound(variable, float(k))(inner) for k in range(low, high + 1)), 0.0)

    def _eval_Derivative(self, expr):
        if expr in self.values:  # a stated rate (\dot p = -q) at this instance
            return self.values[expr]
        done = expr.doit(deep=False)  # exact differentiation first; numbers only for the result
        if done.has(sympy.Derivative):
            done = self.stand_ins(done).replace(lambda e: isinstance(e, sympy.Derivative),
                                                lambda e: e.doit(deep=False))
        if any(d not in self.values for d in done.atoms(sympy.Derivative)):
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


def _as_matrices(values: list) -> list:
    """Terms of a sum with matrices in it: a scalar term stands for that multiple of the identity."""
    sizes = {np.shape(v)[0] for v in values if _is_matrix(v)}
    if len(sizes) > 1:
        raise Undecided(f"matrices of sizes {sorted(sizes)} do not add")
    if not sizes:
        return values
    eye = np.eye(sizes.pop())
    return [v if _is_matrix(v) else v * eye for v in values]


def _product(values: list):
    """A product in the written order: matrix products between matrices, scalars scale."""
    result: Any = 1.0
    for value in values:
        if _is_matrix(result) and _is_matrix(value):
            if np.shape(result)[1] != np.shape(value)[0]:
                raise Undecided(f"shapes {np.shape(result)} and {np.shape(value)} do not multiply")
            result = result @ value
        else:
            result = result * value
    return result


def _matrix_power(base, exponent, expr):
    number = complex(np.asarray(exponent).item()) if np.ndim(exponent) == 0 else None
    if number is None or number.imag != 0 or not float(number.real).is_integer() or abs(number.real) > 64:
        raise Undecided(f"the power {expr.exp} of a matrix is not a small integer")
    power = int(number.real)
    if power < 0:
        if np.linalg.cond(base) > 1e10:
            raise Undecided(f"{expr.base} is not invertible at this instance")
        base, power = np.linalg.inv(base), -power
    return np.linalg.matrix_power(base, power)
