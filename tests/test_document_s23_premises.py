"""Premises read in session 23 (issue 10 section 2): a density the premises tie to other densities by a
formula (``p(z|x) = p_\\theta(x,z)/p_\\theta(x)``, the posterior of a named model) is a fact, as Bayes' rule
is. Dropped, draws of independent laws refuted the evidence decomposition that rests on the tie."""
from __future__ import annotations

import pytest

from verify.verdict import Status
from tests.documents import check_statuses

TIED = ("Assume:\n\n"
        "- $\\mathcal{L}(p_\\theta,q_\\phi) = \\mathbb{E}_{q_\\phi(z|x)} \\left[ \\log p_\\theta(x,z) - \\log q_\\phi(z|x) "
        "\\right]$\n"
        "- The posterior $p(z|x)$ is the posterior of the model $p_\\theta$: $p(z|x) = p_\\theta(x,z)/p_\\theta(x)$.\n\n"
        "Then:\n\n")


def test_the_evidence_decomposition_under_a_tied_posterior_is_proved():
    text = TIED + "$$\\log p_\\theta(x) = KL(q_\\phi(z|x) || p(z|x)) + \\mathcal{L}(p_\\theta,q_\\phi)$$\n"
    assert check_statuses(text) == [Status.PROVED]


@pytest.mark.parametrize("wrong", [
    r"KL(q_\phi(z|x) || p(z|x)) - \mathcal{L}(p_\theta,q_\phi)",
    r"KL(p(z|x) || q_\phi(z|x)) + \mathcal{L}(p_\theta,q_\phi)",
    r"KL(q_\phi(z|x) || p(z|x))",
])
def test_a_broken_decomposition_under_a_tied_posterior_is_never_proved(wrong):
    assert Status.PROVED not in check_statuses(TIED + f"$$\\log p_\\theta(x) = {wrong}$$\n")


def test_a_density_given_a_normal_law_is_left_to_the_law_reader():
    """``p(z) = \\mathcal{N}(0, 1)`` states a law, not a tie: it is no such fact."""
    from verify.parsing import read_document
    from verify.vocabulary import Normal

    document = read_document("Assume:\n\n- $p(z) = \\mathcal{N}(0, 1)$\n\nThen:\n\n$$\\int p(z) dz = 1$$\n")
    assert not any(str(f.lhs) == "p(z)" and f.rhs.has(Normal) for f in document.context.facts)


# a premise equation that defines no name is a fact (solved) or a stated relation, never dropped
SIMPLEX = "Assume:\n\n- The row player plays $x = (x_1, x_2)$.\n- $x_1 + x_2 = 1$\n\nThen:\n\n"


def test_a_linear_premise_equation_is_solved_and_used():
    assert check_statuses(SIMPLEX + "$$x_1 - x_2 = 2x_1 - 1$$\n") == [Status.PROVED]


@pytest.mark.parametrize("wrong", ["2x_1 + 1", "x_1 - 1", "1 - 2x_1"])
def test_a_wrong_step_under_a_linear_premise_equation_is_refuted(wrong):
    assert check_statuses(SIMPLEX + f"$$x_1 - x_2 = {wrong}$$\n") == [Status.REFUTED]


def test_an_indifference_condition_fixes_the_mixed_strategy():
    text = "Assume:\n\n- $0 < x < 1$\n- $2x = x + 3(1-x)$\n\nThen:\n\n$$x = 3/4$$\n"
    assert check_statuses(text) == [Status.PROVED]


def test_a_nonlinear_premise_equation_keeps_draws_from_refuting():
    """``x^2 + y^2 = 1`` solves for no name to the first power: a stated relation, which a draw off the
    circle does not meet, so it refutes nothing; the step is never refuted."""
    text = "Assume:\n\n- $x^2 + y^2 = 1$\n\nThen:\n\n$$x^4 + 2x^2 y^2 + y^4 = 1$$\n"
    assert Status.REFUTED not in check_statuses(text)


# a consequence stated inside a premise list is neither assumed nor checked, and carries no refutation
def test_a_step_resting_on_a_consequence_in_the_premises_is_never_refuted():
    text = ("Assume:\n\n- Minimizing over $x$ for given $y$ gives $x = \\frac12(y + 2)$.\n\n"
            "Then:\n\n$$x - 2 = \\frac12 (y - 2)$$\n")
    assert check_statuses(text) == [Status.UNKNOWN]


def test_a_step_about_other_names_is_still_refuted():
    text = ("Assume:\n\n- Minimizing over $x$ for given $y$ gives $x = \\frac12(y + 2)$.\n\n"
            "Then:\n\n$$a + a = 3a$$\n")
    assert check_statuses(text) == [Status.REFUTED]
