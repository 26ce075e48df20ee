"""Expectations under a law known only by name (E_{z ~ Q}) are linear; named densities beyond p and q."""
import pytest
from sympy import Symbol, log

from tests.documents import check_statuses
from verify.model import Context
from verify.parsing import read_document
from verify.theories.probability.canonical import canonical
from verify.verdict import Status
from verify.vocabulary import Density, Expectation

Z, C = Symbol("z", real=True), Symbol("c", real=True)
Q = Symbol("Q")
CONTEXT = Context(symbols=(Z, C), theories=("probability", "algebra"))
BAYES_LINE = "$$ E_{z \\sim Q}[\\log q(z|x) - \\log p(x|z) - \\log p(z)] + \\log p(x) "
CAPITALS = "$$ E_{z \\sim Q}[\\log P(z|X)] + \\log P(X) = E_{z \\sim Q}[\\log P(z|X) + \\log P(X)] $$\n"


def test_a_constant_comes_out_of_an_expectation_under_a_named_law():
    form, _ = canonical(Expectation(C * log(Density("r", (Z,))) + 3, Q, Z), CONTEXT)
    assert form == C * Expectation(log(Density("r", (Z,))), Q, Z) + 3


def test_after_a_conditioning_bar_the_same_name_of_a_plain_variable_is_a_density():
    document = read_document(CAPITALS)
    assert any(isinstance(d, Density) and d.name == "P" and not d.given
               for d in document.chains[0].start.atoms(Density))


def test_splitting_a_log_ratio_under_a_named_law_is_proved():
    text = BAYES_LINE + "= E_{z \\sim Q}\\left[\\log \\frac{q(z|x)}{p(z)}\\right] - E_{z \\sim Q}[\\log p(x|z)] + \\log p(x) $$\n"
    assert check_statuses(text) == [Status.PROVED]


@pytest.mark.parametrize("step", [
    "E_{z \\sim Q}\\left[\\log \\frac{q(z|x)}{p(z)}\\right] + E_{z \\sim Q}[\\log p(x|z)] + \\log p(x)",  # sign
    "E_{z \\sim Q}\\left[\\log \\frac{p(z)}{q(z|x)}\\right] - E_{z \\sim Q}[\\log p(x|z)] + \\log p(x)",  # swapped
    "E_{z \\sim Q}\\left[\\log \\frac{q(z|x)}{p(z)}\\right] - E_{z \\sim Q}[\\log p(x|z)] + 2\\log p(x)",  # factor
    "E_{z \\sim Q}\\left[\\log \\frac{q(z|x)}{p(z)}\\right] - E_{z \\sim Q}[\\log p(x|z)]",  # dropped term
])
def test_broken_splits_under_a_named_law_are_never_proved(step):
    assert Status.PROVED not in check_statuses(BAYES_LINE + f"= {step} $$\n")


def test_without_evidence_a_capital_applied_to_a_variable_stays_a_function():
    document = read_document("$$ F(x) + F(x) = 2 F(x) $$\n")
    assert not document.chains[0].start.atoms(Density)


def test_the_prose_makes_a_density_only_of_the_name_the_word_is_said_of():
    from verify.parsing.premises import density_names

    names = density_names("The map $f(x)$ sends each sample to the distribution $Q(z)$.", [], [])
    assert "Q" in names and "f" not in names


def test_p_and_q_anywhere_in_a_density_sentence_stay_densities():
    from verify.parsing.premises import density_names

    names = density_names("Let $p$ be the density of $x$ and $q$ that of $y$.", [], [])
    assert {"p", "q"} <= set(names)
