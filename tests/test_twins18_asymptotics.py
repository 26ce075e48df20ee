"""The asymptotics theory's numpy twin: O/Theta claims against instrumented operation counts
(issue 11 (b)).

Small numpy implementations written here (a dot product, a matrix product by rows and columns,
a softmax, one head of attention) count every scalar multiplication, addition, division and
exponential they do. The count equals the cost polynomial exactly at every size; the theory
proves the Theta claim of the polynomial's maximal monomials and refutes a class missing one;
and the count stays within a stated constant factor (``SPREAD``) of the proved class at every
size >= 1, while its ratio to the refuted class grows without bound along the missing term.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from verify.config import CheckConfig
from verify.engine.checker import check_claim
from verify.model import Claim, Context
from verify.verdict import Status

CONFIG = CheckConfig(seed=18, samples=4, budget=None)
n, m, p, t, d, e = sympy.symbols("n m p t d e", positive=True, integer=True)
CONTEXT = Context(symbols=(n, m, p, t, d, e), theories=("asymptotics", "algebra"))
SPREAD = 4  # count / class lies in [1 / SPREAD, SPREAD] at every size >= 1
SETTINGS = settings(max_examples=20, deadline=None)
sizes = st.integers(1, 6)


@dataclass
class Ops:
    """Scalar operations done, counted one by one."""

    count: int = 0

    def dot(self, u: np.ndarray, v: np.ndarray) -> float:
        self.count += 2 * len(u) - 1  # len(u) products, len(u) - 1 additions
        return float(u @ v)

    def softmax(self, x: np.ndarray) -> np.ndarray:
        self.count += 3 * len(x) - 1  # len(x) exponentials, len(x) - 1 additions, len(x) divisions
        weights = np.exp(x - x.max())
        return weights / weights.sum()


def matmul(ops: Ops, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return np.array([[ops.dot(row, column) for column in b.T] for row in a])


def attention(ops: Ops, q: np.ndarray, k: np.ndarray, v: np.ndarray) -> np.ndarray:
    weights = np.array([ops.softmax(row) for row in matmul(ops, q, k.T)])
    return matmul(ops, weights, v)


COSTS = {  # name: (cost polynomial, its Theta class, a class missing a term)
    "dot": (2 * d - 1, d, None),
    "matmul": (n * p * (2 * m - 1), n * m * p, n * p),
    "softmax": (3 * n - 1, n, None),
    "attention": (t * t * (2 * d - 1) + t * (3 * t - 1) + t * e * (2 * t - 1), t**2 * d + t**2 * e, t**2 * d),
}


def counted(name: str, rng: np.random.Generator, size: dict) -> int:
    ops = Ops()
    if name == "dot":
        ops.dot(rng.normal(size=size[d]), rng.normal(size=size[d]))
    elif name == "matmul":
        matmul(ops, rng.normal(size=(size[n], size[m])), rng.normal(size=(size[m], size[p])))
    elif name == "softmax":
        ops.softmax(rng.normal(size=size[n]))
    else:
        attention(ops, rng.normal(size=(size[t], size[d])), rng.normal(size=(size[t], size[d])),
                  rng.normal(size=(size[t], size[e])))
    return ops.count


def theta(subject, value) -> Status:
    return check_claim(Claim("cost class", "theta", subject, value), CONTEXT, CONFIG).status


names = st.sampled_from(sorted(COSTS))
assignments = st.fixed_dictionaries({symbol: sizes for symbol in (n, m, p, t, d, e)})


@SETTINGS
@given(names, assignments, st.integers(0, 2**16))
def test_the_counted_operations_equal_the_cost_polynomial(name, size, seed):
    cost, _, _ = COSTS[name]
    assert counted(name, np.random.default_rng(seed), size) == cost.xreplace(size)


@SETTINGS
@given(names, assignments)
def test_the_count_stays_within_a_constant_factor_of_the_proved_class(name, size):
    cost, growth, _ = COSTS[name]
    ratio = counted(name, np.random.default_rng(0), size) / growth.xreplace(size)
    assert 1 / SPREAD <= ratio <= SPREAD


def test_each_cost_has_the_theta_class_of_its_maximal_monomials():
    assert {name: theta(cost, growth) for name, (cost, growth, _) in COSTS.items()} == \
        dict.fromkeys(COSTS, Status.PROVED)


def test_a_class_missing_a_term_is_refuted():
    assert {name: theta(cost, missing) for name, (cost, _, missing) in COSTS.items() if missing is not None} == \
        {"matmul": Status.REFUTED, "attention": Status.REFUTED}


def test_along_the_missing_term_the_count_outgrows_the_refuted_class():
    """Growing the size the refuted class leaves out grows the ratio, past the constant ``SPREAD``."""
    for name, grown in (("matmul", m), ("attention", e)):
        _, _, missing = COSTS[name]
        ratios = []
        for size in (1, 4, 16, 64):
            assignment = {symbol: 2 for symbol in (n, m, p, t, d, e)} | {grown: size}
            ratios.append(counted(name, np.random.default_rng(0), assignment) / missing.xreplace(assignment))
        assert ratios == sorted(set(ratios)) and ratios[-1] > SPREAD >= ratios[0]
