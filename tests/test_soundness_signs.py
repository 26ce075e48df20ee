"""Sign: nothing is positive by its letter; positivity and densities come from what the document states.

Each wrong step holds only for a positive quantity; each is paired with the same step
in a document that states the premise (``\\eta > 0``, a density, a variance).
"""
import pytest

from tests.documents import check_statuses
from verify.parsing import read_document
from verify.vocabulary import Density
from verify.verdict import Status


def _densities(text: str) -> set[str]:
    document = read_document(text)
    return {d.name for c in document.chains for e in (c.start, *(s.expr for s in c.steps)) for d in e.atoms(Density)}


GAME = "The players' strategies $p(t)$ and $q(t)$ move in time.\n\n"


@pytest.mark.parametrize("text", [
    "$$\\sqrt{p(t)^2} = p(t)$$",
    GAME + "$$\\log(p(t) q(t)) = \\log p(t) + \\log q(t)$$",
    GAME + "$$\\sqrt{q(t)^2} = q(t)$$",
    "$$\\sqrt{\\eta^2} = \\eta$$",
    "$$\\sqrt{\\sigma^2} = \\sigma$$",
    "$$\\log(\\eta \\sigma) = \\log \\eta + \\log \\sigma$$",
    "Let the step size be $\\eta \\ge 0$.\n\n$$\\log(\\eta^2) = 2 \\log \\eta$$",
])
def test_a_step_that_holds_only_for_positive_quantities_is_not_proved_without_the_premise(text):
    assert Status.PROVED not in check_statuses(text)


@pytest.mark.parametrize("text", [
    "Let $p$ be the density of $x$ and $q$ that of $y$.\n\n$$\\log(p(x) q(y)) = \\log p(x) + \\log q(y)$$",
    "$$\\log(p(x|z) p(z)) = \\log p(x|z) + \\log p(z)$$",
    "Let $\\eta > 0$.\n\n$$\\sqrt{\\eta^2} = \\eta$$",
    "Let the step size be $0 < \\eta < 1$.\n\n$$\\sqrt{\\eta^2} = \\eta$$",
    "$$x \\sim \\mathcal{N}(0, \\sigma^2)$$\n\n$$\\sqrt{\\sigma^2} = \\sigma$$",
    "Let $\\sigma$ be the standard deviation of the noise.\n\n$$\\sqrt{\\sigma^2} = \\sigma$$",
])
def test_the_same_step_is_proved_when_the_document_states_the_premise(text):
    assert check_statuses(text) == [Status.PROVED]


def test_p_of_a_plain_variable_with_no_evidence_is_a_function_not_a_density():
    assert _densities("$$\\frac{d}{dt} p(t)^2 = 2 p(t)$$") == set()


@pytest.mark.parametrize("text", [
    "Let $z \\sim q$.\n\n$$\\log q(z)^2 = 2 \\log q(z)$$",
    "The prior is $p(z)$.\n\n$$\\log p(z)^2 = 2 \\log p(z)$$",
    "$$\\int q(z) \\log q(z) dz = \\int q(z) \\log q(z) dz$$",
    "$$\\log p(z) + \\log p(x|z) = \\log p(x|z) + \\log p(z)$$",
    "$$E_{q(z)}[\\log q(z)] = E_{q(z)}[\\log q(z)]$$",
])
def test_evidence_of_a_density_makes_p_and_q_densities(text):
    assert _densities(text) & {"p", "q"}


def test_a_displayed_bound_is_a_claim_to_check_not_a_premise():
    statuses = check_statuses("$$\\rho > 1$$\n\n$$\\sqrt{\\rho^2} = \\rho$$")
    assert statuses[0] is not Status.PROVED and statuses[1] is not Status.PROVED


def test_the_assumed_line_names_the_premise_that_made_a_name_positive():
    note = read_document("Let $\\eta > 0$.\n\n$$\\sqrt{\\eta^2} = \\eta$$").context.notes[-1]
    assert "eta positive" in note and "eta > 0" in note


def test_no_name_is_positive_by_its_letter():
    note = read_document("$$\\sqrt{\\eta^2} + \\sigma = |\\eta| + \\sigma$$").context.notes[-1]
    assert "positive" not in note


@pytest.mark.parametrize("text", ["Let $\\eta \\in (0, 1)$.\n\n$$\\sqrt{\\eta^2} = \\eta$$",
                                  "Let $\\eta \\in [0, 1)$.\n\n$$\\sqrt{\\eta^2} = \\eta$$",
                                  "Let $\\eta \\ge 0$.\n\n$$|\\eta| = \\eta$$"])
def test_an_interval_or_a_bound_at_zero_is_a_premise(text):
    assert check_statuses(text) == [Status.PROVED]


def test_a_closed_bound_at_zero_does_not_make_a_name_positive():
    assert Status.PROVED not in check_statuses("Let $\\eta \\in [0, 1)$.\n\n$$\\log \\eta^2 = 2 \\log \\eta$$")


def test_a_number_of_things_is_a_positive_integer_and_commutes():
    text = "Let $N$ be the number of samples and $M$ the number of features.\n\n$$N M = M N$$"
    assert check_statuses(text) == [Status.PROVED]
    assert "positive integer" in read_document(text).context.notes[-1]


def test_the_assumed_line_names_each_density_with_its_evidence():
    note = read_document("$$\\log(p(x|z) p(z)) = \\log p(x|z) + \\log p(z)$$").context.notes[-1]
    assert "p a density (a conditioning bar)" in note


def test_a_struck_out_premise_states_nothing():
    assert Status.PROVED not in check_statuses("~~Let $\\eta \\in (0, 1)$.~~\n\n$$\\sqrt{\\eta^2} = \\eta$$")
