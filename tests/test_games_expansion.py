r"""A remainder O(p^k) in a small real parameter, after written terms of lower degree in p
(``x_k - \alpha F + O(\alpha^2)``, ``1 + 3\alpha + O(\alpha^2)``): the Taylor remainder as p -> 0.
Proved when the Taylor terms of left - right below p^k cancel, refuted when a plain term is left
(and the step fails as p -> infinity too), unknown when the term left holds unknown functions."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sympy import Function, Integer, Symbol, exp

from verify.config import CheckConfig
from verify.engine.checker import check_derivation
from verify.model import Context, Relation
from verify.parsing import read_document
from verify.theories.dynamics.expansion import local_expansion, remainder
from verify.theories.dynamics.rules import LOCAL_EXPANSION
from verify.verdict import Status
from verify.vocabulary.asymptotics import BigO


def verdicts(formula: str) -> list:
    document = read_document(f"Then:\n\n$${formula}$$\n")
    return [r.verdict for r in check_derivation(document.derivation(), CheckConfig(budget=None)).results]


def statuses(formula: str) -> list[Status]:
    return [v.status for v in verdicts(formula)]


CASES = [  # a correct expansion and its broken variants
    (r"(1+\alpha)^3 = 1 + 3\alpha + O(\alpha^2)",
     [r"(1+\alpha)^3 = 1 + 2\alpha + O(\alpha^2)", r"(1+\alpha)^3 = 1 - 3\alpha + O(\alpha^2)"]),
    (r"e^{\alpha} = 1 + \alpha + \tfrac12\alpha^2 + O(\alpha^3)",
     [r"e^{\alpha} = 1 + \alpha - \tfrac12\alpha^2 + O(\alpha^3)", r"e^{\alpha} = 1 + \alpha + \alpha^2 + O(\alpha^3)",
      r"e^{\alpha} = 1 + 2\alpha + O(\alpha^3)"]),
    (r"\sqrt{1+\eta} = 1 + \tfrac{\eta}{2} + \mathcal{O}(\eta^2)",
     [r"\sqrt{1+\eta} = 1 + \eta + \mathcal{O}(\eta^2)", r"\sqrt{1+\eta} = 1 - \tfrac{\eta}{2} + \mathcal{O}(\eta^2)"]),
]


@pytest.mark.parametrize("right", [right for right, _ in CASES])
def test_a_correct_expansion_is_proved(right):
    found = verdicts(right)
    assert [v.status for v in found] == [Status.PROVED] and LOCAL_EXPANSION in found[0].used


@pytest.mark.parametrize("wrong", [w for _, wrongs in CASES for w in wrongs])
def test_a_broken_expansion_is_refuted(wrong):
    assert statuses(wrong) == [Status.REFUTED]


def test_a_remainder_larger_than_every_written_term_is_no_expansion():
    """2n^2 + O(n): the remainder is the small part as n -> infinity, a growth class (another theory's)."""
    assert remainder(2 * Symbol("n")**2 + BigO(Symbol("n"))) is None


def test_a_remainder_alone_says_nothing_of_its_direction():
    assert remainder(BigO(Symbol("alpha")**2)) is None


def test_an_integer_parameter_is_a_size_not_a_small_step():
    n = Symbol("n", integer=True, positive=True)
    assert remainder(1 + n + BigO(n**2)) is None


def test_a_step_true_at_infinity_but_not_at_zero_is_unknown():
    """n^3 = n^2 + O(n^3) holds as n -> infinity, fails as n -> 0: the document does not say which."""
    assert statuses(r"n^3 = n^2 + O(n^3)") == [Status.UNKNOWN]


# --- the extragradient update (imgemp) ---------------------------------------------------------------------

ALPHA = Symbol("alpha", real=True)
X = Symbol("x_k", real=True)
F, J = Function("F"), Function("J")
EXTRAGRADIENT = X - ALPHA * F(X - ALPHA * F(X))


def decide(lhs, rhs):
    return local_expansion(lhs, Relation.EQ, rhs, Context(symbols=(ALPHA, X)), CheckConfig())


def test_the_extragradient_step_with_the_derivative_of_f_is_proved():
    rhs = X - ALPHA * (F(X) - ALPHA * F(X).diff(X) * F(X)) + BigO(ALPHA**3)
    assert decide(EXTRAGRADIENT, rhs).status is Status.PROVED


def test_the_extragradient_step_with_the_wrong_sign_is_never_proved():
    rhs = X - ALPHA * (F(X) + ALPHA * F(X).diff(X) * F(X)) + BigO(ALPHA**3)
    assert decide(EXTRAGRADIENT, rhs).status is not Status.PROVED


def test_a_jacobian_the_document_does_not_link_to_f_is_unknown_showing_the_term():
    rhs = X - ALPHA * (F(X) - ALPHA * J(F(X)) * F(X)) + BigO(ALPHA**3)
    verdict = decide(EXTRAGRADIENT, rhs)
    assert verdict.status is Status.UNKNOWN and "J" in verdict.reason


def test_an_inequality_is_not_an_expansion():
    assert local_expansion(exp(ALPHA), Relation.LE, 1 + ALPHA + BigO(ALPHA**2), Context(), CheckConfig()) is None


@settings(max_examples=25, deadline=None)
@given(coefficients=st.lists(st.integers(min_value=-4, max_value=4), min_size=3, max_size=3),
       slip=st.integers(min_value=1, max_value=3), at=st.integers(min_value=0, max_value=1))
def test_a_polynomial_truncated_with_one_coefficient_changed_is_never_proved(coefficients, slip, at):
    """p(alpha) = its terms below alpha^2 + O(alpha^2) is proved; with a lower coefficient changed it
    is refuted (wherever the written part is an expansion: it has an alpha term)."""
    polynomial = sum(Integer(c) * ALPHA**k for k, c in enumerate(coefficients)) + ALPHA**3  # not O(alpha^2) at infinity
    truncated = Integer(coefficients[0]) + Integer(coefficients[1]) * ALPHA
    context = Context(symbols=(ALPHA,))
    if remainder(truncated + BigO(ALPHA**2)) is not None:
        assert local_expansion(polynomial, Relation.EQ, truncated + BigO(ALPHA**2), context,
                               CheckConfig()).status is Status.PROVED
    broken = truncated + slip * ALPHA**at + BigO(ALPHA**2)
    if remainder(broken) is not None:
        verdict = local_expansion(polynomial, Relation.EQ, broken, context, CheckConfig())
        assert verdict.status is Status.REFUTED
