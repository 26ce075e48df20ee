"""A normal law whose second parameter may be a variance or a standard deviation (``N(mu, s)`` with
``s^2`` written too) is left out, and both readings go to the context: either may stop a refutation
that rests on the law being left open; neither proves."""
from verify.parsing import read_document
from verify.verdict import Status

from tests.documents import check_statuses

PREMISE = "Assume $p(x) = \\mathcal{N}(\\mu_1, \\sigma_1)$.\n\n"
MOMENTS = "$$\\int p(x) x^2 dx - 2 \\mu_2 \\int p(x) x dx + \\mu_2^2$$\n"


def _readings(text: str):
    return [r.says for r in read_document(text).derivation().context.readings]


def test_both_parametrisations_are_readings_of_the_context():
    says = _readings(PREMISE + MOMENTS + "$$= \\sigma_1^2 + (\\mu_1 - \\mu_2)^2$$\n")
    assert len(says) == 2 and any("variance" in s for s in says) and any("standard deviation" in s for s in says)


def test_a_law_written_once_gives_no_readings():
    assert _readings(PREMISE + MOMENTS + "$$= \\sigma_1 + (\\mu_1 - \\mu_2)^2$$\n") == []


def test_a_step_right_when_the_scale_is_a_standard_deviation_is_not_refuted():
    assert check_statuses(PREMISE + MOMENTS + "$$= \\sigma_1^2 + \\mu_1^2 - 2 \\mu_1 \\mu_2 + \\mu_2^2$$\n") \
        != [Status.REFUTED]


def test_a_step_right_when_the_scale_is_a_variance_is_not_refuted():
    assert check_statuses(PREMISE + MOMENTS + "$$= \\sigma_1 + \\mu_1^2 - 2 \\mu_1 \\mu_2 + \\mu_2^2$$\n"
                          "$$\\sigma_1^2 = \\sigma_1^2$$\n")[0] is not Status.REFUTED


def test_no_reading_proves_a_step_wrong_in_both():
    assert Status.PROVED not in check_statuses(
        PREMISE + MOMENTS + "$$= \\sigma_1^2 + \\sigma_1 + \\mu_1^2 - 2 \\mu_1 \\mu_2 + \\mu_2^2$$\n")
