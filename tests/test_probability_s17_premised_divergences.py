r"""Divergences the premises give: a definition ``\mathcal{D}(P \| Q) = <unreadable> = E_{x \sim P}[...]``
still defines D as the KL by its readable sides; swapped arguments and signs are never proved. A
premised identity between divergences is a lemma the document assumes: a step that follows from it is
proved with it (``verify.engine.stated``)."""
from __future__ import annotations

import pytest

from tests.documents import check_statuses
from verify.config import CheckConfig
from verify.parsing.randomness.given import top_level_sides
from verify.verdict import Status

CONFIG = CheckConfig(seed=17, samples=4, budget=None)
DEFINED = ("Assume:\n\n"
           "- $\\mathcal{D}(P||Q) = \\sum_{x\\in X}P(x)\\log \\frac{P(x)}{Q(x)} = E_{x\\sim P}[\\log P(x) - \\log Q(x)]$\n"
           "- We use $Q(z|X)$ to approximate $P(z|X)$; the source writes $Q(z)$ and $Q(z|X)$ for the same "
           "distribution.\n\nThen:\n\n")
IDENTITY = ("Assume:\n\n- $\\mathcal{D}[Q(z|X) \\| P(z | X)] = \\mathcal{D}(Q(z|X)||P(z))"
            "-E_{z \\sim Q}[\\log P(X | z)]+\\log P(X)$\n\nThen:\n\n")


def statuses(text: str) -> list[Status]:
    return check_statuses(text, CONFIG)


def test_sides_split_only_outside_braces():
    assert top_level_sides(r"D = \sum_{i=1}^n a_i = b") == ["D ", r" \sum_{i=1}^n a_i ", " b"]


def test_a_definition_with_an_unreadable_middle_side_still_defines_the_divergence():
    text = DEFINED + "$$\\mathcal{D}[Q(z) \\| P(z | X)] = E_{z \\sim Q}[\\log Q(z|X)-\\log P(z | X)]$$"
    assert statuses(text) == [Status.PROVED]


@pytest.mark.parametrize("broken", [
    "$$\\mathcal{D}[Q(z) \\| P(z | X)] = E_{z \\sim Q}[\\log P(z | X)-\\log Q(z|X)]$$",    # sign
    "$$\\mathcal{D}[P(z | X) \\| Q(z)] = E_{z \\sim Q}[\\log Q(z|X)-\\log P(z | X)]$$",    # swapped arguments
])
def test_broken_divergence_steps_are_never_proved(broken):
    assert Status.PROVED not in statuses(DEFINED + broken)


def test_a_premised_identity_between_divergences_is_a_stated_lemma_the_step_follows_from():
    text = IDENTITY + ("$$\\log P(X)-\\mathcal{D}[Q(z|X) \\| P(z | X)] = "
                       "E_{z \\sim Q}[\\log P(X | z)]-\\mathcal{D}[Q(z|X) \\| P(z)]$$")
    assert statuses(text) == [Status.PROVED]
