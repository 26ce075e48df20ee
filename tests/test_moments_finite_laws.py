"""A finite law the prose states ("which equals $1-p$ with probability $p$ and $-p$ with probability
$1-p$") fixes every moment: E[X^k] = sum_i p_i v_i^k; the numeric tier uses exactly those values."""
import pytest
from sympy import Symbol

from tests.documents import check_statuses
from verify.parsing.randomness.finite_laws import finite_laws
from verify.verdict import Status

PREMISE = ("Assume:\n\n- Let $\\psi = a - p$, which equals $1-p$ with probability $p$ and $-p$ with "
           "probability $1-p$.\n\nThen:\n\n")


def _claim(start: str, value: str) -> str:
    return PREMISE + f"$$ {start} $$\n\n$$ = {value} $$\n"


def test_the_two_point_law_is_read_with_its_moments():
    law = finite_laws(PREMISE, {})["psi"]
    p = Symbol("p")
    assert law.mean == 0 and (law.variance - (p - p**2)).expand() == 0


@pytest.mark.parametrize("sentence", [
    "Let $\\psi$ equal $1$ with probability $p$ and $0$ with probability $p$.",  # probabilities do not sum to one
    "Let $\\psi$ not equal $1$ with probability $p$ and $0$ with probability $1-p$.",
    "Let $\\psi$ equal $1$ with probability $p$.",  # one outcome
])
def test_a_sentence_that_states_no_law_gives_none(sentence):
    assert finite_laws(sentence, {}) == {}


@pytest.mark.parametrize("start, value", [
    ("\\mathbb E[\\psi^4]", "p(1-p)^4 + (1-p)p^4"),
    ("\\mathbb E[\\psi^2]", "p(1-p)"),
    ("\\mathbb E[\\psi]", "0"),
])
def test_moments_of_the_stated_law_are_proved(start, value):
    assert check_statuses(_claim(start, value)) == [Status.PROVED]


@pytest.mark.parametrize("start, value", [
    ("\\mathbb E[\\psi^4]", "p^4(1-p) + (1-p)^4 p^2"),  # swapped probabilities
    ("\\mathbb E[\\psi^4]", "p(1-p)^4 - (1-p)p^4"),  # sign
    ("\\mathbb E[\\psi^4]", "p(1-p)^3 + (1-p)p^3"),  # exponent
    ("\\mathbb E[\\psi^2]", "2p(1-p)"),  # factor
])
def test_wrong_moments_are_refuted(start, value):
    assert check_statuses(_claim(start, value)) == [Status.REFUTED]
