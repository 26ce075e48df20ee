"""``P(x) \\sim N(m, s)`` with a parameter in doubt (s also written squared) is no law the reader
uses, but P is still a density of x: it integrates to one and is positive, and nothing about
its moments follows."""
from __future__ import annotations

from tests.documents import check_statuses
from verify.config import CheckConfig
from verify.verdict import Status

CONFIG = CheckConfig(seed=7, samples=4, budget=None)
DOUBTFUL = ("Assume:\n\n- $P(x) \\sim \\mathcal{N}(\\mu_1, \\sigma_1)$\n\nThen:\n\n"
            "$$\\sigma_1^2 \\int_{-\\infty}^{\\infty} P(x) \\, dx = ")


def statuses(text: str) -> list[Status]:
    return check_statuses(text, CONFIG)


def test_a_density_of_doubtful_law_integrates_to_one():
    assert statuses(DOUBTFUL + "\\sigma_1^2$$") == [Status.PROVED]


def test_a_wrong_normalising_constant_is_never_proved():
    assert Status.PROVED not in statuses(DOUBTFUL + "2 \\sigma_1^2$$")


def test_the_doubtful_law_gives_no_moments():
    text = ("Assume:\n\n- $P(x) \\sim \\mathcal{N}(\\mu_1, \\sigma_1)$\n\nThen:\n\n"
            "$$\\int_{-\\infty}^{\\infty} P(x) x^2 \\, dx = \\sigma_1^2 + \\mu_1^2$$")
    assert Status.PROVED not in statuses(text)


def test_the_density_at_another_variable_is_not_the_density():
    text = ("Assume:\n\n- $P(x) \\sim \\mathcal{N}(\\mu_1, \\sigma_1)$\n\nThen:\n\n"
            "$$\\sigma_1^2 \\int_{-\\infty}^{\\infty} P(X) \\, dx = \\sigma_1^2$$")
    assert Status.PROVED not in statuses(text)
