"""Rows of the linear-algebra rules: entries of products, softmax rows, blocks, sums and norms."""
from __future__ import annotations

from sympy import (Identity, IndexedBase, Integer, MatAdd, MatrixSymbol, OneMatrix, Product, Sum, Symbol, exp, log,
                   sqrt)

from verify.model import Context, Fact
from verify.vocabulary.linalg import Concat, Dot, Entry, Row as RowOf, Softmax, Stack, index, matrix, row, size
from verify.vocabulary.random import RandomVariable, Var

from .cases import Document, Row, Step

LINALG = Context(theories=("linalg", "algebra"))
n, t, d_k = size("n"), size("t"), size("d_k")
A, B = MatrixSymbol("A", n, n), MatrixSymbol("B", n, n)
i, j, l = index("i"), index("j"), index("l")
x, alpha = IndexedBase("x", real=True), IndexedBase("alpha")
w = IndexedBase("w", positive=True)
a, c = Symbol("a", real=True), Symbol("c", positive=True)


def score(p, q):
    return Dot(row("q", p), row("k", q)) / sqrt(d_k)


WEIGHTS = Fact("definition of attention weights", alpha[i, j], exp(score(i, j)) / Sum(exp(score(i, l)), (l, 1, t)))
ATTENTION = Context(symbols=(t, d_k, i, j, l), facts=(WEIGHTS,), theories=("linalg", "algebra"))
HEADS = [matrix("head_1"), matrix("head_2")]
OUTPUTS = [matrix("W^O_1"), matrix("W^O_2")]
W_O = matrix("W^O", 2 * size("d_v"), size("d_model"))
BLOCKS = Context(facts=(Fact("row blocks of the output projection", W_O, Stack(*OUTPUTS)),),
                 theories=("linalg", "algebra"))
S, shift = matrix("Q") * matrix("K").T / sqrt(d_k), MatrixSymbol("c", t, 1)
X = Symbol("X")
MOMENTS = Context(symbols=(c,), theories=("moments", "linalg", "algebra"), random_variables=(RandomVariable(X),))


def entry_sum(expr):
    return Sum(expr, (l, 1, n))


PRODUCT = Step(Entry(A * B, i, j), entry_sum(Entry(A, i, l) * Entry(B, l, j)), LINALG, justification="matrix product")
TRANSPOSE = Step(Entry((A * B).T, i, j), entry_sum(Entry(A, j, l) * Entry(B, l, i)), LINALG, justification="transpose")
POWER = Step((A + B) ** 2, A**2 + A * B + B * A + B**2, LINALG, justification="matrix power")
SOFTMAX = Step(Entry(Softmax(A), i, j), exp(Entry(A, i, j)) / entry_sum(exp(Entry(A, i, l))), LINALG,
               justification="definition of softmax")
WEIGHT_SUM = Step(Sum(alpha[i, j], (j, 1, t)), Sum(exp(score(i, j)) / Sum(exp(score(i, l)), (l, 1, t)), (j, 1, t)),
                  ATTENTION, justification="definition of attention weights")
DOT = Step(Dot(RowOf(A, i), RowOf(B, j)), Entry(A * B.T, i, j), LINALG, justification="dot product")
BLOCK = Step(Concat(*HEADS) * Stack(*OUTPUTS), MatAdd(*(h * w for h, w in zip(HEADS, OUTPUTS))), LINALG,
             justification="block multiplication")
ROW_BLOCKS = Step(Concat(*HEADS) * W_O, Concat(*HEADS) * Stack(*OUTPUTS), BLOCKS, justification="row blocks")
LINEAR_SUM = Step(Sum(a * x[i], (i, 1, n)), a * Sum(x[i], (i, 1, n)), LINALG, justification="linearity of summation")
EXP_SUM = Step(exp(Entry(S, i, j) + Entry(shift, i, 1)), exp(Entry(S, i, j)) * exp(Entry(shift, i, 1)), LINALG,
               justification="exp of a sum")
NORMALISED = Step(Sum(Entry(Softmax(A), i, j), (j, 1, n)), Integer(1), LINALG, justification="normalisation of softmax")
SHIFTED = Step(Softmax(S + shift * OneMatrix(1, t)), Softmax(S), LINALG, justification="shift invariance")
RENAMED = Step(Sum(x[i], (i, 1, n)) / Sum(x[j], (j, 1, n)), Integer(1), LINALG, justification="rename dummy index")
SCALED = Step(Var(X / c), Var(X) / c**2, MOMENTS, justification="scaling of variance")
SHIFTED_INDEX = Step(Sum(x[i + 1], (i, 0, n - 1)), Sum(x[i], (i, 1, n)), LINALG, justification="index shift")
m = size("m")
EXCHANGED = Step(Sum(Sum(Entry(A, i, l) * x[l], (l, 1, m)), (i, 1, n)),
                 Sum(Sum(Entry(A, i, l) * x[l], (i, 1, n)), (l, 1, m)), LINALG, justification="exchange of finite sums")
LOG_PRODUCT = Step(log(Product(w[i], (i, 1, n))), Sum(log(w[i]), (i, 1, n)), LINALG, justification="log of a product")
WRITTEN_OUT = Step(Sum(x[i] ** 2, (i, 1, 3)), x[1] ** 2 + x[2] ** 2 + x[3] ** 2, LINALG,
                   justification="finite sum written out")
ROWS_OF_V = Step(RowOf(A * B, i), entry_sum(Entry(A, i, l) * RowOf(B, l)), LINALG, justification="matrix product")
C = MatrixSymbol("C", n, n)
ENTRIES = Step(A * (B + C), A * B + A * C, LINALG)
UNSTATED = Document("", r"\frac{\partial}{\partial o_k} \sum_j e^{o_j}", r"e^{o_k}")
VECTORS = "Let $q, k \\in \\mathbb{R}^d$ be vectors."
NORM = Document(VECTORS, r"\|q - k\|^2", r"\|q\|^2 - 2 q^T k + \|k\|^2")
RADIUS = "Assume:\n\n- $\\rho(\\eta A) < 1$\n\nThen:"
NEUMANN = Document(RADIUS, r"(I - \eta A)^{-1}", r"\sum_{k=0}^\infty (\eta A)^k")

ROWS = [
    Row("matrix product", PRODUCT, (
        PRODUCT.broken("swapped argument", entry_sum(Entry(A, l, i) * Entry(B, l, j))),
        PRODUCT.broken("factor", 2 * entry_sum(Entry(A, i, l) * Entry(B, l, j))),
        PRODUCT.broken("commuted", lhs=Entry(B * A, i, j)))),
    Row("transpose", TRANSPOSE, (
        TRANSPOSE.broken("swapped argument", entry_sum(Entry(A, i, l) * Entry(B, l, j))),
        TRANSPOSE.broken("sign", -entry_sum(Entry(A, j, l) * Entry(B, l, i))),
        TRANSPOSE.broken("unreversed", lhs=Entry(A.T * B.T, i, j)))),
    Row("matrix power", POWER, (
        POWER.broken("commuted", A**2 + 2 * A * B + B**2),
        POWER.broken("sign", A**2 - A * B + B * A + B**2),
        POWER.broken("exponent", A**2 + A * B + B * A + B**3))),
    Row("definition of softmax", SOFTMAX, (
        SOFTMAX.broken("dropped normaliser", exp(Entry(A, i, j))),
        SOFTMAX.broken("swapped argument", exp(Entry(A, j, i)) / entry_sum(exp(Entry(A, i, l)))),
        SOFTMAX.broken("exponent", exp(Entry(A, i, j)) / entry_sum(exp(Entry(A, i, l))) ** 2))),
    Row("definition of attention weights", WEIGHT_SUM, (
        WEIGHT_SUM.broken("swapped argument", Sum(exp(score(j, i)) / Sum(exp(score(i, l)), (l, 1, t)), (j, 1, t))),
        WEIGHT_SUM.broken("dropped normaliser", Sum(exp(score(i, j)), (j, 1, t))),
        WEIGHT_SUM.broken("factor", Sum(exp(score(i, j)) / Sum(exp(score(i, l)), (l, 1, t)), (j, 1, t)) * 2))),
    Row("dot product", DOT, (
        DOT.broken("swapped argument", Entry(A * B.T, j, i)),
        DOT.broken("dropped transpose", Entry(A * B, i, j)),
        DOT.broken("factor", 2 * Entry(A * B.T, i, j)))),
    Row("block multiplication", BLOCK, (
        BLOCK.broken("swapped argument", MatAdd(HEADS[0] * OUTPUTS[1], HEADS[1] * OUTPUTS[0])),
        BLOCK.broken("sign", HEADS[0] * OUTPUTS[0] - HEADS[1] * OUTPUTS[1]),
        BLOCK.broken("dropped block", HEADS[0] * OUTPUTS[0]))),
    Row("row blocks", ROW_BLOCKS, (
        ROW_BLOCKS.broken("swapped argument", Concat(*HEADS) * Stack(*OUTPUTS[::-1])),
        ROW_BLOCKS.broken("factor", 2 * Concat(*HEADS) * Stack(*OUTPUTS)),
        ROW_BLOCKS.broken("dropped premise", context=LINALG)), cited_only=True),
    Row("linearity of summation", LINEAR_SUM, (
        LINEAR_SUM.broken("exponent", a**2 * Sum(x[i], (i, 1, n))),
        LINEAR_SUM.broken("factor", n * a * Sum(x[i], (i, 1, n))),
        LINEAR_SUM.broken("sign", -a * Sum(x[i], (i, 1, n))))),
    Row("exp of a sum", EXP_SUM, (
        EXP_SUM.broken("sign", exp(Entry(S, i, j)) * exp(-Entry(shift, i, 1))),
        EXP_SUM.broken("factor", exp(Entry(S, i, j)) + exp(Entry(shift, i, 1))),
        EXP_SUM.broken("dropped term", exp(Entry(S, i, j)))), cited_only=True),
    Row("normalisation of softmax", NORMALISED, (
        NORMALISED.broken("factor", Integer(2)),
        NORMALISED.broken("swapped argument", lhs=Sum(Entry(Softmax(A), i, j), (i, 1, n))),
        NORMALISED.broken("sign", Integer(-1))), cited_only=True),
    Row("shift invariance", SHIFTED, (
        SHIFTED.broken("factor", lhs=Softmax(2 * S)),
        SHIFTED.broken("swapped argument", lhs=Softmax(S + OneMatrix(t, 1) * shift.T)),
        SHIFTED.broken("sign", Softmax(-S))), cited_only=True),
    Row("rename dummy index", RENAMED, (
        RENAMED.broken("bound changed", lhs=Sum(x[i], (i, 1, n)) / Sum(x[j], (j, 1, n - 1))),
        RENAMED.broken("exponent", lhs=Sum(x[i], (i, 1, n)) / Sum(x[j] ** 2, (j, 1, n))),
        RENAMED.broken("factor", Integer(2))), cited_only=True),
    Row("scaling of variance", SCALED, (
        SCALED.broken("exponent", Var(X) / c),
        SCALED.broken("factor", Var(X) / (2 * c**2)),
        SCALED.broken("swapped argument", c**2 * Var(X))), cited_only=True),
    Row("index shift", SHIFTED_INDEX, (
        SHIFTED_INDEX.broken("bound changed", Sum(x[i], (i, 1, n - 1))),
        SHIFTED_INDEX.broken("swapped argument", Sum(x[i], (i, 0, n - 1))),
        SHIFTED_INDEX.broken("factor", 2 * Sum(x[i], (i, 1, n))))),
    Row("exchange of finite sums", EXCHANGED, (
        EXCHANGED.broken("bound changed", Sum(Sum(Entry(A, i, l) * x[l], (i, 1, l)), (l, 1, m))),
        EXCHANGED.broken("swapped argument", Sum(Sum(Entry(A, l, i) * x[l], (i, 1, n)), (l, 1, m))),
        EXCHANGED.broken("factor", Sum(Sum(Entry(A, i, l) * x[i], (i, 1, n)), (l, 1, m))))),
    Row("log of a product", LOG_PRODUCT, (
        LOG_PRODUCT.broken("swapped argument", Product(log(w[i]), (i, 1, n))),
        LOG_PRODUCT.broken("factor", n * Sum(log(w[i]), (i, 1, n))),
        LOG_PRODUCT.broken("exponent", Sum(log(w[i] ** 2), (i, 1, n))))),
    Row("finite sum written out", WRITTEN_OUT, (
        WRITTEN_OUT.broken("dropped term", x[1] ** 2 + x[2] ** 2),
        WRITTEN_OUT.broken("exponent", x[1] + x[2] + x[3]),
        WRITTEN_OUT.broken("bound changed", x[0] ** 2 + x[1] ** 2 + x[2] ** 2))),
    Row("entrywise equality", BLOCK, BLOCK_BROKEN := (
        BLOCK.broken("swapped argument", MatAdd(HEADS[0] * OUTPUTS[1], HEADS[1] * OUTPUTS[0])),
        BLOCK.broken("sign", HEADS[0] * OUTPUTS[0] - HEADS[1] * OUTPUTS[1]))),
    Row("componentwise equality", ROWS_OF_V, (
        ROWS_OF_V.broken("swapped argument", entry_sum(Entry(A, l, i) * RowOf(B, l))),
        ROWS_OF_V.broken("factor", 2 * entry_sum(Entry(A, i, l) * RowOf(B, l))),
        ROWS_OF_V.broken("commuted", lhs=RowOf(B * A, i)))),
    Row("linalg", ENTRIES, (
        ENTRIES.broken("commuted", B * A + A * C),
        ENTRIES.broken("sign", A * B - A * C),
        ENTRIES.broken("factor", A * B + 2 * A * C))),
    Row("Kronecker delta over an unstated range", UNSTATED, (
        UNSTATED.broken("dropped term", r"0"),
        UNSTATED.broken("sign", r"-e^{o_k}"),
        UNSTATED.broken("exponent", r"e^{2 o_k}"))),
    Row("squared Euclidean norm", NORM, (
        NORM.broken("sign", r"\|q\|^2 + 2 q^T k + \|k\|^2"),
        NORM.broken("factor", r"\|q\|^2 - q^T k + \|k\|^2"),
        NORM.broken("exponent", r"\|q\|^2 - 2 q^T k + \|k\|"))),
    Row("Neumann series", NEUMANN, (
        NEUMANN.broken("bound changed", r"\sum_{k=1}^\infty (\eta A)^k"),
        NEUMANN.broken("sign", r"\sum_{k=0}^\infty (-\eta A)^k"),
        NEUMANN.broken("factor", r"\sum_{k=0}^\infty (2\eta A)^k"),
        NEUMANN.broken("dropped premise", premises=""))),
]
