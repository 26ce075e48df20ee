r"""``\mathbb{E}_q[f]`` with the law named bare, after the document writes the density out (``q(z)``): the
expectation under q(z). A q written of two different variables names no one law, and ``E_q`` stays
undefined. A display ``E_q[f] = g`` is then a claim to
check, never a definition of a function called E_q."""
from __future__ import annotations

from verify.parsing import read_document
from verify.verdict import Status
from tests.documents import check_statuses

JENSEN = (
    "Let $q(z) > 0$ be a density over $z$.\n\n"
    "$$\\log \\int p(x, z) \\frac{q(z)}{q(z)} \\, dz = \\log \\mathbb{E}_{q} \\left[ \\frac{p(x, z)}{{rhs}} \\right]$$\n"
)


def test_an_expectation_under_a_bare_density_name_is_the_expectation_under_its_density():
    assert check_statuses(JENSEN.replace("{rhs}", "q(z)")) == [Status.PROVED]


def test_a_wrong_ratio_under_a_bare_density_name_is_refuted():
    assert check_statuses(JENSEN.replace("{rhs}", "q(z)^2")) == [Status.REFUTED]


def test_the_report_says_which_law_the_bare_name_was_read_as():
    notes = read_document(JENSEN.replace("{rhs}", "q(z)")).context.notes
    assert any("q(z)" in note and "E_q" in note for note in notes)


def test_a_density_written_of_two_variables_names_no_law():
    text = ("Let $q(z) > 0$ and $q(w) > 0$.\n\n"
            "$$\\log \\int p(x, z) \\frac{q(z)}{q(z)} \\, dz = \\log \\mathbb{E}_{q} \\left[ \\frac{p(x, z)}{q(z)} \\right]$$\n")
    assert check_statuses(text) != [Status.PROVED]


def test_an_expectation_under_a_density_name_is_a_claim_not_a_definition():
    text = "Let $q(z) > 0$ be a density over $z$.\n\n$$\\mathbb{E}_{q}[z] = \\int z \\, q(z) \\, dz + 1$$\n"
    assert check_statuses(text) == [Status.REFUTED]
