"""Time, space and path length of L-layer RNNs and Transformers, derived from a cost model.

The cost of each layer at each time step (or query position) is written down from the
algorithm, as the sizes of its matrix products; SymPy sums it over positions and layers;
the checker proves the closed forms (Faulhaber) and the Theta-classes (monomial
dominance). ``derivations.cost_twin`` counts the same quantities in numpy forward passes.
"""
from __future__ import annotations

from dataclasses import dataclass

import sympy
from sympy import Expr, Sum

from verify.model import Chain, Claim, Context, Derivation, Step

TITLE = "Complexity of RNNs and Transformers: time, space, path length"

t, n, L, h, r = sympy.symbols("t n L h r", positive=True, integer=True)
k, l = sympy.symbols("k l", positive=True, integer=True)  # position (time step) and layer indices
FF = 4  # the feed-forward block's inner width is FF * n

CONVENTIONS = (
    r"time counts multiply-adds of matrix products; an $(a \times b)(b \times c)$ product costs $a b c$; biases, "
    "nonlinearities, softmax and residual additions are lower order and not counted",
    r"training time = forward + backward; the backward pass of every product $A B$ costs twice its "
    r"forward ($dA = dC\, B^T$ and $dB = A^T dC$), so training time is 3 times the forward count",
    "space counts the activations kept for backpropagation (numbers, per layer: the layer's input and "
    "what each product or nonlinearity needs in its backward); parameters are counted separately",
    r"RNN cell $h_k = \tanh(W h_{k-1} + U x_k)$ with width $n$ in every layer; RNN inference runs the same "
    "products step by step (its time is the forward time) and keeps only the current hidden state of each layer",
    r"Transformer layer: $Q, K, V$ projections, $h$ heads of width $n/h$ ($h$ divides $n$), scores, softmax, "
    r"weighted sum, output projection, residual, feed-forward $n \to 4n \to n$ with ReLU; no layer norm",
    "Transformer inference is autoregressive with a KV cache: step $k$ attends to the $k$ cached positions; "
    "its space is the cache (keys and values of every position and layer); per-step scratch is transient",
    r"restricted self-attention: each query attends to the $2r+1$ key slots at distance $\le r$, zero-padded "
    "and masked at the sequence ends, so each query costs the same",
    r"size variables $t, n, L, h, r$ are $\ge 1$ and grow independently, except where a claim assumes $h \le n$ "
    r"(a head is at least one unit wide) or $r \le t$ (the window fits in the sequence)",
    "maximum path length: over all pairs $(i, j)$, the fewest dependency edges from input position $i$ to a "
    "representation of position $j$, in a stack deep enough for every position to reach every other",
)


def matmul(rows: Expr, inner: Expr, cols: Expr) -> Expr:
    """Multiply-adds of an (rows x inner)(inner x cols) product."""
    return rows * inner * cols


def rnn_step_time() -> Expr:
    """One layer, one time step: W h_{k-1} and U x_k, each an (n x n)(n x 1) product."""
    return matmul(n, n, 1) + matmul(n, n, 1)


def attention_position_time(keys: Expr) -> Expr:
    """One layer, one query position attending to ``keys`` positions (one row of every product)."""
    projections = 3 * matmul(1, n, n)
    heads = h * (matmul(1, n / h, keys) + matmul(1, keys, n / h))  # scores, then weighted sum of values
    return projections + heads + matmul(1, n, n) + matmul(1, n, FF * n) + matmul(1, FF * n, n)


def attention_position_space(keys: Expr) -> Expr:
    """Kept per layer and position: input, Q, K, V, head outputs, residual sum, ReLU output (n each, G 4n)
    and the h softmax rows over ``keys`` positions."""
    return n + 3 * n + n + n + FF * n + h * keys


@dataclass(frozen=True)
class Quantity:
    """A cost summed over positions (when ``over_time``) and layers, with its stated forms."""

    name: str
    per_step: Expr
    per_layer: Expr
    layer_class: Expr
    total_class: Expr
    over_time: bool = True
    assumptions: tuple = ()

    @property
    def total(self) -> Expr:
        return L * self.per_layer

    @property
    def start(self) -> Expr:
        inner = Sum(self.per_step, (k, 1, t)) if self.over_time else self.per_step
        return Sum(inner, (l, 1, L))


def quantities() -> tuple[Quantity, ...]:
    """Every cost of the derivation: the model (per step) and the stated closed forms."""
    window = 2 * r + 1
    return (
        Quantity("rnn forward time", rnn_step_time(), 2 * t * n**2, t * n**2, t * n**2 * L),
        Quantity("rnn train time", 3 * rnn_step_time(), 6 * t * n**2, t * n**2, t * n**2 * L),
        Quantity("rnn train space", n, t * n, t * n, t * n * L),
        Quantity("rnn inference space", n, n, n, n * L, over_time=False),
        Quantity("transformer forward time", attention_position_time(t), 12 * t * n**2 + 2 * t**2 * n,
                 t * n**2 + t**2 * n, t * n**2 * L + t**2 * n * L),
        Quantity("transformer train time", 3 * attention_position_time(t), 36 * t * n**2 + 6 * t**2 * n,
                 t * n**2 + t**2 * n, t * n**2 * L + t**2 * n * L),
        Quantity("transformer train space", attention_position_space(t), 10 * t * n + h * t**2,
                 t * n + h * t**2, t * n * L + h * t**2 * L),
        Quantity("transformer inference time", attention_position_time(k), 12 * t * n**2 + t**2 * n + t * n,
                 t * n**2 + t**2 * n, t * n**2 * L + t**2 * n * L),
        Quantity("transformer inference space", 2 * n, 2 * t * n, t * n, t * n * L),
        Quantity("restricted forward time", attention_position_time(window), 12 * t * n**2 + 4 * t * r * n + 2 * t * n,
                 t * n**2 + t * r * n, t * n**2 * L + t * r * n * L),
        Quantity("restricted train space", attention_position_space(window), 10 * t * n + 2 * h * t * r + h * t,
                 t * n + h * t * r, t * n * L + h * t * r * L),
    )


PARAMETERS = {"rnn parameters": 2 * n**2 * L, "transformer parameters": (4 + 2 * FF) * n**2 * L}


def path_length_formulas() -> dict[str, Expr]:
    """Exact maximum path lengths (unevaluated: SymPy's ceiling of a symbolic ratio is slow to build)."""
    window_hops = sympy.ceiling((t - 1) / r, evaluate=False)
    return {"rnn path": t, "transformer path": sympy.S.One, "restricted path": sympy.Max(1, window_hops, evaluate=False)}


def _chain(q: Quantity) -> Chain:
    layer_sum = Sum(q.per_layer, (l, 1, L))
    return Chain(q.start, (Step(layer_sum, justification="closed-form sums"),
                           Step(q.total, justification="closed-form sums")),
                 title=f"{q.name}: summed over positions and layers")


def _claims(q: Quantity) -> tuple[Claim, ...]:
    return (Claim(f"{q.name} per layer is Theta({q.layer_class})", "theta", q.per_layer, sympy.S(q.layer_class),
                  "monomial dominance", q.assumptions),
            Claim(f"{q.name} in total is Theta({q.total_class})", "theta", q.total, sympy.S(q.total_class),
                  "monomial dominance", q.assumptions))


def _extra_claims(total: dict[str, Expr]) -> tuple[Claim, ...]:
    from verify.vocabulary import BigO, BigOmega, Theta

    return (
        Claim("RNN parameters are Theta(n^2 L)", "theta", PARAMETERS["rnn parameters"], Theta(n**2 * L)),
        Claim("Transformer parameters are Theta(n^2 L)", "theta", PARAMETERS["transformer parameters"], Theta(n**2 * L)),
        Claim("RNN path length t is Theta(t)", "theta", t, Theta(t)),
        Claim("Transformer path length 1 is Theta(1)", "theta", sympy.S.One, Theta(sympy.S.One)),
        Claim("restricted path length, at most 1 + (t-1)/r and at least half of it, is Theta(t/r) when r <= t",
              "theta", 1 + (t - 1) / r, Theta(t / r), "monomial dominance", (r <= t,)),
        Claim("Transformer train space is O(t^2 n^2 L) (valid, not tight) when h <= n", "big_o",
              total["transformer train space"], BigO(t**2 * n**2 * L), "monomial dominance", (h <= n,)),
        Claim("restricted attention time is Omega(t n^2 L)", "omega", total["restricted forward time"],
              BigOmega(t * n**2 * L)),
        Claim("KV-cache inference is in the class of full training time", "same_class",
              total["transformer inference time"], total["transformer train time"]),
    )


def derivation() -> Derivation:
    from derivations.cost_twin import TWINS

    qs = quantities()
    return Derivation(
        "complexity", TITLE,
        Context(symbols=(t, n, L, h, r), theories=("asymptotics", "algebra"),
                notes=("sizes are positive integers; classes compare by monomial dominance",)),
        chains=tuple(_chain(q) for q in qs),
        claims=tuple(c for q in qs for c in _claims(q)) + _extra_claims({q.name: q.total for q in qs}),
        conventions=CONVENTIONS,
        twins=TWINS,
    )
