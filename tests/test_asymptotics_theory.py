"""The asymptotics theory: Theta-classes by monomial dominance, comparisons, claim verdicts."""
from __future__ import annotations

from fractions import Fraction

import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st
from sympy import Rational, log, sqrt

from verify.config import CheckConfig
from verify.engine.checker import check_claim, check_step
from verify.model import Claim, Context, Relation
from verify.theories.asymptotics import compare_classes, theta_class
from verify.theories.asymptotics.classes import cone_for
from verify.theories.asymptotics.dominance import dominated, maximise
from verify.theories.asymptotics.sums import close_sums
from verify.theories.asymptotics.terms import terms_of
from verify.verdict import Status
from verify.vocabulary import BigO, BigOmega, Theta

t, n, L, h, r, m = sympy.symbols("t n L h r m", positive=True, integer=True)
CONTEXT = Context(symbols=(t, n, L, h, r), theories=("asymptotics", "algebra"))
INLINE = CheckConfig(budget=None)

SAME_CLASS = [
    ("reordered factors", t * n**2 * L, L * n**2 * t),
    ("lower-order term", t * n**2 * L + t * n, t * n**2 * L),
    ("constant factors", 12 * t * n**2 * L + t**2 * n * L + t * n * L, t * n**2 * L + t**2 * n * L),
    ("expanded product", t * (n + 1) ** 2, t * n**2),
    ("convex combination", n**2 + n * m + m**2, n**2 + m**2),
    ("rational exponents", sqrt(n) * t + n ** Rational(1, 3), sqrt(n) * t),
    ("log factor below a power", n**2 + n * log(n), n**2),
    ("dominated negative term", n**2 - n, n**2),
]

KIND_CASES = [
    ("squared t is too loose", t**2 * n**2 * L, t * n**2 * L, "too_loose"),
    ("missing the projection term", t**2 * n * L, 12 * t * n**2 * L + 2 * t**2 * n * L, "missing_term"),
    ("smaller than every term", t * n * L, t * n**2 * L, "too_tight"),
    ("neither dominates", n**3, t * n**2, "incomparable"),
    ("lower-order terms listed", t * n**2 * L + t * n, t * n**2 * L, "same_with_lower_order_terms"),
    ("exact class", L * t * n**2, 2 * t * n**2 * L, "same"),
    ("log factor missing", n, n * log(n), "too_tight"),
]


@pytest.mark.parametrize("name, a, b", SAME_CLASS, ids=[c[0] for c in SAME_CLASS])
def test_same_class_expressions_have_equal_theta_classes(name, a, b):
    assert theta_class(a) == theta_class(b)


def test_a_different_power_is_a_different_class():
    assert theta_class(t**2 * n**2 * L) != theta_class(t * n**2 * L)


@pytest.mark.parametrize("name, claimed, expected, kind", KIND_CASES, ids=[c[0] for c in KIND_CASES])
def test_comparison_kinds(name, claimed, expected, kind):
    assert compare_classes(claimed, expected).kind == kind


def test_missing_term_explanation_names_the_term_and_a_growth_direction():
    text = compare_classes(t**2 * n * L, 12 * t * n**2 * L + t**2 * n * L).explanation
    assert "L*n**2*t" in text and "let n grow" in text


def test_cross_term_is_dominated_by_a_combination_not_by_one_monomial():
    """n m <= (n^2 + m^2)/2: dominance by single monomials alone would wrongly refute this."""
    assert compare_classes(n**2 + m**2, n * m + n**2 + m**2).kind == "same"


def test_assumption_restricts_growth_directions():
    assert compare_classes(t / r, (t - 1) / r + 1).kind == "missing_term"
    assert compare_classes(t / r, (t - 1) / r + 1, (r <= t,)).kind == "same"


def test_heads_bounded_by_width_make_the_quadratic_space_claim_loose():
    assert compare_classes(t**2 * n**2 * L, t * n * L + h * t**2 * L).kind == "incomparable"
    assert compare_classes(t**2 * n**2 * L, t * n * L + h * t**2 * L, (h <= n,)).kind == "too_loose"


@pytest.mark.parametrize("expr", [sympy.exp(n), n**t, sympy.Max(n, t), n - n**2, log(log(n)), (n + t) ** 40],
                         ids=["exp", "symbolic exponent", "max", "negative leading term", "iterated log",
                              "huge power of a sum"])
def test_unsupported_expressions_are_unknown_not_guessed(expr):
    comparison = compare_classes(expr, n)
    assert comparison.kind == "unknown" and comparison.explanation.startswith("not decided")


def claim(kind, subject, value, assumptions=()):
    return check_claim(Claim("a claim", kind, subject, value, assumptions=assumptions), CONTEXT, INLINE)


def test_theta_claim_is_proved_with_its_argument():
    verdict = claim("theta", 2 * t * n**2 * L + t * n * L, Theta(t * n**2 * L))
    assert verdict.status is Status.PROVED and "maximal monomials" in verdict.reason


def test_theta_claim_missing_a_term_is_refuted():
    verdict = claim("theta", 12 * t * n**2 * L + 2 * t**2 * n * L, Theta(t**2 * n * L))
    assert verdict.status is Status.REFUTED and "L*n**2*t" in verdict.reason


def test_loose_big_o_claim_is_proved_but_a_loose_theta_is_refuted():
    cost = 10 * t * n * L + h * t**2 * L
    assert claim("big_o", cost, BigO(t**2 * n**2 * L), (h <= n,)).status is Status.PROVED
    assert claim("theta", cost, Theta(t**2 * n**2 * L), (h <= n,)).status is Status.REFUTED


def test_omega_claim_holds_for_a_smaller_class_only():
    cost = 12 * t * n**2 * L + t**2 * n * L
    assert claim("omega", cost, BigOmega(t**2 * n * L)).status is Status.PROVED
    assert claim("omega", cost, BigOmega(t**2 * n**2 * L)).status is Status.REFUTED


def test_same_class_claim_on_unsupported_expression_is_unknown():
    assert claim("same_class", sympy.exp(n), n).status is Status.UNKNOWN


def test_claim_without_a_class_is_unknown():
    assert claim("theta", t * n, None).status is Status.UNKNOWN


def test_polynomial_sums_are_closed_exactly_by_the_canonical_tier():
    k, l = sympy.symbols("k l", positive=True, integer=True)
    total = sympy.Sum(sympy.Sum(12 * n**2 + 2 * k * n, (k, 1, t)), (l, 1, L))
    verdict = check_step(total, Relation.EQ, L * (12 * t * n**2 + t**2 * n + t * n), CONTEXT, INLINE)
    assert verdict.status is Status.PROVED


def test_a_wrong_closed_form_is_not_proved():
    k = sympy.Symbol("k", positive=True, integer=True)
    verdict = check_step(sympy.Sum(k, (k, 1, t)), Relation.EQ, t**2 / 2, CONTEXT, INLINE)
    assert verdict.status is Status.REFUTED


exponents = st.fractions(min_value=-3, max_value=3, max_denominator=3)
monomials = st.tuples(exponents, exponents, exponents).map(lambda e: t ** e[0] * n ** e[1] * L ** e[2])


@settings(max_examples=40, deadline=None)
@given(st.lists(monomials, min_size=1, max_size=4), st.integers(1, 9))
def test_adding_dominated_terms_keeps_the_class(top, factor):
    """Terms each below a monomial of the sum (times constants) leave the class unchanged."""
    cost = sum(top)
    lowered = sum(term / t + term / (n * L) for term in top)
    assert theta_class(factor * cost + 3 * lowered) == theta_class(cost)


@settings(max_examples=40, deadline=None)
@given(st.lists(monomials, min_size=1, max_size=4), st.lists(monomials, min_size=1, max_size=4))
def test_comparison_is_antisymmetric(a, b):
    forward, backward = compare_classes(sum(a), sum(b)), compare_classes(sum(b), sum(a))
    assert forward.upper_bound_holds == backward.lower_bound_holds
    assert forward.same_class == backward.same_class


@settings(max_examples=40, deadline=None)
@given(monomials, st.lists(monomials, min_size=1, max_size=3))
def test_a_refuting_witness_direction_makes_the_ratio_grow(single, others):
    """When s is not O(sum T), s / sum T grows along x = N^y for the reported direction y."""
    s = terms_of(single)[0].monomial
    cone = cone_for(["L", "n", "t"])
    decision = dominated(s, [terms_of(o)[0].monomial for o in others], cone)
    if decision.holds:
        return
    ratio = single / sum(others)
    at = lambda N: float(ratio.subs({sympy.Symbol(x, positive=True, integer=True): sympy.Integer(N) ** (y * 6)
                                     for x, y in zip(cone.names, decision.direction)}))
    assert at(2**4) > at(2) * 2 ** (3 * 6 * float(decision.gap)) / 2


@settings(max_examples=30, deadline=None)
@given(st.lists(st.integers(-5, 5), min_size=1, max_size=5), st.integers(-3, 4), st.integers(0, 9))
def test_closed_form_sums_agree_with_adding_up(coefficients, low, length):
    k = sympy.Symbol("k", integer=True)
    count = sympy.Symbol("count", integer=True, nonnegative=True)  # how many terms: the range is never reversed
    body = (sum(c * k**j for j, c in enumerate(coefficients)) + k ** len(coefficients)) * n
    closed, changed = close_sums(sympy.Sum(body, (k, low, low - 1 + count)))
    high = low + length
    assert changed and closed.subs(count, length + 1) == sum(body.subs(k, i) for i in range(low, high + 1))


def test_a_sum_whose_range_may_be_reversed_is_not_closed():
    k, a, b = sympy.Symbol("k", integer=True), sympy.Symbol("a", integer=True), sympy.Symbol("b", integer=True)
    assert close_sums(sympy.Sum(k, (k, a, b))) == (sympy.Sum(k, (k, a, b)), False)
    assert close_sums(sympy.Sum(k**2, (k, 4, 1)))[1] is False


def test_simplex_finds_the_optimum_of_a_small_programme():
    value, x = maximise([Fraction(1), Fraction(1)], [[Fraction(1), Fraction(2)], [Fraction(3), Fraction(1)]],
                        [Fraction(4), Fraction(6)])
    assert value == Fraction(14, 5) and x == (Fraction(8, 5), Fraction(6, 5))
