"""Sums over an index set the document does not state: ``\\sum_j \\exp(o_j)`` is the sum over the
components of o, j = 1..|o|; derivatives by a component collapse to that component; broken
variants of the softmax Jacobian are never proved."""
from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st
from sympy import Derivative, Function, IndexedBase, KroneckerDelta, Product, Sum, Symbol, exp

from tests.documents import check_statuses
from verify.parsing import parse_latex_expr
from verify.theories.linalg.held import holding
from verify.theories.linalg.ranges import collapse_deltas, differentiated_sums, unstated_size
from verify.undecided import Undecided
from verify.verdict import Status

o, y = IndexedBase("o"), IndexedBase("y")
j, k = Symbol("j"), Symbol("k")


def test_an_unstated_range_is_the_index_set_of_the_family_summed():
    assert parse_latex_expr(r"\sum_j \exp(o_j)") == Sum(exp(o[j]), (j, 1, unstated_size("o")))


def test_the_name_of_the_index_does_not_change_the_range():
    assert parse_latex_expr(r"\sum_i \exp(o_i)").limits[0][2] == parse_latex_expr(r"\sum_j \exp(o_j)").limits[0][2]


def test_with_no_family_indexed_no_range_is_guessed():
    assert not parse_latex_expr(r"\sum_j j^2").has(Sum)


def test_a_sum_except_one_index_is_the_full_sum_minus_that_term():
    assert parse_latex_expr(r"\sum_{i \neq k} y_i") == (
        Sum(y[Symbol("i")], (Symbol("i"), 1, unstated_size("y"))) - y[k])


def test_a_product_over_an_unstated_range_stays_undefined():
    assert not parse_latex_expr(r"\prod_i a_i").has(Product)


def test_the_derivative_by_a_component_collapses_to_that_component():
    jj, kk = Symbol("j", integer=True, nonnegative=True), Symbol("k", integer=True, nonnegative=True)
    total = Sum(exp(o[jj]), (jj, 1, unstated_size("o")))
    with holding():
        assert differentiated_sums(Derivative(total, o[kk]), set()) == exp(o[kk])


def test_a_delta_with_a_non_index_is_not_collapsed():
    jj = Symbol("j", integer=True, nonnegative=True)
    total = Sum(KroneckerDelta(jj, Symbol("x")) * exp(o[jj]), (jj, 1, unstated_size("o")))
    assert collapse_deltas(total, set()) == total


@settings(max_examples=20, deadline=None)
@given(st.sampled_from("abcimnpqrstuvwxz"))
def test_every_index_letter_reads_the_same_sum(letter):
    read = parse_latex_expr(rf"\sum_{letter} \exp(o_{letter})")
    variable, low, high = read.limits[0]
    assert read.function.xreplace({variable: j}) == exp(o[j]) and (low, high) == (1, unstated_size("o"))


def _chain(step: str) -> str:
    return ("# t\n\n$$\\frac{\\partial}{\\partial o_k} \\frac{\\exp(o_k)}{\\sum_j \\exp(o_j)} = "
            f"{step}$$\n")


SOFTMAX_DIAGONAL = r"\frac{\exp(o_k)}{\sum_j \exp(o_j)} - \frac{\exp(o_k)^2}{(\sum_j \exp(o_j))^2}"
BROKEN = {
    "sign": r"\frac{\exp(o_k)}{\sum_j \exp(o_j)} + \frac{\exp(o_k)^2}{(\sum_j \exp(o_j))^2}",
    "dropped term": r"\frac{\exp(o_k)}{\sum_j \exp(o_j)}",
    "factor": r"\frac{\exp(o_k)}{\sum_j \exp(o_j)} - \frac{2 \exp(o_k)^2}{(\sum_j \exp(o_j))^2}",
    "exponent": r"\frac{\exp(o_k)}{\sum_j \exp(o_j)} - \frac{\exp(o_k)^2}{\sum_j \exp(o_j)}",
    "wrong index": r"\frac{\exp(o_i)}{\sum_j \exp(o_j)} - \frac{\exp(o_i) \exp(o_k)}{(\sum_j \exp(o_j))^2}",
}


def test_the_softmax_jacobian_diagonal_is_proved():
    assert check_statuses(_chain(SOFTMAX_DIAGONAL)) == [Status.PROVED]


@pytest.mark.parametrize("kind", sorted(BROKEN))
def test_a_broken_softmax_jacobian_is_never_proved(kind):
    assert Status.PROVED not in check_statuses(_chain(BROKEN[kind]))


def test_the_off_diagonal_jacobian_is_proved():
    text = ("# t\n\n$$\\frac{\\partial}{\\partial o_k} \\frac{\\exp(o_i)}{\\sum_j \\exp(o_j)} = "
            "\\frac{\\exp(o_i) \\delta}{\\sum_j \\exp(o_j)}$$\n")
    assert Status.PROVED not in check_statuses(text)  # delta is a plain name here: never the Kronecker delta


def test_a_sum_except_k_plus_its_k_term_is_the_full_sum():
    assert check_statuses("# t\n\n$$\\sum_{i \\neq k} y_i p_k + y_k p_k = \\sum_i y_i p_k$$\n") == [Status.PROVED]


def test_a_sum_except_k_without_its_k_term_is_never_the_full_sum():
    assert Status.PROVED not in check_statuses("# t\n\n$$\\sum_{i \\neq k} y_i p_k = \\sum_i y_i p_k$$\n")


def test_an_entry_of_a_summed_family_before_a_bracket_multiplies_it():
    i, q = Symbol("i"), Symbol("q")
    assert parse_latex_expr(r"y_j (1 - q) + \sum_i y_i") == Symbol("y_j") * (1 - q) + Sum(y[i], (i, 1, unstated_size("y")))


def test_a_name_at_a_plain_symbol_stays_a_function_even_beside_a_summed_family():
    assert parse_latex_expr(r"y_j(t) + \sum_i y_i").has(Function("y_j")(Symbol("t")))


def test_under_its_sum_an_entry_before_a_bracket_multiplies_it():
    p, i = IndexedBase("p"), Symbol("i")
    read = parse_latex_expr(r"\sum_j^C p_j(\delta_{ij} - p_i)")
    assert read.function == p[j] * (KroneckerDelta(i, j) - Symbol("p_i"))  # \delta_{ij}: the Kronecker delta


def test_a_delta_on_an_outer_sums_index_is_not_collapsed():
    jj, kk = Symbol("j", integer=True, nonnegative=True), Symbol("k", integer=True, nonnegative=True)
    inner = Sum(KroneckerDelta(jj, kk) * exp(o[jj]), (jj, 1, unstated_size("o")))
    nested = Sum(inner * y[kk], (kk, 1, unstated_size("y")))
    assert collapse_deltas(nested, set()) == nested


def test_a_derivative_of_a_sum_by_a_name_like_its_entry_is_undecided():
    jj = Symbol("j", integer=True, nonnegative=True)
    total = Sum(exp(o[jj]), (jj, 1, unstated_size("o")))
    with holding(), pytest.raises(Undecided):
        differentiated_sums(Derivative(total, Symbol("o_k")), set())
