"""The numpy twin of the ELBO derivation: a one-dimensional linear-Gaussian VAE, in numbers.

Decoder x|z ~ N(w z + b, s^2), prior z ~ N(0, 1), encoder q(z|x) = N(a x + c, v). Every
quantity of the derivation has an independent numeric form here: the log-evidence in
closed form, the ELBO by quadrature and by Monte Carlo, KL divergences in closed form and
by quadrature. The twin checks compare them; they give ``consistent``, never ``proved``.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np

from verify.model import TwinCheck
from verify.verdict import Counterexample, Status, Verdict

STANDARD_GRID = np.linspace(-12.0, 12.0, 4801)
TOLERANCE = 1e-8


def grid_for(mean: float, variance: float) -> np.ndarray:
    """Quadrature nodes covering +-12 standard deviations of N(mean, variance)."""
    return mean + np.sqrt(variance) * STANDARD_GRID


# Deliberately a copy of verify.theories.probability.model.normal_log_pdf: the twin must not share code with the engine it checks.
def normal_log_pdf(value, mean, variance):
    return -0.5 * np.log(2 * np.pi * variance) - (value - mean) ** 2 / (2 * variance)


def gaussian_kl(m1: float, v1: float, m2: float, v2: float) -> float:
    """KL(N(m1, v1) || N(m2, v2)) in closed form."""
    return 0.5 * (np.log(v2 / v1) + (v1 + (m1 - m2) ** 2) / v2 - 1.0)


def kl_quadrature(m1: float, v1: float, m2: float, v2: float) -> float:
    """KL(N(m1, v1) || N(m2, v2)) = int q (log q - log p) dz on the grid."""
    grid = grid_for(m1, v1)
    log_q, log_p = normal_log_pdf(grid, m1, v1), normal_log_pdf(grid, m2, v2)
    return float(np.trapezoid(np.exp(log_q) * (log_q - log_p), grid))


@dataclass(frozen=True)
class LinearGaussianVAE:
    """Decoder weights (w, b, s) and encoder weights (a, c, v) of a 1-d VAE."""

    w: float
    b: float
    s: float
    a: float
    c: float
    v: float

    @classmethod
    def draw(cls, rng: np.random.Generator) -> "LinearGaussianVAE":
        w = rng.choice([-1.0, 1.0]) * rng.uniform(0.3, 2.0)
        return cls(w, rng.uniform(-1, 1), rng.uniform(0.5, 1.5), rng.uniform(-1, 1), rng.uniform(-1, 1),
                   rng.uniform(0.2, 2.0))

    def encoder(self, x: float) -> tuple[float, float]:
        return self.a * x + self.c, self.v

    def posterior(self, x: float) -> tuple[float, float]:
        total = self.w**2 + self.s**2
        return self.w * (x - self.b) / total, self.s**2 / total

    def log_evidence(self, x: float) -> float:
        return float(normal_log_pdf(x, self.b, self.w**2 + self.s**2))

    def log_joint(self, x: float, z):
        return normal_log_pdf(x, self.w * z + self.b, self.s**2) + normal_log_pdf(z, 0.0, 1.0)

    def elbo(self, x: float) -> float:
        """E_q[log p(x, z) - log q(z|x)] by quadrature."""
        grid = grid_for(*self.encoder(x))
        log_q = normal_log_pdf(grid, *self.encoder(x))
        return float(np.trapezoid(np.exp(log_q) * (self.log_joint(x, grid) - log_q), grid))

    def elbo_monte_carlo(self, x: float, rng: np.random.Generator, count: int) -> tuple[float, float]:
        """The ELBO estimated from ``count`` draws of q, with its standard error."""
        m, v = self.encoder(x)
        z = rng.normal(m, np.sqrt(v), count)
        terms = self.log_joint(x, z) - normal_log_pdf(z, m, v)
        return float(terms.mean()), float(terms.std(ddof=1) / np.sqrt(count))

    def reconstruction(self, x: float) -> float:
        """E_q[log p(x|z)] in closed form: -log(2 pi s^2)/2 - ((x - w m - b)^2 + w^2 v) / (2 s^2)."""
        m, v = self.encoder(x)
        return float(-0.5 * np.log(2 * np.pi * self.s**2) - ((x - self.w * m - self.b) ** 2 + self.w**2 * v)
                     / (2 * self.s**2))

    def kl_prior(self, x: float) -> float:
        return gaussian_kl(*self.encoder(x), 0.0, 1.0)

    def kl_posterior(self, x: float) -> float:
        return gaussian_kl(*self.encoder(x), *self.posterior(x))


# A probe draws its own instance and returns (left, right, description); they must agree.
Probe = Callable[[np.random.Generator], tuple[float, float, tuple[tuple[str, str], ...]]]


def _instance(rng: np.random.Generator) -> tuple[LinearGaussianVAE, float, tuple[tuple[str, str], ...]]:
    vae, x = LinearGaussianVAE.draw(rng), float(rng.uniform(-2.5, 2.5))
    shown = tuple((k, f"{getattr(vae, k):.4g}") for k in ("w", "b", "s", "a", "c", "v")) + (("x", f"{x:.4g}"),)
    return vae, x, shown


def evidence_gap(rng):
    vae, x, shown = _instance(rng)
    return vae.log_evidence(x), vae.elbo(x) + vae.kl_posterior(x), shown


def reconstruction_split(rng):
    vae, x, shown = _instance(rng)
    return vae.elbo(x), vae.reconstruction(x) - vae.kl_prior(x), shown


def kl_closed_form(rng):
    mu, sigma = float(rng.uniform(-2, 2)), float(rng.uniform(0.3, 2.5))
    closed = (mu**2 + sigma**2 - 1 - np.log(sigma**2)) / 2
    return closed, kl_quadrature(mu, sigma**2, 0.0, 1.0), (("mu", f"{mu:.4g}"), ("sigma", f"{sigma:.4g}"))


def _agree(left: float, right: float) -> bool:
    return abs(left - right) <= TOLERANCE * max(1.0, abs(left), abs(right))


def run_probe(probe: Probe, config, agree: Callable[[float, float], bool] = _agree) -> Verdict:
    """Run ``probe`` on ``config.samples`` seeded instances: consistent, or refuted at the first miss."""
    rng = np.random.default_rng(config.seed)
    for done in range(config.samples):
        left, right, shown = probe(rng)
        if not agree(left, right):
            example = Counterexample(shown, f"{left:.10g}", f"{right:.10g}")
            return Verdict(Status.REFUTED, "the numpy VAE disagrees", counterexample=example, samples=done + 1)
    return Verdict(Status.CONSISTENT, f"agrees on {config.samples} random VAEs", samples=config.samples)


def bound_and_monte_carlo(config) -> Verdict:
    """log p(x) >= ELBO, and a Monte Carlo ELBO within 5 standard errors of the quadrature ELBO."""
    def probe(rng):
        vae, x, shown = _instance(rng)
        estimate, error = vae.elbo_monte_carlo(x, rng, 4000)
        within = abs(estimate - vae.elbo(x)) <= 5 * error
        return float(vae.log_evidence(x) >= vae.elbo(x) - TOLERANCE and within), 1.0, shown

    return run_probe(probe, config)


def twins() -> tuple[TwinCheck, ...]:
    return (
        TwinCheck(r"$\log p(x) = \mathrm{ELBO} + \mathrm{KL}(q(z|x) \| p(z|x))$ on the numpy VAE",
                  lambda config: run_probe(evidence_gap, config)),
        TwinCheck(r"$\mathrm{ELBO} = \mathbb{E}_q[\log p(x|z)] - \mathrm{KL}(q(z|x) \| p(z))$ on the numpy VAE",
                  lambda config: run_probe(reconstruction_split, config)),
        TwinCheck(r"$\mathrm{KL}(N(\mu, \sigma^2) \| N(0, 1))$ closed form equals quadrature",
                  lambda config: run_probe(kl_closed_form, config)),
        TwinCheck(r"$\log p(x) \ge \mathrm{ELBO}$; Monte Carlo ELBO within 5 standard errors of quadrature",
                  bound_and_monte_carlo),
    )
