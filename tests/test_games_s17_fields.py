r"""Vector fields written with components (``dynamics.fields``): curl, plane curl, divergence, Jacobian
and cross products computed exactly, a named field through its definition ``F(x) = [...]``, and an
undefined field as generic components (an identity for every field). Wrong values are refuted, never proved."""
from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sympy import Function, ImmutableMatrix, Matrix, Symbol, symbols

from verify.config import CheckConfig
from verify.engine.checker import check_step
from verify.model import Context, Fact
from verify.theories.dynamics.fields import cross, curl, divergence, jacobian
from verify.theories.dynamics.rules import CROSS_PRODUCT, CURL
from verify.verdict import Status
from verify.vocabulary.linalg import Cross, Curl, Divergence, JacobianOf, PlaneCurl

x1, x2, x3 = symbols("x_1 x_2 x_3", real=True)
a, b, c, d = symbols("a b c d", real=True)
x = Symbol("x", real=True)
F = Function("F")
CONFIG = CheckConfig(budget=None)


def field_context(*components) -> Context:
    """``F(x) = [components]^T`` as the imgemp post writes it."""
    return Context(symbols=(x1, x2, x3, x, a, b, c, d),
                   facts=(Fact("definition of F", F(x), ImmutableMatrix([list(components)]).T),),
                   theories=("dynamics", "algebra"))


ROTATION = field_context(x2, -x1, 0)
LINEAR = field_context(a * x1 + b * x2, c * x1 + d * x2, 0)


def status(lhs, rhs, context) -> Status:
    return check_step(lhs, "=", rhs, context, CONFIG).status


def test_the_curl_of_the_rotation_field_is_proved():
    verdict = check_step(Curl(F(x)), "=", ImmutableMatrix([0, 0, -2]), ROTATION, CONFIG)
    assert verdict.status is Status.PROVED and CURL in verdict.used


@pytest.mark.parametrize("wrong", [[0, 0, 2], [0, -2, 0], [0, 0, -1]])  # sign, swapped component, value
def test_a_wrong_curl_is_refuted(wrong):
    assert status(Curl(F(x)), ImmutableMatrix(wrong), ROTATION) is Status.REFUTED


def test_curl_cross_field_of_the_rotation_field_is_proved():
    verdict = check_step(Cross(Curl(F(x)), F(x)), "=", ImmutableMatrix([-2 * x1, -2 * x2, 0]), ROTATION, CONFIG)
    assert verdict.status is Status.PROVED and CROSS_PRODUCT in verdict.used


@pytest.mark.parametrize("wrong", [[2 * x1, 2 * x2, 0], [-2 * x2, -2 * x1, 0]])  # sign, swapped components
def test_a_wrong_curl_cross_field_is_refuted(wrong):
    assert status(Cross(Curl(F(x)), F(x)), ImmutableMatrix(wrong), ROTATION) is Status.REFUTED


def test_curl_cross_field_of_a_linear_field_factors():
    right = (c - b) * ImmutableMatrix([-(c * x1 + d * x2), a * x1 + b * x2, 0])
    assert status(Cross(Curl(F(x)), F(x)), right, LINEAR) is Status.PROVED


@pytest.mark.parametrize("wrong", [
    (b - c) * ImmutableMatrix([-(c * x1 + d * x2), a * x1 + b * x2, 0]),  # swapped difference
    (c - b) * ImmutableMatrix([(c * x1 + d * x2), a * x1 + b * x2, 0]),  # sign
])
def test_a_wrong_linear_curl_cross_field_is_never_proved(wrong):
    assert status(Cross(Curl(F(x)), F(x)), wrong, LINEAR) is Status.REFUTED


def test_the_plane_curl_and_divergence_of_a_planar_field():
    planar = Context(symbols=(x1, x2, x), facts=(Fact("F", F(x), ImmutableMatrix([x2 ** 2, x1 * x2])),),
                     theories=("dynamics", "algebra"))
    assert status(PlaneCurl(F(x)), x2 - 2 * x2, planar) is Status.PROVED
    assert status(PlaneCurl(F(x)), 2 * x2 - x2, planar) is Status.REFUTED
    assert status(Divergence(F(x)), x1, planar) is Status.PROVED
    assert status(Divergence(F(x)), x2, planar) is Status.REFUTED


def test_the_jacobian_of_a_named_field():
    right = ImmutableMatrix([[a, b, 0], [c, d, 0], [0, 0, 0]])
    assert status(JacobianOf(F(x), (), 3), right, LINEAR) is Status.PROVED
    assert status(JacobianOf(F(x), (), 3), right.T, LINEAR) is Status.REFUTED  # transposed: dF_j/dx_i


def test_cross_product_antisymmetry_holds_for_every_field():
    G = Symbol("G", commutative=False)
    context = Context(theories=("dynamics", "algebra"))
    assert status(Cross(Curl(G), G), -Cross(G, Curl(G)), context) is Status.PROVED
    assert status(Cross(Curl(G), G), Cross(G, Curl(G)), context) is not Status.PROVED


def test_a_field_of_no_decided_coordinates_stays_as_written():
    """Components in two families of names: which are the coordinates is not guessed."""
    u, v = symbols("u_1 v_2", real=True)
    verdict = check_step(Curl(ImmutableMatrix([u, v, 0])), "=", ImmutableMatrix([0, 0, 0]),
                         Context(theories=("dynamics", "algebra")), CONFIG)
    assert verdict.status is not Status.PROVED


SMALL = st.integers(-4, 4)


@settings(max_examples=30, deadline=None)
@given(st.lists(SMALL, min_size=9, max_size=9))
def test_operators_of_a_linear_field_match_numpy(entries):
    """F = A x: curl from the antisymmetric part of A, divergence its trace, Jacobian A itself."""
    A = np.array(entries).reshape(3, 3)
    components = ImmutableMatrix(Matrix(A.tolist()) * Matrix([x1, x2, x3]))
    variables = (x1, x2, x3)
    expected_curl = [A[2, 1] - A[1, 2], A[0, 2] - A[2, 0], A[1, 0] - A[0, 1]]
    assert [int(v) for v in curl(components, variables)] == expected_curl
    assert int(divergence(components, variables)) == int(np.trace(A))
    assert np.array_equal(np.array(jacobian(components, variables).tolist(), dtype=int), A)


@settings(max_examples=30, deadline=None)
@given(st.lists(SMALL, min_size=3, max_size=3), st.lists(SMALL, min_size=3, max_size=3))
def test_cross_matches_numpy(u, v):
    assert [int(e) for e in cross(ImmutableMatrix(u), ImmutableMatrix(v))] == list(np.cross(u, v))
