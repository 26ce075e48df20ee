"""Laws written ``p(x) = N(m, v)`` or ``P(x) \\sim N(m, v)``: the second parameter is the variance,
unless the prose calls it a standard deviation; a bare name the document also squares is refused."""
import pytest

from tests.documents import check_statuses
from verify.parsing import read_document as read
from verify.verdict import Status

KL_SD = ("\\log \\frac{\\sigma_2}{\\sigma_1} - \\frac{1}{2} + "
         "\\frac{\\sigma_1^2 + (\\mu_1 - \\mu_2)^2}{2 \\sigma_2^2}")  # the closed form for standard deviations
KL_VAR = ("\\frac{1}{2} \\log \\frac{v_2}{v_1} - \\frac{1}{2} + \\frac{v_1 + (\\mu_1 - \\mu_2)^2}{2 v_2}")


def _doc(premises: list[str], start: str, step: str) -> str:
    listed = "".join(f"- {p}\n" for p in premises)
    return f"Assume:\n\n{listed}\nThen:\n\n$$ {start} $$\n\n$$ = {step} $$\n"


VARIANCES = ["$p(x) = \\mathcal{N}(\\mu_1, v_1)$", "$q(x) = \\mathcal{N}(\\mu_2, v_2)$"]
SIMS = ["$P(x) \\sim \\mathcal{N}(\\mu_1, v_1)$", "$Q(x) \\sim \\mathcal{N}(\\mu_2, v_2)$"]


@pytest.mark.parametrize("premises, start", [(VARIANCES, "KL(p, q)"), (SIMS, "D_{KL}(P, Q)")])
def test_the_second_parameter_is_the_variance(premises, start):
    assert check_statuses(_doc(premises, start, KL_VAR)) == [Status.PROVED]


@pytest.mark.parametrize("step", [
    KL_VAR.replace("\\frac{1}{2} \\log", "\\log"),  # factor
    KL_VAR.replace("- \\frac{1}{2} +", "+ \\frac{1}{2} +"),  # sign
    KL_VAR.replace("\\frac{v_2}{v_1}", "\\frac{v_1}{v_2}"),  # swapped ratio
    KL_VAR.replace("2 v_2}", "2 v_1}"),  # swapped arguments in the quadratic term
])
def test_broken_closed_forms_are_refuted(step):
    assert check_statuses(_doc(VARIANCES, "KL(p, q)", step)) == [Status.REFUTED]


def test_expectations_under_a_written_law_use_the_variance():
    assert check_statuses(_doc(VARIANCES, "E_{p}[x^2]", "\\mu_1^2 + v_1")) == [Status.PROVED]
    assert check_statuses(_doc(VARIANCES, "E_{p}[x^2]", "\\mu_1^2 - v_1")) == [Status.REFUTED]


def test_prose_calling_the_parameter_a_standard_deviation_makes_its_square_the_variance():
    premises = ["$P(x) \\sim \\mathcal{N}(\\mu_1, \\sigma_1)$", "$Q(x) \\sim \\mathcal{N}(\\mu_2, \\sigma_2)$",
                "Here $\\sigma_1$ and $\\sigma_2$ are standard deviations."]
    assert check_statuses(_doc(premises, "D_{KL}(P, Q)", KL_SD)) == [Status.PROVED]


def test_a_bare_parameter_the_document_also_squares_is_refused_with_a_note():
    premises = ["$P(x) \\sim \\mathcal{N}(\\mu_1, \\sigma_1)$", "$Q(x) \\sim \\mathcal{N}(\\mu_2, \\sigma_2)$"]
    text = _doc(premises, "D_{KL}(P, Q)", KL_SD)
    assert Status.PROVED not in check_statuses(text)
    assert any("standard deviation" in note and "sigma_1" in note for note in read(text).context.notes)
