"""The attention derivation: proved step by step, and in agreement with the numpy twin."""
from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sympy import MatrixSymbol, OneMatrix, Sum, exp, sqrt

import derivations
from derivations import attention_twin as twin
from verify.config import CheckConfig
from verify.engine.checker import check_derivation, check_step
from verify.evaluation import Evaluator
from verify.model import TwinCheck
from verify.theories.linalg.numeric import Hooks
from verify.verdict import Status
from verify.vocabulary.linalg import Concat, Entry, Row, Softmax, matrix, row, size

CONFIG = CheckConfig(seed=2, samples=4, budget=None)
DERIVATION = derivations.load("attention")
CONTEXT = DERIVATION.context
T, D_K, D_V, D_MODEL = (size(n) for n in ("t", "d_k", "d_v", "d_model"))
I, J, L = (s for s in CONTEXT.symbols if str(s) in "ijl")


@pytest.fixture(scope="module")
def report():
    return check_derivation(DERIVATION, CONFIG)


def test_every_step_and_claim_is_proved(report):
    assert [r.latex for r in report.results if r.verdict.status is not Status.PROVED] == []


def test_every_twin_agrees_and_is_only_consistent(report):
    assert {r.verdict.status for r in report.twin} == {Status.CONSISTENT}


def test_the_derivation_states_its_conventions():
    assert any("sqrt" in c or "softmax" in c for c in DERIVATION.conventions)


# ---------------------------------------------------------------- symbolic side against the twin

dims = st.integers(1, 4)
seeds = st.integers(0, 2**32 - 1)


def evaluate(expr, arrays: dict, **sizes):
    """Evaluate a symbolic expression with the linalg hooks on the given arrays."""
    values = {size(name): float(v) for name, v in sizes.items()}
    values.update({k: np.asarray(v, dtype=float) for k, v in arrays.items()})
    names = {m.name: m for m in arrays}
    return Evaluator(values, Hooks(CONTEXT, names, 0).table())(expr)


def qkv(rng, t, d_k, d_v):
    return rng.normal(size=(t, d_k)), rng.normal(size=(t, d_k)), rng.normal(size=(t, d_v))


@settings(max_examples=30, deadline=None)
@given(dims, dims, dims, seeds)
def test_the_first_chain_evaluates_to_the_twins_loops_row_by_row(t, d_k, d_v, seed):
    Q, K, V = qkv(np.random.default_rng(seed), t, d_k, d_v)
    chain = DERIVATION.chains[0]
    loops = twin.attention_loops(Q, K, V)
    arrays = {matrix("Q"): Q, matrix("K"): K, matrix("V"): V}
    for i in range(1, t + 1):
        for expr in (chain.start, chain.steps[-1].expr):
            value = evaluate(expr.xreplace({I: i}), arrays, t=t, d_k=d_k, d_v=d_v)
            assert np.allclose(value, loops[i - 1])


@settings(max_examples=30, deadline=None)
@given(dims, dims, seeds)
def test_attention_weights_sum_to_one_symbolically_and_numerically(t, d_k, seed):
    rng = np.random.default_rng(seed)
    Q, K = rng.normal(size=(t, d_k)) * 3, rng.normal(size=(t, d_k)) * 3
    total = DERIVATION.chains[1].start.xreplace({I: 1})
    value = evaluate(total, {matrix("Q"): Q, matrix("K"): K}, t=t, d_k=d_k)
    assert np.isclose(value, 1) and np.allclose(twin.attention_weights(Q, K).sum(axis=1), 1)


@settings(max_examples=25, deadline=None)
@given(st.sampled_from([2, 3, 4]), dims, dims, dims, seeds)
def test_concat_times_wo_equals_the_sum_of_per_head_products(h, t, d_v, d_model, seed):
    rng = np.random.default_rng(seed)
    heads = twin.random_heads(rng, h, d_model, 2, d_v)
    X = rng.normal(size=(t, d_model))
    outputs, blocks = heads.outputs(X), heads.row_blocks()
    arrays = {matrix(f"head_{m + 1}"): outputs[m] for m in range(h)}
    arrays.update({matrix(f"W^O_{m + 1}"): blocks[m] for m in range(h)})
    chain = next(c for c in DERIVATION.chains if c.start.has(Concat) and len(c.start.args[0].args) == h)
    value = evaluate(chain.steps[-1].expr, arrays, t=t, d_v=d_v, d_model=d_model)
    assert np.allclose(value, twin.multi_head(X, heads))
    assert np.allclose(value, twin.multi_head_sum(X, heads))


@settings(max_examples=30, deadline=None)
@given(dims, st.floats(-20, 20), seeds)
def test_shift_invariance_symbolically_and_numerically(t, c, seed):
    rng = np.random.default_rng(seed)
    S = rng.normal(size=(t, t))
    Sm, cm = MatrixSymbol("S", T, T), MatrixSymbol("c", T, 1)
    shift = np.full((t, 1), c)
    value = evaluate(Softmax(Sm + cm * OneMatrix(1, T)), {Sm: S, cm: shift}, t=t)
    assert np.allclose(value, twin.softmax_rows(S)) and np.allclose(twin.softmax_rows(S + shift), value)


@settings(max_examples=10, deadline=None)
@given(st.sampled_from([1, 4, 16]), seeds)
def test_sampled_score_variance_is_near_one(d_k, seed):
    assert abs(twin.scaled_score_variance(d_k, 4000, np.random.default_rng(seed)) - 1) < 0.35


# ---------------------------------------------------------------- broken steps

SCORES = matrix("Q") * matrix("K").T / sqrt(D_K)
START = Row(Softmax(SCORES) * matrix("V"), I)


def weighted(score):
    return Sum(exp(score(I, J)) / Sum(exp(score(I, L)), (L, 1, T)) * row("v", J), (J, 1, T))


@pytest.mark.parametrize("wrong", [
    Row(Softmax(matrix("Q") * matrix("K") / sqrt(D_K)) * matrix("V"), I),
    Row(Softmax(matrix("Q") * matrix("K").T / D_K) * matrix("V"), I),
    Sum(exp(Entry(SCORES, I, J)) * row("v", J), (J, 1, T)),
], ids=["transpose dropped", "d_k for sqrt(d_k)", "normalisation missing"])
def test_a_mutated_weighted_sum_step_is_not_proved(wrong):
    assert check_step(START, "=", wrong, CONTEXT, CONFIG).status in (Status.REFUTED, Status.UNKNOWN)


def test_the_unmutated_weighted_sum_step_is_proved():
    assert check_step(START, "=", weighted(lambda a, b: Entry(SCORES, a, b)), CONTEXT, CONFIG).status is Status.PROVED


@pytest.mark.parametrize("wrong", [
    Row(Softmax(matrix("Q") * matrix("K").T / D_K) * matrix("V"), I),
    Sum(exp(Entry(SCORES, I, J)) * row("v", J), (J, 1, T)),
], ids=["d_k for sqrt(d_k)", "normalisation missing"])
def test_a_mutated_step_with_matching_shapes_is_refuted(wrong):
    assert check_step(START, "=", wrong, CONTEXT, CONFIG).status is Status.REFUTED


def test_the_twin_refutes_a_wrong_scaling():
    config = CheckConfig(seed=0, samples=2)
    broken = TwinCheck("scores scaled by d_k", lambda cfg: twin._agreement(
        "scaled by d_k", lambda rng: _wrongly_scaled(rng), cfg))
    assert broken.run(config).status is Status.REFUTED


def _wrongly_scaled(rng):
    Q, K, V = qkv(rng, 3, 4, 2)
    wrong = twin.softmax_rows(Q @ K.T / 4) @ V
    return bool(np.allclose(wrong, twin.attention_loops(Q, K, V))), (("d_k", "4"),), str(wrong), "loops"
