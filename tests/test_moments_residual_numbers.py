"""Random variables whose laws differ by component have no law drawn for them; a step about them whose
exact canonical difference holds none of them (``-\\sum_j \\sigma_j^2``) is compared by that difference."""
import pytest

from verify.verdict import Status
from tests.documents import check_statuses

DOC = ("Assume:\n\n- The expectation $\\mathbb{E}_Z$ is for $Z\\sim \\mathcal{N}(\\mu,\\Sigma)$ and $\\sigma_i^2=\\Sigma_{ii}$.\n"
       "- $\\Sigma$ is a matrix of size $J\\times J$.\n\nThen:\n\n"
       "$$-\\frac{J}{2}\\log(2\\pi)- \\frac{1}{2}\\mathbb{E}_Z\\left[\\sum_{i=1}^J Z_i^2\\right] = STEP$$\n")


def test_the_right_step_is_proved():
    assert check_statuses(DOC.replace("STEP", "-\\frac{J}{2}\\log(2\\pi)- \\frac{1}{2}\\sum_{i=1}^J (\\mu_i^2+\\sigma_i^2)")) \
        == [Status.PROVED]


@pytest.mark.parametrize("wrong", [
    "-\\frac{J}{2}\\log(2\\pi)- \\frac{1}{2}\\sum_{i=1}^J (\\mu_i^2-\\sigma_i^2)",
    "-\\frac{J}{2}\\log(2\\pi)- \\sum_{i=1}^J (\\mu_i^2+\\sigma_i^2)",
    "-\\frac{J}{2}\\log(2\\pi)- \\frac{1}{2}\\sum_{i=1}^J \\mu_i^2",
])
def test_a_wrong_step_is_refuted_by_its_difference(wrong):
    assert check_statuses(DOC.replace("STEP", wrong)) == [Status.REFUTED]


def test_a_difference_that_keeps_a_random_variable_is_not_compared_alone():
    assert Status.REFUTED not in check_statuses(DOC.replace("STEP", "-\\frac{J}{2}\\log(2\\pi)- \\frac{1}{2} Z_1^2"))
