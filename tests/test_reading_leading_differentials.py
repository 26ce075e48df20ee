r"""Integrals written with the differential first, as physics and many ML notes write them:
``\int dz\, p(x, z)``, ``\int_0^1 dx\, x^2``. The integrand is the whole product after the differential,
up to the next + or - (so ``\int dx\, f \cdot g`` integrates f g); a second bare d inside is refused."""
from __future__ import annotations

import pytest

from verify.errors import ParseError
from verify.parsing import parse_latex_expr
from verify.verdict import Status
from tests.documents import check_statuses


@pytest.mark.parametrize("leading, trailing", [
    (r"\int dz\, p(x, z)", r"\int p(x, z) \, dz"),
    (r"\int \mathrm{d}z\, p(x, z)", r"\int p(x, z) \, dz"),
    (r"\int_0^1 dx\, x^2", r"\int_0^1 x^2 \, dx"),
    (r"\int_0^1 dx\, x \cdot x", r"\int_0^1 x^2 \, dx"),
    (r"\int dz\, q(z) \frac{p(x, z)}{q(z)}", r"\int q(z) \frac{p(x, z)}{q(z)} \, dz"),
])
def test_an_integral_with_its_differential_first_is_the_integral_of_what_follows(leading, trailing):
    assert parse_latex_expr(leading) == parse_latex_expr(trailing)


def test_the_integrand_ends_at_the_next_sum_sign():
    assert parse_latex_expr(r"\int_0^1 dx\, x^2 + 1") == parse_latex_expr(r"\left(\int_0^1 x^2 \, dx\right) + 1")


@pytest.mark.parametrize("text", [r"\int dx", r"\int_0^1 dx\, x \, d"])
def test_a_leading_differential_without_a_clear_integrand_is_refused(text):
    with pytest.raises(ParseError):
        parse_latex_expr(text)


def test_a_definite_integral_written_differential_first_is_proved():
    assert check_statuses(r"$$\int_0^1 dx\, x^2 = \frac{1}{3}$$" + "\n") == [Status.PROVED]


def test_a_wrong_value_of_such_an_integral_is_refuted():
    assert check_statuses(r"$$\int_0^1 dx\, x^2 = \frac{1}{2}$$" + "\n") == [Status.REFUTED]


def test_inserting_a_ratio_of_one_under_a_leading_differential_is_proved():
    assert check_statuses(r"$$\log \int dz\, p(x, z) = \log \int dz\, q(z) \frac{p(x, z)}{q(z)}$$" + "\n") == [
        Status.PROVED]
