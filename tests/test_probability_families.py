"""Density names of one model (p and p_theta): another reading that can stop a refutation, never prove."""
import pytest
from sympy import Integral, Symbol, log, oo

from verify.config import CheckConfig
from verify.engine.checker import check_step
from verify.theories.probability import latent_variable_context
from verify.theories.probability.families import model_of, one_model_readings
from verify.verdict import Status
from verify.vocabulary import Density

x, z = Symbol("x"), Symbol("z")
CONFIG = CheckConfig(seed=3, samples=6, budget=None)


@pytest.mark.parametrize("name, model", [("p_theta", "p"), ("p_{theta}", "p"), ("q_phi", "q"), ("p_g", "p_g"),
                                         ("p_data", "p_data"), ("q", "q")])
def test_a_parameter_subscript_names_the_same_model(name, model):
    assert model_of(name) == model


def test_a_model_written_under_one_name_offers_no_other_reading():
    assert one_model_readings(log(Density("p_theta", (x,), (z,))) + log(Density("q_phi", (z,), (x,)))) == ()


def test_two_names_of_one_model_are_read_as_one():
    ((says, mapping),) = one_model_readings(log(Density("p_theta", (x,))) - log(Density("p", (z,))))
    assert says == "p and p_theta are one model"
    assert mapping[Density("p_theta", (x,))] == Density("p", (x,))


def test_the_marginal_of_a_model_written_with_its_prior_unsubscripted_is_not_refuted():
    """log p_theta(x) = log int p_theta(x|z) p(z) dz: the prior of the model p_theta, written p(z)."""
    lhs = log(Density("p_theta", (x,)))
    rhs = log(Integral(Density("p_theta", (x,), (z,)) * Density("p", (z,)), (z, -oo, oo)))
    verdict = check_step(lhs, "=", rhs, latent_variable_context(), CONFIG, None)
    assert verdict.status is Status.UNKNOWN and "are one model" in verdict.reason


def test_a_step_wrong_for_one_model_too_stays_refuted():
    lhs = log(Density("p_theta", (x,)))
    rhs = log(Integral(Density("p_theta", (z,), (x,)) * Density("p", (z,)), (z, -oo, oo)))  # swapped conditional
    assert check_step(lhs, "=", rhs, latent_variable_context(), CONFIG, None).status is Status.REFUTED
