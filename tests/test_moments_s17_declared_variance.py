"""A stated variance is the variance: Var(X_i) = sigma^2 for variables "each with variance sigma^2",
whether or not the premises state a mean, so Var(sum_{i=1}^n X_i) = n sigma^2 for independent X_i
is proved; the broken variants (a count squared, sigma for sigma^2, independence dropped) are not."""
import pytest

from tests.documents import check_statuses
from verify.verdict import Status

INDEPENDENT = "Assume:\n\n- $X_1, \\dots, X_n$ are independent, each with variance $\\sigma^2$.\n\nThen:\n\n"
DEPENDENT = "Assume:\n\n- $X_1, \\dots, X_n$ are random variables, each with variance $\\sigma^2$.\n\nThen:\n\n"
SUM = "\\mathrm{Var}\\left(\\sum_{i=1}^{n} X_i\\right)"


def _status(premises: str, left: str, right: str) -> Status:
    (status,) = check_statuses(premises + f"$${left} = {right}$$\n")
    return status


def test_the_variance_of_an_independent_sum_needs_no_stated_mean():
    assert _status(INDEPENDENT, SUM, "n \\sigma^2") is Status.PROVED


def test_a_stated_variance_is_the_variance_of_a_shifted_component():
    assert _status(INDEPENDENT, "\\mathrm{Var}(X_1 + 3)", "\\sigma^2") is Status.PROVED


def test_a_scaled_independent_sum_has_the_squared_scale():
    assert _status(INDEPENDENT, "\\mathrm{Var}\\left(\\sum_{i=1}^{n} 2 X_i\\right)", "4 n \\sigma^2") is Status.PROVED


@pytest.mark.parametrize("right", ["n^2 \\sigma^2", "n \\sigma", "\\sigma^2", "-n \\sigma^2", "2 n \\sigma^2"])
def test_broken_variances_of_the_independent_sum_are_never_proved(right):
    assert _status(INDEPENDENT, SUM, right) is not Status.PROVED


def test_without_independence_the_variances_do_not_add():
    assert _status(DEPENDENT, SUM, "n \\sigma^2") is not Status.PROVED


def test_a_stated_variance_does_not_give_the_mean():
    assert _status(INDEPENDENT, "\\mathbb{E}[X_1^2]", "\\sigma^2") is not Status.PROVED


@pytest.mark.parametrize("left, right", [("\\mathbb{E}\\left[\\sum_{i=1}^{n} X_i\\right]", "n \\mathbb{E}[X_1]"),
                                         (SUM, "n \\mathrm{Var}(X_1)")])
def test_independence_alone_does_not_make_the_components_identically_distributed(left, right):
    premises = "Assume:\n\n- $X_1, \\dots, X_n$ are independent.\n\nThen:\n\n"
    assert _status(premises, left, right) is not Status.PROVED
