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


# a capital the premises order is a number: it commutes, and its sign follows through the chain
BOUNDED = "Assume:\n\n- $\\kappa = L/\\mu$\n- $0 < \\mu \\leq L$\n- $T \\geq 1$\n\nThen:\n\n"


def test_capitals_the_premises_bound_commute():
    text = BOUNDED + "$$\\frac{64\\kappa^2 L}{T}\\cdot\\tfrac{L}{4\\kappa} = \\frac{16\\kappa L^2}{T}$$\n"
    assert check_statuses(text) == [Status.PROVED]


def test_a_sign_follows_through_an_order_chain():
    from verify.parsing import read_document

    context = read_document(BOUNDED + "$$L + \\mu = \\mu + L$$\n").context
    assert next(s for s in context.symbols if getattr(s, "name", "") == "L").is_positive


@pytest.mark.parametrize("wrong", [r"\frac{16\kappa L}{T}", r"\frac{16 L^2}{T}"])
def test_a_wrong_step_about_bounded_capitals_is_refuted(wrong):
    text = BOUNDED + f"$$\\frac{{64\\kappa^2 L}}{{T}}\\cdot\\tfrac{{L}}{{4\\kappa}} = {wrong}$$\n"
    assert check_statuses(text) == [Status.REFUTED]


# a premise writing the product of two vectors as a sum of their entries defines that product
DOT = ("Assume:\n\n- $\\mathbf{q} \\cdot \\mathbf{k} = \\sum_{i=1}^{d_k} q_i \\times k_i$\n"
       "- $E[q_i] = E[k_i] = 0$ and the components are independent.\n\nThen:\n\n")


def test_the_mean_of_a_dot_product_defined_by_its_entries_is_proved():
    assert check_statuses(DOT + "$$E[\\mathbf{q} \\cdot \\mathbf{k}] = E\\left[\\sum_{i=1}^{d_k} q_i k_i\\right]$$\n") \
        == [Status.PROVED]


@pytest.mark.parametrize("wrong", [r"E\left[\sum_{i=1}^{d_k} q_i^2\right]", r"d_k E[q_1 k_1] + 1"])
def test_a_wrong_mean_of_the_defined_dot_product_is_never_proved(wrong):
    assert Status.PROVED not in check_statuses(DOT + f"$$E[\\mathbf{{q}} \\cdot \\mathbf{{k}}] = {wrong}$$\n")


def test_an_unused_equation_a_free_name_can_satisfy_lets_refutations_stand():
    """``y^3 + y = x``: for every x some real y meets it, so a counterexample about x alone stands."""
    text = "Assume:\n\n- $y^3 + y = x$\n\nThen:\n\n$$x + x = 3x$$\n"
    assert check_statuses(text) == [Status.REFUTED]


def test_an_unused_equation_that_bounds_a_name_keeps_its_refutations_off():
    """``x^2 + y^2 = 1`` bounds x: a counterexample at x = 2 is one it excludes."""
    text = "Assume:\n\n- $x^2 + y^2 = 1$\n\nThen:\n\n$$x^2 + x = x^2 + 2x$$\n"
    assert check_statuses(text) == [Status.UNKNOWN]


def test_a_summation_index_of_a_set_aside_premise_is_no_value():
    text = ("Assume:\n\n- $q$ is a distribution over $n$ values, so $\\sum_{z=1}^{n} q_z = 1$.\n\nThen:\n\n"
            "$$z + z = 3z$$\n")
    assert check_statuses(text) == [Status.REFUTED]


def test_two_unused_equations_sharing_their_free_name_guard_together():
    """``x = (y_k + 2)/2`` alone is met by some x whatever y_k is, but with ``y_{k+1} = x`` beside it the
    two tie y_{k+1} to y_k: no refutation about them may rest on either."""
    text = ("Assume:\n\n- Minimizing over $x$ gives $x^{(k)} = \\frac12(y^{(k)} + 2)$.\n"
            "- Minimizing over $y$ gives $y^{(k+1)} = x^{(k)}$.\n\nThen:\n\n$$y^{(k+1)} - 2 = \\frac12(y^{(k)} - 2)$$\n")
    assert check_statuses(text) == [Status.UNKNOWN]


def test_a_premise_inequality_filters_the_draws():
    """An order premise is a stated relation: a draw that violates it refutes nothing."""
    text = ("Assume:\n\n- $\\frac{3}{8} s \\leq \\frac{17}{16} a - b$\n\nThen:\n\n"
            "$$s \\leq \\frac{17}{6} a - \\frac{8}{3} b$$\n")
    assert Status.REFUTED not in check_statuses(text)


def test_a_conditional_the_premises_write_by_its_joint_is_a_fact():
    text = ("Assume:\n\n- $p(z|x) = p(x, z) / p(x)$\n\nThen:\n\n"
            "$$\\mathbb{E}_{q(z|x)}[\\log q(z|x) - \\log p(z|x)] = "
            "\\mathbb{E}_{q(z|x)}[\\log q(z|x) - \\log p(x, z)] + \\log p(x)$$\n")
    assert check_statuses(text) == [Status.PROVED]


def test_a_wrong_step_under_a_conditional_written_by_its_joint_is_refuted():
    text = ("Assume:\n\n- $p(z|x) = p(x, z) / p(x)$\n\nThen:\n\n"
            "$$\\mathbb{E}_{q(z|x)}[\\log q(z|x) - \\log p(z|x)] = "
            "\\mathbb{E}_{q(z|x)}[\\log q(z|x) - \\log p(x, z)] - \\log p(x)$$\n")
    assert check_statuses(text) == [Status.REFUTED]


def test_an_unused_equation_over_the_complex_numbers_is_absorbed_by_its_free_root():
    """``\\lambda^2 - (1 - 2i\\eta)\\lambda - i\\eta = 0`` has a root lambda for every eta: a wrong claim about eta
    alone is still refuted."""
    text = ("Assume:\n\n- $i$ is the imaginary unit.\n- $\\lambda^2 - (1-2i\\eta)\\lambda - i\\eta = 0$\n\nThen:\n\n"
            "$$(1 - 2i\\eta)^2 + 4i\\eta = 1 + 4\\eta^2$$\n")
    assert check_statuses(text) == [Status.REFUTED]
