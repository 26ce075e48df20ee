"""The evaluator never pretends to sum infinitely many terms."""
import pytest
import sympy

from verify.evaluation import Evaluator
from verify.undecided import Undecided

k, x = sympy.symbols("k x")


def test_an_infinite_sum_is_undecided_not_an_overflow():
    with pytest.raises(Undecided):
        Evaluator({x: 0.5})(sympy.Sum(x ** k, (k, 0, sympy.oo)))


def test_a_finite_sum_is_evaluated_term_by_term():
    assert Evaluator({x: 0.5})(sympy.Sum(x ** k, (k, 0, 3))) == pytest.approx(1.875)
