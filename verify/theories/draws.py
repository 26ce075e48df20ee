"""Values for the numeric tier that assume no more than the symbols say.

A wrong step survives random testing when the draws avoid the values that expose it,
so the draws cover the readings the document allows:

* reals on several scales: a log-uniform magnitude over about three decades, both
  signs unless the assumptions fix one (a third of the draws stay in the old (-2, 2));
* integers small and large, odd and even, within exactly the range the assumptions
  give (positive means >= 1, nonnegative includes 0), and of the stated parity;
* a name that does not commute (a capital of open kind) a random square matrix,
  well conditioned so that its inverse exists and is accurate;
* an undefined function a smooth random function of both signs.

``boundary_value`` is the edge of a symbol's stated range (0 for a nonnegative real,
1 for a positive integer), where non-strict bounds are tight and off-by-one errors show.
"""
from __future__ import annotations

import numpy as np
import sympy

from ..evaluation import RandomFunction

MATRIX_SIZE = 3
LARGE_INTEGER = 40  # large enough for parity and growth, small enough that sums stay cheap


def _significant(value: float, digits: int = 4) -> float:
    return float(f"{value:.{digits}g}")


def _sign(symbol, rng: np.random.Generator) -> float:
    if symbol.is_nonnegative:
        return 1.0
    if symbol.is_nonpositive:
        return -1.0
    return float(rng.choice([-1.0, 1.0]))


def real_value(symbol, rng: np.random.Generator) -> float:
    """A real satisfying the symbol's sign assumptions: log-uniform magnitude, or in (-2, 2)."""
    magnitude = rng.uniform(0.05, 2.0) if rng.random() < 1 / 3 else 10 ** rng.uniform(-2.0, 1.5)
    return _sign(symbol, rng) * _significant(magnitude)


def _integer_range(symbol) -> tuple[int | None, int | None]:
    low = 1 if symbol.is_positive else (0 if symbol.is_nonnegative else None)
    high = -1 if symbol.is_negative else (0 if symbol.is_nonpositive else None)
    return low, high


def _admissible(symbol, value: int) -> bool:
    low, high = _integer_range(symbol)
    return ((low is None or value >= low) and (high is None or value <= high)
            and not (symbol.is_even and value % 2) and not (symbol.is_odd and not value % 2)
            and not (symbol.is_zero is False and value == 0))


def integer_value(symbol, rng: np.random.Generator) -> int:
    """An integer in the symbol's range and of its parity: small half the time, else up to ``LARGE_INTEGER``."""
    low, high = _integer_range(symbol)
    while True:
        span = 7 if rng.random() < 0.5 else LARGE_INTEGER
        if low is not None:
            value = int(rng.integers(low, low + span + 1))
        elif high is not None:
            value = int(rng.integers(high - span, high + 1))
        else:
            value = int(rng.integers(-span, span + 1))
        if _admissible(symbol, value):
            return value


def sample_value(symbol, rng: np.random.Generator) -> float:
    """A value that satisfies the symbol's assumptions exactly (see the module's list)."""
    return float(integer_value(symbol, rng)) if symbol.is_integer else real_value(symbol, rng)


def boundary_value(symbol) -> float | None:
    """The closed end of the symbol's stated range, or None when the range has no closed end."""
    if symbol.is_integer:
        low, high = _integer_range(symbol)
        if low is None and high is None:
            return None
        step = 1 if low is not None else -1
        edge = low if low is not None else high
        while not _admissible(symbol, edge):
            edge += step
        return float(edge)
    if symbol.is_nonnegative and not symbol.is_positive or symbol.is_nonpositive and not symbol.is_negative:
        return 0.0
    return None


def matrix_value(symbol, rng: np.random.Generator, size: int = MATRIX_SIZE) -> np.ndarray:
    """A random square matrix (the identity for ``I``), redrawn until it is well conditioned."""
    if symbol.name == "I":
        return np.eye(size)
    while True:
        value = np.round(rng.normal(size=(size, size)), 3)
        if np.linalg.cond(value) < 1e3:
            return value


def random_function(arity: int, rng: np.random.Generator) -> RandomFunction:
    """``a0 + a.u + b sin(w.u + phi)``: smooth, not linear, not even or odd, and of both signs."""
    u = sympy.symbols(f"u0:{arity}", real=True)
    a0, b, phi = (_significant(rng.normal(), 3) for _ in range(3))
    slopes = [_significant(rng.normal(), 3) for _ in u]
    rates = [_significant(rng.uniform(0.5, 2.0), 3) for _ in u]
    form = sympy.Float(a0) + sum(sympy.Float(a) * v for a, v in zip(slopes, u)) \
        + sympy.Float(b) * sympy.sin(sum(sympy.Float(w) * v for w, v in zip(rates, u)) + sympy.Float(phi))
    linear = " ".join(f"{a:+g} {v}" for a, v in zip(slopes, u))
    inner = " ".join(f"{w:+g} {v}" for w, v in zip(rates, u))
    shown = f"({', '.join(map(str, u))}) -> {a0:g} {linear} {b:+g} sin({inner} {phi:+g})"
    return RandomFunction(sympy.Lambda(u, form), shown)
