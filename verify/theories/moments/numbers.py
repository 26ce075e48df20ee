"""Numbers for the Gaussian forms: KL and E_{x ~ N} by quadrature, parameter vectors by components,
full Gaussians at explicit matrices.

Independent of the closed forms the canonical form uses (``moments.gaussian``): a KL
divergence is the integral of p (log p - log q) on the evaluator's grid (+-14 standard
deviations, where the trapezoid rule on these smooth integrands is exact to about
1e-12), component by component for diagonal Gaussians. Components of parameter vectors
(``mu_i``, ``l_i``) are drawn by their IndexedBase's assumptions when first needed.
"""
from __future__ import annotations

import numpy as np
from sympy import (Determinant, Expr, Indexed, IndexedBase, Integer, Matrix, MatrixSymbol, Trace, eye,
                   preorder_traversal)
from sympy.matrices.expressions.matexpr import MatrixElement, MatrixExpr

from ...evaluation import GRID, Evaluator
from ...undecided import Undecided
from ...vocabulary import KL, Expectation, Normal
from ...vocabulary.random import DiagonalNormal, MultivariateNormal
from ..algebra import sample_value
from ..base import Instance


def _log_normal(x, mean: float, variance: float):
    return -0.5 * np.log(2 * np.pi * variance) - (x - mean) ** 2 / (2 * variance)


def _moments(evaluate: Evaluator, mean: Expr, variance: Expr) -> tuple[float, float]:
    m, v = complex(evaluate(mean)), complex(evaluate(variance))
    if abs(m.imag) > 1e-12 or abs(v.imag) > 1e-12 or v.real <= 0:
        raise Undecided(f"N({mean}, {variance}) is not a normal law at the sampled values")
    return m.real, v.real


def univariate_kl_by_quadrature(first: tuple[float, float], second: tuple[float, float]) -> float:
    (m1, v1), (m2, v2) = first, second
    grid = m1 + np.sqrt(v1) * GRID
    log_p = _log_normal(grid, m1, v1)
    return float(np.trapezoid(np.exp(log_p) * (log_p - _log_normal(grid, m2, v2)), grid))


def kl_hook(node: KL, evaluate: Evaluator) -> float:
    first, second = node.args
    if isinstance(first, Normal) and isinstance(second, Normal):
        return univariate_kl_by_quadrature(_moments(evaluate, first.mean, first.variance),
                                           _moments(evaluate, second.mean, second.variance))
    if isinstance(first, DiagonalNormal) and isinstance(second, DiagonalNormal):
        length = float(evaluate(first.length))
        if length != float(evaluate(second.length)) or not length.is_integer():
            raise Undecided("the two diagonal Gaussians have different lengths")
        return sum(univariate_kl_by_quadrature(_moments(evaluate, *first.component(Integer(i))),
                                               _moments(evaluate, *second.component(Integer(i))))
                   for i in range(1, int(length) + 1))
    raise Undecided(f"no numbers for {node}")


def full_kl_by_numpy(m1: np.ndarray, s1: np.ndarray, m2: np.ndarray, s2: np.ndarray) -> float:
    """KL(N(m1, S1) || N(m2, S2)) by numpy's solve and slogdet (not the symbolic closed form)."""
    difference = (m2 - m1).reshape(-1)
    log_det_1, log_det_2 = np.linalg.slogdet(s1)[1], np.linalg.slogdet(s2)[1]
    return float(0.5 * (np.trace(np.linalg.solve(s2, s1)) + difference @ np.linalg.solve(s2, difference)
                        - len(difference) + log_det_2 - log_det_1))


class ExplicitMatrices:
    """Every matrix symbol as an explicit integer matrix at the sampled sizes, drawn once per shape:
    square ones symmetric positive definite (A A^T + I: a covariance, and a refutation on such a
    matrix refutes the general claim too), others with entries in -2..2. SymPy then evaluates
    traces, determinants, inverses and entries exactly."""

    def __init__(self, rng: np.random.Generator, instance: Instance):
        self.rng = rng
        self.instance = instance
        self.drawn: dict = {}

    def matrix(self, symbol: MatrixSymbol) -> Matrix:
        rows, columns = (int(n) for n in symbol.shape)
        if symbol not in self.drawn:
            entries = Matrix(self.rng.integers(-2, 3, (rows, columns)).tolist())
            self.drawn[symbol] = entries * entries.T + eye(rows) if rows == columns else entries
            self.instance.described.append((str(symbol.name), str(self.drawn[symbol].tolist())))
        return self.drawn[symbol]

    def explicit(self, node: Expr, evaluate: Evaluator) -> Expr:
        sizes = {}
        shapes = {n for e in preorder_traversal(node) if isinstance(e, MatrixExpr) for n in e.shape}
        for n in shapes:
            for size in n.free_symbols:
                value = complex(evaluate(size)).real
                if not float(value).is_integer() or value < 1:
                    raise Undecided(f"the size {size} is not a positive integer")
                sizes[size] = Integer(int(value))
        sized = node.xreplace(sizes)
        value = sized.xreplace({m: self.matrix(m) for m in sized.atoms(MatrixSymbol)}).doit()
        return value.as_explicit() if isinstance(value, MatrixExpr) else value

    def scalar(self, node: Expr, evaluate: Evaluator) -> float:
        """A trace or determinant, exactly at the explicit matrices."""
        return float(self.explicit(node, evaluate))

    def element(self, node: MatrixElement, evaluate: Evaluator) -> float:
        parent = self.explicit(node.parent, evaluate)
        row, column = (int(round(complex(evaluate(i)).real)) for i in node.indices)
        return float(parent[row, column])

    def kl(self, node: KL, evaluate: Evaluator) -> float:
        first, second = node.args
        if not (isinstance(first, MultivariateNormal) and isinstance(second, MultivariateNormal)):
            return kl_hook(node, evaluate)
        arrays = [np.array(self.explicit(m, evaluate).tolist(), dtype=float)
                  for m in (first.mean, first.covariance, second.mean, second.covariance)]
        return full_kl_by_numpy(*arrays)


def expectation_hook(node: Expectation, evaluate: Evaluator) -> float:
    """E_{x ~ N(m, v)}[f] = int N(x; m, v) f(x) dx on the grid."""
    if not isinstance(node.dist, Normal):
        raise Undecided(f"no numbers for an expectation over {node.dist}")
    m, v = _moments(evaluate, node.dist.mean, node.dist.variance)
    grid = m + np.sqrt(v) * GRID
    body = np.broadcast_to(evaluate.bound(node.var, grid)(node.body), grid.shape)
    return float(np.trapezoid(np.exp(_log_normal(grid, m, v)) * body, grid))


def component_hook(random_families: set[str], rng: np.random.Generator, instance: Instance):
    """Values for components b[i] of parameter vectors, drawn once each; random ones have none."""
    drawn: dict = {}

    def value(node: Indexed, evaluate: Evaluator):
        if str(node.base.label) in random_families:
            return np.nan  # a random variable has no value of its own
        index = tuple(complex(evaluate(i)).real for i in node.indices)
        if not all(float(i).is_integer() for i in index):
            raise Undecided(f"{node} has no integer index")
        at = node.base[tuple(Integer(int(i)) for i in index)]
        if at in evaluate.values:
            return evaluate.values[at]
        if at not in drawn:
            drawn[at] = sample_value(at, rng)
            instance.described.append((str(at), f"{drawn[at]:g}"))
        return drawn[at]

    return value


def install(expr: Expr, random_families: set[str], rng: np.random.Generator, instance: Instance) -> None:
    """Hooks for the Gaussian forms and parameter components ``expr`` needs (other theories' first)."""
    if expr.has(MultivariateNormal, Trace, Determinant):
        matrices = ExplicitMatrices(np.random.default_rng(int(rng.integers(2**32))), instance)
        for symbol in expr.atoms(MatrixSymbol):  # drawn explicitly at the sampled size, described then
            instance.values.setdefault(symbol, np.nan)
        instance.hooks.setdefault(KL, matrices.kl)
        instance.hooks.setdefault(Trace, matrices.scalar)
        instance.hooks.setdefault(Determinant, matrices.scalar)
        instance.hooks.setdefault(MatrixElement, matrices.element)
    if expr.has(KL):
        instance.hooks.setdefault(KL, kl_hook)
    if expr.has(Expectation):
        instance.hooks.setdefault(Expectation, expectation_hook)
    if expr.has(Indexed):
        child = np.random.default_rng(int(rng.integers(2**32)))
        instance.hooks.setdefault(Indexed, component_hook(random_families, child, instance))
        labels = {b.label for b in expr.atoms(IndexedBase)}
        for symbol in expr.free_symbols:  # components are drawn per index; a label or b[j] has no value
            if symbol in labels or isinstance(symbol, Indexed) and not all(i.is_Integer for i in symbol.indices):
                instance.values.setdefault(symbol, np.nan)
