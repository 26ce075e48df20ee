"""Integrals against a diagonal normal of a vector of stated dimension J: sums over j = 1..J of
univariate Gaussian expectations; any other mean, variance or integrand is left as written."""
import pytest

from tests.documents import check_statuses
from verify.parsing.randomness.vector_normals import stated_dimensions
from verify.verdict import Status

PREMISE = ("Assume:\n\n- Let $J$ be the dimensionality of $\\mathbf{z}$; $\\mu_j$ and $\\sigma_j$ are the "
           "$j$-th elements of the mean and s.d.\n\nThen:\n\n")
CROSS = "\\int \\mathcal{N}(\\mathbf{z}; \\boldsymbol{\\mu}, \\boldsymbol{\\sigma}^2) \\log \\mathcal{N}(\\mathbf{z}; \\mathbf{0}, \\mathbf{I}) \\, d\\mathbf{z}"
ENTROPY = ("\\int \\mathcal{N}(\\mathbf{z}; \\boldsymbol{\\mu}, \\boldsymbol{\\sigma}^2) \\log "
           "\\mathcal{N}(\\mathbf{z}; \\boldsymbol{\\mu}, \\boldsymbol{\\sigma}^2) \\, d\\mathbf{z}")
CROSS_VALUE = "- \\frac{J}{2} \\log(2\\pi) - \\frac{1}{2} \\sum_{j=1}^J (\\mu_j^2 + \\sigma_j^2)"
ENTROPY_VALUE = "- \\frac{J}{2} \\log(2\\pi) - \\frac{1}{2} \\sum_{j=1}^J (1 + \\log \\sigma_j^2)"


def _chain(start: str, step: str, premise: str = PREMISE) -> str:
    return premise + f"$$ {start} $$\n\n$$ = {step} $$\n"


def test_the_dimension_of_a_vector_is_read_from_the_prose():
    assert {name: str(size) for name, size in stated_dimensions(PREMISE).items()} == {"zbold": "J"}


@pytest.mark.parametrize("start, step", [(CROSS, CROSS_VALUE), (ENTROPY, ENTROPY_VALUE)])
def test_componentwise_gaussian_integrals_are_proved(start, step):
    assert check_statuses(_chain(start, step)) == [Status.PROVED]


@pytest.mark.parametrize("start, step", [
    (CROSS, CROSS_VALUE.replace("- \\frac{J}{2}", "+ \\frac{J}{2}")),  # sign
    (CROSS, CROSS_VALUE.replace("\\frac{1}{2} \\sum", "\\sum")),  # dropped factor
    (CROSS, CROSS_VALUE.replace("\\sigma_j^2)", "\\sigma_j)")),  # sigma for sigma^2
    (CROSS, CROSS_VALUE.replace("\\frac{J}{2}", "\\frac{1}{2}")),  # one component, not J
    (ENTROPY, ENTROPY_VALUE.replace("(1 + \\log", "(1 - \\log")),  # sign
    (ENTROPY, ENTROPY_VALUE.replace("\\log \\sigma_j^2", "\\log \\sigma_j^4")),  # exponent
])
def test_broken_componentwise_values_are_never_proved(start, step):
    assert Status.PROVED not in check_statuses(_chain(start, step))


def test_without_a_stated_dimension_the_integral_is_left_as_written():
    premise = "Assume:\n\n- $\\mu_j$ and $\\sigma_j$ are the $j$-th elements of the mean and s.d.\n\nThen:\n\n"
    assert Status.PROVED not in check_statuses(_chain(CROSS, CROSS_VALUE, premise))


def test_a_law_of_a_vector_is_never_read_as_a_law_of_a_number():
    premise = "Assume:\n\n- $p(\\mathbf{z}) = \\mathcal{N}(\\mathbf{0}, \\mathbf{I})$\n\nThen:\n\n"
    assert Status.PROVED not in check_statuses(_chain("E_{p}[\\mathbf{z}^2]", "I", premise))
