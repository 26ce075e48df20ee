"""Numeric instantiation for densities the document never specifies: random gridded laws.

A step about densities the document leaves unspecified (``P(X|z)``, ``Q(z|X)``, ``q_phi``) holds
or fails for every law, so one concrete law that breaks it refutes it. Each name is one joint
model, as the canonical form reads it (the chain rule and Bayes' rule hold among the densities
of one name): the name gets a random positive table over a grid of K points for each variable it
is written of, and every density of the name is a marginal or conditional of that table, divided
by the cell width so that it is a density (its values may exceed one; an entropy may be negative).
Different names are independent tables: ``q`` and ``q_phi`` are two laws unless the document says
otherwise. Integrals over a variable of the model are sums over its grid times the cell width.

Only what holds for every law can be checked this way, so the model refuses expressions that
use the continuous line itself: normals, derivatives, finite limits, a density of a formula.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from sympy import Add, Derivative, Expr, Integral, Mul, Symbol, expand, log, oo

from ...evaluation import Evaluator
from ...undecided import Undecided
from ...vocabulary import KL, Density, Expectation, Normal
from .divergences import T, at_written_variable, bare_kl, density_divergence_hooks

POINTS = 4  # grid points per variable: small tables, every cell weighted


@dataclass(frozen=True)
class Grid:
    """The common grid: positions offset + k * width for k < POINTS."""

    offset: float
    width: float

    def positions(self) -> np.ndarray:
        return self.offset + self.width * np.arange(POINTS)

    def index(self, value) -> np.ndarray:
        k = np.rint((np.asarray(value, dtype=float) - self.offset) / self.width)
        if np.any(k < 0) or np.any(k >= POINTS) or not np.allclose(self.offset + k * self.width, value):
            raise Undecided("a density is evaluated off the grid of its law")
        return k.astype(int)


@dataclass(frozen=True)
class JointTable:
    """The joint masses of one name over its variables (in name order)."""

    variables: tuple[Symbol, ...]
    masses: np.ndarray

    def density(self, d: Density, grid: Grid, evaluate) -> np.ndarray:
        """d = mass(heads, givens) / mass(givens) / width^len(heads), at the current values."""
        keep = d.variables + d.given
        joint = self._marginal(keep)
        given = self._marginal(d.given)
        indices = [grid.index(evaluate(v)) for v in keep]
        shape = np.broadcast(*indices).shape if indices else ()
        top = joint[tuple(np.broadcast_to(i, shape) for i in indices)] if indices else joint
        given_indices = indices[len(d.variables):]
        bottom = given[tuple(np.broadcast_to(i, shape) for i in given_indices)] if given_indices else given
        return top / bottom / grid.width ** len(d.variables)

    def _marginal(self, keep) -> np.ndarray:
        """Masses summed over every variable not in ``keep``, axes in ``keep``'s order."""
        drop = tuple(k for k, v in enumerate(self.variables) if v not in keep)
        kept = [v for v in self.variables if v in keep]
        summed = self.masses.sum(axis=drop) if drop else self.masses
        order = [kept.index(v) for v in keep]
        return np.transpose(summed, order) if order else summed


def _variables_of(densities) -> dict[str, tuple[Symbol, ...]]:
    found: dict[str, set] = {}
    for d in densities:
        found.setdefault(d.name, set()).update(d.variables + d.given)
    return {name: tuple(sorted(vs, key=str)) for name, vs in found.items()}


def refusal(expr: Expr) -> str | None:
    """Why random gridded laws cannot stand for this expression's densities, or None."""
    densities = expr.atoms(Density)
    if expr.has(Normal):
        return "a normal law is stated: the gridded laws hold for unspecified densities only"
    if expr.has(Derivative):
        return "a derivative in the expression: gridded laws have none"
    for d in densities:
        symbols = d.variables + d.given
        if not all(isinstance(s, Symbol) for s in symbols) or len(set(symbols)) != len(symbols):
            return f"{d} is not a density of distinct variables"
    for integral in expr.atoms(Integral):
        for limit in integral.limits:
            if len(limit) == 3 and tuple(limit[1:]) != (-oo, oo):
                return "an integral over a bounded range: gridded laws cover the whole line only"
    return None


def against_density(body: Expr, variable: Symbol) -> bool:
    """Every term of ``body`` (products expanded, nothing else) has a factor that is a density written
    of ``variable`` (as its variable or its condition): then the integral is one that every law, a
    gridded one too, must give as the step claims (the manipulations of densities hold for any
    measure). A term without one (``int e^{-z^2} dz``) needs the Lebesgue measure of the line itself."""
    for term in Add.make_args(expand(body, deep=False, log=False, power_exp=False, power_base=False,
                                     multinomial=False)):
        if not any(isinstance(f, Density) and variable in f.variables + f.given for f in Mul.make_args(term)):
            return False
    return True


def draw_tables(densities, rng: np.random.Generator) -> dict[str, JointTable]:
    tables = {}
    for name, variables in _variables_of(densities).items():
        masses = rng.uniform(0.2, 1.0, size=(POINTS,) * len(variables))
        tables[name] = JointTable(variables, masses / masses.sum())
    return tables


def _law(dist, var, tables: dict[str, JointTable], written) -> Density:
    """The density an expectation is taken under: a density of ``var``, or a law named by a bare
    symbol that the document writes of ``var`` in exactly one way (``E_{z ~ Q}`` with ``Q(z | X)``)."""
    if isinstance(dist, Density):
        if dist.variables != (var,):
            raise Undecided(f"cannot take an expectation over {var} under {dist}")
        return dist
    if isinstance(dist, Symbol):
        forms = {d for d in written if d.name == dist.name and d.variables == (var,)}
        if len(forms) == 1:
            return next(iter(forms))
        raise Undecided(f"the law {dist} is written of {var} in {len(forms)} ways, not one")
    raise Undecided(f"{dist} is neither a density nor a law named by the document")


def install(expr: Expr, tables: dict[str, JointTable], grid: Grid, instance, rng) -> None:
    """Bind every model variable to a grid point and add the hooks that evaluate on the grid."""
    written = expr.atoms(Density)
    variables = sorted({v for t in tables.values() for v in t.variables}, key=str)
    positions = grid.positions()
    for v in variables:
        instance.values[v] = float(positions[rng.integers(POINTS)])
        instance.described.append((str(v), f"{instance.values[v]:g}"))
    for name, table in sorted(tables.items()):
        instance.described.append((name, f"a random law on {POINTS}-point grids of width {grid.width:g} in "
                                   + ", ".join(map(str, table.variables))))

    def on_grid(body: Expr, variable, evaluate: Evaluator):
        values = np.broadcast_to(evaluate.bound(variable, positions)(body), positions.shape)
        return float(np.sum(values) * grid.width)

    def density_hook(d: Density, evaluate):
        if d.name not in tables or not set(d.variables + d.given) <= set(tables[d.name].variables):
            raise Undecided(f"{d} has no law in this instance")
        return tables[d.name].density(d, grid, evaluate)

    def integral_hook(node: Integral, evaluate):
        result = node.function
        for limit in reversed(node.limits):
            if not isinstance(result, Expr):
                raise Undecided("multiple integrals are not supported numerically")
            if limit[0] not in variables:
                raise Undecided(f"an integral over {limit[0]}, which no density of the model is written of")
            if not against_density(result, limit[0]):
                raise Undecided("an integrand term without a density of its variable: the grid is no quadrature")
            result = on_grid(result, limit[0], evaluate)
        return result

    def expectation_hook(node: Expectation, evaluate):
        law = _law(node.dist, node.var, tables, written)
        return on_grid(law * node.body, node.var, evaluate)

    def kl_hook(node: KL, evaluate):
        first, second = node.args
        bare = bare_kl(node, frozenset())
        if bare is not None and not (read := at_written_variable(bare[0], expr)).has(T):
            return evaluate(read)  # KL(P || Q) beside the densities P(x), Q(x): their integral
        if not (isinstance(first, Density) and isinstance(second, Density) and len(first.variables) == 1):
            raise Undecided("a KL divergence of gridded laws needs two densities")
        variable = first.variables[0]
        return on_grid(first * (log(first) - log(second)), variable, evaluate)

    instance.hooks.update({Density: density_hook, Integral: integral_hook, Expectation: expectation_hook,
                           KL: kl_hook})
    instance.hooks.update(density_divergence_hooks(expr))


def instantiate(expr: Expr, rng: np.random.Generator, instance) -> str | None:
    """Random gridded laws for the densities of ``expr``; a reason when they cannot stand for them."""
    reason = refusal(expr)
    if reason:
        return reason
    tables = draw_tables(expr.atoms(Density), rng)
    grid = Grid(float(np.round(rng.uniform(-1, 1), 2)), float(np.round(rng.uniform(0.3, 0.8), 2)))
    install(expr, tables, grid, instance, rng)
    return None
