"""Softmax derivatives as lecture notes write them (session 24): the component of a function's value
(``s(\\mathbf x)_i``), a premise on ``s_i(x)`` used at another index, a stated ``j \\neq i``, and sums over
every index but one (``\\sum_{i \\ne j}^C``) whose summed letter is the one not fixed elsewhere."""
from __future__ import annotations

import pytest
from sympy import Indexed, Sum, Symbol

from verify.errors import ParseError
from verify.parsing.expressions import parse_latex_expr
from verify.verdict import Status
from tests.documents import check_statuses

COMPONENT = "Let $s(\\mathbf x)_i = \\frac{e^{x_i}}{\\sum_j e^{x_j}}$.\n\n"
FUNCTION_APART = "Let $s_i(\\mathbf x) = \\frac{e^{x_i}}{\\sum_k e^{x_k}}$ and $j \\neq i$.\n\n"
ENTRY_APART = "Let $s_i = \\frac{e^{x_i}}{\\sum_k e^{x_k}}$ and $j \\neq i$.\n\n"


def test_the_component_of_a_call_is_the_component_function_a_premise_defines():
    text = COMPONENT + ("$$s(\\mathbf x)_i = \\frac{e^{x_i}}{\\sum_j e^{x_j}}$$\n\n"
                        "$$\\frac{\\partial s_k(\\mathbf x)}{\\partial x_k} = s_k(\\mathbf x)(1 - s_k(\\mathbf x))$$\n")
    assert check_statuses(text) == [Status.PROVED, Status.PROVED]


@pytest.mark.parametrize("claim", ["g(x)_2 = 5x", "\\frac{d}{dx} g(x)_2 = 5"])
def test_an_entry_of_a_function_given_whole_is_no_fresh_component(claim):
    """g(x) = [x^2; 3x] gives g(x)_2 = 3x: read as a fresh g_2(x), a display g(x)_2 = 5x became its definition."""
    text = "Let $g(x) = \\begin{bmatrix} x^2 \\\\ 3x \\end{bmatrix}$.\n\n$$" + claim + "$$\n"
    assert Status.PROVED not in check_statuses(text)


def test_our_own_functions_keep_their_entry():
    assert str(parse_latex_expr(r"\mathrm{softmax}(\mathbf o)_j").func) == "entry"


def test_the_diagonal_of_the_softmax_jacobian_in_component_notation_is_proved():
    text = COMPONENT + "$$\\frac{\\partial s(\\mathbf x)_i}{\\partial x_i} = s(\\mathbf x)_i - s(\\mathbf x)_i^2$$\n"
    assert check_statuses(text) == [Status.PROVED]


@pytest.mark.parametrize("wrong", ["s(\\mathbf x)_i + s(\\mathbf x)_i^2", "s(\\mathbf x)_i - 2 s(\\mathbf x)_i^2",
                                   "s(\\mathbf x)_i^2"])
def test_a_broken_diagonal_in_component_notation_is_refuted(wrong):
    text = COMPONENT + f"$$\\frac{{\\partial s(\\mathbf x)_i}}{{\\partial x_i}} = {wrong}$$\n"
    assert check_statuses(text) == [Status.REFUTED]


def test_a_premise_on_a_component_function_holds_at_another_index():
    text = FUNCTION_APART + "$$\\frac{\\partial s_i(\\mathbf x)}{\\partial x_j} = - s_i(\\mathbf x) s_j(\\mathbf x)$$\n"
    assert check_statuses(text) == [Status.PROVED]


@pytest.mark.parametrize("wrong", ["s_i(\\mathbf x) s_j(\\mathbf x)", "- s_j(\\mathbf x) s_j(\\mathbf x)"])
def test_a_broken_off_diagonal_is_never_proved(wrong):
    text = FUNCTION_APART + f"$$\\frac{{\\partial s_i(\\mathbf x)}}{{\\partial x_j}} = {wrong}$$\n"
    assert Status.PROVED not in check_statuses(text)


def test_a_premise_on_a_numbered_function_says_nothing_of_another_number():
    text = "Let $f_1(x) = x^2$.\n\n$$f_2(x) = x^2$$\n"
    assert check_statuses(text) != [Status.PROVED]


def test_a_derivative_by_an_entry_at_a_stated_index_types_that_index():
    """``j \\neq i`` written only in the premise and the derivative's variable: j is the family's index."""
    assert check_statuses(ENTRY_APART + "$$\\frac{\\partial s_i}{\\partial x_j} = - s_i s_j$$\n") == [Status.PROVED]


def test_without_the_stated_index_apart_the_off_diagonal_is_not_proved():
    text = ENTRY_APART.replace(" and $j \\neq i$", "") + "$$\\frac{\\partial s_i}{\\partial x_j} = - s_i s_j$$\n"
    assert Status.PROVED not in check_statuses(text)


def test_a_softmax_jacobian_through_a_definition_at_another_letter_is_proved():
    text = ("Let $y_c = \\frac{e^{x_c}}{\\sum_k e^{x_k}}$ for every index $c$.\n\n"
            "$$\\frac{\\partial y_j}{\\partial x_i} = y_j (\\delta_{ij} - y_i)$$\n")
    assert check_statuses(text) == [Status.PROVED]


def test_a_sum_but_one_sums_the_letter_its_summand_writes():
    assert parse_latex_expr(r"\sum_{i \neq k} e^{x_k}") == parse_latex_expr(r"\sum_{k \neq i} e^{x_k}")


def test_a_sum_but_one_may_have_an_upper_bound():
    assert check_statuses("$$\\sum_{k \\neq i}^C e^{x_k} = \\sum_{k}^C e^{x_k} - e^{x_i}$$\n") == [Status.PROVED]


def test_a_sum_but_one_up_to_a_bound_is_not_the_whole_sum():
    assert check_statuses("$$\\sum_{k \\neq i}^C e^{x_k} = \\sum_{k}^C e^{x_k}$$\n") == [Status.REFUTED]


def test_a_sum_but_one_over_both_letters_sums_the_one_not_written_outside():
    fixed_i = parse_latex_expr(r"-t_i + \sum_{i\ne j}^C t_j y_i")
    written_in_order = parse_latex_expr(r"-t_i + \sum_{j\ne i}^C t_j y_i")
    assert fixed_i == written_in_order


def test_a_sum_but_one_over_both_letters_with_neither_outside_sums_the_first():
    value = parse_latex_expr(r"\sum_{i\ne j}^C t_j y_i")
    (summed,) = value.atoms(Sum)
    assert summed.limits[0][0].name == "i" and value - summed == -parse_latex_expr("t_j") * Indexed("y", Symbol("j"))


def test_a_sum_but_one_over_both_letters_with_both_outside_is_refused():
    with pytest.raises(ParseError, match="writes both outside"):
        parse_latex_expr(r"t_i t_j + \sum_{i\ne j} t_j y_i")


def test_a_gradient_written_with_a_sum_but_one_is_proved():
    text = ("Let $y_c = \\frac{e^{x_c}}{\\sum_k e^{x_k}}$ and $\\sum_{c=1}^C t_c = 1$.\n\n"
            "$$-t_i + t_i y_i + \\sum_{i\\ne j}^C t_j y_i = y_i - t_i$$\n")
    assert Status.REFUTED not in check_statuses(text)


def test_a_sum_but_one_over_an_entry_heading_a_bracket_sums_that_entrys_letter():
    """``\\sum_{k \\neq i} y_k(p_i)``: y_k heads a bracket (a product once bound), so k is the summed letter."""
    assert parse_latex_expr(r"\sum_{k\neq i}y_k({p_i})") == parse_latex_expr(r"\sum_{k\neq i}y_k p_i")


def test_a_premise_on_a_component_function_says_nothing_of_it_at_another_argument():
    """s_i at (1 - s_j) is no instance of the premise on s_i(x): its value there is not given (a wrong fact
    made it the value at x, and a correct step was refuted)."""
    text = ("Let $s_i(\\mathbf x) = \\frac{e^{x_i}}{\\sum_k e^{x_k}}$.\n\n"
            "$$s_i(1 - y) = \\frac{e^{x_i}}{\\sum_k e^{x_k}}$$\n")
    assert Status.PROVED not in check_statuses(text)


def test_a_bare_sum_over_two_indices_sums_the_one_not_written_outside():
    value = parse_latex_expr(r"x_j - \sum t_i y_j")
    (summed,) = value.atoms(Sum)
    assert summed.limits[0][0].name == "i"


def test_a_bare_sum_over_two_indices_with_neither_told_apart_is_refused():
    with pytest.raises(ParseError, match="several indices"):
        parse_latex_expr(r"\sum t_i y_j")


def test_a_component_premise_is_not_taken_at_its_own_summation_index():
    """f_j of f_i(x) = sum_j W_ij x_j would capture j: the instance is not made, so nothing wrong is proved."""
    text = ("Let $f_i(\\mathbf x) = \\sum_j W_{ij} x_j$.\n\n"
            "$$\\frac{\\partial f_j(\\mathbf x)}{\\partial x_m} + W_{jm} = W_{mm} + W_{jm}$$\n")
    assert Status.PROVED not in check_statuses(text)


def test_a_factor_beside_a_sum_but_one_still_fixes_its_letter():
    """x_i \\sum_{i \\neq j} a_{ij}: x_i is written outside the sum, so j is summed (with the sum read as 0
    while looking, the factor x_i vanished and i was summed instead)."""
    assert parse_latex_expr(r"x_i \sum_{i\neq j} a_{ij}") == parse_latex_expr(r"x_i \sum_{j\neq i} a_{ij}")


def cases(first: str, mark: str, a: str, b: str) -> str:
    return (f"Let $s_i = \\frac{{e^{{x_i}}}}{{\\sum_k e^{{x_k}}}}$.\n\n{first} $i \\neq j${mark}\n\n$${a}$$\n\n"
            f"{first} $i = j${mark}\n\n$${b}$$\n")
OFF, ON = "\\frac{\\partial s_i}{\\partial x_j} = -s_i s_j", "\\frac{\\partial s_i}{\\partial x_j} = s_i (1 - s_j)"


@pytest.mark.parametrize("first, mark", [("For", ","), ("Case", ":")])
def test_steps_under_two_written_cases_are_never_refuted_for_the_other_case(first, mark):
    """A stated i != j heading one case held document-wide: the i = j case's correct step was refuted."""
    text = cases(first, mark, OFF, ON)
    assert Status.REFUTED not in check_statuses(text)


def test_the_other_case_s_formula_under_a_case_is_never_proved():
    text = cases("For", ",", OFF, OFF)
    assert Status.PROVED not in check_statuses(text)[1:]


def test_a_condition_trailing_a_premise_is_that_premise_s_own():
    """"$... = -p_i p_j$ for $i \\neq j$" conditions its premise: no guard on i and j for the whole document."""
    text = ("Assume:\n\n- $s_i = \\frac{e^{x_i}}{\\sum_k e^{x_k}}$ for $i \\neq j$\n\nThen:\n\n"
            "$$\\frac{\\partial s_i}{\\partial x_j} = s_i s_j$$\n")
    assert check_statuses(text) == [Status.REFUTED]


def test_an_outer_sums_letter_is_the_fixed_one_of_an_inner_sum_but_one():
    value = parse_latex_expr(r"\sum_{i=1}^n \sum_{i\neq j} t_i t_j")
    assert value.limits[0][0].name == "i" and {s.limits[0][0].name for s in value.function.atoms(Sum)} == {"j"}


def test_a_bounded_sum_but_one_inside_another_sum_is_refused():
    """Its window of indices (up to N, lower bound not written) need not be the outer range: a correct double
    sum was refuted."""
    with pytest.raises(ParseError, match="inside another sum"):
        parse_latex_expr(r"\sum_{j=1}^2\sum_{i\neq j}^2 t_it_j")


def test_an_unreadable_formula_heading_a_line_after_a_case_word_is_no_crash():
    """"For $\\frac{a$:" opened a line after a case word and had no statement: reading it crashed the document."""
    text = "For $\\frac{a$:\n\n$$x + x = 2x$$\n"
    assert check_statuses(text) == [Status.PROVED]
