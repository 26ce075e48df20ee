"""A closed integral is held as an opaque constant while SymPy sorts terms, then put back."""
from __future__ import annotations

import sympy
from hypothesis import given, settings

from tests.strategies import polynomials
from verify.theories.algebra import normalise
from verify.theories.closed import closed_integrals, closed_str, holding_closed

x = sympy.Symbol("x", real=True)
mu, sigma = sympy.Symbol("mu", real=True), sympy.Symbol("sigma", positive=True)
P = sympy.Function("P")
X = sympy.Symbol("X", real=True)
DIVERGENT = sympy.Integral(x**2, (x, -sympy.oo, sympy.oo))
LENGTH = sympy.Integral(1, (x, -sympy.oo, sympy.oo))


def test_only_integrals_without_free_symbols_are_closed():
    open_integral = sympy.Integral(x * mu, (x, 0, 1))
    assert closed_integrals(P(X) * DIVERGENT + open_integral) == [DIVERGENT]


def test_an_integral_of_an_undefined_function_is_left_as_it_is():
    assert closed_integrals(sympy.Integral(P(x) * sympy.log(P(x)), (x, -sympy.oo, sympy.oo))) == []


def test_the_transform_never_sees_a_closed_integral():
    seen = []
    holding_closed(lambda e: seen.append(e) or e, mu * DIVERGENT)
    assert not seen[0].has(sympy.Integral)


def test_the_integrals_are_put_back():
    expr = P(X) * DIVERGENT / sigma**2 + mu * LENGTH / sigma**2
    assert holding_closed(lambda e: sympy.cancel(sympy.together(e)), expr).has(DIVERGENT, LENGTH)


def test_normalising_keeps_a_divergent_integral_as_a_constant():
    expr = mu**2 * P(X) * LENGTH / (2 * sigma**2) - P(X) * DIVERGENT / (2 * sigma**2)
    assert sympy.expand(normalise(expr) - expr) == 0


def test_the_residual_text_names_the_closed_integrals():
    text = closed_str(P(X) * DIVERGENT - mu * LENGTH)
    assert "Integral(x**2, (x, -oo, oo))" in text and "Integral(1, (x, -oo, oo))" in text


@settings(max_examples=50, deadline=None)
@given(polynomials)
def test_without_closed_integrals_nothing_changes(expr):
    assert closed_str(expr) == str(expr)
    assert holding_closed(sympy.expand, expr) == sympy.expand(expr)
