"""Normal laws the prose states ("P and Q are normal distributions with means ... and standard
deviations ...") decide expectations, integrals and KL divergences of their densities."""
import pytest
from sympy import Symbol

from tests.documents import check_statuses
from verify.parsing.randomness.prose_laws import prose_normals
from verify.verdict import Status
from verify.vocabulary import Normal

DEVIATIONS = ("Assume:\n\n- $P$ and $Q$ are univariate normal distributions with means $\\mu_p, \\mu_q$ "
              "and standard deviations $\\sigma_p, \\sigma_q$.\n"
              "- $q(x) = \\frac{1}{\\sqrt{2\\pi}\\sigma_{q}} \\exp\\left(-\\frac{(x-\\mu_{q})^{2}}{2\\sigma_{q}^{2}}\\right)$\n\n"
              "Then:\n\n")
VARIANCES = DEVIATIONS.replace("standard deviations $\\sigma_p, \\sigma_q$", "variances $v_p, v_q$").replace(
    "\\sigma_{q}^{2}", "v_q").replace("\\sqrt{2\\pi}\\sigma_{q}", "\\sqrt{2\\pi v_q}")


def _chain(premise: str, start: str, step: str) -> str:
    return premise + f"$$ {start} $$\n\n$$ = {step} $$\n"


def _names(*names):
    return [Symbol(n) for n in names]


def test_the_sentence_states_each_law_with_the_square_of_its_standard_deviation():
    mu_p, mu_q, s_p, s_q = _names("mu_p", "mu_q", "sigma_p", "sigma_q")
    assert prose_normals(DEVIATIONS) == [{"P": Normal(mu_p, s_p**2), "Q": Normal(mu_q, s_q**2)}]


def test_variances_in_the_prose_are_the_second_parameter_as_written():
    mu_p, mu_q, v_p, v_q = _names("mu_p", "mu_q", "v_p", "v_q")
    assert prose_normals(VARIANCES) == [{"P": Normal(mu_p, v_p), "Q": Normal(mu_q, v_q)}]


@pytest.mark.parametrize("sentence", [
    "$P$ and $Q$ are not normal distributions with means $a, b$ and variances $c, d$.",
    "$P$ and $Q$ are normal distributions with means $a, b$ and variances $c$.",  # lists of unequal length
    "$P$ and $Q$ are distributions with means $a, b$ and variances $c, d$.",  # no family named
])
def test_a_sentence_that_does_not_state_the_laws_states_nothing(sentence):
    assert prose_normals(sentence) == []


@pytest.mark.parametrize("start, step", [
    ("E_{p}[(x-\\mu_p)^2]", "\\sigma_p^2"),
    ("E_{p}[x]", "\\mu_p"),
    ("E_{p}[\\log q(x)]", "\\log\\frac{1}{\\sqrt{2\\pi}\\sigma_q} - \\frac{\\sigma_p^2 + (\\mu_p - \\mu_q)^2}{2\\sigma_q^2}"),
    ("E_{p}[\\log p(x)]", "-\\log(\\sqrt{2\\pi}\\sigma_p) - \\frac{1}{2}"),
    ("\\int p(x) \\log \\frac{p(x)}{q(x)} dx",
     "\\log\\frac{\\sigma_q}{\\sigma_p} + \\frac{\\sigma_p^2 + (\\mu_p - \\mu_q)^2}{2\\sigma_q^2} - \\frac{1}{2}"),
    ("D_{KL}(P \\| Q)",
     "\\log\\frac{\\sigma_q}{\\sigma_p} + \\frac{\\sigma_p^2 + (\\mu_p - \\mu_q)^2}{2\\sigma_q^2} - \\frac{1}{2}"),
])
def test_expectations_and_divergences_of_the_stated_laws_are_proved(start, step):
    assert check_statuses(_chain(DEVIATIONS, start, step)) == [Status.PROVED]


@pytest.mark.parametrize("start, step", [
    ("E_{p}[(x-\\mu_p)^2]", "\\sigma_p"),  # sigma for sigma^2
    ("E_{p}[(x-\\mu_p)^2]", "2\\sigma_p^2"),  # factor
    ("E_{p}[x]", "-\\mu_p"),  # sign
    ("E_{p}[x]", "\\mu_q"),  # the other law
    ("E_{p}[\\log p(x)]", "\\log(\\sqrt{2\\pi}\\sigma_p) - \\frac{1}{2}"),  # sign
    ("D_{KL}(P \\| Q)",  # swapped arguments
     "\\log\\frac{\\sigma_p}{\\sigma_q} + \\frac{\\sigma_q^2 + (\\mu_p - \\mu_q)^2}{2\\sigma_p^2} - \\frac{1}{2}"),
    ("D_{KL}(P \\| Q)",  # the variance where the standard deviation is
     "\\log\\frac{\\sigma_q}{\\sigma_p} + \\frac{\\sigma_p + (\\mu_p - \\mu_q)^2}{2\\sigma_q} - \\frac{1}{2}"),
])
def test_broken_expectations_and_divergences_are_refuted(start, step):
    assert check_statuses(_chain(DEVIATIONS, start, step)) == [Status.REFUTED]


def test_under_the_variance_reading_the_deviation_formula_is_not_proved():
    step = "\\log\\frac{\\sigma_q}{\\sigma_p} + \\frac{\\sigma_p^2 + (\\mu_p - \\mu_q)^2}{2\\sigma_q^2} - \\frac{1}{2}"
    premise = DEVIATIONS.replace("standard deviations", "variances")
    assert Status.PROVED not in check_statuses(_chain(premise, "D_{KL}(P \\| Q)", step))


def test_a_stated_density_that_contradicts_the_prose_gives_neither_law():
    premise = DEVIATIONS.replace("(x-\\mu_{q})^{2}", "(x-\\mu_{p})^{2}")  # q stated with p's mean
    assert Status.PROVED not in check_statuses(_chain(premise, "E_{q}[x]", "\\mu_q"))
    assert Status.PROVED not in check_statuses(_chain(premise, "E_{q}[x]", "\\mu_p"))


def test_without_a_variable_written_for_the_densities_no_law_is_placed():
    premise = DEVIATIONS.replace(
        "- $q(x) = \\frac{1}{\\sqrt{2\\pi}\\sigma_{q}} \\exp\\left(-\\frac{(x-\\mu_{q})^{2}}{2\\sigma_{q}^{2}}\\right)$\n",
        "")
    assert check_statuses(_chain(premise, "E_{p}[x]", "\\mu_p")) != [Status.PROVED]
