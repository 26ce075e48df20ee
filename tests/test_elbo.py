"""The built-in ELBO derivation: every step proved, every justification a registered rule, and the
symbolic results agree with the numpy VAE twin for every generated VAE."""
from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from derivations import elbo as topic
from derivations.vae_twin import LinearGaussianVAE, gaussian_kl, kl_quadrature, run_probe
from verify.config import CheckConfig
from verify.engine.checker import check_derivation
from verify.evaluation import Evaluator
from verify.theories import find_rule
from verify.theories.base import Instance
from verify.theories.probability.model import LinearGaussian, Roles, install
from verify.verdict import Status
from verify.vocabulary import KL

CONFIG = CheckConfig(seed=0, samples=4, budget=None)


@pytest.fixture(scope="module")
def report():
    return check_derivation(topic.derivation(), CONFIG)


def test_every_step_of_the_elbo_derivation_is_proved(report):
    assert [r.verdict.label for r in report.results] == ["proved"] * len(report.results)


def test_the_derivation_has_four_chains_and_conventions():
    derivation = topic.derivation()
    assert len(derivation.chains) == 4 and derivation.conventions and derivation.twins


def test_every_justification_is_a_registered_rule():
    steps = [s for chain in topic.derivation().chains for s in chain.steps]
    assert [s.justification for s in steps if find_rule(s.justification) is None] == []


def test_every_twin_check_is_consistent(report):
    assert {r.verdict.status for r in report.twin} == {Status.CONSISTENT}
    assert all(r.verdict.samples == CONFIG.samples for r in report.twin)


def test_a_twin_probe_that_disagrees_is_refuted():
    verdict = run_probe(lambda rng: (1.0, 1.5, (("a", "1"),)), CONFIG)
    assert verdict.status is Status.REFUTED and verdict.counterexample.lhs == "1"


# the symbolic results against the twin -------------------------------------------------------

vaes = st.builds(LinearGaussianVAE, st.sampled_from([-1.0, 1.0]).flatmap(lambda s: st.floats(0.3, 1.5).map(lambda w: s * w)),
                 st.floats(-1, 1), st.floats(0.6, 1.5), st.floats(-1, 1), st.floats(-1, 1), st.floats(0.3, 1.5))
observations = st.floats(-2, 2)


def _evaluate(expr, vae: LinearGaussianVAE, x: float) -> float:
    """The value of a symbolic expression under the twin's VAE, through the engine's evaluator."""
    m = topic._model()
    mean, variance = vae.encoder(x)
    instance = Instance()
    install(instance, LinearGaussian(vae.w, vae.b, vae.s, x, mean, variance), Roles(m["x"], m["z"]))
    return float(Evaluator(instance.values, instance.hooks)(expr))


@settings(max_examples=25, deadline=None)
@given(vaes, observations)
def test_symbolic_elbo_and_kl_match_the_twin(vae, x):
    m = topic._model()
    assert _evaluate(topic._elbo(m), vae, x) == pytest.approx(vae.elbo(x), rel=1e-7, abs=1e-9)
    assert _evaluate(KL(m["q"], m["posterior"]), vae, x) == pytest.approx(vae.kl_posterior(x), rel=1e-7, abs=1e-9)


@settings(max_examples=25, deadline=None)
@given(vaes, observations)
def test_the_gap_between_evidence_and_elbo_is_the_posterior_kl_and_never_negative(vae, x):
    m = topic._model()
    gap = _evaluate(topic.evidence_decomposition(m).start - topic._elbo(m), vae, x)
    assert gap == pytest.approx(vae.kl_posterior(x), rel=1e-7, abs=1e-9)
    assert gap >= -1e-12


@settings(max_examples=25, deadline=None)
@given(vaes, observations)
def test_every_expression_of_the_evidence_chain_has_the_twins_log_evidence(vae, x):
    chain = topic.evidence_decomposition(topic._model())
    values = [_evaluate(step.expr, vae, x) for step in chain.steps]
    assert values == pytest.approx([vae.log_evidence(x)] * len(values), rel=1e-7, abs=1e-9)


@settings(max_examples=25, deadline=None)
@given(st.floats(-3, 3), st.floats(0.2, 3))
def test_the_closed_form_gaussian_kl_matches_the_twin(mu, sigma):
    chain = topic.gaussian_kl(topic._model())
    symbols = {s.name: s for s in chain.steps[-1].expr.free_symbols}
    closed = float(chain.steps[-1].expr.subs({symbols["mu"]: mu, symbols["sigma"]: sigma}).evalf())
    assert closed == pytest.approx(gaussian_kl(mu, sigma**2, 0.0, 1.0), rel=1e-9, abs=1e-12)
    assert closed == pytest.approx(kl_quadrature(mu, sigma**2, 0.0, 1.0), rel=1e-7, abs=1e-9)


@settings(max_examples=25, deadline=None)
@given(vaes, observations)
def test_the_monte_carlo_elbo_is_within_five_standard_errors(vae, x):
    estimate, error = vae.elbo_monte_carlo(x, np.random.default_rng(0), 4000)
    assert abs(estimate - vae.elbo(x)) <= 5 * error + 1e-9  # q = posterior: every draw equal, error ~ 0


@pytest.mark.parametrize("mean, variance, expected", [(0.0, 1.0, 0.0), (1.0, 1.0, 0.5), (0.0, math.e, (math.e - 2) / 2)])
def test_gaussian_kl_table(mean, variance, expected):
    assert gaussian_kl(mean, variance, 0.0, 1.0) == pytest.approx(expected)
