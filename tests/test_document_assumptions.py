"""Assumptions come from the notation, never from a letter's name, and never simplify the written step."""
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st
from sympy import Symbol

from verify.engine.checker import check_derivation
from verify.parsing import read_document
from verify.verdict import Status
from verify.vocabulary import linalg

FORMER_SIZE_NAMES = "t n L d d_k d_v d_model h r m k".split()


def _symbols(document) -> dict:
    return {s.name: s for s in document.context.symbols}


@settings(max_examples=25, deadline=None)
@given(st.sampled_from(FORMER_SIZE_NAMES))
def test_a_letter_name_alone_assumes_nothing_about_sign(name):
    document = read_document(f"$${name}^2 \\ge {name}$$")
    assert not any(r.verdict.status.holds for r in check_derivation(document.derivation()).results)


def test_sizes_in_big_o_are_positive_but_not_integers():
    t = _symbols(read_document("$$O(t^2 + t) = O(t^2)$$"))["t"]
    assert t.is_positive and t.is_integer is None


def test_the_upper_bound_of_a_sum_is_a_positive_integer():
    n = _symbols(read_document("$$\\sum_{i=1}^{n} i = \\frac{n (n+1)}{2}$$"))["n"]
    assert n.is_positive and n.is_integer


def test_a_size_written_in_a_declaration_is_a_positive_integer_elsewhere():
    text = "Let $Q \\in \\mathbb{R}^{t \\times d_k}$.\n\n$$Q + Q = 2 Q$$\n\n$$d_k^2 = d_k d_k$$"
    assert _symbols(read_document(text))["d_k"] == linalg.size("d_k")


def test_a_default_matrix_shape_says_nothing_about_a_symbol_of_that_name():
    text = "Let $A$ and $B$ be matrices.\n\n$$(A B)^T = B^T A^T$$\n\nAt time $t$:\n\n$$\\sin(\\pi t) = 0$$"
    assert _symbols(read_document(text))["t"] == Symbol("t", real=True)


def test_a_default_matrix_shape_never_proves_a_step_about_its_size_name():
    text = "Let $A$ and $B$ be matrices.\n\n$$(A B)^T = B^T A^T$$\n\nAt time $t$:\n\n$$\\sin(\\pi t) = 0$$"
    statuses = [r.verdict.status for r in check_derivation(read_document(text).derivation()).results]
    assert statuses[1] is not Status.PROVED


def test_the_assumptions_do_not_simplify_the_written_step():
    document = read_document("$$\\sum_{i=1}^{n} 1 = n$$\n\n$$\\sin(\\pi n) = 0$$")
    assert document.chains[1].start.func == sympy.sin


def test_the_assumptions_are_named_in_a_note():
    text = "Assume a step size $\\eta > 0$.\n\n$$\\eta^2 = \\eta \\eta$$\n\n$$O(t) = O(2 t)$$"
    note = read_document(text).context.notes[-1]
    assert note == ("assumed: t positive (sizes in O/Theta/Omega); eta positive (stated: \\eta > 0); "
                    "every other symbol real")


def test_other_symbols_are_real():
    assert _symbols(read_document("$$h + h = 2 h$$"))["h"] == Symbol("h", real=True)


def test_a_symbol_also_written_outside_an_o_term_stays_real():
    text = "$$e^x = 1 + x + O(x^2)$$\n\nand therefore\n\n$$\\sqrt{x^2} = x$$"
    assert _symbols(read_document(text))["x"] == Symbol("x", real=True)


def test_an_o_term_inside_a_sum_never_proves_a_later_step_about_its_variable():
    text = "$$e^x = 1 + x + O(x^2)$$\n\nand therefore\n\n$$\\sqrt{x^2} = x$$"
    statuses = [r.verdict.status for r in check_derivation(read_document(text).derivation()).results]
    assert statuses[-1] is not Status.PROVED  # (the expansion itself, as x -> 0, is the first step's to prove)


def test_a_complexity_statement_keeps_its_size_positive():
    text = "$$3 n^2 + n = O(n^2)$$"
    assert _symbols(read_document(text))["n"].is_positive


def test_an_o_term_minus_itself_is_never_proved_zero():
    statuses = [r.verdict.status for r in check_derivation(read_document("$$O(n) - O(n) = 0$$").derivation()).results]
    assert statuses and Status.PROVED not in statuses
