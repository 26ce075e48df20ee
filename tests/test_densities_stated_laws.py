"""A premise that gives a density as a normal formula makes E under that name the normal expectation."""
import pytest
from sympy import Symbol, exp, pi, sqrt

from tests.documents import check_statuses
from verify.parsing.randomness.laws import normal_law
from verify.verdict import Status
from verify.vocabulary import Normal

X = Symbol("x", real=True)
MU, SIGMA = Symbol("mu", real=True), Symbol("sigma", positive=True)
PREMISE = ("Assume:\n\n- $\\sigma$ is a standard deviation.\n"
           "- $p(x) = \\frac{1}{\\sqrt{2\\pi}\\sigma} \\exp\\left(-\\frac{(x-\\mu)^2}{2\\sigma^2}\\right)$\n\n"
           "Then:\n\n")


def _chain(start: str, step: str) -> str:
    return PREMISE + f"$$ {start} = {step} $$\n"


def test_the_normal_density_formula_is_recognised_with_its_mean_and_variance():
    formula = exp(-(X - MU) ** 2 / (2 * SIGMA ** 2)) / (sqrt(2 * pi) * SIGMA)
    assert normal_law(formula, X) == Normal(MU, SIGMA ** 2)


@pytest.mark.parametrize("formula", [
    2 * exp(-(X - MU) ** 2 / (2 * SIGMA ** 2)) / (sqrt(2 * pi) * SIGMA),  # wrong constant
    exp(-(X - MU) ** 2 / (2 * SIGMA)) / (sqrt(2 * pi) * SIGMA),  # sigma for sigma^2
    exp((X - MU) ** 2 / (2 * SIGMA ** 2)) / (sqrt(2 * pi) * SIGMA),  # sign: not integrable
    exp(-(X - MU) ** 4 / (2 * SIGMA ** 2)) / (sqrt(2 * pi) * SIGMA),  # exponent
])
def test_a_formula_that_is_not_exactly_a_normal_density_gives_no_law(formula):
    assert normal_law(formula, X) is None


def test_a_scale_of_unknown_sign_gives_no_law():
    s = Symbol("s", real=True)
    assert normal_law(exp(-(X - MU) ** 2 / (2 * s ** 2)) / (sqrt(2 * pi) * s), X) is None


@pytest.mark.parametrize("start, step", [
    ("E_{p}[(x-\\mu)^2]", "\\sigma^2"),
    ("E_{p}[2x]", "2\\mu"),
    ("E_{p}[\\log p(x)]", "-\\log(\\sqrt{2\\pi}\\sigma) - \\frac{1}{2}"),
])
def test_expectations_under_the_stated_normal_are_proved(start, step):
    assert check_statuses(_chain(start, step)) == [Status.PROVED]


@pytest.mark.parametrize("start, step", [
    ("E_{p}[(x-\\mu)^2]", "\\sigma"),  # sigma for sigma^2
    ("E_{p}[(x-\\mu)^2]", "2\\sigma^2"),  # factor
    ("E_{p}[2x]", "-2\\mu"),  # sign
    ("E_{p}[\\log p(x)]", "\\log(\\sqrt{2\\pi}\\sigma) - \\frac{1}{2}"),  # sign
    ("E_{p}[\\log p(x)]", "-\\log(\\sqrt{2\\pi}\\sigma)"),  # dropped term
])
def test_broken_expectations_under_the_stated_normal_are_never_proved(start, step):
    assert Status.PROVED not in check_statuses(_chain(start, step))


def test_without_the_premise_the_expectation_is_not_proved():
    text = "Then:\n\n$$ E_{p}[(x-\\mu)^2] = \\sigma^2 $$\n"
    assert Status.PROVED not in check_statuses(text)
