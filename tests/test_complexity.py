"""The complexity derivation: cost polynomials against instrumented numpy passes, and student-style claims."""
from __future__ import annotations

import numpy as np
import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from derivations import complexity as cx
from derivations import cost_twin as twin
from verify.config import CheckConfig
from verify.engine.checker import check_claim, check_derivation
from verify.model import Claim
from verify.theories.asymptotics import compare_classes
from verify.theories.asymptotics.sums import close_sums
from verify.verdict import Status
from verify.vocabulary import BigO, Theta

t, n, L, h, r = cx.t, cx.n, cx.L, cx.h, cx.r
INLINE = CheckConfig(budget=None)
TOTAL = {q.name: q.total for q in cx.quantities()}


@st.composite
def sizes(draw) -> twin.Sizes:
    heads = draw(st.integers(1, 3))
    return twin.Sizes(t=draw(st.integers(1, 6)), n=heads * draw(st.integers(1, 2)), L=draw(st.integers(1, 3)),
                      h=heads, r=draw(st.integers(1, 4)))


@settings(max_examples=30, deadline=None)
@given(sizes(), st.integers(0, 2**16))
def test_counted_operations_and_activations_equal_the_cost_polynomials(size, seed):
    counted, expected = twin.count_all(size, seed), twin.expected_values(size)
    assert counted == {name: expected[name] for name in counted}


@settings(max_examples=30, deadline=None)
@given(sizes())
def test_breadth_first_path_lengths_equal_the_formulas(size):
    expected = twin.expected_values(size)
    assert twin.path_lengths(size) == {name: expected[name] for name in ("rnn path", "transformer path",
                                                                          "restricted path")}


@pytest.mark.parametrize("quantity", cx.quantities(), ids=lambda q: q.name)
def test_summing_the_cost_model_gives_the_stated_polynomial(quantity):
    closed, _ = close_sums(quantity.start)
    assert sympy.expand(closed - quantity.total) == 0


def test_every_step_and_claim_of_the_derivation_is_proved_and_the_twins_agree():
    report = check_derivation(cx.derivation(), INLINE)
    assert all(result.verdict.status is Status.PROVED for result in report.results)
    assert all(result.verdict.status is Status.CONSISTENT for result in report.twin)


def test_a_twin_count_that_disagrees_is_refuted_with_the_sizes():
    def off_by_one(size):
        counts = twin.count_all(size)
        return {**counts, "rnn train space": counts["rnn train space"] + 1}

    verdict = twin.compare(off_by_one, INLINE)
    assert verdict.status is Status.REFUTED and verdict.counterexample is not None


# ---- the twin computes the real thing, not just counts ---------------------------------------

def _setup(size: twin.Sizes, seed: int = 1):
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(size.t, size.n))
    return x, twin.rnn_weights(size, rng), twin.transformer_weights(size, rng)


@settings(max_examples=15, deadline=None)
@given(sizes())
def test_kv_cache_inference_reproduces_the_causal_forward_pass(size):
    x, _, layers = _setup(size)
    full = twin.transformer_train(x, layers, size.h, twin.Tally(), twin.causal)
    cached = twin.transformer_inference(x, layers, size.h, twin.Tally())
    assert np.allclose(full, cached)


@settings(max_examples=15, deadline=None)
@given(sizes())
def test_a_window_covering_the_sequence_is_full_attention(size):
    x, _, layers = _setup(size)
    wide = size.t
    local = twin.transformer_train(x, layers, size.h, twin.Tally(),
                                   lambda tl, q, k, v: twin.restricted_attention(tl, q, k, v, wide))
    full = twin.transformer_train(x, layers, size.h, twin.Tally(),
                                  lambda tl, q, k, v: twin.full_attention(tl, q, k, v, causal=False))
    assert np.allclose(local, full)


@settings(max_examples=15, deadline=None)
@given(sizes())
def test_step_by_step_rnn_inference_matches_layer_by_layer_training_pass(size):
    x, rnn, _ = _setup(size)
    assert np.allclose(twin.rnn_train(x, rnn, twin.Tally()), twin.rnn_inference(x, rnn, twin.Tally()))


# ---- student-style answers, classified against the derived costs ------------------------------

STUDENT_ANSWERS = [
    ("RNN train time", "rnn train time", t * n**2 * L, (), "same"),
    ("RNN train space", "rnn train space", t * n * L, (), "same"),
    ("RNN inference space per layer only", "rnn inference space", n, (), "too_tight"),
    ("Transformer train time without projections", "transformer train time", t**2 * n * L, (), "missing_term"),
    ("Transformer train time with both terms", "transformer train time", t**2 * n * L + t * n**2 * L + t * n, (),
     "same_with_lower_order_terms"),
    ("Transformer train space squared", "transformer train space", t**2 * n**2 * L, (h <= n,), "too_loose"),
    ("Transformer inference time without projections", "transformer inference time", t**2 * n * L, (),
     "missing_term"),
    ("Transformer inference space with n^2", "transformer inference space", t * n**2 * L, (), "too_loose"),
    ("restricted time forgetting the window", "restricted forward time", t * n * L, (), "too_tight"),
]


@pytest.mark.parametrize("name, quantity, answer, assumptions, kind", STUDENT_ANSWERS,
                         ids=[a[0] for a in STUDENT_ANSWERS])
def test_student_answers_are_classified(name, quantity, answer, assumptions, kind):
    assert compare_classes(BigO(answer), TOTAL[quantity], assumptions).kind == kind


def test_missing_projection_term_feedback_says_when_it_matters():
    feedback = compare_classes(t**2 * n * L, TOTAL["transformer train time"]).explanation
    assert "L*n**2*t" in feedback and "let n grow with L, t fixed" in feedback


def test_path_length_in_the_width_instead_of_the_window_is_wrong():
    comparison = compare_classes(t / n, 1 + (t - 1) / r, (r <= t,))
    assert not comparison.same_class and comparison.kind == "incomparable"


def test_a_theta_claim_missing_a_term_is_refuted_by_the_checker():
    claim = Claim("Transformer train time is Theta(t^2 n L)", "theta", TOTAL["transformer train time"],
                  Theta(t**2 * n * L))
    verdict = check_claim(claim, cx.derivation().context, INLINE)
    assert verdict.status is Status.REFUTED and "maximal monomials" in verdict.reason
