"""A name a step writes for the first time, defined nowhere, stops a numeric refutation only when the
refutation rests on its value: when the exact difference of the sides does not hold it, whatever it
stands for, the sides differ, and the step is refuted."""
import pytest

from verify.verdict import Status
from tests.documents import check_statuses

REPARAM = ("Assume:\n\n- $\\mathbf{z} = \\mathbf{\\mu} + \\mathbf{\\sigma} \\odot \\boldsymbol{\\epsilon}$\n"
           "- $\\boldsymbol{\\epsilon}$ is sampled from a standard Gaussian distribution, $\\mathcal{N}(0,\\mathbf{I})$.\n\n"
           "Then:\n\n$$E[\\mathbf{z}] = E[\\mathbf{\\mu} + \\mathbf{\\sigma} \\odot \\mathbf{\\epsilon}]$$\n\n$$= STEP$$\n")


def test_a_wrong_step_whose_difference_is_free_of_the_new_name_is_refuted():
    """``sigma E[epsilon]`` drops mu: the difference is mu whatever sigma is."""
    assert check_statuses(REPARAM.replace("STEP", "\\sigma E[\\mathbf{\\epsilon}]"))[1] is Status.REFUTED


@pytest.mark.parametrize("step", ["\\mathbf{\\mu} + \\sigma E[\\mathbf{\\epsilon}]", "\\mathbf{\\mu}"])
def test_a_right_step_with_a_new_name_is_not_refuted(step):
    assert Status.REFUTED not in check_statuses(REPARAM.replace("STEP", step))


def test_a_difference_that_holds_the_new_name_still_stops_the_refutation():
    """``= evidence - ELBO``: the difference depends on the new names, which may mean what makes it hold."""
    text = "$$\\log p(x) = \\text{evidence} - c$$\n"
    assert Status.REFUTED not in check_statuses(text)
