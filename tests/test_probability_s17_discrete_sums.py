r"""A sum over a discrete latent (``\sum_z p(x, z)``) follows the rules of the integral over z:
marginalisation, normalisation, linearity and Jensen's inequality; wrong variants are never proved,
and a sum without a density of its variable is left as read."""
from __future__ import annotations

import pytest
from sympy import Integral

from tests.documents import check_statuses
from verify.config import CheckConfig
from verify.parsing import read_document
from verify.verdict import Status

CONFIG = CheckConfig(seed=19, samples=4, budget=None)
MODEL = "Let $p$ and $q$ be densities.\n\n"


def statuses(text: str) -> list[Status]:
    return check_statuses(text, CONFIG)


def test_summing_the_joint_over_the_latent_gives_the_evidence():
    assert statuses(MODEL + "$$\\log p(x) = \\log \\sum_z p(x, z)$$") == [Status.PROVED]


def test_jensen_with_a_sum_over_the_latent():
    text = MODEL + ("By Jensen's inequality:\n\n"
                    "$$\\log \\sum_z q(z) \\frac{p(x, z)}{q(z)} \\ge \\sum_z q(z) \\log \\frac{p(x, z)}{q(z)}$$")
    assert statuses(text) == [Status.PROVED]


def test_the_sum_splits_by_linearity():
    text = MODEL + ("$$\\sum_z q(z) \\log \\frac{p(x, z)}{q(z)} = "
                    "\\sum_z q(z) \\log p(x, z) - \\sum_z q(z) \\log q(z)$$")
    assert statuses(text) == [Status.PROVED]


@pytest.mark.parametrize("broken", [
    "$$\\log p(x) = \\log \\sum_z p(x | z)$$",                                                   # dropped prior
    "$$\\log \\sum_z q(z) \\frac{p(x, z)}{q(z)} \\le \\sum_z q(z) \\log \\frac{p(x, z)}{q(z)}$$",  # flipped
    ("$$\\sum_z q(z) \\log \\frac{p(x, z)}{q(z)} = "
     "\\sum_z q(z) \\log p(x, z) + \\sum_z q(z) \\log q(z)$$"),                                 # sign
])
def test_broken_sums_over_the_latent_are_never_proved(broken):
    assert Status.PROVED not in statuses(MODEL + broken)


def test_a_sum_without_a_density_of_its_variable_is_left_as_read():
    (chain,) = read_document(MODEL + "$$\\sum_i a_i + 1 = 1 + \\sum_i a_i$$").chains
    assert not chain.start.has(Integral)
