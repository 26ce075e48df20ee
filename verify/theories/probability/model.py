"""Numeric instantiation: a linear-Gaussian model in which every density is known in closed form.

z ~ N(0, 1) is the prior p(z); x | z ~ N(w z + b, s^2) the likelihood p(x|z); so the evidence
is p(x) = N(b, w^2 + s^2), the posterior p(z|x) is normal, and the joint is p(x|z) p(z). The
approximate posterior q(z|x) (or q(z)) is N(m, v) with m, v drawn independently, so that it
differs from the true posterior and a wrong step shows.

Half the draws have moderate variances, half log-uniform ones reaching small values (s^2 from
about 0.0025, v from 0.01), where quadrature on a fixed grid loses accuracy near the tolerance, so closed forms
are used wherever they exist:

* the logarithm of a model density (or of a product or power of them) is its log-density,
  never ``log(exp(...))``, so nothing underflows to log(0);
* every model density and every normal is normal in the variable it is over, and every
  log-density is quadratic in it, so an expectation of a polynomial in the variable and in
  log-densities (the ELBO's terms) and a KL divergence between two of them are exact by
  Gauss-Hermite quadrature under the weighting normal (``GAUSS_HERMITE`` nodes are exact
  to degree 2 * nodes - 1);
* any other body is integrated on a grid of +-14 standard deviations of the weighting normal.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np
import sympy
from sympy import Expr, Symbol

from ...evaluation import GRID
from ...undecided import Undecided
from ...model import Context
from ...vocabulary import KL, Density, Expectation, Normal
from ..base import Instance
from .canonical import plain

TINY = 1e-300
GAUSS_HERMITE = np.polynomial.hermite.hermgauss(24)


def _log_uniform(rng: np.random.Generator, low: float, high: float) -> float:
    return float(np.exp(rng.uniform(np.log(low), np.log(high))))


def normal_log_pdf(value, mean, variance):
    return -0.5 * np.log(2 * np.pi * variance) - (value - mean) ** 2 / (2 * variance)


@dataclass(frozen=True)
class LinearGaussian:
    """The concrete model: weights of the likelihood, the observation, and q's parameters."""

    w: float
    b: float
    s: float
    x: float
    m: float
    v: float

    @classmethod
    def draw(cls, rng: np.random.Generator) -> "LinearGaussian":
        w = float(np.round(rng.choice([-1, 1]) * rng.uniform(0.5, 1.5), 2))
        b, x = (float(np.round(rng.uniform(lo, hi), 2)) for lo, hi in ((-1, 1), (-2, 2)))
        m = float(np.round(rng.uniform(-1, 1), 2))
        if rng.random() < 0.5:  # moderate variances, where wrong ELBO bounds show most often
            s, v = float(np.round(rng.uniform(0.8, 1.5), 2)), float(np.round(rng.uniform(0.4, 1.5), 2))
        else:  # small ones too, where the closed forms matter
            s, v = float(f"{_log_uniform(rng, 0.05, 1.5):.3g}"), float(f"{_log_uniform(rng, 0.01, 1.5):.3g}")
        return cls(w, b, s, x, m, v)

    def normal_in(self, role: str, variable: str, x, z) -> tuple | None:
        """(mean, variance) of the density with ``role`` as a normal density of ``variable`` ("x" or
        "z") at the other's value; None when it is not one (a joint, or not over that variable)."""
        laws = {("z|", "z"): (0.0, 1.0), ("q", "z"): (self.m, self.v), ("z|x", "z"): posterior_at(self, x),
                ("x|z", "x"): (self.w * z + self.b, self.s**2), ("x|", "x"): (self.b, self.w**2 + self.s**2)}
        return laws.get((role, variable))

    def log_density(self, role: str, x, z):
        """log of the density with the given role ("z|", "x|z", "x|", "z|x", "xz|", "q") at x, z."""
        if role == "z|":
            return normal_log_pdf(z, 0.0, 1.0)
        if role == "x|z":
            return normal_log_pdf(x, self.w * z + self.b, self.s**2)
        if role == "x|":
            return normal_log_pdf(x, self.b, self.w**2 + self.s**2)
        if role == "z|x":
            return normal_log_pdf(z, *posterior_at(self, x))
        if role == "xz|":
            return self.log_density("z|", x, z) + self.log_density("x|z", x, z)
        return normal_log_pdf(z, self.m, self.v)

    def describe(self, role: str) -> str:
        if role == "x|z":
            return f"N({self.w:g} z {self.b:+g}, {self.s**2:.4g})"
        if role == "x|":
            return f"N({self.b:g}, {self.w**2 + self.s**2:.4g})"
        if role == "z|x":
            return "N({:.4g}, {:.4g})".format(*posterior_at(self, self.x))
        if role == "xz|":
            return f"p(x|z) p(z) = N({self.w:g} z {self.b:+g}, {self.s**2:.4g}) N(0, 1)"
        return "N(0, 1)" if role == "z|" else f"N({self.m:g}, {self.v:g})"


def posterior_at(model: LinearGaussian, x) -> tuple:
    """Mean and variance of p(z|x): the normal-normal conjugate update."""
    total = model.w**2 + model.s**2
    return model.w * (x - model.b) / total, model.s**2 / total


@dataclass(frozen=True)
class Roles:
    """Which symbol is observed (x) and which latent (z), to read a density's pattern."""

    observed: Symbol | None
    latent: Symbol

    def letter(self, symbol) -> str:
        return "z" if symbol == self.latent else ("x" if symbol == self.observed else "?")

    def role(self, d: Density) -> str | None:
        """The model density a pattern stands for, or None when the model has none (or ``d`` is not plain)."""
        if not plain(d):
            return None
        base = d.name.split("_")[0].lower()
        head = "".join(sorted(self.letter(v) for v in d.variables))
        pattern = head + "|" + "".join(self.letter(v) for v in d.given)
        if base == "q" and pattern in ("z|x", "z|"):
            return "q"
        if base == "p" and pattern in ("z|", "x|z", "x|", "z|x", "xz|"):
            return pattern
        return None


def find_roles(context: Context, expr: Expr) -> Roles | str:
    if len(context.integration_variables) != 1:
        return "the probability model needs exactly one latent (integration) variable"
    latent = context.integration_variables[0]
    observed = {v for d in expr.atoms(Density) for v in d.variables + d.given} - {latent}
    if len(observed) > 1:
        return f"the linear-Gaussian model has one observed variable, not {sorted(map(str, observed))}"
    return Roles(next(iter(observed), None), latent)


def density_hook(model: LinearGaussian, roles: Roles):
    def value(d: Density, evaluate):
        role = roles.role(d)
        x = evaluate(roles.observed) if roles.observed is not None else 0.0
        z = evaluate(roles.latent) if roles.latent in d.variables + d.given else 0.0
        return np.maximum(np.exp(model.log_density(role, x, z)), TINY)

    return value


def log_density_hook(model: LinearGaussian, roles: Roles):
    """``log`` of a model density, or of a product or power of them, as its log-density (exact,
    no underflow); any other logarithm as the evaluator computes it."""
    def log_of(expr, evaluate):
        logs = _log_terms(expr.args[0], model, roles, evaluate)
        return logs if logs is not None else evaluate.function(sympy.log, expr.args)

    return log_of


def _log_terms(arg, model: LinearGaussian, roles: Roles, evaluate):
    if isinstance(arg, Density) and roles.role(arg) is not None:
        x = evaluate(roles.observed) if roles.observed is not None else 0.0
        z = evaluate(roles.latent) if roles.latent in arg.variables + arg.given else 0.0
        return model.log_density(roles.role(arg), x, z)
    if isinstance(arg, sympy.Pow) and arg.exp.is_real and arg.exp.is_number:
        inner = _log_terms(arg.base, model, roles, evaluate)
        return None if inner is None else float(arg.exp) * inner
    if isinstance(arg, sympy.Mul):
        parts = [_log_terms(a, model, roles, evaluate) for a in arg.args]
        return None if any(p is None for p in parts) else sum(parts)
    return None


def _normal_law(dist, variable, evaluate, model: LinearGaussian | None, roles: Roles | None):
    """(mean, variance) of ``dist`` as a normal density over ``variable``, when it is one."""
    if isinstance(dist, Normal):
        return float(evaluate(dist.mean)), float(evaluate(dist.variance))
    if model is None or not isinstance(dist, Density) or dist.variables != (variable,) or roles.role(dist) is None:
        return None
    x = evaluate(roles.observed) if roles.observed is not None and roles.observed != variable else None
    z = evaluate(roles.latent) if roles.latent != variable and roles.latent in dist.given else 0.0
    law = model.normal_in(roles.role(dist), roles.letter(variable), x, z)
    return None if law is None else (float(law[0]), float(law[1]))


def _polynomial_in_logs(body: Expr, variable) -> bool:
    """A polynomial in ``variable`` and in logarithms of model densities: Gauss-Hermite is exact."""
    logs = [e for e in body.atoms(sympy.log) if isinstance(e.args[0], (Density, sympy.Mul, sympy.Pow))
            and e.args[0].atoms(Density)]
    plain = body.xreplace({e: sympy.Dummy() for e in logs})
    return not plain.atoms(Density, Expectation, KL) and bool(plain.is_polynomial(variable))


def _gauss_hermite(law: tuple[float, float]) -> tuple[np.ndarray, np.ndarray]:
    nodes, weights = GAUSS_HERMITE
    mean, variance = law
    return mean + np.sqrt(2 * variance) * nodes, weights / np.sqrt(np.pi)


def normal_grid(mean: float, variance: float) -> np.ndarray:
    """Quadrature nodes covering +-14 standard deviations of N(mean, variance)."""
    return mean + np.sqrt(variance) * GRID


def _log_weight(dist, variable, evaluate, grid=GRID, weighting: bool = True):
    """log of ``dist`` on ``grid`` (a normal brings its own), with ``variable`` bound to the nodes.

    A weighting law must be a density over ``variable``; the second argument of a KL may be
    any density that depends on it (read as a function of it, as in the integral's definition).
    Returns the log-values, the nodes, and the evaluator with ``variable`` bound to them.
    """
    if isinstance(dist, Normal):
        mean, variance = float(evaluate(dist.mean)), float(evaluate(dist.variance))
        grid = normal_grid(mean, variance) if weighting else grid
        return normal_log_pdf(grid, mean, variance), grid, evaluate.bound(variable, grid)
    inner = evaluate.bound(variable, grid)
    over = dist.variables == (variable,) if weighting else variable in dist.variables + dist.given
    if isinstance(dist, Density) and over:
        return np.broadcast_to(inner(sympy.log(dist)), grid.shape), grid, inner
    raise Undecided(f"cannot integrate over {dist} in {variable}")


def expectation_hook(expr: Expectation, evaluate, model: LinearGaussian | None = None, roles: Roles | None = None):
    """E_q[f]: exact by Gauss-Hermite for a normal q and a body polynomial in z and log-densities,
    else by quadrature, int q(z) f(z) dz on the grid."""
    law = _normal_law(expr.dist, expr.var, evaluate, model, roles)
    if law is not None and _polynomial_in_logs(expr.body, expr.var):
        nodes, weights = _gauss_hermite(law)
        return weights @ np.broadcast_to(evaluate.bound(expr.var, nodes)(expr.body), nodes.shape)
    log_q, grid, inner = _log_weight(expr.dist, expr.var, evaluate)
    body = np.broadcast_to(inner(expr.body), grid.shape)
    return np.trapezoid(np.exp(log_q) * body, grid)


def kl_hook(expr: KL, evaluate, model: LinearGaussian | None = None, roles: Roles | None = None):
    """KL(a || b) = int a (log a - log b) by quadrature, over the first density's variable."""
    first, second = expr.args
    if isinstance(first, Density):
        variable = first.variables[0]
    else:
        variable = second.variables[0] if isinstance(second, Density) else Symbol("_kl_grid")
    law = _normal_law(first, variable, evaluate, model, roles)
    if law is not None:  # exact: log a - log b is quadratic in the variable
        nodes, weights = _gauss_hermite(law)
        log_a, _, _ = _log_weight(first, variable, evaluate, nodes, weighting=False)
        log_b, _, _ = _log_weight(second, variable, evaluate, nodes, weighting=False)
        return weights @ (log_a - log_b)
    log_a, grid, _ = _log_weight(first, variable, evaluate)
    log_b, _, _ = _log_weight(second, variable, evaluate, grid, weighting=False)
    return np.trapezoid(np.exp(log_a) * (log_a - log_b), grid)


def instantiate(context: Context, expr: Expr, rng: np.random.Generator, instance: Instance) -> str | None:
    """Draw a linear-Gaussian model, bind x, and install hooks; a reason when a density is unknown."""
    densities = sorted(expr.atoms(Density), key=str)
    if not densities:
        instance.hooks.update({Expectation: expectation_hook, KL: kl_hook})
        return None
    roles = find_roles(context, expr)
    if isinstance(roles, str):
        return roles
    unknown = [str(d) for d in densities if roles.role(d) is None]
    if unknown:
        return f"no concrete model for {', '.join(unknown)} (known: p(z), p(x|z), p(x), p(z|x), p(x,z), q(z|x))"
    install(instance, LinearGaussian.draw(rng), roles, densities)
    return None


def install(instance: Instance, model: LinearGaussian, roles: Roles, densities=()) -> None:
    """Bind the observation, describe ``densities`` under ``model`` and add the evaluation hooks."""
    if roles.observed is not None:
        instance.values[roles.observed] = model.x
        instance.described.append((str(roles.observed), f"{model.x:g}"))
    instance.described.extend((str(d), model.describe(roles.role(d))) for d in densities)
    instance.hooks.update({Density: density_hook(model, roles), sympy.log: log_density_hook(model, roles),
                           Expectation: functools.partial(expectation_hook, model=model, roles=roles),
                           KL: functools.partial(kl_hook, model=model, roles=roles)})
