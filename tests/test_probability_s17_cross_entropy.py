"""A functional the premises define through an expectation under a bare law (``CE(P, Q) =
-E_{x \\sim P}[\\log q(x)]``) is written out under that law's density, as the chains are, so the
definition and the decomposition CE = H + KL are decided; swapped or signed variants are not proved."""
from __future__ import annotations

import pytest

from tests.documents import check_statuses
from verify.config import CheckConfig
from verify.verdict import Status

CONFIG = CheckConfig(seed=11, samples=4, budget=None)
PREMISES = ("Assume:\n\n"
            "- $\\textrm{CE}(P, Q) = - E_{x \\sim P} [\\log(q(x))]$\n"
            "- $H(X) = - E_{x \\sim P} [\\log p(x)]$\n"
            "- $D_{\\textrm{KL}}(P\\|Q) = E_{x \\sim P} \\left[ \\log \\frac{p(x)}{q(x)} \\right]$\n"
            "- The source writes $H(P)$ for the entropy $H(X)$ of $X \\sim P$.\n\nThen:\n\n")


def statuses(text: str) -> list[Status]:
    return check_statuses(text, CONFIG)


def test_the_cross_entropy_is_its_premised_expectation():
    assert statuses(PREMISES + "$$\\textrm{CE}(P, Q) = - E_{x \\sim P} [\\log(q(x))]$$") == [Status.PROVED]


def test_the_cross_entropy_is_entropy_plus_kl():
    assert statuses(PREMISES + "$$\\textrm{CE}(P, Q) = H(P) + D_{\\textrm{KL}}(P\\|Q)$$") == [Status.PROVED]


@pytest.mark.parametrize("broken", [
    "$$\\textrm{CE}(P, Q) = - E_{x \\sim P} [\\log(p(x))]$$",          # the other density
    "$$\\textrm{CE}(P, Q) = E_{x \\sim P} [\\log(q(x))]$$",            # sign
    "$$\\textrm{CE}(P, Q) = H(P) - D_{\\textrm{KL}}(P\\|Q)$$",         # sign of the KL
    "$$\\textrm{CE}(P, Q) = H(P) + D_{\\textrm{KL}}(Q\\|P)$$",         # swapped KL
])
def test_broken_cross_entropy_steps_are_never_proved(broken):
    assert Status.PROVED not in statuses(PREMISES + broken)
