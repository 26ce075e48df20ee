r"""An expectation under a density the prose gives a normal law (``E_{x \sim p(x)}[\log p(x)]`` after "p is
normal with mean mu_p ..."): the density inside the average is the law's formula too. It was left open and
drawn apart from the law, so identical sides were evaluated under two different densities and a correct
KL derivation was refuted."""
from __future__ import annotations

import pytest

from verify.verdict import Status
from tests.documents import check_statuses

PREMISES = (
    "Assume:\n\n"
    "- $P$ and $Q$ are univariate normal distributions with means $\\mu_p, \\mu_q$ and standard deviations "
    "$\\sigma_p, \\sigma_q$.\n"
    "- $E_{x \\sim p(x)}[\\log p(x)] = \\log \\frac{1}{\\sqrt{2\\pi}\\sigma_p} - \\frac{1}{2}$\n\n"
    "Then:\n\n"
)


def test_an_integral_and_the_expectation_it_abbreviates_are_one_value():
    step = "$$\\int p(x) \\log \\frac{p(x)}{q(x)} \\, dx = E_{x \\sim p(x)}\\left[\\log \\frac{p(x)}{q(x)}\\right]$$\n"
    assert check_statuses(PREMISES + step) == [Status.PROVED]


@pytest.mark.parametrize("wrong", [
    "E_{x \\sim p(x)}\\left[\\log \\frac{q(x)}{p(x)}\\right]",     # ratio inverted
    "E_{x \\sim q(x)}\\left[\\log \\frac{p(x)}{q(x)}\\right]",     # averaged under the other law
])
def test_a_broken_rewrite_of_that_integral_is_refuted(wrong):
    step = f"$$\\int p(x) \\log \\frac{{p(x)}}{{q(x)}} \\, dx = {wrong}$$\n"
    assert check_statuses(PREMISES + step) == [Status.REFUTED]
