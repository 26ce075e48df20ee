"""Worked solutions as courses write them (session 24): values rounded to the places written after an
"=", a derivative evaluated at a point written ``\\frac{dR}{dh}(h_0)``, and a recurrence premise used at the
iterate a step computes."""
from __future__ import annotations

import pytest

from verify.verdict import Status
from tests.documents import check_statuses

DESCENT = ("Assume:\n\n- $R(h) = (h - 3)^2$\n- $h_{i+1} = h_i - \\alpha \\cdot \\frac{dR}{dh}(h_i)$\n"
           "- $\\alpha = \\frac{1}{4}$\n- $h_0 = 1$\n\nThen:\n\n")


@pytest.mark.parametrize("rounded", ["-0.3466", "-0.347", "-0.35", "-0.3"])
def test_a_value_rounded_to_the_places_written_is_consistent(rounded):
    assert check_statuses(f"$$-\\frac12 \\log 2 = {rounded}$$\n") == [Status.CONSISTENT]


@pytest.mark.parametrize("wrong", ["-0.3467", "-0.3456", "-0.36", "-0.4", "0.3466"])
def test_a_value_off_by_more_than_half_its_last_place_is_refuted(wrong):
    assert check_statuses(f"$$-\\frac12 \\log 2 = {wrong}$$\n") == [Status.REFUTED]


def test_a_rounded_value_is_never_proved():
    assert check_statuses("$$\\frac{1}{3} = 0.333$$\n") == [Status.CONSISTENT]


def test_an_exact_decimal_is_still_proved():
    assert check_statuses("$$\\frac{1}{4} = 0.25$$\n") == [Status.PROVED]


def test_a_fraction_is_no_rounded_value():
    """Only a side written in decimals is rounded: 1/2 written as a fraction is exactly 1/2."""
    assert check_statuses("$$0.46 = \\frac{1}{2}$$\n") == [Status.REFUTED]


def test_a_derivative_before_a_bracketed_point_is_its_value_there():
    text = "Let $R(h) = (h - 3)^2$.\n\n$$\\frac{dR}{dh}(1) = -4$$\n"
    assert check_statuses(text) == [Status.PROVED]


@pytest.mark.parametrize("wrong", ["4", "-4h", "-2"])
def test_a_wrong_value_of_the_derivative_at_a_point_is_refuted(wrong):
    text = f"Let $R(h) = (h - 3)^2$.\n\n$$\\frac{{dR}}{{dh}}(1) = {wrong}$$\n"
    assert check_statuses(text) == [Status.REFUTED]


def test_a_recurrence_premise_gives_the_first_iterate():
    assert check_statuses(DESCENT + "$$h_1 = h_0 - \\alpha \\cdot \\frac{dR}{dh}(h_0)$$\n\n$$= 2$$\n") \
        == [Status.PROVED, Status.PROVED]


def test_a_recurrence_premise_gives_later_iterates_through_earlier_ones():
    assert check_statuses(DESCENT + "$$h_2 = 2.5$$\n") == [Status.PROVED]


@pytest.mark.parametrize("wrong", ["h_0 + \\alpha \\cdot \\frac{dR}{dh}(h_0)", "h_0 - \\alpha \\cdot \\frac{dR}{dh}(h_1)",
                                   "h_1 - \\alpha \\cdot \\frac{dR}{dh}(h_0)"])
def test_a_broken_first_iterate_is_never_proved(wrong):
    assert Status.PROVED not in check_statuses(DESCENT + f"$$h_1 = {wrong}$$\n")


def test_a_recurrence_is_not_taken_below_its_first_index():
    """h_{i+1} = ... with h_1 given says nothing of h_0 (i = -1 is below the start)."""
    text = ("Assume:\n\n- $h_{i+1} = 2 h_i$\n- $h_1 = 3$\n\nThen:\n\n$$h_0 = \\frac{3}{2}$$\n")
    assert check_statuses(text) != [Status.PROVED]


def test_a_recurrence_reaching_below_its_start_gives_no_iterate():
    """h_{i+1} = h_i + h_{i-1} from h_0 alone leaves h_{-1} unknown: no instance, so nothing rests on a drawn value."""
    text = "Assume:\n\n- $h_{i+1} = h_i + h_{i-1}$\n- $h_0 = 1$\n\nThen:\n\n$$h_1 = 1$$\n"
    assert check_statuses(text) == [Status.UNKNOWN]


def test_rounded_values_put_into_an_expression_are_consistent():
    assert check_statuses("$$-\\frac12 \\log 2 + \\frac32 - \\frac12 = -0.3466 + 1.5 - 0.5$$\n") == [Status.CONSISTENT]


def test_a_wrong_value_put_into_an_expression_is_refuted():
    assert check_statuses("$$-\\frac12 \\log 2 + \\frac32 - \\frac12 = -0.3566 + 1.5 - 0.5$$\n") == [Status.REFUTED]


def test_a_rounded_irrational_inside_a_root_is_consistent():
    assert check_statuses("$$\\sqrt{1 + (\\sqrt 2 - 1)^2} = \\sqrt{1 + (1.4142 - 1)^2}$$\n") == [Status.CONSISTENT]


@pytest.mark.parametrize("wrong", ["1.4242", "1.5142"])
def test_a_misrounded_irrational_inside_a_root_is_refuted(wrong):
    assert check_statuses(f"$$\\sqrt{{1 + (\\sqrt 2 - 1)^2}} = \\sqrt{{1 + ({wrong} - 1)^2}}$$\n") == [Status.REFUTED]


def test_both_sides_may_be_rounded():
    """The line before wrote 0.4142 (rounded), this one 0.1716 (its square, rounded): they agree."""
    text = "$$x = \\sqrt{1 + (0.4142)^2}$$\n\n$$= \\sqrt{1 + 0.1716}$$\n"
    assert check_statuses(text)[-1] is Status.CONSISTENT


def test_a_wrong_square_of_a_rounded_value_is_refuted():
    text = "$$x = \\sqrt{1 + (0.4142)^2}$$\n\n$$= \\sqrt{1 + 0.1816}$$\n"
    assert check_statuses(text)[-1] is Status.REFUTED


def test_a_vector_of_rounded_entries_is_consistent():
    text = "$$\\frac{1}{3}\\begin{bmatrix} -14 \\\\ -30 \\\\ -20 \\end{bmatrix} = \\begin{bmatrix} -4.67 \\\\ -10.0 \\\\ -6.67 \\end{bmatrix}$$\n"
    assert check_statuses(text) == [Status.CONSISTENT]


def test_a_vector_with_one_misrounded_entry_is_refuted():
    text = "$$\\frac{1}{3}\\begin{bmatrix} -14 \\\\ -30 \\\\ -20 \\end{bmatrix} = \\begin{bmatrix} -4.67 \\\\ -10.0 \\\\ -6.76 \\end{bmatrix}$$\n"
    assert check_statuses(text) == [Status.REFUTED]


def test_a_formula_given_as_an_example_is_no_premise():
    """"(e.g. $k = 256$)" illustrates: read as a definition it made O(L k) a claim about L alone."""
    text = ("Assume:\n\n- $k$ is small (e.g. $k = 256$).\n\nThen:\n\n$$k^2 = 65536$$\n")
    assert check_statuses(text) != [Status.PROVED]


def test_a_premise_list_item_without_an_example_still_defines():
    text = ("Assume:\n\n- $k = 256$.\n\nThen:\n\n$$k^2 = 65536$$\n")
    assert check_statuses(text) == [Status.PROVED]


def test_every_formula_in_an_example_bracket_is_an_example():
    """"(e.g. $k = 256$ even for $L = 32768$)": L = 32768 is part of the example; read as a definition it made
    O(L d) a constant class, and a dropped factor L was proved."""
    text = ("Assume:\n\n- $k$ is small (e.g. $k = 256$ even for $L = 32768$).\n\nThen:\n\n$$O(L d) = O(d)$$\n")
    assert check_statuses(text) == [Status.REFUTED]


COIN = "$$D_{KL}(P \\| Q) = 0.5 \\log \\frac{0.5}{0.9} + 0.5 \\log \\frac{0.5}{0.1}$$\n"


def test_point_values_of_a_law_guard_a_refutation_about_it():
    """P(H) = 0.5, ...: no reader uses point masses, so a law drawn for P (5 random masses) proves nothing
    against the step (it refuted a correct worked KL)."""
    text = "Assume:\n\n- $P(H)=0.5, P(T)=0.5$ and $Q(H)=0.9, Q(T)=0.1$.\n\nThen:\n\n" + COIN
    assert Status.REFUTED not in check_statuses(text)


def test_without_point_values_a_kl_of_laws_known_by_name_is_no_number():
    assert check_statuses(COIN) == [Status.REFUTED]


@pytest.mark.parametrize("text", [
    "Let $y_c = 1$ for the correct class $c$, and $y_k = 0$ for every other class $k$.\n\n$$y_1 + y_2 + y_3 = 3$$\n",
    "Let $w_j = 0$ for the index $j$ of the smallest entry.\n\n$$w_1 + w_2 + w_3 = 0$$\n",
])
def test_a_subscripted_fact_without_its_family_on_the_right_is_no_recurrence(text):
    """y_c = 1 holds at the correct class only: taken at every index, y_1 + y_2 + y_3 = 3 was proved."""
    assert Status.PROVED not in check_statuses(text)


def test_a_recurrence_with_a_stated_range_is_not_unrolled_outside_it():
    text = ("Assume:\n\n- $a_{t+1} = 2a_t$ for $t \\ge 3$\n- $a_0 = 1$\n\nThen:\n\n$$a_2 = 4$$\n")
    assert Status.PROVED not in check_statuses(text)


def test_a_recurrence_reaches_a_two_digit_iterate():
    text = ("Assume:\n\n- $h_{i+1} = h_i + 1$\n- $h_0 = 0$\n\nThen:\n\n$$h_{10} = 10$$\n")
    assert check_statuses(text) == [Status.PROVED]


@pytest.mark.parametrize("wrong", ["300 = \\sqrt{1000000}\\cdot 0.5", "19 = 2.0\\cdot 3^2", "90 = \\frac{1000}{10} - 1.0",
                                   "540 = 1000\\cdot 0.5"])
def test_a_short_decimal_is_exact_not_a_rounding_slack(wrong):
    """0.5 read as rounded to one place gave 10 % of slack, and 300 = 1000000^{1/2} 0.5 was consistent."""
    assert check_statuses(f"$${wrong}$$\n") == [Status.REFUTED]


def test_a_derivative_at_a_point_beside_another_term_reads_the_point_as_the_steps_name():
    """The point h_0 inside the derivative kept no assumptions while the step's h_0 was real: two names."""
    text = "Let $R(h) = h^2$.\n\n$$\\frac{dR}{dh}(h_0) + \\frac{dR}{dh}(1) = 2 h_0 + 2$$\n"
    assert check_statuses(text) == [Status.PROVED]


def test_a_closed_form_step_size_is_taken_at_each_iterate():
    """eta_t = 1/(t + 2) uses its index: eta_0, eta_1 are its values there (left free, a correct x_2 was refuted)."""
    text = ("Assume:\n\n- $\\eta_t = \\frac{1}{t+2}$\n- $x_{t+1} = x_t - \\eta_t x_t$\n- $x_0 = 4$\n\nThen:\n\n"
            "$$x_2 = \\frac{4}{3}$$\n")
    assert check_statuses(text) == [Status.PROVED]


def test_a_stated_lower_bound_on_the_letter_starts_the_recurrence_there():
    text = "Assume:\n\n- $a_{t+1} = 2a_t$ for $t \\ge 0$\n- $a_0 = 1$\n\nThen:\n\n$$a_2 = 4$$\n"
    assert check_statuses(text) == [Status.PROVED]


@pytest.mark.parametrize("claim, status", [("\\frac13 = 0.33", Status.CONSISTENT), ("\\frac14 = 0.3", Status.CONSISTENT),
                                           ("\\frac13 = 0.34", Status.REFUTED), ("\\frac12 = 0.6", Status.REFUTED)])
def test_a_short_decimal_opposite_a_number_it_cannot_equal_is_a_rounding(claim, status):
    """1/3 = 0.33: no number written to two places equals 1/3, so the writer rounded; 1/2 = 0.6 cannot be."""
    assert check_statuses(f"$${claim}$$\n") == [status]
