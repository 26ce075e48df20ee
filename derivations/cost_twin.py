"""The numpy twin of ``complexity``: forward passes that count multiply-adds and kept activations.

Every matrix product goes through ``Tally.product``, which counts from the operands'
actual shapes; every array kept for the backward pass (or, at inference, kept across
steps) goes through ``Tally.keep``. Path lengths come from a breadth-first search over
the dependency graph of positions and layers. Agreement with the symbolic polynomials
is numeric evidence: ``consistent``, never ``proved``.
"""
from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Iterator

import numpy as np
from sympy import Integer

from verify.model import TwinCheck
from verify.verdict import Counterexample, Status, Verdict

FF = 4


@dataclass
class Tally:
    """Multiply-adds of the forward pass, of the backward pass (2x each product), and numbers kept."""

    forward: int = 0
    backward: int = 0
    kept: int = 0

    def product(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        out = a @ b
        macs = out.size * a.shape[-1]
        self.forward += macs
        self.backward += 2 * macs  # dA = dC B^T and dB = A^T dC
        return out

    def keep(self, *arrays: np.ndarray) -> None:
        self.kept += sum(x.size for x in arrays)


@dataclass(frozen=True)
class Sizes:
    t: int
    n: int
    L: int
    h: int = 1
    r: int = 1

    @property
    def values(self) -> dict[str, int]:
        return {"t": self.t, "n": self.n, "L": self.L, "h": self.h, "r": self.r}


# ---- RNN -------------------------------------------------------------------------------

def rnn_weights(sizes: Sizes, rng: np.random.Generator) -> list[tuple[np.ndarray, np.ndarray]]:
    scale = 1 / np.sqrt(sizes.n)
    return [(rng.normal(0, scale, (sizes.n, sizes.n)), rng.normal(0, scale, (sizes.n, sizes.n)))
            for _ in range(sizes.L)]


def rnn_cell(tally: Tally, W: np.ndarray, U: np.ndarray, hidden: np.ndarray, x: np.ndarray) -> np.ndarray:
    return np.tanh(tally.product(W, hidden[:, None])[:, 0] + tally.product(U, x[:, None])[:, 0])


def rnn_train(x: np.ndarray, weights, tally: Tally) -> np.ndarray:
    """Layer by layer over the whole sequence, keeping every hidden state for backpropagation."""
    inputs = x
    for W, U in weights:
        hidden, states = np.zeros(x.shape[1]), []
        for step in inputs:
            hidden = rnn_cell(tally, W, U, hidden, step)
            tally.keep(hidden)
            states.append(hidden)
        inputs = np.stack(states)
    return inputs


def rnn_inference(x: np.ndarray, weights, tally: Tally) -> np.ndarray:
    """Step by step through the stack; only the current hidden state of each layer persists."""
    state = [np.zeros(x.shape[1]) for _ in weights]
    outputs = []
    for step in x:
        for i, (W, U) in enumerate(weights):
            state[i] = rnn_cell(tally, W, U, state[i], step)
            step = state[i]
        outputs.append(step)
    tally.keep(*state)
    return np.stack(outputs)


# ---- Transformer -----------------------------------------------------------------------

@dataclass(frozen=True)
class Layer:
    q: np.ndarray
    k: np.ndarray
    v: np.ndarray
    o: np.ndarray
    up: np.ndarray
    down: np.ndarray


def transformer_weights(sizes: Sizes, rng: np.random.Generator) -> list[Layer]:
    n, s = sizes.n, 1 / np.sqrt(sizes.n)
    return [Layer(*(rng.normal(0, s, (n, n)) for _ in range(4)), rng.normal(0, s, (n, FF * n)),
                  rng.normal(0, s / 2, (FF * n, n))) for _ in range(sizes.L)]


def softmax(scores: np.ndarray) -> np.ndarray:
    shifted = np.exp(scores - scores.max(axis=-1, keepdims=True))
    return shifted / shifted.sum(axis=-1, keepdims=True)


def split_heads(x: np.ndarray, h: int) -> np.ndarray:
    """(t, n) -> (h, t, n/h)."""
    return x.reshape(x.shape[0], h, -1).transpose(1, 0, 2)


def merge_heads(x: np.ndarray) -> np.ndarray:
    return x.transpose(1, 0, 2).reshape(x.shape[1], -1)


def feed_forward(tally: Tally, layer: Layer, x: np.ndarray, attended: np.ndarray, keep: bool) -> np.ndarray:
    """Output projection, residual, ReLU feed-forward, residual."""
    y = x + tally.product(attended, layer.o)
    g = np.maximum(tally.product(y, layer.up), 0.0)
    if keep:
        tally.keep(attended, y, g)
    return y + tally.product(g, layer.down)


def full_attention(tally: Tally, q, k, v, causal: bool) -> np.ndarray:
    """Heads (h, t, d): every query against every key (masked after the fact when causal)."""
    scores = tally.product(q, k.transpose(0, 2, 1)) / np.sqrt(q.shape[-1])
    if causal:
        scores = np.where(np.tril(np.ones(scores.shape[1:], bool)), scores, -np.inf)
    weights = softmax(scores)
    tally.keep(weights)
    return tally.product(weights, v)


def windowed(x: np.ndarray, r: int) -> np.ndarray:
    """(h, t, d) -> (h, t, 2r+1, d): for each position, the zero-padded slots at distance <= r."""
    padded = np.pad(x, ((0, 0), (r, r), (0, 0)))
    return np.lib.stride_tricks.sliding_window_view(padded, 2 * r + 1, axis=1).transpose(0, 1, 3, 2)


def restricted_attention(tally: Tally, q, k, v, r: int) -> np.ndarray:
    """Each query against its 2r+1 window slots; slots past the sequence ends are masked out."""
    t = q.shape[1]
    scores = tally.product(q[:, :, None, :], windowed(k, r).transpose(0, 1, 3, 2))[:, :, 0, :] / np.sqrt(q.shape[-1])
    inside = (np.arange(t)[:, None] + np.arange(-r, r + 1)[None, :] >= 0) & (
        np.arange(t)[:, None] + np.arange(-r, r + 1)[None, :] < t)
    weights = softmax(np.where(inside, scores, -np.inf))
    tally.keep(weights)
    return tally.product(weights[:, :, None, :], windowed(v, r))[:, :, 0, :]


Attention = Callable[[Tally, np.ndarray, np.ndarray, np.ndarray], np.ndarray]


def transformer_train(x: np.ndarray, layers: list[Layer], h: int, tally: Tally, attend: Attention) -> np.ndarray:
    """The whole sequence at once through every layer, keeping what the backward pass needs."""
    for layer in layers:
        q, k, v = (tally.product(x, w) for w in (layer.q, layer.k, layer.v))
        tally.keep(x, q, k, v)
        attended = merge_heads(attend(tally, split_heads(q, h), split_heads(k, h), split_heads(v, h)))
        x = feed_forward(tally, layer, x, attended, keep=True)
    return x


def transformer_inference(x: np.ndarray, layers: list[Layer], h: int, tally: Tally) -> np.ndarray:
    """Autoregressive: one position per step; each layer appends its key and value to a cache."""
    cache: list[tuple[list, list]] = [([], []) for _ in layers]
    outputs = []
    for token in x:
        state = token[None, :]
        for layer, (keys, values) in zip(layers, cache):
            q, k, v = (tally.product(state, w) for w in (layer.q, layer.k, layer.v))
            keys.append(k)
            values.append(v)
            kk, vv = split_heads(np.concatenate(keys), h), split_heads(np.concatenate(values), h)
            scores = tally.product(split_heads(q, h), kk.transpose(0, 2, 1)) / np.sqrt(kk.shape[-1])
            attended = merge_heads(tally.product(softmax(scores), vv))
            state = feed_forward(tally, layer, state, attended, keep=False)
        outputs.append(state[0])
    tally.keep(*(a for keys, values in cache for a in keys + values))
    return np.stack(outputs)


# ---- Counting every quantity -------------------------------------------------------------

def causal(tally, q, k, v):
    return full_attention(tally, q, k, v, causal=True)


def count_all(sizes: Sizes, seed: int = 0) -> dict[str, int]:
    """Run each forward pass once on random data; the counts under the names ``complexity`` uses."""
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(sizes.t, sizes.n))
    rnn, layers = rnn_weights(sizes, rng), transformer_weights(sizes, rng)
    counts: dict[str, int] = {}
    train = Tally()
    rnn_train(x, rnn, train)
    counts.update({"rnn forward time": train.forward, "rnn train time": train.forward + train.backward,
                   "rnn train space": train.kept})
    infer = Tally()
    rnn_inference(x, rnn, infer)
    counts.update({"rnn inference time": infer.forward, "rnn inference space": infer.kept})
    full = Tally()
    transformer_train(x, layers, sizes.h, full, causal)
    counts.update({"transformer forward time": full.forward, "transformer train time": full.forward + full.backward,
                   "transformer train space": full.kept})
    cached = Tally()
    transformer_inference(x, layers, sizes.h, cached)
    counts.update({"transformer inference time": cached.forward, "transformer inference space": cached.kept})
    local = Tally()
    transformer_train(x, layers, sizes.h, local, lambda tl, q, k, v: restricted_attention(tl, q, k, v, sizes.r))
    counts.update({"restricted forward time": local.forward, "restricted train space": local.kept})
    counts["rnn parameters"] = sum(W.size + U.size for W, U in rnn)
    counts["transformer parameters"] = sum(sum(w.size for w in vars(layer).values()) for layer in layers)
    return counts


# ---- Path lengths by breadth-first search --------------------------------------------------

def rnn_parents(layer: int, position: int, t: int) -> Iterator[tuple[int, int]]:
    yield layer - 1, position
    if position > 0:
        yield layer, position - 1


def attention_parents(window: int | None) -> Callable[[int, int, int], Iterator[tuple[int, int]]]:
    def parents(layer: int, position: int, t: int) -> Iterator[tuple[int, int]]:
        for source in range(t):
            if window is None or abs(source - position) <= window:
                yield layer - 1, source
    return parents


def max_path_length(t: int, parents) -> int:
    """Max over pairs (i, j) of the fewest edges from input i to any layer's node at position j."""
    depth = t
    children: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for layer in range(1, depth + 1):
        for position in range(t):
            for parent in parents(layer, position, t):
                children.setdefault(parent, []).append((layer, position))
    longest = 0
    for source in range(t):
        nearest: dict[int, int] = {}  # position -> fewest edges to any layer's node there
        for (layer, position), distance in _bfs((0, source), children).items():
            if layer > 0:
                nearest[position] = min(distance, nearest.get(position, distance))
        longest = max(longest, *nearest.values())
    return longest


def _bfs(start, children) -> dict:
    distance, queue = {start: 0}, deque([start])
    while queue:
        node = queue.popleft()
        for child in children.get(node, ()):
            if child not in distance:
                distance[child] = distance[node] + 1
                queue.append(child)
    return distance


def path_lengths(sizes: Sizes) -> dict[str, int]:
    return {"rnn path": max_path_length(sizes.t, rnn_parents),
            "transformer path": max_path_length(sizes.t, attention_parents(None)),
            "restricted path": max_path_length(sizes.t, attention_parents(sizes.r))}


# ---- Twin checks ------------------------------------------------------------------------

def random_sizes(rng: np.random.Generator) -> Sizes:
    h = int(rng.integers(1, 4))
    return Sizes(t=int(rng.integers(1, 7)), n=h * int(rng.integers(1, 3)), L=int(rng.integers(1, 4)), h=h,
                 r=int(rng.integers(1, 4)))


@lru_cache(maxsize=1)
def symbolic_table() -> dict:
    """Every polynomial of ``complexity`` under the names the twin counts."""
    from derivations import complexity as c

    table = {q.name: q.total for q in c.quantities()}
    table["rnn inference time"] = table["rnn forward time"]
    table.update(c.PARAMETERS)
    table.update(c.path_length_formulas())
    return table


def expected_values(sizes: Sizes) -> dict[str, int]:
    """The symbolic polynomials at these sizes, evaluated exactly."""
    from derivations import complexity as c

    at = {c.t: Integer(sizes.t), c.n: Integer(sizes.n), c.L: Integer(sizes.L), c.h: Integer(sizes.h),
          c.r: Integer(sizes.r)}
    return {name: int(expr.xreplace(at)) for name, expr in symbolic_table().items()}


def compare(measure: Callable[[Sizes], dict[str, int]], config) -> Verdict:
    rng = np.random.default_rng(getattr(config, "seed", 0))
    samples = max(1, getattr(config, "samples", 5))
    for _ in range(samples):
        sizes = random_sizes(rng)
        counted, expected = measure(sizes), expected_values(sizes)
        for name, value in counted.items():
            if value != expected[name]:
                assignment = tuple((k, str(v)) for k, v in sizes.values.items())
                return Verdict(Status.REFUTED, f"{name}: the numpy twin counts {value}, the polynomial gives "
                               f"{expected[name]}", counterexample=Counterexample(assignment, str(value),
                                                                                  str(expected[name])))
    return Verdict(Status.CONSISTENT, f"counts equal the polynomials at {samples} random sizes (t, n, L, h, r <= 6)",
                   samples=samples)


TWINS = (
    TwinCheck("multiply-adds, kept activations and parameters of the numpy RNN and Transformer passes "
              "(train, KV-cache inference, restricted window) equal the cost polynomials",
              lambda config: compare(count_all, config)),
    TwinCheck(r"maximum path lengths by BFS over the dependency graph equal $t$, $1$ and $\max(1, \lceil (t-1)/r \rceil)$",
              lambda config: compare(path_lengths, config)),
)
