"""A premise giving the value of a compound quantity (a lemma the document assumes) is a stated
relation: never checked, and a numeric instance that violates it refutes nothing. A step holding that
quantity is decided with the stated value in its place (premises are true by assumption)."""
import pytest

from verify.engine.checker import check_derivation
from verify.parsing import read_document
from verify.verdict import Status

LEMMA = "Assume: $\\int q(z) \\log q(z) dz = -\\frac{1}{2} \\log(2 \\pi e s^2)$.\n\n"


def _relations(text: str) -> list[str]:
    return [str(r) for r in read_document(text).context.relations]


def _statuses(text: str) -> list[Status]:
    return [r.verdict.status for r in check_derivation(read_document(text).derivation()).results]


def test_a_stated_integral_is_a_stated_relation():
    assert any(r.startswith("Eq(Integral(") for r in _relations(LEMMA + "$$a = a$$\n"))


def test_a_stated_integral_is_no_fact_that_proves():
    assert not any(f.name.startswith("stated") for f in read_document(LEMMA + "$$a = a$$\n").context.facts)


def test_a_step_that_follows_from_the_lemma_is_proved_with_it():
    text = LEMMA + "$$2 \\int q(z) \\log q(z) dz = -\\log(2 \\pi e s^2)$$\n"
    assert _statuses(text) == [Status.PROVED]


def test_a_proof_from_the_lemma_says_it_used_the_premise():
    text = LEMMA + "$$2 \\int q(z) \\log q(z) dz = -\\log(2 \\pi e s^2)$$\n"
    verdict = check_derivation(read_document(text).derivation()).results[0].verdict
    assert "stated premise" in [r.name for r in verdict.used] and "int q(z) log(q(z)) dz" in verdict.reason


TWO_LEMMAS = ("Assume:\n\n- $\\int p(x) \\log p(x) dx = -\\frac{1}{2} (1 + \\log 2 \\pi a^2)$\n"
              "- $-\\int p(x) \\log q(x) dx = \\frac{1}{2} \\log (2 \\pi b^2) + \\frac{a^2 + m^2}{2 b^2}$\n\nThen:\n\n"
              "$$\\int p(x) \\log p(x) dx - \\int p(x) \\log q(x) dx = RIGHT$$\n")
RIGHT = "\\frac{1}{2} \\log (2 \\pi b^2) + \\frac{a^2 + m^2}{2 b^2} - \\frac{1}{2} (1 + \\log 2 \\pi a^2)"


def test_a_step_combining_two_lemmas_and_a_negated_one_is_proved():
    assert _statuses(TWO_LEMMAS.replace("RIGHT", RIGHT)) == [Status.PROVED]


@pytest.mark.parametrize("wrong", [
    RIGHT.replace("- \\frac{1}{2} (1", "+ \\frac{1}{2} (1"),       # sign
    RIGHT.replace("{2 b^2}", "{b^2}"),                             # dropped factor
    RIGHT.replace("a^2 + m^2", "a^2 - m^2"),                       # sign inside
])
def test_a_step_that_misuses_two_lemmas_is_refuted(wrong):
    assert _statuses(TWO_LEMMAS.replace("RIGHT", wrong)) == [Status.REFUTED]


def test_a_lemma_about_another_integral_is_not_used():
    text = LEMMA + "$$2 \\int q(z) \\log p(z) dz = -\\log(2 \\pi e s^2)$$\n"
    assert Status.PROVED not in _statuses(text)


def test_a_lemma_about_another_density_is_not_used():
    text = LEMMA + "$$2 \\int r(z) \\log r(z) dz = -\\log(2 \\pi e s^2)$$\n"
    assert Status.PROVED not in _statuses(text)


def test_an_inequality_premise_gives_no_value():
    text = "Assume: $\\int q(z) \\log q(z) dz \\le 0$.\n\n$$\\int q(z) \\log q(z) dz = 0$$\n"
    assert Status.PROVED not in _statuses(text)


def test_a_step_left_with_an_open_density_is_not_refuted_through_the_lemma():
    """The lemma gives one integral; the other, of a density the numbers would draw freely, stays open."""
    text = LEMMA + "$$\\int q(z) (\\log q(z) - \\log p(z)) dz = -\\frac{1}{2} \\log(2 \\pi e s^2)$$\n"
    assert Status.REFUTED not in _statuses(text)


def test_a_step_that_misuses_the_lemma_is_not_proved():
    text = LEMMA + "$$2 \\int q(z) \\log q(z) dz = \\log(2 \\pi e s^2)$$\n"
    assert Status.PROVED not in _statuses(text)


def test_a_result_stated_as_a_claim_is_no_premise():
    text = "Then $\\int q(z) \\log q(z) dz = 0$.\n\n$$a = a$$\n"
    assert not any(r.startswith("Eq(") for r in _relations(text))


def test_a_law_given_to_a_density_is_no_stated_result():
    text = "Assume $p(z) = \\mathcal{N}(0, 1)$.\n\n$$\\int p(z) dz = 1$$\n"
    assert not any(r.startswith("Eq(") for r in _relations(text))


def test_the_reason_names_the_premise_no_instance_satisfied():
    text = LEMMA + "$$\\int q(z) \\log q(z) dz + \\int q(z) \\log p(z) dz = -\\log(2 \\pi e s^2)$$\n"
    reason = check_derivation(read_document(text).derivation()).results[0].verdict.reason
    assert "no instance drawn satisfies the stated premises" in reason and "int q(z) log(q(z)) dz" in reason


ONE_HOT = "Assume:\n\n- $\\sum_{i=1}^{n} y_i = 1$ because $y$ is one-hot.\n\nThen\n\n"


def test_a_stated_sum_of_data_is_a_fact_the_checker_uses():
    assert _statuses(ONE_HOT + "$$\\sum_{i=1}^{n} y_i p = p$$\n") == [Status.PROVED]


def test_a_step_that_misuses_a_stated_sum_is_not_proved():
    for wrong in ("$$\\sum_{i=1}^{n} y_i p = -p$$\n", "$$\\sum_{i=1}^{n} y_i p = 2 p$$\n",
                  "$$\\sum_{i=1}^{n-1} y_i p = p$$\n"):
        assert Status.PROVED not in _statuses(ONE_HOT + wrong), wrong


FUNCTIONAL = ("Assume:\n\n- $\\mathcal{D}[Q(z|X) \\| P(z | X)] = \\mathcal{D}(Q(z|X)||P(z))-E_{z \\sim Q}[\\log P(X | z)]"
              "+\\log P(X)$\n\nThen:\n\n$$\\log P(X)-\\mathcal{D}[Q(z|X) \\| P(z | X)] = RIGHT$$\n")


def test_a_premise_giving_an_undefined_functional_of_laws_is_used():
    """\\mathcal{D} is no known divergence: the step follows from the premise whatever it means."""
    right = "E_{z \\sim Q}[\\log P(X | z)]-\\mathcal{D}[Q(z|X) \\| P(z)]"
    assert _statuses(FUNCTIONAL.replace("RIGHT", right)) == [Status.PROVED]


@pytest.mark.parametrize("wrong", [
    "E_{z \\sim Q}[\\log P(X | z)]+\\mathcal{D}[Q(z|X) \\| P(z)]",
    "E_{z \\sim Q}[\\log P(z | X)]-\\mathcal{D}[Q(z|X) \\| P(z)]",
    "E_{z \\sim Q}[\\log P(X | z)]-\\mathcal{D}[P(z) \\| Q(z|X)]",
])
def test_a_step_that_misuses_a_premised_functional_is_not_proved(wrong):
    assert Status.PROVED not in _statuses(FUNCTIONAL.replace("RIGHT", wrong))
