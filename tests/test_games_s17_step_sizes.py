r"""Products of ``1 + a_t`` over step sizes (``dynamics.step_sizes``): ``\prod (1+\eta_t^2) \ge 1 + \sum \eta_t^2``
for nonnegative terms, and over an infinite range the product diverges exactly when the stated sum does."""
from __future__ import annotations

import pytest

from verify.config import CheckConfig
from verify.engine.checker import check_derivation
from verify.parsing import read_document
from verify.theories.dynamics.step_sizes import PRODUCT_BOUND
from verify.verdict import Status


def verdicts(premises: list[str], block: str) -> list:
    text = ("Assume:\n\n" + "".join(f"- ${p}$\n" for p in premises) + "\nThen:\n\n" if premises else "Then:\n\n")
    text += f"$${block}$$\n"
    return [r.verdict for r in check_derivation(read_document(text).derivation(), CheckConfig(budget=None)).results]


def statuses(premises, block) -> list[Status]:
    return [v.status for v in verdicts(premises, block)]


def test_the_product_bound_on_squares_needs_no_premise():
    found = verdicts([], r"\prod_{t=0}^{T-1} (1+\eta_t^2) \ge 1 + \sum_{t=0}^{T-1} \eta_t^2")
    assert [v.status for v in found] == [Status.PROVED] and PRODUCT_BOUND in found[0].used


def test_the_product_bound_on_positive_step_sizes_uses_the_premise():
    assert statuses([r"\eta_t > 0"], r"\prod_{t=0}^{T-1} (1+\eta_t) \ge 1 + \sum_{t=0}^{T-1} \eta_t") == [Status.PROVED]


def test_the_product_bound_without_a_sign_is_never_proved():
    """1 + a_t with a_t of either sign: (1 - 2)(1 - 2) = 1 < 1 - 4."""
    assert Status.PROVED not in statuses([], r"\prod_{t=0}^{T-1} (1+\eta_t) \ge 1 + \sum_{t=0}^{T-1} \eta_t")


def test_a_positive_single_step_size_says_nothing_of_the_others():
    assert Status.PROVED not in statuses([r"\eta_1 > 0"], r"\prod_{t=0}^{T-1} (1+\eta_t) \ge 1 + \sum_{t=0}^{T-1} \eta_t")


@pytest.mark.parametrize("wrong", [
    r"\prod_{t=0}^{T-1} (1+\eta_t^2) \ge 1 + \sum_{t=0}^{T} \eta_t^2",  # the sum over one more term
    r"\prod_{t=0}^{T-1} (1+\eta_t^2) \le 1 + \sum_{t=0}^{T-1} \eta_t^2",  # flipped
])
def test_a_broken_product_bound_is_never_proved(wrong):
    assert Status.PROVED not in statuses([], wrong)


def test_a_divergent_sum_makes_the_product_diverge():
    found = verdicts([r"\sum_{t=0}^{\infty} \eta_t^2 = \infty"], r"\prod_{t=0}^{\infty} (1+\eta_t^2) = \infty")
    assert [v.status for v in found] == [Status.PROVED]


def test_a_finite_sum_makes_a_divergent_product_refuted():
    assert statuses([r"\sum_{t=0}^{\infty} \eta_t^2 = 3"], r"\prod_{t=0}^{\infty} (1+\eta_t^2) = \infty") == [Status.REFUTED]


def test_divergence_without_the_sum_stated_is_unknown_and_says_so():
    found = verdicts([], r"\prod_{t=0}^{\infty} (1+\eta_t^2) = \infty")
    assert [v.status for v in found] == [Status.UNKNOWN] and "no premise states that sum" in found[0].reason


def test_the_divergent_sum_of_other_terms_proves_nothing():
    assert Status.PROVED not in statuses([r"\sum_{t=0}^{\infty} \eta_t = \infty"],
                                         r"\prod_{t=0}^{\infty} (1+\eta_t^2) = \infty")
