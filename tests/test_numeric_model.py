"""The linear-Gaussian model of the numeric tier: small variances, closed forms (issue 9, part 4).

With a narrow likelihood (s = 0.05) and a wide q, quadrature of log(exp(log-density))
clamped at 1e-300 put the evidence decomposition 0.1 off, so a correct step was refuted;
the log-densities are now exact and the expectations of log-densities closed forms.
"""
from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sympy import log

from verify.config import CheckConfig
from verify.engine.numeric import numeric_check
from verify.evaluation import Evaluator
from verify.model import Relation
from verify.theories.base import Instance
from verify.theories.probability import X as x
from verify.theories.probability import Z as z
from verify.theories.probability import latent_variable_context
from verify.theories.probability.model import LinearGaussian, Roles, install
from verify.verdict import Status
from verify.vocabulary import KL, Expectation, density

CONTEXT = latent_variable_context()
q, joint, posterior = density("q", [z], [x]), density("p", [x, z]), density("p", [z], [x])
likelihood, prior, evidence = density("p", [x], [z]), density("p", [z]), density("p", [x])
ELBO = Expectation(log(joint) - log(q), q)

models = st.builds(LinearGaussian,
                   st.sampled_from([-1.0, 1.0]).flatmap(lambda sign: st.floats(0.5, 1.5).map(lambda w: sign * w)),
                   st.floats(-1, 1), st.floats(0.05, 1.5), st.floats(-2, 2), st.floats(-1, 1), st.floats(0.01, 1.5))


def value(expr, model: LinearGaussian) -> float:
    instance = Instance()
    install(instance, model, Roles(x, z))
    return float(Evaluator(instance.values, instance.hooks)(expr))


@settings(max_examples=40, deadline=None)
@given(models)
def test_the_evidence_is_the_elbo_plus_the_posterior_kl_at_every_variance(model):
    assert value(log(evidence) - ELBO - KL(q, posterior), model) == pytest.approx(0.0, abs=1e-9)


@settings(max_examples=40, deadline=None)
@given(models)
def test_the_expected_log_likelihood_is_its_closed_form(model):
    w, b, s, xv, m, v = model.w, model.b, model.s, model.x, model.m, model.v
    closed = -0.5 * np.log(2 * np.pi * s**2) - ((xv - w * m - b) ** 2 + w**2 * v) / (2 * s**2)
    assert value(Expectation(log(likelihood), q), model) == pytest.approx(closed, rel=1e-10, abs=1e-10)


@settings(max_examples=40, deadline=None)
@given(models)
def test_the_kl_to_the_prior_is_its_closed_form(model):
    closed = 0.5 * (model.m**2 + model.v - np.log(model.v) - 1)
    assert value(KL(q, prior), model) == pytest.approx(closed, rel=1e-10, abs=1e-12)


def test_a_narrow_likelihood_under_a_wide_q_keeps_the_decomposition_exact():
    narrow = LinearGaussian(0.8, 0.3, 0.05, 1.1, 0.4, 1.5)
    assert value(log(evidence) - ELBO - KL(q, posterior), narrow) == pytest.approx(0.0, abs=1e-12)


def test_the_wrong_sign_of_the_posterior_kl_is_still_refuted_at_small_variances():
    narrow = LinearGaussian(0.8, 0.3, 0.05, 1.1, 0.4, 0.01)
    assert abs(value(log(evidence) - ELBO + KL(q, posterior), narrow)) > 1e-3
    verdict = numeric_check(log(evidence), Relation.EQ, ELBO - KL(q, posterior), CONTEXT, CheckConfig(budget=None))
    assert verdict.status is Status.REFUTED


@pytest.mark.parametrize("seed", range(6))
def test_the_correct_decomposition_is_consistent_for_every_seed(seed):
    config = CheckConfig(seed=seed, samples=8, budget=None)
    verdict = numeric_check(log(evidence), Relation.EQ, ELBO + KL(q, posterior), CONTEXT, config)
    assert verdict.status is Status.CONSISTENT


def test_the_drawn_models_include_small_variances():
    rng = np.random.default_rng(0)
    draws = [LinearGaussian.draw(rng) for _ in range(200)]
    assert min(d.s**2 for d in draws) < 0.01 and min(d.v for d in draws) < 0.02
    assert max(d.s**2 for d in draws) > 1.0 and max(d.v for d in draws) > 1.0
