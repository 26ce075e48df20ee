r"""A premise that defines a function as a normal density written out (``P(x) = \frac{1}{\sqrt{2\pi}\sigma}
\exp(-\frac{(x-\mu)^2}{2\sigma^2})``) makes it a density, whatever its letter, and its scale positive: below
0 the formula is negative everywhere, no density. A formula that is no normal density states neither."""
from __future__ import annotations

import pytest

from verify.parsing import read_document
from verify.verdict import Status
from tests.documents import check_statuses

DENSITY = r"\frac{1}{\sqrt{2\pi}\sigma_p} \exp\left(-\frac{(x - \mu_p)^2}{2\sigma_p^2}\right)"
CLAIM = r"\sigma_p^2 + (\mu_p - \mu_q)^2"
MOMENT = r"\int_{-\infty}^{\infty}(x - \mu_q)^2 NAME(x)dx"


def document(name: str, claim: str, density: str = DENSITY) -> str:
    return f"Assume:\n\n- ${name}(x) = {density}$\n\nThen:\n\n$${MOMENT.replace('NAME', name)} = {claim}$$\n"


@pytest.mark.parametrize("name", ["P", "p", "f"])
def test_the_second_moment_about_another_point_under_a_written_normal_is_proved(name):
    assert check_statuses(document(name, r"\sigma_p^2 + (\mu_p - \mu_q)^2")) == [Status.PROVED]


@pytest.mark.parametrize("wrong", [r"\sigma_p^2 - (\mu_p - \mu_q)^2", r"\sigma_p + (\mu_p - \mu_q)^2",
                                   r"\sigma_p^2 + (\mu_p + \mu_q)^2", r"-\sigma_p^2 - (\mu_p - \mu_q)^2"])
def test_a_wrong_moment_under_a_written_normal_is_never_proved(wrong):
    assert Status.PROVED not in check_statuses(document("P", wrong))


def signs(text: str) -> dict[str, bool | None]:
    return {s.name: s.is_positive for s in read_document(text).derivation().context.symbols}


def test_the_scale_of_a_written_normal_is_positive():
    assert signs(document("P", CLAIM))["sigma_p"] is True


def test_the_mean_of_a_written_normal_takes_no_sign():
    assert signs(document("P", CLAIM))["mu_p"] is not True


def test_a_formula_that_is_no_normal_density_states_no_scale():
    unnormalised = r"\frac{1}{\sigma_p} \exp\left(-\frac{(x - \mu_p)^2}{\sigma_p^2}\right)"
    assert signs(document("P", CLAIM, unnormalised))["sigma_p"] is not True
