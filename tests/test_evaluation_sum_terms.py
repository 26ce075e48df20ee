"""A sum's terms are evaluated with one bound copy whose index is rebound per term (no copy of every
value per term): the value must be exactly the term-by-term value, and the caller's values untouched."""
from __future__ import annotations

import numpy as np
import sympy
from hypothesis import given, settings, strategies as st

from verify.evaluation import Evaluator

i, j, n, x, y = sympy.symbols("i j n x y")


def term_by_term(body, index, low: int, high: int, values: dict) -> float:
    """The reference: a fresh evaluator per term, summed left to right as ``sum`` does."""
    return sum(Evaluator({**values, index: float(k)})(body) for k in range(low, high + 1))


bodies = st.sampled_from([x ** i / (i + 1), sympy.exp(-i * y) * x, sympy.log(i + x ** 2 + 1) - y * i,
                          sympy.sin(i * x) ** 2 + sympy.cos(y) / i ** 2])


@settings(max_examples=40, deadline=None)
@given(bodies, st.integers(1, 4), st.integers(0, 30), st.floats(-2, 2), st.floats(-2, 2))
def test_a_sum_equals_its_terms_added_in_order(body, low, extra, xv, yv):
    values = {x: xv, y: yv}
    expected = term_by_term(body, i, low, low + extra, values)
    assert Evaluator(values)(sympy.Sum(body, (i, low, low + extra))) == expected


@settings(max_examples=25, deadline=None)
@given(st.integers(1, 8), st.floats(-2, 2))
def test_a_nested_sum_whose_inner_range_uses_the_outer_index_equals_its_terms(top, xv):
    body = x ** i * j
    inner = sympy.Sum(body, (j, i + 1, top))
    expected = sum(term_by_term(body, j, k + 1, top, {x: xv, i: float(k)}) for k in range(1, top + 1))
    assert Evaluator({x: xv, n: float(top)})(sympy.Sum(body, (j, i + 1, n), (i, 1, n))) == expected
    assert Evaluator({x: xv, n: float(top)})(sympy.Sum(inner.subs(top, n), (i, 1, n))) == expected


def test_a_product_equals_its_factors_multiplied_in_order():
    body = (i + x) / (i + 2)
    expected = 1.0
    for k in range(1, 9):
        expected = expected * Evaluator({x: 0.3, i: float(k)})(body)
    assert Evaluator({x: 0.3})(sympy.Product(body, (i, 1, 8))) == expected


def test_evaluating_a_sum_leaves_the_callers_values_as_they_were():
    evaluate = Evaluator({x: 0.5, i: 7.0})
    evaluate(sympy.Sum(x * i, (i, 1, 5)))
    assert evaluate.values == {x: 0.5, i: 7.0}
    assert evaluate(i) == 7.0


def test_an_evaluator_a_hook_kept_from_one_term_keeps_that_terms_index():
    kept = []

    class Marker(sympy.Function):
        pass

    def remember(expr, evaluate):
        kept.append(evaluate.bound(y, 0.0))
        return evaluate(expr.args[0])

    Evaluator({x: 1.0}, hooks={Marker: remember})(sympy.Sum(Marker(i), (i, 1, 3)))
    assert [copy.values[i] for copy in kept] == [1.0, 2.0, 3.0]


def test_a_symbol_with_no_value_is_still_undecided():
    from verify.undecided import Undecided
    try:
        Evaluator({})(sympy.Sum(x * i, (i, 1, 3)))
    except Undecided as error:
        assert "x" in str(error)
    else:
        raise AssertionError("expected Undecided")


def test_values_bound_to_numpy_scalars_are_returned_unchanged():
    value = np.float64(2.5)
    assert Evaluator({x: value})(x) is value
