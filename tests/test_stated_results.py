"""A premise that gives the value of a compound quantity is a fact the checker uses (issue 9 §3)."""
from verify.engine.checker import check_derivation
from verify.parsing import read_document
from verify.verdict import Status

RESULT = "Assume: $\\int q(z) \\log q(z) dz = -\\frac{1}{2} \\log(2 \\pi e s^2)$.\n\n"


def _facts(text: str) -> list[str]:
    return [f.name for f in read_document(text).context.facts]


def _statuses(text: str) -> list[Status]:
    return [r.verdict.status for r in check_derivation(read_document(text).derivation()).results]


def test_a_stated_integral_is_a_fact():
    assert any(name.startswith("stated: \\int q(z)") for name in _facts(RESULT + "$$a = a$$\n"))


def test_a_stated_result_is_used_where_its_quantity_occurs():
    text = RESULT + "$$2 \\int q(z) \\log q(z) dz = -\\log(2 \\pi e s^2)$$\n"
    assert _statuses(text) == [Status.PROVED]


def test_a_step_that_misuses_a_stated_result_is_not_proved():
    text = RESULT + "$$2 \\int q(z) \\log q(z) dz = \\log(2 \\pi e s^2)$$\n"
    assert Status.PROVED not in _statuses(text)


def test_a_result_stated_as_a_claim_is_no_fact():
    text = "Then $\\int q(z) \\log q(z) dz = 0$.\n\n$$a = a$$\n"
    assert not any(name.startswith("stated:") for name in _facts(text))


def test_a_law_given_to_a_density_is_no_rewrite():
    text = "Assume $p(z) = \\mathcal{N}(0, 1)$.\n\n$$\\int p(z) dz = 1$$\n"
    assert not any(name.startswith("stated:") for name in _facts(text))
