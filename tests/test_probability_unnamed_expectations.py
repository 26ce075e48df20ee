"""``E[...]`` with no law, over two densities of one variable: read once under each (the same law for
every bare E of the step). Proved or refuted only when every reading agrees; otherwise unknown, saying
under which law it holds."""
import pytest

from verify.verdict import Status
from tests.documents import check_statuses

KL = ("Assume:\n\n- $D_{KL}(P\\|Q) = \\int_{-\\infty}^{\\infty} p(x) \\log\\frac{p(x)}{q(x)} dx$\n\nThen:\n\n"
      "$$E \\left[ -\\log \\frac{q(x)}{p(x)} \\right] REL -\\log E \\left[ \\frac{q(x)}{p(x)} \\right]$$\n")


def test_jensen_under_either_law_is_accepted():
    assert check_statuses(KL.replace("REL", "\\geq"))[0].holds


def test_the_flipped_inequality_is_refuted_under_either_law():
    assert check_statuses(KL.replace("REL", "\\leq")) == [Status.REFUTED]


@pytest.mark.parametrize("law", ["p", "q"])
def test_a_step_that_holds_under_one_law_only_is_unknown(law):
    text = f"$$\\int {law}(x) \\frac{{q(x)}}{{p(x)}} dx = E \\left[ \\frac{{q(x)}}{{p(x)}} \\right]$$\n"
    assert check_statuses(text) == [Status.UNKNOWN]


def test_a_step_false_under_both_laws_is_refuted():
    text = KL.split("$$")[0] + "$$E \\left[ \\frac{q(x)}{p(x)} \\right] = 0$$\n"
    assert check_statuses(text) == [Status.REFUTED]


# a bare E over no density beside an expectation the step writes with its law: under that law
NAMED = ("Assume:\n\n- $q(z) = \\mathcal{N}(z \\mid \\mu, \\sigma^2)$\n\nThen:\n\n"
         "$$\\mathbb{E}_{z \\sim q}[(z - \\mu)^2 + z] = RIGHT$$\n")


def test_a_bare_expectation_beside_one_with_its_law_averages_under_that_law():
    assert check_statuses(NAMED.replace("RIGHT", "\\mathbb{E}[(z - \\mu)^2] + \\mu")) == [Status.PROVED]


@pytest.mark.parametrize("wrong", ["\\mathbb{E}[(z - \\mu)^2] - \\mu", "2 \\mathbb{E}[(z - \\mu)^2] + \\mu",
                                   "\\mathbb{E}[(z - \\mu)^2] + \\sigma"])
def test_a_wrong_step_with_a_bare_expectation_beside_one_with_its_law_is_never_proved(wrong):
    assert Status.PROVED not in check_statuses(NAMED.replace("RIGHT", wrong))


# a bare E in a document that averages its variable under one law only: under that law (the report says so)
ONE_LAW = ("Assume:\n\n- $q(z) = \\mathcal{N}(z \\mid \\mu, \\sigma^2)$\n\nThen:\n\n"
           "$$\\mathbb{E}_{z \\sim q}[z] = \\mu$$\n\n$$\\mathbb{E}[(z - \\mu)^2] = RIGHT$$\n")


def test_a_bare_expectation_in_a_one_law_document_averages_under_it():
    assert check_statuses(ONE_LAW.replace("RIGHT", "\\sigma^2")) == [Status.PROVED, Status.PROVED]


@pytest.mark.parametrize("wrong", ["\\sigma", "\\mu^2 + \\sigma^2", "2 \\sigma^2"])
def test_a_wrong_value_of_a_bare_expectation_in_a_one_law_document_is_refuted(wrong):
    assert check_statuses(ONE_LAW.replace("RIGHT", wrong))[-1] is Status.REFUTED


def test_the_report_says_which_law_a_bare_expectation_took():
    from verify.parsing import read_document

    notes = " ".join(read_document(ONE_LAW.replace("RIGHT", "\\sigma^2")).derivation().context.notes)
    assert "with no law read under" in notes and "z ~ q(z)" in notes


def test_a_bare_expectation_in_a_document_with_two_laws_for_its_variable_is_not_decided():
    two = ONE_LAW.replace("$$\\mathbb{E}_{z \\sim q}[z] = \\mu$$",
                          "$$\\mathbb{E}_{z \\sim q}[z] = \\mu$$\n\n$$\\mathbb{E}_{z \\sim p}[z] = 0$$")
    assert check_statuses(two.replace("RIGHT", "\\sigma^2"))[-1] is not Status.PROVED
