"""Definitions in a document are facts: later steps may use them and are checked under them."""
import pytest
from sympy import Symbol

from tests.documents import check_statuses
from verify.parsing import read_document
from verify.verdict import Status

GDA = """$$p_{t+1} = p_t - \\eta q_t$$

$$q_{t+1} = q_t + \\eta p_t$$

$$p_{t+1}^2 + q_{t+1}^2 = (p_t - \\eta q_t)^2 + (q_t + \\eta p_t)^2$$
"""


def test_a_lone_definition_becomes_a_fact_of_the_context():
    document = read_document("Let $$y = x^2 + 1$$ Then $$y - 1 = x^2$$")
    fact = document.context.facts[-1]
    assert (fact.lhs, fact.rhs) == (Symbol("y", real=True), Symbol("x", real=True) ** 2 + 1)


def test_a_step_using_a_definition_is_proved():
    assert check_statuses("Let $$y = x^2 + 1$$ Then $$y - 1 = x^2$$") == [Status.PROVED]


def test_a_step_contradicting_a_definition_is_not_proved():
    assert check_statuses("Let $$y = x^2 + 1$$ Then $$y = x^2$$")[0] is not Status.PROVED


def test_subscripted_names_defined_by_an_update_rule_are_substituted():
    assert check_statuses(GDA) == [Status.PROVED]


def test_a_name_defined_once_is_not_redefined_by_a_later_chain():
    document = read_document("$$y = x + 1$$\n\n$$y = 1 + x$$")
    assert len(document.definitions) == 1 and len(document.chains) == 1


def test_a_function_definition_starts_its_chain_but_is_no_fact():
    document = read_document("$$L(q) = a + a = 2a$$")
    assert not document.context.facts and len(document.definitions) == 1


def test_a_name_integrated_elsewhere_in_the_document_is_not_a_fact():
    document = read_document("$$z = \\sum_{i=1}^m v_i$$\n\n$$\\int q(z|x) dz = 1$$")
    assert document.definitions and not [f for f in document.context.facts if f.name.startswith("definition")]


def test_a_value_solved_for_is_an_equation_not_a_definition():
    text = "$$2x - 2 = 0$$ so $$x = 1$$ Elsewhere $$x^2 - 2x = x^3 - 2x^2$$"
    assert read_document(text).definitions == ()
    assert Status.PROVED not in check_statuses(text)


def test_a_name_used_in_an_earlier_chain_is_not_defined():
    document = read_document("$$x^2 - 1 = (x - 1)(x + 1)$$ Now $$x = y + 1$$")
    assert document.definitions == ()


def test_a_function_at_a_number_is_checked_not_defined():
    document = read_document("$$f(x) = x^2$$ Then $$f(2) = 5$$")
    assert [str(lhs) for lhs, _ in document.definitions] == ["f(x)"]
    assert len(document.chains) == 1


def test_a_derivative_name_is_never_defined():
    assert read_document("$$f'(x) = 3x$$").definitions == ()


def test_a_gradient_is_never_defined():
    assert read_document("$$\\nabla_x (x^2 y) = 2 x y + 1$$").definitions == ()


def test_a_function_already_defined_is_not_defined_again_at_another_point():
    document = read_document("$$\\sigma(z) = \\frac{1}{1+e^{-z}}$$ so $$\\sigma(0) = 1 + z$$")
    assert len(document.definitions) == 1


def test_a_family_already_defined_is_not_defined_again():
    text = "$$p_{t+1} = p_t - \\eta g_t$$ Two steps: $$p_{t+2} = p_t - 2 \\eta g_t$$"
    assert len(read_document(text).definitions) == 1
    # checked, not defined; p_{t+2} belongs to the recurrence, so a free value for it would
    # refute the true unrolled step as readily as this wrong one: unknown, never proved
    assert check_statuses(text) == [Status.UNKNOWN]


RESTATED = "Assume:\n\n- $l(\\theta) = \\log L(\\theta)$\n\nThen:\n\n$${claim}$$\n"


def restated_statuses(claim: str) -> list:
    return check_statuses(RESTATED.replace("{claim}", claim))


def test_a_display_restating_a_premise_function_is_a_claim_checked_against_it():
    """The premise gives l(theta) its value; the display saying it again is a step, not a new definition."""
    assert restated_statuses(r"l(\theta) = \log L(\theta)") == [Status.PROVED]


@pytest.mark.parametrize("claim", [r"l(\theta) = -\log L(\theta)", r"l(\theta) = \log 2 L(\theta)",
                                   r"l(\theta) = L(\theta)", r"l(\theta) = \log L(2\theta)"])
def test_a_wrong_restatement_of_a_premise_function_is_never_proved(claim):
    assert Status.PROVED not in restated_statuses(claim)


def test_a_premise_function_value_holds_only_at_its_own_arguments():
    """``l(\\theta) = \\log L(\\theta)`` says nothing of l(2): no step about l(2) is proved from it."""
    assert Status.PROVED not in restated_statuses(r"l(2) = \log L(2)")
