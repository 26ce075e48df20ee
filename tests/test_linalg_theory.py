"""The linalg theory: vocabulary, entrywise canonical forms, numbers, the moments claim."""
from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sympy import Identity, IndexedBase, Integer, MatrixSymbol, Sum, Tuple, exp, latex, sqrt

from verify.config import CheckConfig
from verify.engine.checker import check_claim, check_step
from verify.engine.evaluate import Evaluator
from verify.model import Claim, Context
from verify.theories import find_rule
from verify.theories.base import Instance
from verify.theories.linalg import canonical
from verify.theories.linalg.numeric import Hooks, instantiate
from verify.theories.linalg.rules import MATRIX_PRODUCT, SOFTMAX_DEFINITION
from verify.verdict import Status
from verify.vocabulary.linalg import Concat, Dot, Entry, Row, Softmax, Stack, index, matrix, row, size

CONFIG = CheckConfig(seed=3, samples=4, budget=None)
CONTEXT = Context(theories=("linalg", "algebra"))
n = size("n")
A, B, C = (MatrixSymbol(name, n, n) for name in "ABC")
i, j, l = index("i"), index("j"), index("l")


def status(lhs, rhs, context=CONTEXT):
    return check_step(lhs, "=", rhs, context, CONFIG).status


# ---------------------------------------------------------------- vocabulary

@pytest.mark.parametrize("name, shape", [
    ("Q", ("t", "d_k")), ("K", ("t", "d_k")), ("V", ("t", "d_v")), ("W^Q", ("d_model", "d_k")),
    ("W^O_3", ("d_v", "d_model")), ("head_2", ("t", "d_v")), ("Z", ("n", "n")),
])
def test_matrix_names_get_their_conventional_shapes(name, shape):
    assert matrix(name).shape == tuple(size(s) for s in shape)


def test_an_explicit_shape_overrides_the_convention():
    assert matrix("W^O", 2 * size("d_v"), size("d_model")).shape == (2 * size("d_v"), size("d_model"))


def test_softmax_of_a_scalar_is_a_type_error_that_names_the_value():
    with pytest.raises(TypeError, match="softmax needs a matrix"):
        Softmax(size("t"))


def test_concat_and_stack_add_up_their_block_widths_and_heights():
    heads = [matrix("head_1"), matrix("head_2")]
    assert Concat(*heads).shape == (size("t"), 2 * size("d_v"))
    assert Stack(matrix("W^O_1"), matrix("W^O_2")).shape == (2 * size("d_v"), size("d_model"))


@pytest.mark.parametrize("expr, text", [
    (Softmax(matrix("S")), r"\operatorname{softmax}\left(S\right)"),
    (Concat(matrix("head_1"), matrix("head_2")), r"\mathrm{Concat}\left(head_{1}, head_{2}\right)"),
    (row("v", j), "v_{j}"),
    (Entry(matrix("S"), i, j), "S_{i j}"),
    (Dot(row("q", i), row("k", j)), r"q_{i} \cdot k_{j}"),
])
def test_latex_reads_like_the_paper(expr, text):
    assert latex(expr) == text


# ---------------------------------------------------------------- canonical forms

@pytest.mark.parametrize("lhs, rhs", [
    ((A * B).T, B.T * A.T),
    (A * (B + C), A * B + A * C),
    (A * Identity(n), A),
    (Entry(A * B, i, j), Sum(Entry(A, i, l) * Entry(B, l, j), (l, 1, n))),
    (Row(A * B, i), Sum(Entry(A, i, l) * Row(B, l), (l, 1, n))),
    (Dot(Row(A, i), Row(B, j)), Entry(A * B.T, i, j)),
    (Sum(Entry(Softmax(A), i, j), (j, 1, n)), Integer(1)),
], ids=["transpose of product", "distributive", "identity", "product entry", "row of product", "dot", "rows sum to 1"])
def test_identities_are_proved(lhs, rhs):
    assert status(lhs, rhs) is Status.PROVED


@pytest.mark.parametrize("lhs, rhs", [
    (A * B, B * A),
    ((A * B).T, A.T * B.T),
    (Softmax(2 * A), Softmax(A)),
    (Entry(Softmax(A), i, j), exp(Entry(A, i, j))),
    (Sum(Entry(Softmax(A), i, j), (j, 1, n)), Integer(2)),
], ids=["commuted", "transpose unreversed", "scaled scores", "no normalisation", "rows sum to 2"])
def test_false_identities_are_refuted(lhs, rhs):
    assert status(lhs, rhs) is Status.REFUTED


def test_a_lowercase_one_index_name_is_a_row_when_its_matrix_is_present():
    v = IndexedBase("v")
    V = matrix("V")
    assert status(Row(V, j), v[j]) is Status.PROVED


def test_canonical_names_the_rules_that_fired():
    expanded = Sum(Entry(Softmax(A), i, l) * Entry(B, l, j), (l, 1, n))
    residual, used = canonical(Entry(Softmax(A) * B, i, j) - expanded, CONTEXT)
    assert residual == 0
    assert {SOFTMAX_DEFINITION, MATRIX_PRODUCT} <= set(used)


def test_dummy_names_do_not_matter():
    x = IndexedBase("x")
    assert status(Sum(x[i], (i, 1, n)) * Sum(x[j], (j, 1, n)), Sum(x[l], (l, 1, n)) ** 2) is Status.PROVED


def test_block_multiplication_needs_matching_block_sizes():
    wide, narrow = MatrixSymbol("P", n, 2 * n), MatrixSymbol("R", n, n)
    lhs = Concat(wide, narrow) * Stack(MatrixSymbol("U", n, n), MatrixSymbol("W", 2 * n, n))
    assert status(lhs, wide * MatrixSymbol("U", n, n) + narrow * MatrixSymbol("W", 2 * n, n)) is not Status.PROVED


@pytest.mark.parametrize("name", ["definition of softmax", "matrix product", "block multiplication",
                                  "shift invariance", "linearity of expectation", "independence"])
def test_rules_are_registered_with_statements(name):
    rule = find_rule(name)
    assert rule is not None and rule.statement


# ---------------------------------------------------------------- numbers

@settings(max_examples=30, deadline=None)
@given(st.integers(0, 10_000))
def test_instantiated_indices_stay_inside_the_matrices(seed):
    instance = Instance()
    expr = Tuple(Row(matrix("V"), i), Entry(matrix("Q"), j, l))
    assert instantiate(CONTEXT, expr, np.random.default_rng(seed), instance) is None
    values = instance.values
    assert 1 <= values[i] <= values[size("t")] and 1 <= values[j] <= values[size("t")]
    assert 1 <= values[l] <= values[size("d_k")]


@settings(max_examples=30, deadline=None)
@given(st.integers(1, 4), st.integers(1, 4), st.integers(0, 10_000))
def test_the_evaluator_computes_softmax_products_like_numpy(rows, cols, seed):
    rng = np.random.default_rng(seed)
    S, V = rng.normal(size=(rows, rows)), rng.normal(size=(rows, cols))
    Sm, Vm = MatrixSymbol("S", rows, rows), MatrixSymbol("V", rows, cols)
    hooks = Hooks(CONTEXT, {"S": Sm, "V": Vm}, 0).table()
    value = Evaluator({Sm: S, Vm: V}, hooks)(Softmax(Sm) * Vm)
    weights = np.exp(S) / np.exp(S).sum(axis=1, keepdims=True)
    assert np.allclose(value, weights @ V)


# ---------------------------------------------------------------- the moments claim

q, k = IndexedBase("q"), IndexedBase("k")
d_k = size("d_k")
DOT = Sum(q[i] * k[i], (i, 1, d_k))


def moments_status(subject, mean, variance):
    return check_claim(Claim("moments", "moments", subject, Tuple(mean, variance)), CONTEXT, CONFIG)


@pytest.mark.parametrize("subject, mean, variance", [
    (DOT, 0, d_k), (DOT / sqrt(d_k), 0, 1), (2 * DOT, 0, 4 * d_k), (DOT + q[1], 0, d_k + 1)])
def test_true_moments_are_proved(subject, mean, variance):
    assert moments_status(subject, Integer(mean), variance).status is Status.PROVED


@pytest.mark.parametrize("subject, mean, variance", [(DOT, 0, d_k**2), (DOT / d_k, 0, 1), (DOT, 1, d_k)])
def test_wrong_moments_are_refuted_with_a_size(subject, mean, variance):
    verdict = moments_status(subject, Integer(mean), variance)
    assert verdict.status is Status.REFUTED and verdict.counterexample is not None


def test_moments_beyond_the_second_are_not_assumed():
    assert moments_status(Sum(q[i] ** 2, (i, 1, d_k)), d_k, 2 * d_k).status is Status.UNKNOWN


def test_a_matrix_square_expands_without_commuting_the_factors():
    from sympy import MatrixSymbol, Symbol

    from verify.engine.checker import check_step
    from verify.model import Context
    from verify.verdict import Status

    n = Symbol("n", positive=True, integer=True)
    a, b = MatrixSymbol("A", n, n), MatrixSymbol("B", n, n)
    context = Context(symbols=(n,), theories=("linalg", "algebra"))
    assert check_step((a + b) ** 2, "=", a**2 + a * b + b * a + b**2, context).status is Status.PROVED
    assert check_step((a + b) ** 2, "=", a**2 + 2 * a * b + b**2, context).status is Status.REFUTED
