"""Ellipses as sums and products: ``a_1 + \\cdots + a_n`` is the sum over the index the two terms differ
in; terms that are not one pattern are refused with the reason, never read as some other sum."""
from __future__ import annotations

import pytest
from hypothesis import given, strategies as st
from sympy import Function, IndexedBase, Integral, Product, Sum, Symbol, log, oo

from verify.errors import ParseError
from verify.parsing import parse_latex_expr

k, n, x, c = Symbol("k"), Symbol("n"), Symbol("x"), Symbol("c")
a, b, z = IndexedBase("a"), IndexedBase("b"), IndexedBase("z")


def same(left, right) -> bool:
    """Equal up to the assumptions the reader gives its symbols (names and structure alike)."""
    return str(left) == str(right)


READ = [
    (r"a_1 + \cdots + a_n", Sum(a[k], (k, 1, n))),
    (r"z_1^2+\ldots+z_n^2", Sum(z[k] ** 2, (k, 1, n))),
    (r"a_0 + \dots + a_{n-1}", Sum(a[k], (k, 0, n - 1))),
    (r"a_{1} + \cdots + a_{n}", Sum(a[k], (k, 1, n))),
    (r"x + a_1 + \cdots + a_n", x + Sum(a[k], (k, 1, n))),
    (r"a_1 + a_2 + \cdots + a_n", Sum(a[k], (k, 1, n))),  # the terms before the ellipsis that continue it
    (r"a_0 + a_1 + a_2 + \cdots + a_{n-1}", Sum(a[k], (k, 0, n - 1))),
    (r"a_1 + a_3 + \cdots + a_n", Symbol("a_1") + Sum(a[k], (k, 3, n))),  # a_1 does not continue a_3
    (r"2 a_1 + a_2 + \cdots + a_n", 2 * Symbol("a_1") + Sum(a[k], (k, 2, n))),
    (r"a_1 b_1 + \cdots + a_n b_n", Sum(a[k] * b[k], (k, 1, n))),
    (r"(z_1^2 + \ldots + z_n^2) c", c * Sum(z[k] ** 2, (k, 1, n))),
    (r"\log p(x_1) + \cdots + \log p(x_n)", Sum(log(Function("p")(IndexedBase("x")[k])), (k, 1, n))),
    (r"a_1 \cdots a_n", Product(a[k], (k, 1, n))),
    (r"a_1 \cdot \cdots \cdot a_n", Product(a[k], (k, 1, n))),
    (r"\int q(z_1) z_1^2 dz_1 + \ldots + \int q(z_n) z_n^2 dz_n",
     Sum(Integral(Function("q")(z[k]) * z[k] ** 2, (z[k], -oo, oo)), (k, 1, n))),
]


@pytest.mark.parametrize("latex, meant", READ)
def test_an_ellipsis_between_one_pattern_is_a_sum_or_product(latex, meant):
    assert same(parse_latex_expr(latex), meant)


def test_the_index_is_a_letter_the_formula_does_not_use():
    read = parse_latex_expr(r"k + a_1 + \cdots + a_n")
    assert not same(read, Symbol("k") + Sum(a[k], (k, 1, n)))
    assert same(read, Symbol("k") + Sum(a[Symbol("j")], (Symbol("j"), 1, n)))


REFUSED = [  # the broken variants of a correct ellipsis: each is refused, never read as another sum
    (r"z_1^2 + \cdots + z_n^3", "not one pattern"),  # exponent
    (r"a_1 + \cdots + b_n", "not one pattern"),  # another base
    (r"a_1 b_1 + \cdots + a_n b_m", "not one pattern"),  # two indices moving differently
    (r"a_1 + \cdots + a_1", "not one pattern"),  # nothing moves
    (r"a_3 + \cdots + a_1", "not above the first"),  # a last index below the first
    (r"a_1 + \cdots + 2 a_n", "not one pattern"),  # a factor
    (r"x - a_1 + \cdots + a_n", "sign before the first term"),  # a sign
    (r"a_1 - \cdots - a_n", "between differences"),
    (r"x_1, \ldots, x_n", "only between terms"),  # a list, not a sum
    (r"W_{1,j} + \cdots + W_{n,j}", "not one pattern"),  # a moving index inside a pair: not read
    (r"1 + x + \cdots + x^n", "not one pattern"),  # a moving exponent: not a subscript
    (r"\vdots", "cannot be checked"),
]


@pytest.mark.parametrize("latex, reason", REFUSED)
def test_an_ellipsis_that_is_not_one_pattern_is_refused_with_the_reason(latex, reason):
    with pytest.raises(ParseError, match=reason):
        parse_latex_expr(latex)


def test_a_refusal_points_at_the_ellipsis():
    with pytest.raises(ParseError) as caught:
        parse_latex_expr(r"z_1^2 + \cdots + z_n^3")
    assert caught.value.column == 9


@given(low=st.integers(0, 3), span=st.integers(1, 5), power=st.integers(1, 4))
def test_numeral_bounds_read_as_written(low, span, power):
    """Every numeral range reads as the sum over exactly that range; its terms are the pattern's."""
    high = low + span
    read = parse_latex_expr(f"z_{{{low}}}^{power} + \\cdots + z_{{{high}}}^{power}")
    assert same(read, Sum(z[k] ** power, (k, low, high)))
    assert read.doit() == sum(z[i] ** power for i in range(low, high + 1))


@given(low=st.integers(0, 3), span=st.integers(1, 5), other=st.integers(1, 4))
def test_a_mismatched_last_term_is_never_read(low, span, other):
    with pytest.raises(ParseError):
        parse_latex_expr(f"z_{{{low}}}^2 + \\cdots + z_{{{low + span}}}^{{{2 + other}}}")
