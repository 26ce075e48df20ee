"""Where the concrete laws cannot evaluate a moment (a family of unknown length), the numeric tier
uses the value the premises give it, so a wrong scaling of a stated moment is refuted."""
import pytest

from tests.documents import check_statuses
from verify.verdict import Status

PREMISES = ("Assume:\n\n- $q_i, k_i \\sim \\mathcal{N}(0, \\sigma^2)$, independent and identically distributed.\n"
            "- $\\mathrm{Var}(q \\cdot k) = d \\sigma^4$\n- $\\tilde{s} = \\frac{q \\cdot k}{\\sqrt{d}}$\n\nThen:\n\n")


def _claim(value: str) -> str:
    return PREMISES + f"$$\\mathrm{{Var}}(\\tilde{{s}}) = {value}$$\n"


def test_the_scaled_variance_is_proved():
    assert check_statuses(_claim("\\sigma^4")) == [Status.PROVED]


@pytest.mark.parametrize("value", ["\\frac{\\sigma^4}{d}", "\\sigma^2", "d \\sigma^4", "-\\sigma^4"])
def test_wrong_scalings_of_the_stated_moment_are_refuted(value):
    assert check_statuses(_claim(value)) == [Status.REFUTED]


def test_without_the_stated_moment_nothing_is_refuted_by_guesswork():
    premises = PREMISES.replace("- $\\mathrm{Var}(q \\cdot k) = d \\sigma^4$\n", "")
    assert Status.PROVED not in check_statuses(premises + "$$\\mathrm{Var}(\\tilde{s}) = \\frac{\\sigma^4}{d}$$\n")
