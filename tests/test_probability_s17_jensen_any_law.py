"""Jensen's inequality for log holds under every law: a step citing it that reads log E[g] >= E[log g]
(g > 0) after linearity is proved however the one expectation is written; flipped, scaled,
shifted or two-law variants are never proved by it, and a step that does not cite it is not."""
from __future__ import annotations

import pytest

from tests.documents import check_statuses
from verify.config import CheckConfig
from verify.engine.checker import check_derivation
from verify.parsing import read_document
from verify.verdict import Status

CONFIG = CheckConfig(seed=5, samples=4, budget=None)
DENSITIES = "Let $p$ and $q$ be densities, $p(x)$ and $q(x)$.\n\nBy Jensen's inequality:\n\n"


def verdicts(text: str) -> list:
    return [r.verdict for r in check_derivation(read_document(text).derivation(), CONFIG).results]


def statuses(text: str) -> list[Status]:
    return check_statuses(text, CONFIG)




def test_minus_log_is_convex_under_a_plain_expectation():
    text = DENSITIES + r"$$E\left[-\log \frac{q(x)}{p(x)}\right] \ge -\log E\left[\frac{q(x)}{p(x)}\right]$$"
    assert statuses(text) == [Status.PROVED]


def test_log_is_concave_under_a_named_law():
    text = DENSITIES + r"$$\log E_{p}\left[\frac{q(x)}{p(x)}\right] \ge E_{p}\left[\log \frac{q(x)}{p(x)}\right]$$"
    assert statuses(text) == [Status.PROVED]


def test_read_right_to_left_with_le():
    text = DENSITIES + r"$$E\left[\log \frac{q(x)}{p(x)}\right] \le \log E\left[\frac{q(x)}{p(x)}\right]$$"
    assert statuses(text) == [Status.PROVED]


@pytest.mark.parametrize("broken", [
    r"$$E\left[-\log \frac{q(x)}{p(x)}\right] \le -\log E\left[\frac{q(x)}{p(x)}\right]$$",       # flipped
    r"$$E\left[-2\log \frac{q(x)}{p(x)}\right] \ge -\log E\left[\frac{q(x)}{p(x)}\right]$$",      # factor
    r"$$E\left[-\log \frac{q(x)}{p(x)}\right] \ge 1 - \log E\left[\frac{q(x)}{p(x)}\right]$$",    # shifted
    r"$$E_{p}\left[-\log \frac{q(x)}{p(x)}\right] \ge -\log E_{q}\left[\frac{q(x)}{p(x)}\right]$$",  # two laws
])
def test_broken_jensen_steps_are_never_proved(broken):
    assert Status.PROVED not in statuses(DENSITIES + broken)


def test_a_quantity_not_known_positive_is_not_proved():
    text = "Let $X$ be a random variable.\n\nBy Jensen's inequality:\n\n$$\\log E[X] \\ge E[\\log X]$$"
    assert Status.PROVED not in statuses(text)



def test_an_expectation_without_its_law_is_undecided_with_a_reason_naming_the_densities():
    text = DENSITIES + r"$$E\left[-\log \frac{q(x)}{p(x)}\right] = \int p(x) \log \frac{p(x)}{q(x)} dx$$"
    (verdict,) = verdicts(text)
    assert verdict.status is Status.UNKNOWN and "does not name its law" in verdict.reason


def test_without_citing_jensen_the_rule_does_not_prove_the_step():
    text = DENSITIES.replace("By Jensen's inequality:", "Then:") + (
        r"$$\log E_{p}\left[\frac{q(x)}{p(x)}\right] \ge E_{p}\left[\log \frac{q(x)}{p(x)}\right]$$")
    assert Status.PROVED not in statuses(text)

