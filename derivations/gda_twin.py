"""The numpy twin of the bilinear game: GDA simulators, and cross-checks against the symbols.

f(p, q) = p q, p minimises, q maximises, so grad f = (q, p). Each simulator returns the
iterates z_0..z_steps as an array of shape (steps + 1, 2), columns (p, q).
The cross-checks are numeric, so they say ``consistent`` (with the sample count) or
``refuted`` (with the sample), never ``proved``.
"""
from __future__ import annotations

from typing import Callable

import numpy as np

from verify.config import CheckConfig
from verify.verdict import Counterexample, Status, Verdict

Simulator = Callable[[float, float, float, int], np.ndarray]
TOLERANCE = 1e-9


def simultaneous_gda(p0: float, q0: float, eta: float, steps: int) -> np.ndarray:
    """Both players step from the same point: p' = p - eta q, q' = q + eta p."""
    z = np.empty((steps + 1, 2))
    z[0] = p0, q0
    for t in range(steps):
        p, q = z[t]
        z[t + 1] = p - eta * q, q + eta * p
    return z


def alternating_gda(p0: float, q0: float, eta: float, steps: int) -> np.ndarray:
    """The maximiser sees the minimiser's new move: p' = p - eta q, q' = q + eta p'."""
    z = np.empty((steps + 1, 2))
    z[0] = p0, q0
    for t in range(steps):
        p, q = z[t]
        p_new = p - eta * q
        z[t + 1] = p_new, q + eta * p_new
    return z


def extragradient(p0: float, q0: float, eta: float, steps: int) -> np.ndarray:
    """Look ahead one simultaneous step, then step from the old point with the look-ahead gradient."""
    z = np.empty((steps + 1, 2))
    z[0] = p0, q0
    for t in range(steps):
        p, q = z[t]
        p_half, q_half = p - eta * q, q + eta * p
        z[t + 1] = p - eta * q_half, q + eta * p_half
    return z


SIMULATORS: dict[str, Simulator] = {
    "simultaneous": simultaneous_gda,
    "alternating": alternating_gda,
    "extragradient": extragradient,
}


def close(a, b, tolerance: float = TOLERANCE) -> bool:
    """Equal up to a relative tolerance (relative to the larger magnitude, at least 1)."""
    a, b = np.asarray(a), np.asarray(b)
    scale = max(1.0, float(np.max(np.abs(a), initial=0)), float(np.max(np.abs(b), initial=0)))
    return a.shape == b.shape and bool(np.all(np.abs(a - b) <= tolerance * scale))


def draw_case(rng: np.random.Generator, eta_high: float = 1.9) -> tuple[float, float, float, int]:
    """A random start at distance >= 0.1 from (0, 0), step size in (0.05, eta_high), 1..20 steps."""
    p0, q0 = 0.0, 0.0
    while np.hypot(p0, q0) < 0.1:
        p0, q0 = np.round(rng.uniform(-2, 2, size=2), 3)
    eta = float(np.round(rng.uniform(0.05, eta_high), 3))
    return float(p0), float(q0), eta, int(rng.integers(1, 21))


def sampled(check: Callable[[tuple], tuple[bool, str, str] | None], config: CheckConfig, what: str,
            eta_high: float = 1.9) -> Verdict:
    """Run ``check`` on random cases; the first failure (left, right texts) refutes."""
    rng = np.random.default_rng(config.seed)
    count = max(config.samples, 10)
    for i in range(count):
        case = draw_case(rng, eta_high)
        failure = check(case)
        if failure is not None:
            names = ("p0", "q0", "eta", "steps")
            example = Counterexample(tuple((n, f"{v:g}") for n, v in zip(names, case)), failure[1], failure[2])
            return Verdict(Status.REFUTED, f"{what}: fails on a random case", counterexample=example, samples=i + 1)
    return Verdict(Status.CONSISTENT, f"{what}: holds on {count} random cases", samples=count)


def matrix_power_check(simulate: Simulator, matrix: Callable[[float], np.ndarray]) -> Callable[[tuple], tuple | None]:
    """The simulator's z_T equals A(eta)^T z_0 for the (numeric) update matrix A."""

    def check(case):
        p0, q0, eta, steps = case
        simulated = simulate(p0, q0, eta, steps)[-1]
        predicted = np.linalg.matrix_power(matrix(eta), steps) @ np.array([p0, q0])
        return None if close(simulated, predicted) else (False, str(simulated), str(predicted))

    return check


def eigenvalue_check(matrix: Callable[[float], np.ndarray], eigenvalues: Callable[[float], np.ndarray]):
    """numpy.linalg.eigvals of A(eta) equal the symbolic eigenvalues (as multisets)."""

    def check(case):
        eta = case[2]
        numeric = np.sort_complex(np.linalg.eigvals(matrix(eta)))
        symbolic = np.sort_complex(np.asarray(eigenvalues(eta), dtype=complex))
        return None if close(numeric, symbolic, 1e-8) else (False, str(symbolic), str(numeric))

    return check


def ratio_check(simulate: Simulator, factor: Callable[[float], float]):
    """Every step multiplies the distance to (0, 0) by exactly ``factor(eta)``."""

    def check(case):
        p0, q0, eta, steps = case
        norms = np.linalg.norm(simulate(p0, q0, eta, steps), axis=1)
        ratios = norms[1:] / norms[:-1]
        return None if close(ratios, np.full(steps, factor(eta))) else (False, str(ratios), str(factor(eta)))

    return check


def invariant_check(simulate: Simulator, energy: Callable[[float, np.ndarray], np.ndarray]):
    """The quantity ``energy(eta, z)`` stays at its starting value along the simulation."""

    def check(case):
        p0, q0, eta, steps = case
        values = energy(eta, simulate(p0, q0, eta, steps))
        return None if close(values, np.full(steps + 1, values[0])) else (False, str(values), str(values[0]))

    return check


def table_check(simulate: Simulator, table: np.ndarray, start: tuple[float, float], eta: float,
                config: CheckConfig, what: str) -> Verdict:
    """The simulator reproduces a fixed table of iterates (one sample)."""
    simulated = simulate(start[0], start[1], eta, len(table) - 1)
    if close(simulated, table):
        return Verdict(Status.CONSISTENT, f"{what}: the simulation reproduces all {len(table)} rows", samples=1)
    example = Counterexample((("p0", f"{start[0]:g}"), ("q0", f"{start[1]:g}"), ("eta", f"{eta:g}")),
                             str(simulated.tolist()), str(table.tolist()))
    return Verdict(Status.REFUTED, f"{what}: the simulation differs from the table", counterexample=example,
                   samples=1)
