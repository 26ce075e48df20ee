"""A subscript bound by an enclosing sum indexes a family: ``s_j`` under ``\\sum_j`` is not one number."""
from sympy import Indexed, IndexedBase, Symbol

from tests.documents import check_statuses
from verify.parsing import parse_latex_expr, read_document
from verify.verdict import Status

SOFTMAX_SUM = "\\sum_{j=1}^{t} \\frac{e^{s_j}}{\\sum_{l=1}^{t} e^{s_l}}"
ATTENTION = """$$\\alpha_{ij} = \\frac{\\exp(q_i \\cdot k_j)}{\\sum_{l=1}^t \\exp(q_i \\cdot k_l)}$$

$$\\sum_{j=1}^t \\alpha_{ij} = 1$$
"""


def test_a_subscript_bound_by_a_sum_is_an_indexed_entry():
    parsed = parse_latex_expr("\\sum_{j=1}^{t} s_j")
    assert parsed.function == Indexed(IndexedBase("s"), Symbol("j"))


def test_two_letter_subscripts_keep_their_written_order():
    parsed = parse_latex_expr("\\sum_{j=1}^{t} \\alpha_{ji}")
    assert parsed.function.indices == (Symbol("j"), Symbol("i"))


def test_a_subscript_not_bound_by_a_sum_stays_a_symbol():
    assert parse_latex_expr("s_j + 1").has(Symbol("s_j"))


def test_softmax_weights_sum_to_one_is_proved():
    assert check_statuses(f"$${SOFTMAX_SUM} = 1$$") == [Status.PROVED]


def test_softmax_weights_summing_to_two_is_refuted():
    assert check_statuses(f"$${SOFTMAX_SUM} = 2$$") == [Status.REFUTED]


def test_a_family_defined_outside_a_sum_is_used_inside_it():
    assert check_statuses(ATTENTION) == [Status.PROVED]


def test_indexed_families_bring_the_linalg_theory():
    assert "linalg" in read_document(f"$${SOFTMAX_SUM} = 1$$").context.theories


SHIFTED = "\\sum_{j=2}^{n} s_j = \\sum_{j=1}^{n-1} s_{j+1}"


def test_a_shifted_subscript_under_a_sum_is_an_entry_of_the_family():
    parsed = parse_latex_expr("\\sum_{j=1}^{n} s_{j+1}")
    assert parsed.function == Indexed(IndexedBase("s"), Symbol("j") + 1)


def test_a_scaled_subscript_under_a_sum_is_one_index():
    parsed = parse_latex_expr("\\sum_{j=1}^{n} s_{2j}")
    assert parsed.function == Indexed(IndexedBase("s"), 2 * Symbol("j"))


def test_a_sum_of_two_indices_is_one_index_of_the_family():
    parsed = parse_latex_expr("\\sum_{j=1}^{n} s_{i+j}")
    assert parsed.function.indices == (Symbol("i") + Symbol("j"),)


def test_a_shifted_subscript_outside_a_sum_stays_a_symbol():
    assert parse_latex_expr("p_{t+1} - p_t").has(Symbol("p_{t + 1}"))


def test_a_correct_index_shift_is_not_refuted():
    assert check_statuses(f"$${SHIFTED}$$")[0] in (Status.PROVED, Status.CONSISTENT)


def test_a_shift_with_the_wrong_upper_bound_is_refuted():
    assert check_statuses("$$\\sum_{j=2}^{n} s_j = \\sum_{j=1}^{n} s_{j+1}$$") == [Status.REFUTED]


def test_a_telescoping_sum_down_to_the_zeroth_entry_is_not_refuted():
    text = "$$\\sum_{j=1}^{n} (s_j - s_{j-1}) = s_n - s_0$$"
    assert check_statuses(text)[0] in (Status.PROVED, Status.CONSISTENT)


def test_a_telescoping_sum_down_to_the_first_entry_is_refuted():
    assert check_statuses("$$\\sum_{j=1}^{n} (s_j - s_{j-1}) = s_n - s_1$$") == [Status.REFUTED]
