"""Densities written by their bare names in the chains (``E_{p_g}[\\log p_g / m]``) where the document
writes them at one variable (``p_g(x)``) are read as those densities; otherwise nothing is rewritten."""
import pytest

from tests.documents import check_statuses
from verify.verdict import Status

PREMISES = ("Assume:\n\n- $C = \\mathbb{E}_{p_g}\\left[\\log \\frac{p_g(x)}{p_{d}(x) + p_g(x)}\\right]$\n"
            "- $m(x) = \\frac{1}{2}(p_{d}(x) + p_g(x))$\n\nThen:\n\n")


def _chain(start: str, step: str, premises: str = PREMISES) -> str:
    return premises + f"$$ {start} $$\n\n$$ = {step} $$\n"


@pytest.mark.parametrize("start, step", [
    ("\\mathbb{E}_{p_g}\\left[\\log \\frac{p_g}{m} - \\log 2\\right]", "\\mathbb{E}_{p_g}\\left[\\log \\frac{p_g}{m}\\right] - \\log 2"),
    ("\\mathbb{E}_{p_g}\\left[\\log \\frac{p_g}{m}\\right]", "D_{KL}(p_g \\| m)"),
])
def test_bare_densities_are_read_at_their_variable(start, step):
    assert check_statuses(_chain(start, step)) == [Status.PROVED]


@pytest.mark.parametrize("start, step", [
    ("\\mathbb{E}_{p_g}\\left[\\log \\frac{p_g}{m} - \\log 2\\right]", "\\mathbb{E}_{p_g}\\left[\\log \\frac{p_g}{m}\\right] - 2\\log 2"),
    ("\\mathbb{E}_{p_g}\\left[\\log \\frac{p_g}{m}\\right]", "D_{KL}(m \\| p_g)"),  # swapped arguments
    ("\\mathbb{E}_{p_g}\\left[\\log \\frac{p_g}{m}\\right]", "-D_{KL}(p_g \\| m)"),  # sign
])
def test_broken_steps_with_bare_densities_are_refuted(start, step):
    assert check_statuses(_chain(start, step)) == [Status.REFUTED]


def test_names_written_at_two_variables_are_not_rewritten():
    """m(y) beside p_g(x): m's definition is not put in at x (E_{p_g}[log p_g / m] = KL(p_g || m) still holds
    by the definition of KL, whatever the variables, so a step that needs m's definition is checked)."""
    premises = PREMISES.replace("m(x) =", "m(y) =").replace("p_{d}(x) + p_g(x))$", "p_{d}(y) + p_g(y))$")
    start, step = "\\mathbb{E}_{p_g}\\left[\\log \\frac{p_g}{m}\\right]", "C + \\log 2"
    assert Status.PROVED not in check_statuses(_chain(start, step, premises))


_JS = PREMISES.replace("\n\nThen:", "\n- $D_{JS}(p \\| q) = \\frac{1}{2}D_{KL}(p \\| m) + \\frac{1}{2}D_{KL}(q \\| m)$\n\nThen:")


@pytest.mark.parametrize("step, status", [
    ("2 D_{JS}(p_{d} \\| p_g)", Status.PROVED),
    ("D_{JS}(p_{d} \\| p_g)", Status.REFUTED),  # dropped factor
    ("2 D_{JS}(m \\| p_g)", Status.REFUTED),  # wrong argument
])
def test_a_functional_the_premises_define_by_divergences_is_written_out(step, status):
    start = "D_{KL}(p_{d} \\| m) + D_{KL}(p_g \\| m)"
    assert check_statuses(_chain(start, step, _JS)) == [status]
