"""A numpy attention layer: the thing the `attention` derivation talks about.

Written independently of the symbolic side: the matrix form, the weighted sum by
explicit loops, multi-head attention with its projections, and the variance of
scaled scores by sampling. ``TWINS`` cross-check them; agreement is ``consistent``
(numbers), never ``proved``.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from verify.model import TwinCheck
from verify.verdict import Counterexample, Status, Verdict


def softmax_rows(scores: np.ndarray) -> np.ndarray:
    shifted = np.exp(scores - scores.max(axis=-1, keepdims=True))
    return shifted / shifted.sum(axis=-1, keepdims=True)


def attention_weights(Q: np.ndarray, K: np.ndarray) -> np.ndarray:
    """alpha = softmax(Q K^T / sqrt(d_k)), one row per query."""
    return softmax_rows(Q @ K.T / np.sqrt(Q.shape[1]))


def attention(Q: np.ndarray, K: np.ndarray, V: np.ndarray) -> np.ndarray:
    """softmax(Q K^T / sqrt(d_k)) V."""
    return attention_weights(Q, K) @ V


def attention_loops(Q: np.ndarray, K: np.ndarray, V: np.ndarray) -> np.ndarray:
    """Row i is sum_j alpha_ij v_j, with alpha_ij = exp(q_i.k_j/sqrt d_k) / sum_l exp(q_i.k_l/sqrt d_k)."""
    t, d_k = K.shape[0], Q.shape[1]
    out = np.zeros((Q.shape[0], V.shape[1]))
    for i in range(Q.shape[0]):
        scores = [float(Q[i] @ K[j]) / np.sqrt(d_k) for j in range(t)]
        total = sum(np.exp(s) for s in scores)
        for j in range(t):
            out[i] += np.exp(scores[j]) / total * V[j]
    return out


@dataclass(frozen=True)
class Heads:
    """Per-head projections W^Q_m, W^K_m (d_model x d_k), W^V_m (d_model x d_v), and W^O (h d_v x d_model)."""

    WQ: tuple[np.ndarray, ...]
    WK: tuple[np.ndarray, ...]
    WV: tuple[np.ndarray, ...]
    WO: np.ndarray

    @property
    def count(self) -> int:
        return len(self.WQ)

    def outputs(self, X: np.ndarray) -> list[np.ndarray]:
        """head_m = attention(X W^Q_m, X W^K_m, X W^V_m)."""
        return [attention(X @ q, X @ k, X @ v) for q, k, v in zip(self.WQ, self.WK, self.WV)]

    def row_blocks(self) -> list[np.ndarray]:
        """W^O_m: the m-th block of d_v rows of W^O."""
        d_v = self.WV[0].shape[1]
        return [self.WO[m * d_v:(m + 1) * d_v] for m in range(self.count)]


def multi_head(X: np.ndarray, heads: Heads) -> np.ndarray:
    """Concat(head_1, ..., head_h) W^O."""
    return np.concatenate(heads.outputs(X), axis=1) @ heads.WO


def multi_head_sum(X: np.ndarray, heads: Heads) -> np.ndarray:
    """sum_m head_m W^O_m."""
    return sum(head @ block for head, block in zip(heads.outputs(X), heads.row_blocks()))


def random_heads(rng: np.random.Generator, count: int, d_model: int, d_k: int, d_v: int) -> Heads:
    draw = lambda *shape: rng.normal(size=shape)  # noqa: E731
    return Heads(tuple(draw(d_model, d_k) for _ in range(count)), tuple(draw(d_model, d_k) for _ in range(count)),
                 tuple(draw(d_model, d_v) for _ in range(count)), draw(count * d_v, d_model))


def scaled_score_variance(d_k: int, samples: int, rng: np.random.Generator) -> float:
    """Sample variance of q.k / sqrt(d_k) for q, k with independent N(0, 1) components."""
    q, k = rng.normal(size=(samples, d_k)), rng.normal(size=(samples, d_k))
    return float(np.var(np.einsum("sd,sd->s", q, k) / np.sqrt(d_k)))


# ---------------------------------------------------------------- cross-checks

def _shapes(rng: np.random.Generator) -> tuple[int, int, int]:
    return int(rng.integers(1, 6)), int(rng.integers(1, 5)), int(rng.integers(1, 4))


def _agreement(statement: str, trial, config, trials_per_sample: int = 4) -> Verdict:
    """Run ``trial(rng) -> (ok, description, left, right)`` on random draws; first failure refutes."""
    rng = np.random.default_rng(config.seed)
    count = max(1, config.samples) * trials_per_sample
    for n in range(count):
        ok, described, left, right = trial(rng)
        if not ok:
            return Verdict(Status.REFUTED, f"{statement}: fails at a random draw",
                           counterexample=Counterexample(described, left, right), samples=n + 1)
    return Verdict(Status.CONSISTENT, f"{statement}: holds on {count} random draws", samples=count)


def _close(a, b) -> bool:
    return np.shape(a) == np.shape(b) and bool(np.allclose(a, b, rtol=1e-9, atol=1e-9))


def _matrix_vs_loops(rng):
    t, d_k, d_v = _shapes(rng)
    Q, K, V = rng.normal(size=(t, d_k)), rng.normal(size=(t, d_k)), rng.normal(size=(t, d_v))
    left, right = attention(Q, K, V), attention_loops(Q, K, V)
    return _close(left, right), (("t", str(t)), ("d_k", str(d_k)), ("d_v", str(d_v))), str(left), str(right)


def _rows_sum_to_one(rng):
    t, d_k, _ = _shapes(rng)
    weights = attention_weights(rng.normal(size=(t, d_k)) * 3, rng.normal(size=(t, d_k)) * 3)
    sums = weights.sum(axis=1)
    return _close(sums, np.ones(t)), (("t", str(t)), ("d_k", str(d_k))), str(sums), "1"


def _concat_vs_sum(rng):
    t, d_k, d_v = _shapes(rng)
    count, d_model = int(rng.integers(1, 5)), int(rng.integers(1, 5))
    X, heads = rng.normal(size=(t, d_model)), random_heads(rng, count, d_model, d_k, d_v)
    left, right = multi_head(X, heads), multi_head_sum(X, heads)
    return _close(left, right), (("h", str(count)), ("t", str(t)), ("d_v", str(d_v))), str(left), str(right)


def _shift_invariance(rng):
    t, d_k, _ = _shapes(rng)
    scores, shift = rng.normal(size=(t, t)), rng.normal(size=(t, 1)) * 5
    left, right = softmax_rows(scores + shift), softmax_rows(scores)
    return _close(left, right), (("t", str(t)), ("c", str(shift.ravel()))), str(left), str(right)


def _unit_variance(config) -> Verdict:
    """Sampled variance of q.k/sqrt(d_k) within 6 standard errors of 1, for several d_k."""
    rng, samples = np.random.default_rng(config.seed), 5_000
    for d_k in (1, 4, 16, 64):
        measured = scaled_score_variance(d_k, samples, rng)
        tolerance = 6 * np.sqrt((2 + 6 / d_k) / samples)  # sd of a sample variance, from the 4th moment
        if abs(measured - 1) > tolerance:
            return Verdict(Status.REFUTED, f"sampled variance {measured:.4f} at d_k={d_k} is not 1 +- {tolerance:.3f}",
                           counterexample=Counterexample((("d_k", str(d_k)),), f"{measured:.4f}", "1"))
    return Verdict(Status.CONSISTENT, "sampled variance within tolerance of 1 for d_k in 1, 4, 16, 64 "
                   f"({samples} pairs each)", samples=4 * samples)


TWINS = (
    TwinCheck(r"$\mathrm{softmax}(Q K^T / \sqrt{d_k}) V$ equals the weighted sums computed by loops",
              lambda config: _agreement("matrix form = weighted-sum loops", _matrix_vs_loops, config)),
    TwinCheck("each row of attention weights sums to 1",
              lambda config: _agreement("rows sum to 1", _rows_sum_to_one, config)),
    TwinCheck(r"$\mathrm{Concat}(\mathrm{head}_1, \dots, \mathrm{head}_h) W^O$ equals "
              r"$\sum_m \mathrm{head}_m W^O_m$ (numpy multi-head layer)",
              lambda config: _agreement("concat = sum of per-head products", _concat_vs_sum, config)),
    TwinCheck("softmax is unchanged by adding a constant to each row",
              lambda config: _agreement("shift invariance", _shift_invariance, config)),
    TwinCheck(r"$q \cdot k / \sqrt{d_k}$ has variance 1 (sampled)", _unit_variance),
)
