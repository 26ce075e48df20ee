"""The probability theory: canonical forms are identities, wrong ELBO steps are refuted with a
counterexample, right steps written differently are proved, and Jensen decides only its own form."""
from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sympy import Integer, Integral, Mul, Rational, Symbol, log, oo

from verify.config import CheckConfig
from verify.engine.checker import check_step
from verify.evaluation import Evaluator
from verify.engine.numeric import instantiate as numeric_instance
from verify.engine.numeric import numeric_check
from verify.model import Relation
from verify.theories import find_rule
from verify.theories.algebra import normalise
from verify.theories.probability import X as x
from verify.theories.probability import Z as z
from verify.theories.probability import canonical, latent_variable_context
from verify.theories.probability.canonical import plain
from verify.theories.probability.gaussian import normal_expectation, normal_moment, normal_pdf
from verify.theories.probability.jensen import JENSEN, check_jensen
from verify.theories.probability.rules import (BAYES as BAYES_RULE, EXPECTATION_DEFINITION, GAUSSIAN_MOMENTS,
                                              KL_DEFINITION, LINEARITY, LOG_RULES, MARGINALISATION, NORMALISATION,
                                              PRODUCT_RULE)
from verify.verdict import Status
from verify.vocabulary import KL, Density, Expectation, Normal, density

CONFIG = CheckConfig(seed=3, samples=4, budget=None)
CTX = latent_variable_context()
q, joint, posterior = density("q", [z], [x]), density("p", [x, z]), density("p", [z], [x])
likelihood, prior, evidence = density("p", [x], [z]), density("p", [z]), density("p", [x])
mu, sigma = Symbol("mu", real=True), Symbol("sigma", positive=True)


def integral(body):
    return Integral(body, (z, -oo, oo))


def elbo():
    return Expectation(log(joint) - log(q), q)


def check(lhs, rhs, relation="=", why=None, context=CTX):
    return check_step(lhs, relation, rhs, context, CONFIG, why)


# canonical forms: each rule on its own ------------------------------------------------------

@pytest.mark.parametrize("expr, expected, rule", [
    (integral(q), Integer(1), NORMALISATION),
    (integral(joint), evidence, MARGINALISATION),
    (integral(likelihood * prior), evidence, MARGINALISATION),
    (integral(posterior), Integer(1), BAYES_RULE),
    (integral(q * log(evidence)), log(evidence), LINEARITY),
    (Expectation(Integer(3), q), Integer(3), EXPECTATION_DEFINITION),
    (KL(q, q), Integer(0), KL_DEFINITION),
    (KL(Normal(mu, sigma**2), Normal(Integer(0), Integer(1))),
     (mu**2 + sigma**2 - 1 - log(sigma**2)) / 2, GAUSSIAN_MOMENTS),
], ids=["normalisation", "joint marginal", "product marginal", "posterior through Bayes", "z-free factor",
        "constant expectation", "self KL", "gaussian KL"])
def test_canonical_form_applies_the_named_rule(expr, expected, rule):
    form, used = canonical(expr, CTX)
    assert normalise(form - expected) == 0
    assert rule in used


def test_an_integral_without_limits_over_the_latent_variable_is_over_the_real_line():
    assert check(Integral(q * log(evidence), z), log(evidence)).status is Status.PROVED


def test_an_integral_without_limits_over_another_variable_is_left_alone():
    y = Symbol("y", real=True)
    form, _ = canonical(Integral(density("q", [y]), y), CTX)
    assert form.has(Integral)


def test_marginalisation_needs_one_model():
    form, _ = canonical(integral(likelihood * density("r", [z])), CTX)
    assert form.has(Integral)


def test_a_density_not_over_the_variable_is_not_normalised():
    form, _ = canonical(integral(likelihood), CTX)
    assert form.has(Integral)


def test_variable_order_of_a_joint_does_not_matter():
    assert check(density("p", [z, x]), joint).status is Status.PROVED


# a density integrates out only when its arguments are distinct plain symbols ------------------

ARGUMENTS = st.sampled_from([z, x, z + 1, 2 * z, x - z, z**2])


def _not_plain(d: Density) -> bool:
    return z in d.free_symbols and not plain(d)


NOT_PLAIN = st.builds(lambda name, variables, given: Density(name, tuple(variables), tuple(given)),
                      st.sampled_from(["p", "q"]), st.lists(ARGUMENTS, min_size=1, max_size=2),
                      st.lists(ARGUMENTS, max_size=2)).filter(_not_plain)


@settings(max_examples=40, deadline=None)
@given(NOT_PLAIN)
def test_a_density_with_repeated_or_compound_arguments_is_not_integrated_out(d):
    form, _ = canonical(integral(d), CTX)
    assert form.has(Integral)


@settings(max_examples=25, deadline=None)
@given(NOT_PLAIN)
def test_a_product_with_a_density_that_is_not_plain_is_not_marginalised(d):
    form, _ = canonical(integral(d * prior), CTX)
    assert form.has(Integral)


def test_normalising_a_density_conditioned_on_its_own_variable_is_not_proved():
    assert check(integral(Density("q", (z,), (z + 1,))), Integer(1)).status is not Status.PROVED


def test_marginalising_leaves_no_integrated_variable_free():
    assert check(integral(Density("p", (z, z + 1))), Density("p", (z + 1,))).status is not Status.PROVED


def test_the_numeric_model_has_no_law_for_a_density_that_is_not_plain():
    verdict = check(integral(Density("q", (z,), (z + 1,))), Integer(1))
    assert verdict.status is Status.UNKNOWN and "q(z | z + 1)" in verdict.reason


# canonical forms are identities: the numeric model agrees with them -------------------------

ATOMS = [log(q), log(joint), log(posterior), log(likelihood), log(prior), log(evidence)]


def _value(expr, seed: int) -> float:
    instance = numeric_instance(CTX, expr, np.random.default_rng(seed))
    return float(Evaluator(instance.values, instance.hooks)(expr))


@settings(max_examples=25, deadline=None)
@given(st.lists(st.tuples(st.integers(-3, 3), st.sampled_from(range(len(ATOMS)))), min_size=1, max_size=4),
       st.sampled_from([q, posterior, prior]), st.integers(0, 10_000))
def test_canonical_form_has_the_same_value_as_the_expression(terms, law, seed):
    body = sum((c * ATOMS[i] for c, i in terms), Integer(0))
    expr = Expectation(body, law) + KL(q, posterior)
    form, _ = canonical(expr, CTX)
    assert _value(form, seed) == pytest.approx(_value(expr, seed), rel=1e-7, abs=1e-7)


# Gaussian moments ----------------------------------------------------------------------------

def test_fourth_normal_moment():
    m, v = Symbol("m", real=True), Symbol("v", positive=True)
    assert (normal_moment(4, m, v) - (m**4 + 6 * m**2 * v + 3 * v**2)).expand() == 0


@settings(max_examples=25, deadline=None)
@given(st.lists(st.integers(-3, 3), min_size=1, max_size=5), st.floats(-2, 2), st.floats(0.3, 2.0))
def test_polynomial_expectation_matches_quadrature(coefficients, mean, variance):
    body = sum((c * z**k for k, c in enumerate(coefficients)), Integer(0))
    exact = float(normal_expectation(body, z, Rational(mean), Rational(variance)))
    grid = np.linspace(-20, 20, 8001)
    weights = np.exp(-(grid - mean) ** 2 / (2 * variance)) / np.sqrt(2 * np.pi * variance)
    numeric = np.trapezoid(weights * np.polyval(coefficients[::-1], grid), grid)
    assert exact == pytest.approx(numeric, rel=1e-8, abs=1e-8)


def test_a_non_polynomial_expectation_is_left_alone():
    assert normal_expectation(log(1 + z**2), z, mu, sigma**2) is None


# mutated ELBO steps are refuted with a counterexample ---------------------------------------

CHAIN_ONE = integral(q * log(Mul(joint / q, q / posterior, evaluate=False)))
DECOMPOSED = integral(q * log(joint / q)) + integral(q * log(q / posterior))
BAYES = integral(q * log(likelihood * prior / (q * evidence)))

MUTANTS = [
    pytest.param(CHAIN_ONE, integral(q * log(joint / q)) - integral(q * log(q / posterior)), id="sign flip"),
    pytest.param(CHAIN_ONE, integral(q * log(joint / q)), id="dropped term"),
    pytest.param(log(evidence), integral(q * log(joint / likelihood)), id="p(x|z) for p(z|x)"),
    pytest.param(BAYES, integral(q * log(likelihood * prior / q)) + log(evidence), id="sign of log p(x)"),
    pytest.param(elbo() + KL(q, posterior), elbo() + KL(q, prior), id="KL against the prior"),
    pytest.param(elbo(), Expectation(log(likelihood), q) + KL(q, prior), id="sign of the KL term"),
]


@pytest.mark.parametrize("lhs, rhs", MUTANTS)
def test_a_mutated_elbo_step_is_refuted_with_a_counterexample(lhs, rhs):
    verdict = check(lhs, rhs)
    assert verdict.status is Status.REFUTED
    assert verdict.counterexample is not None
    assert verdict.counterexample.lhs != verdict.counterexample.rhs


def test_a_counterexample_names_the_concrete_model():
    names = [name for name, _ in check(log(evidence), integral(q * log(joint / likelihood))).counterexample.assignment]
    assert {"x", "q(z | x)", "p(x | z)"} <= set(names)


# right steps written differently are proved --------------------------------------------------

EQUIVALENT = [
    pytest.param(log(evidence), elbo() + KL(q, posterior), id="evidence decomposition in one step"),
    pytest.param(elbo(), Expectation(log(likelihood), q) - KL(q, prior), id="reconstruction minus KL"),
    pytest.param(BAYES, integral(q * (log(likelihood) + log(prior) - log(q))) - log(evidence), id="student form"),
    pytest.param(KL(q, posterior), Expectation(log(q) - log(likelihood) - log(prior), q) + log(evidence),
                 id="KL to the posterior via Bayes"),
    pytest.param(integral(q * log(q / posterior)), -integral(q * log(posterior / q)), id="flipped ratio"),
    pytest.param(Expectation(2 * log(q), q), 2 * Expectation(log(q), q), id="constant factor"),
]


@pytest.mark.parametrize("lhs, rhs", EQUIVALENT)
def test_a_correct_step_written_differently_is_proved(lhs, rhs):
    assert check(lhs, rhs).status is Status.PROVED


def test_densities_with_subscripted_names_follow_their_own_facts():
    p_x, p_z = Symbol("x", real=True), Symbol("z", real=True)
    context = latent_variable_context(p_x, p_z, model="p_theta")
    q_phi = density("q_phi", [p_z], [p_x])
    lhs = log(density("p_theta", [p_x]))
    rhs = Expectation(log(density("p_theta", [p_x, p_z])) - log(q_phi), q_phi) + KL(q_phi, density("p_theta", [p_z], [p_x]))
    assert check(lhs, rhs, context=context).status is Status.PROVED
    assert check(lhs, rhs - KL(q_phi, density("p_theta", [p_z])), context=context).status is Status.REFUTED


def test_symbols_without_assumptions_as_a_parser_builds_them():
    px, pz = Symbol("x"), Symbol("z")
    context = latent_variable_context(px, pz)
    q_, p_ = density("q", [pz], [px]), (lambda v, g=(): density("p", v, g))
    bayes = Integral(q_ * log(p_([px], [pz]) * p_([pz]) / (q_ * p_([px]))), (pz, -oo, oo))
    start = Integral(q_ * log(p_([pz], [px]) / q_), (pz, -oo, oo))
    assert check(start, bayes, context=context).status is Status.PROVED
    wrong = Integral(q_ * log(p_([px], [pz]) * p_([pz]) / q_), (pz, -oo, oo)) + log(p_([px]))
    assert check(bayes, wrong, context=context).status is Status.REFUTED


def test_the_numeric_model_satisfies_bayes_rule():
    verdict = numeric_check(integral(q * log(posterior)), Relation.EQ,
                            integral(q * log(likelihood * prior / evidence)), CTX, CONFIG)
    assert verdict.status is Status.CONSISTENT


def test_a_density_outside_the_linear_gaussian_model_is_drawn_as_a_random_gridded_law():
    verdict = check(log(evidence), integral(q * log(density("r", [x], [z]))))
    assert verdict.status is Status.REFUTED
    assert "r" in dict(verdict.counterexample.assignment)


# Jensen -------------------------------------------------------------------------------------

def test_jensen_proves_log_of_expectation_above_expectation_of_log():
    verdict = check(log(Expectation(joint / q, q)), Expectation(log(joint / q), q), ">=", "Jensen's inequality")
    assert verdict.status is Status.PROVED and JENSEN in verdict.used


def test_jensen_reads_the_weighting_density_from_an_integral():
    lhs = log(integral(Mul(q, joint / q, evaluate=False)))
    assert check_jensen(lhs, Relation.GE, elbo(), CTX).status is Status.PROVED


def test_jensen_takes_the_weighting_density_from_the_other_side():
    assert check_jensen(log(integral(joint)), Relation.GE, elbo(), CTX).status is Status.PROVED


def test_jensen_read_right_to_left():
    assert check_jensen(elbo(), Relation.LE, log(Expectation(joint / q, q)), CTX).status is Status.PROVED


@pytest.mark.parametrize("relation", [Relation.EQ, Relation.LE, Relation.GT])
def test_jensen_does_not_decide_other_relations(relation):
    assert check_jensen(log(Expectation(joint / q, q)), relation, Expectation(log(joint / q), q), CTX) is None


def test_jensen_does_not_apply_when_the_right_side_is_another_bound():
    assert check_jensen(log(Expectation(joint / q, q)), Relation.GE, Expectation(log(joint), q), CTX) is None


CONDITIONED_ON_ITSELF = st.builds(lambda name, given: Density(name, (z,), tuple(given)), st.sampled_from(["p", "q"]),
                                  st.lists(ARGUMENTS, min_size=1, max_size=2)).filter(_not_plain)


@settings(max_examples=25, deadline=None)
@given(CONDITIONED_ON_ITSELF)
def test_jensen_does_not_weight_by_a_density_that_need_not_integrate_to_one(weight):
    bound = integral(weight * log(joint / weight))
    assert check_jensen(log(integral(joint)), Relation.GE, bound, CTX) is None


@settings(max_examples=25, deadline=None)
@given(CONDITIONED_ON_ITSELF)
def test_jensen_does_not_read_an_expectation_under_a_density_that_is_not_plain(weight):
    lhs = log(Expectation(joint / weight, weight))
    assert check_jensen(lhs, Relation.GE, Expectation(log(joint / weight), weight), CTX) is None


def test_the_wrong_direction_of_jensen_is_refuted():
    verdict = check(Expectation(log(joint / q), q), log(Expectation(joint / q, q)), ">=", "jensen")
    assert verdict.status is Status.REFUTED


# Gaussian KL and rules ----------------------------------------------------------------------

def test_gaussian_kl_through_explicit_densities_is_proved():
    law = Normal(mu, sigma**2)
    explicit = Expectation(log(normal_pdf(z, mu, sigma**2)) - log(normal_pdf(z, 0, 1)), law, z)
    assert check(KL(law, Normal(Integer(0), Integer(1))), explicit).status is Status.PROVED


def test_gaussian_kl_with_a_variable_of_no_assumptions_is_proved():
    plain = Symbol("z")
    law = Normal(mu, sigma**2)
    explicit = Expectation(log(normal_pdf(plain, mu, sigma**2)) - log(normal_pdf(plain, 0, 1)), law, plain)
    assert check(explicit, (mu**2 + sigma**2 - 1 - log(sigma**2)) / 2).status is Status.PROVED


def test_a_wrong_gaussian_kl_is_refuted():
    wrong = (mu**2 + sigma**2 + 1 - log(sigma**2)) / 2
    assert check(KL(Normal(mu, sigma**2), Normal(Integer(0), Integer(1))), wrong).status is Status.REFUTED


@pytest.mark.parametrize("name, rule", [
    ("Bayes' rule", BAYES_RULE), ("Bayes's theorem", BAYES_RULE), ("bayes theorem", BAYES_RULE),
    ("chain rule of probability", PRODUCT_RULE), ("normalization", NORMALISATION), ("marginalisation", MARGINALISATION),
    ("linearity", LINEARITY), ("expectation definition", EXPECTATION_DEFINITION),
    ("KL definition", KL_DEFINITION), ("log rules", LOG_RULES), ("Jensen's inequality", JENSEN),
])
def test_cited_names_resolve_to_the_rule_objects(name, rule):
    assert find_rule(name) is rule


def test_the_context_integrates_out_the_latent_variable():
    assert CTX.integration_variables == (z,) and CTX.theories[0] == "probability"
