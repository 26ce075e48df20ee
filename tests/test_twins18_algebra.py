"""The algebra theory's numpy twin (issue 11 (b)): canonical forms against numpy's own arithmetic.

For random integer polynomials P, Q the theory's canonical form of P Q has numpy.polymul's
coefficients exactly, the step P Q = (numpy's product) is proved, and the step with one
coefficient of numpy's product changed is refuted. For random rational expressions in x the
canonical form, evaluated by SymPy, agrees with numpy evaluating the expression as written at
random points (relative tolerance 1e-9, away from the poles).
"""
from __future__ import annotations

import numpy as np
import sympy
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from sympy import Poly, Symbol

from verify.config import CheckConfig
from verify.engine.checker import check_step
from verify.model import Context
from verify.theories.algebra import canonical
from verify.verdict import Status

CONFIG = CheckConfig(seed=18, samples=4, budget=None)
CONTEXT = Context(theories=("algebra",))
x = Symbol("x", real=True)
SETTINGS = settings(max_examples=15, deadline=None)
polynomials = st.lists(st.integers(-5, 5), min_size=1, max_size=5).filter(any)


def polynomial(coefficients: list[int]) -> sympy.Expr:
    """Highest power first, as numpy writes coefficients."""
    return sum(c * x**k for k, c in enumerate(reversed(coefficients)))


def coefficients_of(expr: sympy.Expr) -> list[int]:
    return [int(c) for c in Poly(expr, x).all_coeffs()]


@SETTINGS
@given(polynomials, polynomials)
def test_the_canonical_product_has_numpys_coefficients(p, q):
    form, _ = canonical(sympy.Mul(polynomial(p), polynomial(q), evaluate=False), CONTEXT)
    assert coefficients_of(form) == list(np.trim_zeros(np.polymul(p, q), "f"))


@SETTINGS
@given(polynomials, polynomials)
def test_the_product_step_to_numpys_coefficients_is_proved(p, q):
    product = polynomial([int(c) for c in np.polymul(p, q)])
    assert check_step(polynomial(p) * polynomial(q), "=", product, CONTEXT, CONFIG).status is Status.PROVED


@SETTINGS
@given(polynomials, polynomials, st.data())
def test_the_product_step_with_a_coefficient_changed_is_refuted(p, q, data):
    changed = [int(c) for c in np.polymul(p, q)]
    changed[data.draw(st.integers(0, len(changed) - 1))] += data.draw(st.sampled_from([-1, 1]))
    assert check_step(polynomial(p) * polynomial(q), "=", polynomial(changed), CONTEXT, CONFIG).status \
        is Status.REFUTED


@SETTINGS
@given(polynomials, polynomials, polynomials, st.floats(-3, 3))
def test_the_canonical_form_of_a_rational_expression_evaluates_as_numpy_does(p, q, r, point):
    denominator = np.polyval(r, point)
    assume(abs(denominator) > 1e-3)
    expr = polynomial(p) * polynomial(q) + polynomial(p) / polynomial(r)
    form, _ = canonical(expr, CONTEXT)
    numeric = np.polyval(p, point) * np.polyval(q, point) + np.polyval(p, point) / denominator
    assert np.isclose(float(form.subs(x, point)), numeric, rtol=1e-9, atol=1e-9)
