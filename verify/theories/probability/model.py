"""Numeric instantiation: a linear-Gaussian model in which every density is known in closed form.

z ~ N(a, c) is the prior p(z); x | z ~ N(w z + b, s^2) the likelihood p(x|z); so the evidence
is p(x) = N(w a + b, w^2 c + s^2), the posterior p(z|x) is normal, and the joint is p(x|z) p(z).
The prior's mean a is drawn away from 0 and its variance c away from 1: a law the document leaves
open must not have a vanishing mean (or odd moments) or a unit variance, or a wrong coefficient on
E_p[z] or E_p[z^3] would vanish at every draw and pass as consistent. The
approximate posterior q(z|x) (or q(z)) is N(m, v) with m, v drawn independently, so that it
differs from the true posterior and a wrong step shows. Expectations and KL divergences are
computed by quadrature on the evaluator's grid. The parameters keep every log-density above
about -700 on the grid, so nothing underflows to log(0).
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np
from sympy import Expr, Integer, Symbol

from ...evaluation import GRID
from ...undecided import Undecided
from ...model import Context
from ...vocabulary import KL, Density, Expectation, Normal
from ..base import Instance
from .canonical import plain
from .divergences import T, at_written_variable, bare_kl, density_divergence_hooks

TINY = 1e-300


def normal_log_pdf(value, mean, variance):
    return -0.5 * np.log(2 * np.pi * variance) - (value - mean) ** 2 / (2 * variance)


@dataclass(frozen=True)
class LinearGaussian:
    """The concrete model: weights of the likelihood, the observation, q's parameters, and the prior's."""

    w: float
    b: float
    s: float
    x: float
    m: float
    v: float
    a: float = 0.0
    c: float = 1.0

    @classmethod
    def draw(cls, rng: np.random.Generator) -> "LinearGaussian":
        w = float(np.round(rng.choice([-1, 1]) * rng.uniform(0.5, 1.5), 2))
        b, s, x = (float(np.round(rng.uniform(lo, hi), 2)) for lo, hi in ((-1, 1), (0.8, 1.5), (-2, 2)))
        m, v = float(np.round(rng.uniform(-1, 1), 2)), float(np.round(rng.uniform(0.4, 1.5), 2))
        a = float(np.round(rng.choice([-1, 1]) * rng.uniform(0.3, 1.0), 2))  # never 0: odd moments show
        c = float(np.round(rng.choice([rng.uniform(0.5, 0.8), rng.uniform(1.25, 1.6)]), 2))  # never 1
        return cls(w, b, s, x, m, v, a, c)

    def log_density(self, role: str, x, z):
        """log of the density with the given role ("z|", "x|z", "x|", "z|x", "xz|", "q") at x, z."""
        if role == "z|":
            return normal_log_pdf(z, self.a, self.c)
        if role == "x|z":
            return normal_log_pdf(x, self.w * z + self.b, self.s**2)
        if role == "x|":
            return normal_log_pdf(x, *evidence(self))
        if role == "z|x":
            return normal_log_pdf(z, *posterior_at(self, x))
        if role == "xz|":
            return self.log_density("z|", x, z) + self.log_density("x|z", x, z)
        return normal_log_pdf(z, self.m, self.v)

    def describe(self, role: str) -> str:
        if role == "x|z":
            return f"N({self.w:g} z {self.b:+g}, {self.s**2:.4g})"
        if role == "x|":
            return "N({:.4g}, {:.4g})".format(*evidence(self))
        if role == "z|x":
            return "N({:.4g}, {:.4g})".format(*posterior_at(self, self.x))
        if role == "xz|":
            return f"p(x|z) p(z) = N({self.w:g} z {self.b:+g}, {self.s**2:.4g}) N({self.a:g}, {self.c:g})"
        return f"N({self.a:g}, {self.c:g})" if role == "z|" else f"N({self.m:g}, {self.v:g})"


def evidence(model: LinearGaussian) -> tuple:
    """Mean and variance of p(x): z's law pushed through x = w z + b + noise."""
    return model.w * model.a + model.b, model.w**2 * model.c + model.s**2


def posterior_at(model: LinearGaussian, x) -> tuple:
    """Mean and variance of p(z|x): the normal-normal conjugate update (precisions add)."""
    total = model.w**2 * model.c + model.s**2
    mean = (model.a * model.s**2 + model.c * model.w * (x - model.b)) / total
    return mean, model.c * model.s**2 / total


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
    return _roles(tuple(context.integration_variables), expr)


def _roles(latents: tuple, expr: Expr) -> Roles | str:
    if len(latents) != 1:
        return "the probability model needs exactly one latent (integration) variable"
    latent = latents[0]
    observed = {v for d in expr.atoms(Density) for v in d.variables + d.given} - {latent}
    if len(observed) > 1:
        return f"the linear-Gaussian model has one observed variable, not {sorted(map(str, observed))}"
    return Roles(next(iter(observed), None), latent)


def merged_names(densities) -> list[str]:
    """Names the model would read as one law because they share a letter (``q_phi`` and ``q_theta``,
    ``p`` and ``p_theta``): the document never said they are the same, so the model must not merge them."""
    by_letter: dict[str, set[str]] = {}
    for d in densities:
        by_letter.setdefault(d.name.split("_")[0].lower(), set()).add(d.name)
    return sorted(n for names in by_letter.values() if len(names) > 1 for n in names)


def density_hook(model: LinearGaussian, roles: Roles):
    def value(d: Density, evaluate):
        role = roles.role(d)
        x = evaluate(roles.observed) if roles.observed is not None else 0.0
        z = evaluate(roles.latent) if roles.latent in d.variables + d.given else 0.0
        return np.maximum(np.exp(model.log_density(role, x, z)), TINY)

    return value


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
    if not isinstance(dist, Density):  # KL(P || Q) of names the document never writes as densities
        raise Undecided(f"{dist} is neither a density nor a normal law")
    inner = evaluate.bound(variable, grid)
    over = dist.variables == (variable,) if weighting else variable in dist.variables + dist.given
    if over:
        return np.log(np.broadcast_to(inner(dist), grid.shape)), grid, inner
    raise Undecided(f"cannot integrate over {dist} in {variable}")


def expectation_hook(expr: Expectation, evaluate):
    """E_q[f] by quadrature: int q(z) f(z) dz on the grid."""
    log_q, grid, inner = _log_weight(expr.dist, expr.var, evaluate)
    body = np.broadcast_to(inner(expr.body), grid.shape)
    return np.trapezoid(np.exp(log_q) * body, grid)


def kl_hook(expr: KL, evaluate):
    """KL(a || b) = int a (log a - log b) by quadrature, over the first density's variable."""
    first, second = expr.args
    if isinstance(first, Density):
        variable = first.variables[0]
    else:
        variable = second.variables[0] if isinstance(second, Density) else Symbol("_kl_grid")
    log_a, grid, _ = _log_weight(first, variable, evaluate)
    log_b, _, _ = _log_weight(second, variable, evaluate, grid, weighting=False)
    return np.trapezoid(np.exp(log_a) * (log_a - log_b), grid)


def written_kl_hook(expr: Expr):
    """``kl_hook``, and KL(P || Q) of names beside the densities P(x), Q(x) as their integral at x."""
    def hook(node: KL, evaluate):
        bare = bare_kl(node, frozenset())
        if bare is not None and not (read := at_written_variable(bare[0], expr)).has(T):
            return evaluate(read)
        return kl_hook(node, evaluate)

    return hook


@functools.lru_cache(maxsize=256)
def _reading(latents: tuple, expr: Expr) -> tuple[tuple[Density, ...], Roles | str | None]:
    """The densities of ``expr`` and their roles in the linear-Gaussian model, or why it has none
    (None: no densities). Nothing drawn changes them, and a check draws up to a few hundred
    instances of one expression, so each is read once."""
    densities = tuple(sorted(expr.atoms(Density), key=str))
    if not densities:
        return densities, None
    roles = _roles(latents, expr)
    if not isinstance(roles, str) and (merged := merged_names(densities)):
        roles = f"{' and '.join(merged)} are different names; one model would merge them by their letter"
    if not isinstance(roles, str):
        unknown = [str(d) for d in densities if roles.role(d) is None]
        if not unknown:
            return densities, roles
        roles = f"no concrete model for {', '.join(unknown)} (known: p(z), p(x|z), p(x), p(z|x), p(x,z), q(z|x))"
    return densities, roles


def instantiate(context: Context, expr: Expr, rng: np.random.Generator, instance: Instance) -> str | None:
    """Draw a linear-Gaussian model, bind x, and install hooks; a reason when a density is unknown."""
    densities, roles = _reading(tuple(context.integration_variables), expr)
    if not densities:
        instance.hooks.update({Expectation: expectation_hook, KL: kl_hook})
        instance.hooks.update(density_divergence_hooks(expr))  # H and CE of normals: their closed forms
        return None
    if not isinstance(roles, str):
        install(instance, LinearGaussian.draw(rng), roles, densities, expr)
        return None
    from .discrete import instantiate as gridded  # densities the document leaves unspecified

    refused = gridded(expr, rng, instance)
    return f"{roles}; {refused}" if refused else None


def install(instance: Instance, model: LinearGaussian, roles: Roles, densities=(), expr: Expr = Integer(0)) -> None:
    """Bind the observation, describe ``densities`` under ``model`` and add the evaluation hooks."""
    if roles.observed is not None:
        instance.values[roles.observed] = model.x
        instance.described.append((str(roles.observed), f"{model.x:g}"))
    instance.described.extend((str(d), model.describe(roles.role(d))) for d in densities)
    instance.hooks.update({Density: density_hook(model, roles), Expectation: expectation_hook,
                           KL: written_kl_hook(expr)})
    unrelated = frozenset(expr.free_symbols - {roles.observed, roles.latent})
    instance.hooks.update(density_divergence_hooks(expr, unrelated))
