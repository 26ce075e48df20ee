r"""A name the chain averages is never read as a constant just because the premises declare another one
random: ``Var[a X] = 7 a Var[X]`` beside a declared Y was proved as 0 = 0 (X and a read as constants)."""
import pytest

from tests.documents import check_statuses
from verify.verdict import Status

DECLARED_Y = "Assume: $Var[Y] = 1$.\n\n"


@pytest.mark.parametrize("start, claim", [("Var[a X]", "7 a Var[X]"), ("Var[a X]", "a Var[X]"),
                                          ("\\mathbb{E}[\\psi^2]", "\\psi^2"), ("Var[X]", "0")])
def test_an_average_of_undeclared_names_is_never_proved_by_reading_them_as_constants(start, claim):
    assert Status.PROVED not in check_statuses(f"{DECLARED_Y}$${start}$$\n$$= {claim}$$")


def test_the_scaling_rule_still_proves_once_the_variable_is_declared():
    document = "Let $X$ be a random variable with $Var(X) = 1$.\n\n$$Var[a X]$$\n$$= a^2 Var[X]$$"
    assert check_statuses(document) == [Status.PROVED]


def test_its_unsquared_mutant_is_refuted_once_the_variable_is_declared():
    document = "Let $X$ be a random variable with $Var(X) = 1$.\n\n$$Var[a X]$$\n$$= a Var[X]$$"
    assert check_statuses(document) == [Status.REFUTED]


def test_a_name_the_prose_calls_constant_stays_a_constant():
    document = ("Let $X$ be a random variable with $Var(X) = 1$. Let $c$ be a constant.\n\n"
                "$$\\mathbb{E}[c]$$\n$$= c$$")
    assert check_statuses(document) == [Status.PROVED]


COMA = ("Assume:\n\n- $g = \\psi_i^2$\n- $\\mathbb E[g] = p(1-p)$\n"
        "- $\\mathbb E[\\psi^4] = p(1-p)\\big[1 - 3p(1-p)\\big]$\n\nThen:\n\n$$\\mathrm{Var}(g) = {}$$\n")


def test_a_definition_makes_what_defines_a_random_variable_random():
    """g = psi_i^2 with g random: psi is random, so Var(g) is no constant's variance of 0."""
    assert Status.PROVED not in check_statuses(COMA.replace("{}", "0"))


def test_a_bare_name_beside_its_random_family_is_no_ground_for_a_refutation():
    """E[psi^4] may mean a generic entry psi_i (then the step holds) or another quantity: unknown."""
    assert check_statuses(COMA.replace("{}", "\\mathbb E[\\psi^4] - p^2(1-p)^2")) == [Status.UNKNOWN]
