"""Independent label checks for the adversarial cases (not part of the product).

Each helper answers one question, "is this step correct?", with SymPy or numpy and
nothing from ``verify``; the builder compares the answer with the label written by hand.
"""
from __future__ import annotations

import numpy as np
import sympy as sp

RNG = np.random.default_rng(20261201)
np.seterr(all="ignore")  # nan from a log of a negative number is an answer here, not an accident


class Undecided(Exception):
    """The scratch check could not settle the label: the case must not be kept."""


def _sample(symbol: sp.Symbol) -> float:
    magnitude = float(np.exp(RNG.uniform(np.log(0.05), np.log(5.0))))
    if symbol.is_positive:
        return magnitude
    return magnitude * float(RNG.choice([-1.0, 1.0]))


def same(a, b, tries: int = 60) -> bool:
    """a == b for every admissible value of the (SymPy-assumed) symbols."""
    difference = sp.simplify(sp.expand(a - b))
    if difference == 0:
        return True
    from sympy.core.function import AppliedUndef

    for kind in (sp.Derivative, AppliedUndef):  # a function's value and slope at a point are free reals
        difference = difference.xreplace({atom: sp.Dummy(real=True) for atom in difference.atoms(kind)})
    symbols = sorted(difference.free_symbols, key=str)
    if not symbols:
        return abs(complex(sp.N(difference))) < 1e-9
    for _ in range(tries):
        values = {s: _sample(s) for s in symbols}
        value = complex(sp.N(difference.subs(values)))
        if abs(value) > 1e-6:
            return False
    raise Undecided(f"{a} vs {b}")


def real_same(f, g, symbols: int, tries: int = 200, positive: bool = False) -> bool:
    """f(x...) == g(x...) at random reals, numpy evaluation (complex or nan on one side only counts as different)."""
    for _ in range(tries):
        xs = [abs(v) if positive else v for v in RNG.normal(0, 2, size=symbols)]
        left, right = f(*xs), g(*xs)
        if not np.allclose(left, right, rtol=1e-7, atol=1e-9):
            return False
    return True


def always(predicate, symbols: int, tries: int = 2000, low: float = -5, high: float = 5, grid=()) -> bool:
    """predicate(x...) holds at random points and at the given grid points."""
    points = [RNG.uniform(low, high, size=symbols) for _ in range(tries)] + [np.array(g, float) for g in grid]
    return all(bool(predicate(*p)) for p in points)


def matrices_same(f, g, count: int, n: int = 3, tries: int = 20, symmetric=()) -> bool:
    """f(M...) == g(M...) for random (generically invertible, non-commuting) n x n matrices."""
    for _ in range(tries):
        ms = [RNG.normal(size=(n, n)) for _ in range(count)]
        ms = [m + m.T if k in symmetric else m for k, m in enumerate(ms)]
        if not np.allclose(f(*ms), g(*ms), rtol=1e-7, atol=1e-9):
            return False
    return True


def vectors_hold(predicate, count: int, d: int = 3, tries: int = 200) -> bool:
    """predicate(v...) for random vectors of length d."""
    return all(bool(predicate(*[RNG.normal(size=d) for _ in range(count)])) for _ in range(tries))


def big_o(f, g, x: sp.Symbol, at) -> bool:
    """f = O(g) as x -> at (0 from the right, or oo)."""
    direction = "+" if at == 0 else "-"
    ratio = sp.limit(sp.Abs(sp.simplify(f / g)), x, at, direction)
    return bool(ratio.is_finite)


def same_order(f, g, x: sp.Symbol, at) -> bool:
    """O(f) = O(g) as x -> at: each is O of the other."""
    return big_o(f, g, x, at) and big_o(g, f, x, at)


def inv(m):
    return np.linalg.inv(m)
