"""A density the document leaves open is drawn with a generic law: a nonzero mean and a variance other
than 1, so a wrong coefficient on E_p[x] (or an odd moment) cannot vanish at every draw."""
from fractions import Fraction

import pytest
from hypothesis import given, settings, strategies as st

from tests.documents import check_statuses
from verify.verdict import Status

PROSE = "Let $p(x)$ be a probability density.\n\n"
HOLDS = (Status.PROVED, Status.CONSISTENT)


def _statuses(lhs: str, rhs: str, prose: str = PROSE) -> list[Status]:
    return check_statuses(f"{prose}$$ {lhs} = {rhs} $$\n")


def test_the_expanded_square_is_proved():
    assert _statuses("\\int p(x) (x-\\mu)^2 \\, dx",
                     "\\int p(x) x^2 \\, dx - 2\\mu \\int p(x) x \\, dx + \\mu^2") == [Status.PROVED]


@pytest.mark.parametrize("lhs, rhs", [
    ("\\int p(x) x^2 \\, dx - 2\\mu \\int p(x) x \\, dx + \\mu^2",
     "\\mathbb{E}_{p}[x^2] + 2\\mu \\mathbb{E}_{p}[x] + \\mu^2"),                      # the sign of the mean term
    ("\\int p(x) x \\, dx", "0"),                                                        # a mean taken for zero
    ("\\int p(x) x^3 \\, dx", "0"),                                                      # an odd moment
    ("\\int p(x) (x^3 + x) \\, dx", "\\int p(x) (x^3 - x) \\, dx"),                      # a sign on an odd moment
    ("\\int p(y) (y-\\mu)^2 \\, dy", "\\int p(y) y^2 \\, dy + 2\\mu \\int p(y) y \\, dy + \\mu^2"),  # another name
    ("\\int p(x) x^2 \\, dx", "1"),                                                      # a variance taken for 1
])
def test_a_wrong_step_about_an_open_density_is_refuted(lhs, rhs):
    assert _statuses(lhs, rhs) == [Status.REFUTED]


def test_a_wrong_step_about_an_open_conditional_density_is_refuted():
    prose = "Let $q(z|x)$ be a probability density.\n\n"
    assert _statuses("\\int q(z|x) z \\, dz", "0", prose) == [Status.REFUTED]


@settings(max_examples=8, deadline=None)
@given(st.integers(-4, 4).filter(lambda c: c != -2))
def test_any_wrong_coefficient_on_the_mean_is_never_accepted(c):
    lhs = "\\int p(x) (x-\\mu)^2 \\, dx"
    rhs = f"\\int p(x) x^2 \\, dx + {c}\\mu \\int p(x) x \\, dx + \\mu^2".replace("+ -", "- ")
    assert not set(_statuses(lhs, rhs)) & set(HOLDS)


def test_a_declared_standard_normal_keeps_its_zero_mean():
    prose = "Let $x \\sim \\mathcal{N}(0, 1)$.\n\n"
    assert _statuses("\\mathbb{E}[x^2] + \\mathbb{E}[x]", "1", prose)[0] in HOLDS
