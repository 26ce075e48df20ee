"""Scaled dot-product attention: the weighted-sum reading, multi-head blocks, why sqrt(d_k).

Every step is checked by the linalg theory's canonical forms (entries of matrices as
finite sums), so each is ``proved``; the numpy twin (``attention_twin``) cross-checks
the same facts with numbers.

Multi-head is shown for h = 2, 3 and 4 heads with symbolic block sizes. General h
is the same block argument: ``Concat(A_1..A_h) Stack(B_1..B_h) = sum_m A_m B_m``
holds entrywise because column index ``k`` of the concatenation runs through the
blocks in order; the theory checks each fixed h, not the induction.
"""
from __future__ import annotations

TITLE = r"Scaled dot-product attention: weighted sums, normalisation, heads, $\sqrt{d_k}$"

CONVENTIONS = (
    r"$Q, K$: $t \times d_k$; $V$: $t \times d_v$; $q_i, k_j, v_j$ are rows $i, j$ of $Q, K, V$ (indices 1-based).",
    r"softmax acts on each row: $\mathrm{softmax}(S)_{ij} = \exp(S_{ij}) / \sum_l \exp(S_{il})$.",
    r"$\alpha_{ij} = \exp(q_i \cdot k_j / \sqrt{d_k}) / \sum_l \exp(q_i \cdot k_l / \sqrt{d_k})$.",
    r"$\mathrm{head}_m$: $t \times d_v$; $W^O$: $h d_v \times d_{\mathrm{model}}$, split into row blocks "
    r"$W^O_m$: $d_v \times d_{\mathrm{model}}$.",
    "For the variance: $q, k$ have independent components of mean 0 and variance 1.",
)


def _symbols():
    from sympy import IndexedBase

    from verify.vocabulary.linalg import index, size

    return {"t": size("t"), "d_k": size("d_k"), "d_v": size("d_v"), "d_model": size("d_model"),
            "i": index("i"), "j": index("j"), "l": index("l"), "alpha": IndexedBase("alpha")}


def _score(s, a, b):
    from sympy import sqrt

    from verify.vocabulary.linalg import Dot, row

    return Dot(row("q", a), row("k", b)) / sqrt(s["d_k"])


def _weight_definition(s):
    from sympy import Sum, exp

    from verify.model import Fact

    i, j, l = s["i"], s["j"], s["l"]
    value = exp(_score(s, i, j)) / Sum(exp(_score(s, i, l)), (l, 1, s["t"]))
    return Fact("definition of attention weights", s["alpha"][i, j], value)


def _weighted_sum_chain(s):
    """Row i of softmax(QK^T/sqrt(d_k)) V is sum_j alpha_ij v_j."""
    from sympy import Sum, exp, sqrt

    from verify.model import Chain, Step
    from verify.vocabulary.linalg import Entry, Row, Softmax, matrix, row

    i, j, l, t = s["i"], s["j"], s["l"], s["t"]
    scores = matrix("Q") * matrix("K").T / sqrt(s["d_k"])
    weight = lambda num, den: exp(num) / Sum(exp(den), (l, 1, t))  # noqa: E731
    return Chain(Row(Softmax(scores) * matrix("V"), i), (
        Step(Sum(Entry(Softmax(scores), i, j) * row("v", j), (j, 1, t)), justification="matrix product"),
        Step(Sum(weight(Entry(scores, i, j), Entry(scores, i, l)) * row("v", j), (j, 1, t)),
             justification="definition of softmax"),
        Step(Sum(weight(_score(s, i, j), _score(s, i, l)) * row("v", j), (j, 1, t)), justification="matrix product"),
        Step(Sum(s["alpha"][i, j] * row("v", j), (j, 1, t)), justification="definition of attention weights"),
    ), title="row i of attention is a weighted sum of value vectors")


def _normalisation_chains(s):
    """sum_j alpha_ij = (sum_j e_j) / (sum_l e_l), and that ratio is 1."""
    from sympy import Integer, Sum, exp

    from verify.model import Chain, Step

    i, j, l, t = s["i"], s["j"], s["l"], s["t"]
    total = Sum(exp(_score(s, i, l)), (l, 1, t))
    ratio = Sum(exp(_score(s, i, j)), (j, 1, t)) / total
    weights = Chain(Sum(s["alpha"][i, j], (j, 1, t)), (
        Step(Sum(exp(_score(s, i, j)) / total, (j, 1, t)), justification="definition of attention weights"),
        Step(ratio, justification="linearity of summation"),
    ), title="the attention weights of a query: one sum over another")
    one = Chain(Integer(1), (Step(ratio, justification="rename dummy index"),),
                title="... and the two sums are the same sum, so the weights sum to one")
    return weights, one


def _multi_head_chain(s, heads: int):
    """Concat(head_1..head_h) W^O = sum_m head_m W^O_m, for a fixed number of heads."""
    from sympy import MatAdd

    from verify.model import Chain, Step
    from verify.vocabulary.linalg import Concat, Stack, matrix

    blocks = [matrix(f"head_{m}") for m in range(1, heads + 1)]
    outputs = [matrix(f"W^O_{m}") for m in range(1, heads + 1)]
    whole = matrix("W^O", heads * s["d_v"], s["d_model"])
    return Chain(Concat(*blocks) * whole, (
        Step(Concat(*blocks) * Stack(*outputs), justification="row blocks"),
        Step(MatAdd(*(a * b for a, b in zip(blocks, outputs))), justification="block multiplication"),
    ), title=f"multi-head output with {heads} heads")


def _row_blocks(s, heads: int):
    from verify.model import Fact
    from verify.vocabulary.linalg import Stack, matrix

    whole = matrix("W^O", heads * s["d_v"], s["d_model"])
    return Fact(f"row blocks of the output projection ({heads} heads)", whole, Stack(*(matrix(f"W^O_{m}") for m in range(1, heads + 1))))


def _shift_chains(s):
    """softmax(S + c 1^T) = softmax(S) for the scores S = QK^T/sqrt(d_k): entrywise, then as matrices."""
    from sympy import MatrixSymbol, OneMatrix, Sum, exp, sqrt

    from verify.model import Chain, Step
    from verify.vocabulary.linalg import Entry, Softmax, matrix

    i, j, l, t = s["i"], s["j"], s["l"], s["t"]
    S, c = matrix("Q") * matrix("K").T / sqrt(s["d_k"]), MatrixSymbol("c", t, 1)
    shifted = S + c * OneMatrix(1, t)
    e = lambda a, b: Entry(S, a, b)  # noqa: E731
    ci = Entry(c, i, 1)
    entrywise = Chain(Entry(Softmax(shifted), i, j), (
        Step(exp(e(i, j) + ci) / Sum(exp(e(i, l) + ci), (l, 1, t)), justification="definition of softmax"),
        Step(exp(e(i, j)) * exp(ci) / Sum(exp(e(i, l)) * exp(ci), (l, 1, t)), justification="exp of a sum"),
        Step(exp(e(i, j)) / Sum(exp(e(i, l)), (l, 1, t)), justification="linearity of summation"),
        Step(Entry(Softmax(S), i, j), justification="definition of softmax"),
    ), title="adding $c_i$ to row $i$ of the scores: entrywise")
    whole = Chain(Softmax(shifted), (Step(Softmax(S), justification="shift invariance"),),
                  title="softmax is invariant to a constant added to each row")
    return entrywise, whole


def _variance_claims(s):
    from sympy import IndexedBase, Integer, Sum, Tuple, sqrt

    from verify.model import Claim

    q, k, i, d_k = IndexedBase("q"), IndexedBase("k"), s["i"], s["d_k"]
    dot = Sum(q[i] * k[i], (i, 1, d_k))
    why = "linearity of expectation"
    return (
        Claim("q.k = sum_i q_i k_i has mean 0 and variance d_k", "moments", dot, Tuple(Integer(0), d_k), why),
        Claim("q.k / sqrt(d_k) has mean 0 and variance 1", "moments", dot / sqrt(d_k), Tuple(Integer(0), Integer(1)),
              why),
    )


def derivation():
    from verify.model import Context, Derivation

    from .attention_twin import TWINS

    s = _symbols()
    facts = (_weight_definition(s),) + tuple(_row_blocks(s, h) for h in (2, 3, 4))
    context = Context(symbols=tuple(v for k, v in s.items() if k != "alpha"), facts=facts,
                      theories=("linalg", "algebra"))
    chains = (_weighted_sum_chain(s), *_normalisation_chains(s), *(_multi_head_chain(s, h) for h in (2, 3, 4)),
              *_shift_chains(s))
    return Derivation("attention", TITLE, context, chains, _variance_claims(s), CONVENTIONS, TWINS)
