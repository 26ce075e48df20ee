r"""The gradient of an expectation moves inside when the law does not depend on the parameter
(``\nabla_\theta E_{x \sim p}[f_\theta(x)] = E_{x \sim p}[\nabla_\theta f_\theta(x)]``), with the
chain rule inside; a law that depends on theta, or one no statement ties to theta, refuses it."""
from __future__ import annotations

import pytest

from tests.documents import check_statuses
from verify.config import CheckConfig
from verify.parsing.document import read_document
from verify.verdict import Status

CONFIG = CheckConfig(seed=13, samples=4, budget=None)
FREE = "Assume:\n\n- $p$ does not depend on $\\theta$.\n\nThen:\n\n"
SILENT = "Assume:\n\n- $f_\\theta$ is a network.\n\nThen:\n\n"
GAN = ("Assume:\n\n"
       "- $V(D, G) = \\mathbb{E}_{x \\sim p_{data}}[\\log D(x)] + \\mathbb{E}_{x \\sim p_g}[\\log(1 - D(x))]$\n"
       "- $D$ is parameterized by $\\theta_D$.\n"
       "- $p_{data}$ and $p_g$ do not depend on $\\theta_D$.\n\nThen:\n\n")
GAN_RIGHT = (r"\mathbb{E}_{x \sim p_{data}}\left[\frac{\nabla_{\theta_D} D(x)}{D(x)}\right]"
             r" - \mathbb{E}_{x \sim p_g}\left[\frac{\nabla_{\theta_D} D(x)}{1 - D(x)}\right]")


def statuses(text: str) -> list[Status]:
    return check_statuses(text, CONFIG)


def test_the_gradient_moves_inside_an_expectation_under_a_fixed_law():
    text = FREE + r"$$\nabla_\theta \mathbb{E}_{x \sim p}[f_\theta(x)] = \mathbb{E}_{x\sim p}[\nabla_\theta f_\theta(x)]$$"
    assert statuses(text) == [Status.PROVED]


def test_the_chain_rule_applies_inside():
    text = FREE + (r"$$\nabla_\theta \mathbb{E}_{x \sim p}[\log f_\theta(x)] = "
                   r"\mathbb{E}_{x\sim p}\left[\frac{\nabla_\theta f_\theta(x)}{f_\theta(x)}\right]$$")
    assert statuses(text) == [Status.PROVED]


@pytest.mark.parametrize("broken", [
    r"$$\nabla_\theta \mathbb{E}_{x \sim p}[f_\theta(x)] = -\mathbb{E}_{x\sim p}[\nabla_\theta f_\theta(x)]$$",  # sign
    r"$$\nabla_\theta \mathbb{E}_{x \sim p}[f_\theta(x)] = 2\mathbb{E}_{x\sim p}[\nabla_\theta f_\theta(x)]$$",  # factor
    (r"$$\nabla_\theta \mathbb{E}_{x \sim p}[\log f_\theta(x)] = "
     r"\mathbb{E}_{x\sim p}\left[\frac{\nabla_\theta f_\theta(x)}{f_\theta(x)^2}\right]$$"),  # chain rule exponent
    r"$$\nabla_\theta \mathbb{E}_{x \sim p}[f_\theta(x)] = \mathbb{E}_{x\sim p}[f_\theta(x)]$$",  # dropped gradient
])
def test_broken_gradients_are_never_proved(broken):
    assert Status.PROVED not in statuses(FREE + broken)


def test_a_law_carrying_the_parameter_refuses_the_interchange():
    text = FREE + (r"$$\nabla_\theta \mathbb{E}_{x \sim p_\theta}[f_\theta(x)] = "
                   r"\mathbb{E}_{x\sim p_\theta}[\nabla_\theta f_\theta(x)]$$")
    assert Status.PROVED not in statuses(text)


def test_a_law_no_statement_frees_of_the_parameter_refuses_the_interchange():
    text = SILENT + r"$$\nabla_\theta \mathbb{E}_{x \sim p}[f_\theta(x)] = \mathbb{E}_{x\sim p}[\nabla_\theta f_\theta(x)]$$"
    assert Status.PROVED not in statuses(text)


def test_the_discriminator_gradient_of_the_minimax_value():
    assert statuses(GAN + f"$$\\nabla_{{\\theta_D}} V = {GAN_RIGHT}$$") == [Status.PROVED]


@pytest.mark.parametrize("broken", [
    GAN_RIGHT.replace(" - ", " + "),                                            # sign
    (r"\mathbb{E}_{x \sim p_{data}}\left[\frac{\nabla_{\theta_D} D(x)}{1 - D(x)}\right]"   # swapped denominators
     r" - \mathbb{E}_{x \sim p_g}\left[\frac{\nabla_{\theta_D} D(x)}{D(x)}\right]"),
])
def test_broken_discriminator_gradients_are_never_proved(broken):
    assert Status.PROVED not in statuses(GAN + f"$$\\nabla_{{\\theta_D}} V = {broken}$$")


def test_without_the_fixed_data_law_the_discriminator_gradient_is_refused():
    text = GAN.replace("- $p_{data}$ and $p_g$ do not depend on $\\theta_D$.\n", "- $p_g$ does not depend on $\\theta_D$.\n")
    assert Status.PROVED not in statuses(text + f"$$\\nabla_{{\\theta_D}} V = {GAN_RIGHT}$$")


def test_a_function_parameterized_by_another_parameter_is_free_of_this_one():
    text = ("Assume:\n\n- $D$ is parameterized by $\\phi$.\n- $p$ does not depend on $\\theta$.\n\nThen:\n\n"
            r"$$\nabla_\theta \mathbb{E}_{x \sim p}[D(x)] = 0$$")
    assert statuses(text) == [Status.PROVED]


def test_the_gradient_is_read_in_the_parameter_symbol():
    text = FREE + r"$$\nabla_\theta \mathbb{E}_{x \sim p}[f_\theta(x)] = \mathbb{E}_{x\sim p}[\nabla_\theta f_\theta(x)]$$"
    (chain,) = read_document(text).chains
    assert "theta" in {s.name for s in chain.start.free_symbols}


def test_a_document_without_a_gradient_of_an_expectation_keeps_its_gradients_as_read():
    text = r"$$\eta \nabla_x f(x_k) + \eta \nabla_x f(x_k) = 2 \eta \nabla_x f(x_k)$$"
    (chain,) = read_document(text).chains
    assert not any(type(a).__name__ == "Gradient" for a in chain.start.atoms() | chain.steps[-1].expr.atoms())
