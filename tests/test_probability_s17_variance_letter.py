"""The plain letter V is the variance where the document writes Var and applies V only to its
random variables (``randomness.variance_letter``); anywhere else V stays as written."""
from __future__ import annotations

from tests.documents import check_statuses
from verify.config import CheckConfig
from verify.verdict import Status

CONFIG = CheckConfig(seed=3, samples=4, budget=None)
CONSTANT = "Assume:\n\n- $\\mathrm{Var}[X] = E[X^2] - E[X]^2$\n- $a$ and $b$ are constants.\n\nThen:\n\n"
INDEPENDENT = "Assume:\n\n- $X$ and $Y$ are independent random variables.\n\nThen:\n\n"
DEPENDENT = "Assume:\n\n- $X$ and $Y$ are random variables.\n\nThen:\n\n"


def statuses(text: str) -> list[Status]:
    return check_statuses(text, CONFIG)


def test_v_of_a_scaled_variable_is_its_variance_definition():
    assert statuses(CONSTANT + "$$V[aX] = E[(aX)^2] - E[aX]^2$$") == [Status.PROVED]


def test_v_of_an_affine_map_is_a_squared_scale_times_the_variance():
    assert statuses(CONSTANT + "$$V(aX + b) = a^2 \\mathrm{Var}(X)$$") == [Status.PROVED]


def test_a_dropped_square_on_the_scale_is_never_proved():
    assert Status.PROVED not in statuses(CONSTANT + "$$V(aX + b) = a \\mathrm{Var}(X)$$")


def test_a_kept_shift_is_never_proved():
    assert Status.PROVED not in statuses(CONSTANT + "$$V(aX + b) = a^2 \\mathrm{Var}(X) + b$$")


def test_v_of_an_independent_sum_adds_the_variances():
    text = INDEPENDENT + "$$V(X + Y) = \\mathrm{Var}(X) + \\mathrm{Var}(Y)$$"
    assert statuses(text) == [Status.PROVED]


def test_without_independence_the_variances_do_not_simply_add():
    text = DEPENDENT + "$$V(X + Y) = \\mathrm{Var}(X) + \\mathrm{Var}(Y)$$"
    assert Status.PROVED not in statuses(text)


def test_with_the_covariance_term_the_sum_holds_without_independence():
    text = DEPENDENT + "$$V(X + Y) = \\mathrm{Var}(X) + \\mathrm{Var}(Y) + 2 \\mathrm{Cov}(X, Y)$$"
    assert statuses(text) == [Status.PROVED]


def test_a_wrong_covariance_factor_is_never_proved():
    text = DEPENDENT + "$$V(X + Y) = \\mathrm{Var}(X) + \\mathrm{Var}(Y) + \\mathrm{Cov}(X, Y)$$"
    assert Status.PROVED not in statuses(text)


def test_without_a_written_var_the_letter_v_is_not_a_variance():
    text = DEPENDENT + "$$V(X + Y) = E[X^2] - E[X]^2$$"
    assert Status.PROVED not in statuses(text)


def test_a_value_function_averaged_by_e_is_not_a_variance():
    text = DEPENDENT + "$$\\mathrm{Var}(X) + E[V(X)] = V(X) + \\mathrm{Var}(X)$$"
    assert Status.PROVED not in statuses(text)
