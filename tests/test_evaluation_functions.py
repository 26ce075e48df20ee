"""The evaluator knows the elementary functions SymPy produces on its own (sin(i x) is i sinh(x))."""
import numpy as np
import pytest
import sympy
from hypothesis import given
from hypothesis import strategies as st

from verify.evaluation import Evaluator

x = sympy.Symbol("x", real=True)
values = st.floats(min_value=-5, max_value=5, allow_nan=False)


@pytest.mark.parametrize("function, twin", [(sympy.sinh, np.sinh), (sympy.cosh, np.cosh), (sympy.asinh, np.arcsinh)])
@given(value=values)
def test_a_hyperbolic_function_evaluates_as_numpy_does(function, twin, value):
    assert Evaluator({x: value})(function(x)) == pytest.approx(twin(value))


def test_the_sine_of_an_imaginary_argument_is_evaluated():
    """sin(i pi) / (i pi) is sinh(pi) / pi once SymPy has simplified it."""
    assert Evaluator({})(sympy.sin(sympy.I * sympy.pi) / (sympy.I * sympy.pi)) == pytest.approx(np.sinh(np.pi) / np.pi)


@given(value=st.floats(min_value=0.1, max_value=5))
def test_the_hyperbolic_cotangent_evaluates_as_the_inverse_of_tanh(value):
    assert Evaluator({x: value})(sympy.coth(x)) == pytest.approx(1 / np.tanh(value))
