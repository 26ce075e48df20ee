"""Bare laws in KL(P || Q) read as the densities a premise defines their divergence by."""
import pytest

from tests.documents import check_statuses
from verify.parsing import read_document
from verify.verdict import Status
from verify.vocabulary import KL, Density

DEFINITION = "D_{KL}(P\\|Q) = \\int p(x) \\log\\frac{p(x)}{q(x)} dx"


def _document(premise: str, start: str, step: str) -> str:
    return f"Assume:\n\n- ${premise}$\n\nThen:\n\n$$ {start} = {step} $$\n"


def test_the_defining_premise_reads_p_and_q_as_the_densities_of_p_and_q():
    document = read_document(_document(DEFINITION, "D_{KL}(P\\|Q)", "\\int p(x) \\log p(x) dx - \\int p(x) \\log q(x) dx"))
    start = document.chains[0].start
    assert isinstance(start, KL) and all(isinstance(a, Density) for a in start.args)
    assert [a.name for a in start.args] == ["p", "q"]


def test_the_divergence_of_the_named_laws_is_proved_by_its_definition():
    text = _document(DEFINITION, "D_{KL}(P\\|Q)", "-\\int p(x) \\log \\frac{q(x)}{p(x)} dx")
    assert check_statuses(text) == [Status.PROVED]


def test_the_expectation_form_of_the_definition_ties_the_laws_too():
    premise = "D_{KL}(P\\|Q) = E_{x \\sim P}\\left[\\log \\frac{p(x)}{q(x)}\\right]"
    text = _document(premise, "D_{KL}(P\\|Q)", "\\int p(x) \\log p(x) dx - \\int p(x) \\log q(x) dx")
    assert check_statuses(text) == [Status.PROVED]


@pytest.mark.parametrize("step", [
    "\\int p(x) \\log p(x) dx + \\int p(x) \\log q(x) dx",  # sign
    "\\int q(x) \\log \\frac{q(x)}{p(x)} dx",  # swapped KL arguments
    "2 \\int p(x) \\log \\frac{p(x)}{q(x)} dx",  # factor
    "\\int p(x) \\log \\frac{q(x)}{p(x)} dx",  # swapped ratio
])
def test_broken_forms_of_the_divergence_are_never_proved(step):
    assert Status.PROVED not in check_statuses(_document(DEFINITION, "D_{KL}(P\\|Q)", step))


def test_the_swapped_divergence_is_not_the_divergence():
    text = _document(DEFINITION, "D_{KL}(Q\\|P)", "\\int p(x) \\log\\frac{p(x)}{q(x)} dx")
    assert Status.PROVED not in check_statuses(text)


@pytest.mark.parametrize("premise", [
    "D_{KL}(P\\|Q) = \\int p(x) \\frac{p(x)}{q(x)} dx",  # no log: not the definition
    "D_{KL}(P\\|Q) = \\int p(x) \\log q(x) dx",  # a cross entropy, not the divergence
])
def test_a_premise_that_is_not_the_definition_ties_nothing(premise):
    document = read_document(_document(premise, "D_{KL}(P\\|Q)", "\\int p(x) \\log\\frac{p(x)}{q(x)} dx"))
    assert not any(isinstance(a, Density) for a in document.chains[0].start.args)


def test_without_a_premise_the_letters_say_nothing():
    document = read_document("$$ D_{KL}(P\\|Q) = \\int p(x) \\log\\frac{p(x)}{q(x)} dx $$\n")
    assert not any(isinstance(a, Density) for a in document.chains[0].start.args)


# a function a premise defines as the KL divergence ------------------------------------------

_DIVERGENCE = "Assume:\n\n- $\\mathcal{D}(P||Q) = E_{x\\sim P}[\\log P(x) - \\log Q(x)]$\n\nThen:\n\n"


def _divergence_chain(step: str, premise: str = _DIVERGENCE) -> str:
    return premise + f"$$ \\mathcal{{D}}[Q(z|X) \\| P(z | X)] $$\n\n$$ = {step} $$\n"


def test_a_function_the_premises_define_as_kl_is_the_kl_divergence():
    step = "\\int Q(z|X) \\log \\frac{Q(z|X)}{P(z|X)} dz"
    assert check_statuses(_divergence_chain(step)) == [Status.PROVED]


@pytest.mark.parametrize("step", [
    "\\int P(z|X) \\log \\frac{P(z|X)}{Q(z|X)} dz",  # swapped arguments
    "\\int Q(z|X) \\log \\frac{P(z|X)}{Q(z|X)} dz",  # sign
])
def test_broken_divergences_are_never_proved(step):
    assert Status.PROVED not in check_statuses(_divergence_chain(step))


def test_a_premise_that_is_not_the_kl_definition_defines_no_divergence():
    premise = _DIVERGENCE.replace("\\log P(x) - \\log Q(x)", "\\log Q(x) - \\log P(x)")
    step = "\\int Q(z|X) \\log \\frac{Q(z|X)}{P(z|X)} dz"
    assert Status.PROVED not in check_statuses(_divergence_chain(step, premise))
