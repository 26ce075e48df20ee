r"""An average under a density the premises state as a normal is an average under that normal, and KL or an
entropy of bare laws is the probability theory's to decide, whatever else the document writes."""
import pytest

from tests.documents import check_statuses
from verify.verdict import Status

STATED = "Assume $q(z) = \\mathcal{N}(\\mu, \\sigma^2)$.\n\n$$\\mathbb{E}_{z \\sim q}[z^2] = {}$$\n"
LAWS = "Assume $P$ and $Q$ are probability distributions.\n\n$$D_{KL}(P \\| Q) = {}$$\n"


def test_the_second_moment_under_a_stated_normal_is_proved():
    assert check_statuses(STATED.replace("{}", "\\mu^2 + \\sigma^2")) == [Status.PROVED]


@pytest.mark.parametrize("wrong", ["\\mu^2 + \\sigma", "\\mu^2 - \\sigma^2", "\\sigma^2"])
def test_a_wrong_second_moment_under_a_stated_normal_is_refuted(wrong):
    assert check_statuses(STATED.replace("{}", wrong)) == [Status.REFUTED]


def test_kl_of_bare_laws_is_cross_entropy_minus_entropy():
    assert check_statuses(LAWS.replace("{}", "H(P, Q) - H(P)")) == [Status.PROVED]


@pytest.mark.parametrize("wrong", ["H(P, Q) + H(P)", "H(Q, P) - H(P)"])
def test_a_broken_decomposition_of_kl_is_never_proved(wrong):
    assert Status.PROVED not in check_statuses(LAWS.replace("{}", wrong))


@pytest.mark.parametrize("law", ["\\mathcal{N}(z; \\mu, \\sigma^2)", "\\mathcal{N}(z | \\mu, \\sigma^2)",
                                 "\\frac{1}{\\sqrt{2\\pi\\sigma^2}} \\exp\\left(-\\frac{(z-\\mu)^2}{2\\sigma^2}\\right)"])
def test_a_density_stated_as_a_normal_pdf_is_that_normal(law):
    document = STATED.replace("\\mathcal{N}(\\mu, \\sigma^2)", law)
    assert check_statuses(document.replace("{}", "\\mu^2 + \\sigma^2")) == [Status.PROVED]
    assert check_statuses(document.replace("{}", "\\mu^2 + \\sigma")) == [Status.REFUTED]
