"""Plain maths for the terminal: what a person writes, never SymPy's code."""
from __future__ import annotations

import io
import re

import pytest
from hypothesis import given, settings, strategies as st
from sympy import (Add, I, Integer, Integral, Matrix, Mul, Pow, Rational, Symbol, Tuple, exp, log, oo, pi,
                   sqrt)

from tests.strategies import polynomials
from verify.printing import plain_math, unicode_wanted

ETA, LAM, Z = Symbol("eta", positive=True), Symbol("lambda"), Symbol("z")
CODE = re.compile(r"\*\*|\*|\bI\b|\boo\b|Integral\(|Pow\(|Mul\(|Rational\(")

greek_atoms = st.sampled_from([ETA, LAM, Symbol("d_k", positive=True), Integer(2), Rational(1, 2), I, pi])
expressions = st.recursive(
    greek_atoms | polynomials,
    lambda children: (st.tuples(children, children).map(lambda ab: Add(*ab))
                      | st.tuples(children, children).map(lambda ab: Mul(*ab))
                      | st.tuples(children, st.integers(-3, 3)).map(lambda be: Pow(be[0], be[1]))
                      | children.map(sqrt) | children.map(exp)),
    max_leaves=6)


def test_the_characteristic_polynomial_reads_as_written_on_paper():
    assert plain_math(ETA**2 + LAM**2 - 2 * LAM + 1, unicode=True) == "η² + λ² − 2λ + 1"


def test_ascii_keeps_the_reading_without_the_code():
    assert plain_math(ETA**2 + LAM**2 - 2 * LAM + 1, unicode=False) == "eta^2 + lambda^2 - 2 lambda + 1"


@pytest.mark.parametrize("expr, unicode, shown", [
    (sqrt(ETA**2 + 1), True, "√(η² + 1)"),
    (sqrt(ETA**2 + 1), False, "sqrt(eta^2 + 1)"),
    (I * ETA + 1, True, "iη + 1"),
    (oo, True, "∞"),
    (oo, False, "infinity"),
    (Rational(3, 4) * Z, False, "(3 z)/4"),
    (Symbol("x") / Symbol("d_k"), True, "x/d_k"),
    (Integral(log(Z) * exp(-Z**2), (Z, -oo, oo)), True, "∫ exp(−z²) log(z) dz"),
    (Matrix([[1, -ETA], [ETA, 1]]), True, "[[1, −η], [η, 1]]"),
    (Tuple(1 + I * ETA, 1 - I * ETA), False, "(i eta + 1, -i eta + 1)"),
])
def test_common_forms(expr, unicode, shown):
    assert plain_math(expr, unicode=unicode) == shown


@settings(max_examples=150, deadline=None)
@given(expressions, st.booleans())
def test_no_sympy_code_in_plain_maths(expr, unicode):
    assert not CODE.search(plain_math(expr, unicode=unicode))


@settings(max_examples=150, deadline=None)
@given(expressions)
def test_ascii_plain_maths_is_ascii(expr):
    assert plain_math(expr, unicode=False).isascii()


def test_unicode_is_off_when_asked_by_the_environment(monkeypatch):
    monkeypatch.setenv("VERIFY_ASCII", "1")
    assert unicode_wanted(io.TextIOWrapper(io.BytesIO(), encoding="utf-8")) is False


def test_unicode_is_off_when_the_terminal_cannot_show_it(monkeypatch):
    monkeypatch.delenv("VERIFY_ASCII", raising=False)
    assert unicode_wanted(io.TextIOWrapper(io.BytesIO(), encoding="ascii")) is False
    assert unicode_wanted(io.TextIOWrapper(io.BytesIO(), encoding="utf-8")) is True


def test_matrix_products_are_written_side_by_side_with_a_transpose_mark():
    from sympy import MatrixSymbol, sqrt

    from verify.vocabulary.linalg import Softmax

    n, d = Symbol("n"), Symbol("d_k", positive=True)
    Q, K, V = (MatrixSymbol(name, n, n) for name in "QKV")
    product = Softmax(Q * K.T / sqrt(d)) * V
    assert plain_math(product, unicode=True) == "softmax(1/√(d_k) Q Kᵀ) V"
    assert plain_math(product, unicode=False) == "softmax(1/sqrt(d_k) Q K^T) V"


def test_a_transposed_sum_keeps_its_parentheses():
    from sympy import MatrixSymbol, Transpose

    A, B = MatrixSymbol("A", 2, 2), MatrixSymbol("B", 2, 2)
    assert plain_math(Transpose(A + B), unicode=False) == "(A + B)^T"


def test_a_form_as_written_prints_nested_sums_and_products_flat():
    a, b, L, t, n = (Symbol(name) for name in ("a", "b", "L", "t", "n"))
    written_sum = Add(Add(a**2, 2 * a * b, evaluate=False), b**2, evaluate=False)
    written_product = Mul(Mul(L, t, evaluate=False), n**2, evaluate=False)
    assert plain_math(written_sum, unicode=False, as_written=True) == "a^2 + 2 a b + b^2"
    assert plain_math(written_product, unicode=True, as_written=True) == "Ltn²"


def test_an_expectation_prints_its_law_as_a_subscript():
    from verify.vocabulary.probability import Expectation, density

    x = Symbol("x")
    q = density("q", [Z], [x])
    assert plain_math(Expectation(log(q), q), unicode=False) == "E_q(z | x)[log(q(z | x))]"
