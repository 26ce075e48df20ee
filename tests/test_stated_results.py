"""A premise giving the value of a compound quantity (a lemma the document assumes) is a stated
relation: never checked, never a proof, and a numeric instance that violates it refutes nothing."""
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


def test_a_step_that_follows_from_the_lemma_is_not_refuted_by_an_instance_violating_it():
    text = LEMMA + "$$2 \\int q(z) \\log q(z) dz = -\\log(2 \\pi e s^2)$$\n"
    assert _statuses(text) == [Status.UNKNOWN]


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
    text = LEMMA + "$$2 \\int q(z) \\log q(z) dz = -\\log(2 \\pi e s^2)$$\n"
    reason = check_derivation(read_document(text).derivation()).results[0].verdict.reason
    assert "no instance drawn satisfies the stated premises" in reason and "int q(z) log(q(z)) dz" in reason


ONE_HOT = "Assume:\n\n- $\\sum_{i=1}^{n} y_i = 1$ because $y$ is one-hot.\n\nThen\n\n"


def test_a_stated_sum_of_data_is_a_fact_the_checker_uses():
    assert _statuses(ONE_HOT + "$$\\sum_{i=1}^{n} y_i p = p$$\n") == [Status.PROVED]


def test_a_step_that_misuses_a_stated_sum_is_not_proved():
    for wrong in ("$$\\sum_{i=1}^{n} y_i p = -p$$\n", "$$\\sum_{i=1}^{n} y_i p = 2 p$$\n",
                  "$$\\sum_{i=1}^{n-1} y_i p = p$$\n"):
        assert Status.PROVED not in _statuses(ONE_HOT + wrong), wrong
