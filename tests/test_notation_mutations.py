"""Each new reading of notation, checked end to end: the correct step is proved, and its broken
variants (sign, factor, exponent, swapped variable, dropped term) are never proved."""
from __future__ import annotations

import pytest

from verify.verdict import Status
from tests.documents import check_statuses


def statuses(formula: str) -> list[Status]:
    return check_statuses(f"Then\n$${formula}$$\n")


CASES = [  # (the correct step, its broken variants)
    (r"\tfrac16\times(-\tfrac13) = -\tfrac1{18}", [r"\tfrac16\times(-\tfrac13) = -\tfrac1{16}",
                                                  r"\tfrac16\times(-\tfrac13) = \tfrac1{18}"]),
    (r"\frac12 + \frac12 = 1", [r"\frac12 + \frac12 = 2", r"\frac12 + \frac13 = 1"]),
    (r"\underbrace{a + b}_{\text{the sum}} - b = a", [r"\underbrace{a + b}_{\text{the sum}} - b = b",
                                                      r"\underbrace{a + b}_{\text{the sum}} + b = a"]),
    (r"\frac{1}{2} \left\{ a + b \right\} = \frac{a}{2} + \frac{b}{2}",
     [r"\frac{1}{2} \left\{ a + b \right\} = \frac{a}{2} + b", r"\frac{1}{2} \left\{ a - b \right\} = \frac{a}{2} + \frac{b}{2}"]),
    ("(a − b)² = a² − 2ab + b²", ["(a − b)² = a² + 2ab + b²", "(a – b)² = a² – 2ab + b³"]),
    (r"\frac{\partial \exp(o_i)}{\partial o_i} = \exp(o_i)", [r"\frac{\partial \exp(o_i)}{\partial o_i} = 2\exp(o_i)",
                                                               r"\frac{\partial \exp(o_i)}{\partial o_k} = \exp(o_i)",
                                                               r"\frac{\partial \exp(2 o_i)}{\partial o_i} = \exp(2 o_i)"]),
    (r"\partial_{x} x^2 = 2x", [r"\partial_{x} x^2 = x", r"\partial_{y} x^2 = 2x", r"\partial_{x} x^3 = 2x"]),
    (r"x^{2}_{2} = x_2 x_2", [r"x^{2}_{2} = x_2^3", r"x^{2}_{2} = x_2 x_3"]),
    (r"\sin a \cos b = \cos b \sin a", [r"\sin a \cos b = \sin(a \cos b)", r"\sin a \cos b = \cos a \sin b"]),
    (r"\log_2 8 = 3", [r"\log_2 8 = 4", r"\log_3 8 = 3"]),
    (r"\int^1_0 x^2 dx = \int_0^1 x^2 dx", [r"\int^1_0 x^2 dx = \int_1^0 x^2 dx", r"\int^1_0 x^2 dx = 1"]),
    (r"\binom{4}{2} = 6", [r"\binom{4}{2} = 4", r"\binom{4}{1} = 6"]),
    (r"\tfrac{1 \pm s}{2} = \tfrac12 \pm \tfrac{s}{2}", [r"\tfrac{1 \pm s}{2} = \tfrac12 \mp \tfrac{s}{2}",
                                                         r"\tfrac{1 \pm s}{2} = \tfrac12 \pm s"]),
    (r"(1 \pm s)^2 = 1 \pm 2s + s^2", [r"(1 \pm s)^2 = 1 \mp 2s + s^2", r"(1 \pm s)^2 = 1 \pm s + s^2"]),
    (r"\langle 2, 3 \rangle = 6", [r"\langle 2, 3 \rangle = 5", r"\langle 2, -3 \rangle = 6"]),
]


@pytest.mark.parametrize("right, wrongs", CASES)
def test_the_correct_step_is_proved(right, wrongs):
    assert statuses(right) == [Status.PROVED]


@pytest.mark.parametrize("wrong", [w for _, wrongs in CASES for w in wrongs])
def test_a_broken_variant_is_never_proved(wrong):
    assert Status.PROVED not in statuses(wrong)


@pytest.mark.parametrize("wrong", [r"\langle a, b \rangle = a b", r"\langle a, b \rangle^2 = \langle a, a \rangle \langle b, b \rangle",
                                   r"\sum_k^C x_k = \sum_{k=1}^{C} x_k", r"\sum_{i \neq j} y_i = \sum_{i=1}^{n} y_i - y_j",
                                   r"D_{JS}(p \| q) = D_{KL}(p \| q)", r"\mathcal{D}[p \| q] = KL(p, q)"])
def test_a_guess_about_an_unstated_kind_or_range_is_never_proved(wrong):
    assert Status.PROVED not in statuses(wrong)


def test_signs_on_two_sides_pair_upper_with_upper():
    assert statuses(r"1 \pm \eta = 1 \mp \eta") == [Status.REFUTED]
