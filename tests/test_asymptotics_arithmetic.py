"""Asymptotic arithmetic as textbooks write it: the one-way = and the rules of class arithmetic.

Each rule proves its correct form, and each broken variant (a dropped factor, a wrong
exponent, a swapped side, a cancelled difference) is never proved.
"""
from __future__ import annotations

import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st
from sympy import Add, Max, Mul, Sum

from verify.config import CheckConfig
from verify.engine.checker import check_step
from verify.model import Context, Relation
from verify.theories.asymptotics import form_of
from verify.theories.asymptotics.forms import (ABSORBED_FUNCTION, CONSTANT_IN_CLASS, DIFFERENCE_OF_CLASSES,
                                               FACTOR_INTO_CLASS, MAX_AS_SUM, PRODUCT_OF_CLASSES, SUM_OF_CLASSES,
                                               SUM_OVER_A_RANGE, Kind)
from verify.theories.asymptotics.inclusion import ONE_WAY_EQUALITY
from verify.verdict import Status
from verify.vocabulary import BigO, BigOmega, Theta

n, d, L, k, r = sympy.symbols("n d L k r", positive=True, integer=True)
l = sympy.Symbol("l", positive=True, integer=True)
CONTEXT = Context(symbols=(n, d, L, k, r), theories=("asymptotics", "algebra"))
INLINE = CheckConfig(budget=None)


def step(lhs, rhs, context=CONTEXT):
    return check_step(lhs, Relation.EQ, rhs, context, INLINE)


def minus(a, b):
    """``a - b`` as written: SymPy would cancel ``Theta(n) - Theta(n)`` to 0 before any check."""
    return Add(a, Mul(-1, b, evaluate=False), evaluate=False)


# ---- the one-way convention -------------------------------------------------------------------

def test_a_function_is_in_its_class_read_left_to_right():
    verdict = step(3 * n**2 + n, BigO(n**2))
    assert verdict.status is Status.PROVED and ONE_WAY_EQUALITY in verdict.used


def test_the_reversed_statement_class_equals_function_is_not_proved():
    assert step(BigO(n**2), 3 * n**2 + n).status is Status.UNKNOWN


def test_a_smaller_class_is_contained_in_a_larger_one():
    assert step(BigO(n), BigO(n**2)).status is Status.PROVED


def test_a_larger_class_is_not_contained_in_a_smaller_one():
    assert step(BigO(n**2), BigO(n)).status is Status.REFUTED


def test_a_theta_class_is_inside_its_o_class_but_not_conversely():
    assert step(Theta(n * d), BigO(n * d)).status is Status.PROVED
    assert step(BigO(n * d), Theta(n * d)).status is Status.REFUTED


def test_omega_is_inside_no_upper_bound():
    assert step(Theta(n**2), BigOmega(n)).status is Status.PROVED
    assert step(BigOmega(n), BigO(n)).status is Status.REFUTED


# ---- each rule of class arithmetic, and its broken variants ------------------------------------

def test_a_chain_of_a_factor_into_a_class():
    """T = n O(d^2) = O(n d^2) (d2l, comparing CNNs, RNNs and self-attention)."""
    verdict = step(n * BigO(d**2), BigO(n * d**2))
    assert verdict.status is Status.PROVED and FACTOR_INTO_CLASS in verdict.used


@pytest.mark.parametrize("wrong", [BigO(n**2 * d), BigO(d**2)], ids=["wrong class", "dropped factor"])
def test_a_factor_into_a_class_with_a_wrong_class_is_refuted(wrong):
    assert step(n * BigO(d**2), wrong).status is Status.REFUTED


def test_a_constant_factor_leaves_the_class():
    verdict = step(12 * BigO(n * d), BigO(n * d))
    assert verdict.status is Status.PROVED and CONSTANT_IN_CLASS in verdict.used


def test_a_constant_factor_is_no_exponent():
    assert step(12 * Theta(n), Theta(n**12)).status is Status.REFUTED


def test_a_negative_multiple_of_a_theta_class_is_not_a_theta_class():
    assert step(Mul(-2, Theta(n), evaluate=False), Theta(n)).status is not Status.PROVED


def test_sum_of_o_classes_is_the_class_of_the_sum_and_of_the_max():
    total = Add(BigO(n**2 * d), BigO(n * d**2), evaluate=False)
    verdict = step(total, BigO(n**2 * d + n * d**2))
    assert verdict.status is Status.PROVED and SUM_OF_CLASSES in verdict.used
    as_max = step(BigO(n**2 * d + n * d**2), BigO(Max(n**2 * d, n * d**2)))
    assert as_max.status is Status.PROVED and MAX_AS_SUM in as_max.used


@pytest.mark.parametrize("wrong", [BigO(n**2 * d), BigO(n * d**2)], ids=["dropped second", "dropped first"])
def test_a_sum_of_classes_that_drops_a_term_is_refuted(wrong):
    total = Add(BigO(n**2 * d), BigO(n * d**2), evaluate=False)
    assert step(total, wrong).status is Status.REFUTED


def test_terms_of_one_self_attention_layer_add_to_one_class():
    """O(n d n) + O(n n d) = O(n^2 d); the mutants O(n d^2) and O(n d) are wrong."""
    layer = Add(BigO(Mul(n, d, n, evaluate=False)), BigO(Mul(n, n, d, evaluate=False)), evaluate=False)
    assert step(layer, BigO(n**2 * d)).status is Status.PROVED
    assert step(layer, BigO(n * d**2)).status is Status.REFUTED
    assert step(layer, BigO(n * d)).status is Status.REFUTED


def test_product_of_classes():
    verdict = step(Mul(BigO(n), BigO(d), evaluate=False), BigO(n * d))
    assert verdict.status is Status.PROVED and PRODUCT_OF_CLASSES in verdict.used
    assert step(Mul(Theta(n), Theta(n), evaluate=False), Theta(n**2)).status is Status.PROVED


@pytest.mark.parametrize("wrong", [BigO(n + d), BigO(n)], ids=["sum for product", "dropped factor"])
def test_a_product_of_classes_with_a_wrong_class_is_refuted(wrong):
    assert step(Mul(BigO(n), BigO(d), evaluate=False), wrong).status is Status.REFUTED


def test_a_power_of_one_class_is_only_inside_the_class_of_the_power():
    """O(n)^2 holds only squares, never -n^2; O(n) O(n) holds both."""
    square = sympy.Pow(BigO(n), 2, evaluate=False)
    assert step(square, BigO(n**2)).status is Status.PROVED
    assert step(-n**2, square).status is not Status.PROVED
    assert step(-n**2, Mul(BigO(n), BigO(n), evaluate=False)).status is Status.PROVED


def test_a_max_is_the_class_of_its_largest_argument_not_of_one_of_them():
    assert step(BigO(Max(n**2, d)), BigO(n**2)).status is Status.REFUTED
    assert step(Theta(Max(n**2, d)), Theta(n**2 + d)).status is Status.PROVED


def test_an_upper_times_a_lower_bound_is_no_class():
    assert step(Mul(BigO(n), BigOmega(d), evaluate=False), BigO(n * d)).status is Status.UNKNOWN


def test_sum_over_layers():
    verdict = step(Sum(BigO(n**2 * d), (l, 1, L)), BigO(L * n**2 * d))
    assert verdict.status is Status.PROVED and SUM_OVER_A_RANGE in verdict.used
    assert step(Sum(Theta(n**2 * d), (l, 1, L)), Theta(L * n**2 * d)).status is Status.PROVED


@pytest.mark.parametrize("wrong", [Theta(n**2 * d), Theta(L**2 * n**2 * d)], ids=["dropped L", "L squared"])
def test_sum_over_layers_with_a_wrong_count_is_refuted(wrong):
    assert step(Sum(Theta(n**2 * d), (l, 1, L)), wrong).status is Status.REFUTED


def test_a_sum_of_a_class_depending_on_the_index_sums_the_bound():
    assert step(Sum(BigO(l * n), (l, 1, L)), BigO(L**2 * n)).status is Status.PROVED
    assert step(Sum(BigO(l * n), (l, 1, L)), BigO(L * n)).status is Status.REFUTED


@pytest.mark.parametrize("claimed", [sympy.S.Zero, Theta(n)], ids=["cancels to 0", "stays Theta"])
def test_a_difference_of_theta_terms_does_not_cancel(claimed):
    assert step(minus(Theta(n), Theta(n)), claimed).status is not Status.PROVED


def test_a_difference_of_theta_terms_is_only_an_o_class():
    verdict = step(minus(Theta(n), Theta(n)), BigO(n))
    assert verdict.status is Status.PROVED and DIFFERENCE_OF_CLASSES in verdict.used


def test_an_estimate_of_the_right_side_proves_nothing():
    """O(n^2) is not inside O(n) + Theta(n^2), which holds no function below n^2."""
    estimate = Add(BigO(n), Theta(n**2), evaluate=False)
    assert step(BigO(n**2), estimate).status is not Status.PROVED


def test_omega_classes_add_but_do_not_subtract():
    assert step(Add(BigOmega(n), BigOmega(d), evaluate=False), BigOmega(Max(n, d))).status is Status.PROVED
    assert step(minus(BigOmega(n), BigOmega(d)), BigOmega(n)).status is Status.UNKNOWN
    assert step(Add(BigOmega(n), BigOmega(d), evaluate=False), BigOmega(n * d)).status is Status.REFUTED


def test_an_upper_plus_a_lower_bound_is_no_class():
    assert step(Add(BigO(n), BigOmega(d), evaluate=False), BigO(n + d)).status is Status.UNKNOWN


def test_a_function_plus_a_class_is_shifted_by_lower_order_functions_only():
    assert step(n**2 + BigO(n), n**2 + 5 + BigO(n)).status is Status.PROVED
    assert step(n**2 + BigO(n), n + BigO(n)).status is Status.REFUTED
    assert step(n**2 + BigO(n), n**2 + BigO(1)).status is Status.REFUTED


def test_a_function_plus_a_class_is_inside_the_class_of_the_sum():
    verdict = step(n**2 + BigO(n), BigO(n**2))
    assert verdict.status is Status.PROVED
    assert form_of(n**2 + Theta(n)).kind is Kind.THETA
    assert ABSORBED_FUNCTION in step(Mul(n**2 + BigO(n), BigO(d), evaluate=False), BigO(n**2 * d)).used


def test_a_function_plus_a_theta_class_is_inside_the_theta_class_of_the_sum():
    verdict = step(n + Theta(d), Theta(n + d))
    assert verdict.status is Status.PROVED and ABSORBED_FUNCTION in verdict.used
    assert step(n + Theta(d), Theta(d)).status is Status.REFUTED
    assert step(n**2 + BigOmega(d), BigOmega(n**2 * d)).status is Status.REFUTED


# ---- stated relations and substitutions --------------------------------------------------------

NARROW = Context(symbols=(n, d), theories=("asymptotics", "algebra"), relations=(n < d,))


def test_a_stated_relation_between_sizes_drops_the_dominated_term():
    assert step(BigO(n**2 * d + n * d**2), BigO(n * d**2), NARROW).status is Status.PROVED
    assert step(BigO(n**2 * d + n * d**2), BigO(n * d**2)).status is Status.REFUTED


def test_self_attention_is_cheaper_than_recurrence_when_n_is_below_d():
    verdict = check_step(n**2 * d, Relation.LT, n * d**2, NARROW, INLINE)
    assert verdict.status is Status.PROVED


@pytest.mark.parametrize("relation, rhs", [(Relation.GT, n * d**2), (Relation.LT, n * d)],
                         ids=["flipped inequality", "wrong exponent"])
def test_a_wrong_comparison_is_refuted_at_a_point_satisfying_the_premises(relation, rhs):
    verdict = check_step(n**2 * d, relation, rhs, NARROW, INLINE)
    assert verdict.status is Status.REFUTED
    point = {sympy.Symbol(x, positive=True, integer=True): int(v) for x, v in verdict.counterexample.assignment}
    assert point[n] < point[d]


def test_a_ratio_below_one_follows_from_the_relation():
    assert check_step(n / d, Relation.LT, sympy.S.One, NARROW, INLINE).status is Status.PROVED
    wide = Context(symbols=(n, d), theories=("asymptotics", "algebra"), relations=(d < n,))
    assert check_step(n / d, Relation.LT, sympy.S.One, wide, INLINE).status is Status.REFUTED


def test_a_non_strict_premise_does_not_prove_a_strict_comparison():
    weak = Context(symbols=(n, r), theories=("asymptotics", "algebra"), relations=(r <= n,))
    assert check_step(r, Relation.LE, n, weak, INLINE).status is Status.PROVED
    assert check_step(r, Relation.LT, n, weak, INLINE).status is not Status.PROVED


def test_a_substitution_fact_is_applied_inside_the_class():
    from verify.model import Fact

    context = Context(symbols=(n, d, k), facts=(Fact("k = n", k, n),), theories=("asymptotics", "algebra"))
    separable = BigO(k * n * d + n * d**2)
    assert step(separable, BigO(n**2 * d + n * d**2), context).status is Status.PROVED
    assert step(separable, BigO(n**2 * d), context).status is Status.REFUTED
    assert step(separable, BigO(n * d**2), context).status is Status.REFUTED


def test_a_multiplier_of_unknown_sign_is_bounded_by_its_terms_in_an_o_class():
    """(n - k + 1) O(k d) = O(n k d) when k <= n (a 1D convolution applied n - k + 1 times)."""
    applied = Mul(n - k + 1, BigO(k * d), evaluate=False)
    long_input = Context(symbols=(n, k, d), theories=("asymptotics", "algebra"), relations=(k <= n,))
    assert step(applied, BigO(n * k * d), long_input).status is Status.PROVED
    assert step(applied, BigO(n * k * d)).status is not Status.PROVED
    for wrong in (BigO(k * d), BigO(n * k)):
        assert step(applied, wrong, long_input).status is not Status.PROVED


def test_a_lower_estimate_from_the_relations_refutes_a_class_too_small():
    """With k <= n, (n - k + 1) k d is at least k d, which already outgrows O(n k) as d grows."""
    applied = Mul(n - k + 1, BigO(k * d), evaluate=False)
    long_input = Context(symbols=(n, k, d), theories=("asymptotics", "algebra"), relations=(k <= n,))
    assert step(applied, BigO(n * k), long_input).status is Status.REFUTED
    assert step((n - k + 1) * k * d, BigOmega(k * d), long_input).status is Status.PROVED
    assert step((n - k + 1) * k * d, BigOmega(n * k * d), long_input).status is not Status.PROVED


def test_a_multiplier_of_unknown_sign_is_not_taken_into_a_theta_class():
    assert step(Mul(n - k, Theta(d), evaluate=False), Theta(n * d)).status is not Status.PROVED


def test_named_costs_defined_as_classes_are_read_as_their_classes():
    """T_attn = O(n^2 d) and T_ffn = O(n d^2) are definitions; T_attn + T_ffn = O(n^2 d + n d^2)."""
    from verify.model import Fact

    attention, feed_forward = sympy.symbols("T_attn T_ffn", positive=True)
    named = Context(symbols=(n, d, attention, feed_forward), theories=("asymptotics", "algebra"),
                    facts=(Fact("T_attn", attention, BigO(n**2 * d)), Fact("T_ffn", feed_forward, BigO(n * d**2))))
    layer = attention + feed_forward
    assert step(layer, BigO(n**2 * d + n * d**2), named).status is Status.PROVED
    assert step(layer, BigO(n**2 * d), named).status is Status.REFUTED


def test_a_ratio_of_costs_is_simplified_and_compared_under_the_relation():
    """n^2 d / (n d^2) = n / d < 1 when n < d (self-attention against a recurrent layer)."""
    ratio = Mul(n**2 * d, sympy.Pow(n * d**2, -1), evaluate=False)
    assert check_step(ratio, Relation.EQ, n / d, NARROW, INLINE).status is Status.PROVED
    assert check_step(ratio, Relation.EQ, d / n, NARROW, INLINE).status is Status.REFUTED
    assert check_step(n / d, Relation.LT, sympy.S.One, NARROW, INLINE).status is Status.PROVED
    assert check_step(n / d, Relation.GT, sympy.S.One, NARROW, INLINE).status is Status.REFUTED


# ---- properties --------------------------------------------------------------------------------

exponents = st.integers(0, 3)
monomials = st.tuples(exponents, exponents, exponents).map(lambda e: n ** e[0] * d ** e[1] * L ** e[2])


@settings(max_examples=30, deadline=None)
@given(monomials, monomials, st.integers(1, 9))
def test_the_rules_prove_their_stated_forms_for_all_monomials(f, g, c):
    assert step(Mul(c * f, BigO(g), evaluate=False), BigO(f * g)).status is Status.PROVED
    assert step(Mul(BigO(f), BigO(g), evaluate=False), BigO(f * g)).status is Status.PROVED
    assert step(Add(BigO(f), BigO(g), evaluate=False), BigO(f + g)).status is Status.PROVED
    assert step(Add(Theta(f), Theta(g), evaluate=False), Theta(Max(f, g))).status is Status.PROVED


@settings(max_examples=30, deadline=None)
@given(monomials, monomials)
def test_class_inclusion_is_membership_of_the_bound(f, g):
    """O(f) = O(g) holds exactly when f = O(g); and it is never left undecided for monomials."""
    inclusion, membership = step(BigO(f), BigO(g)), step(f, BigO(g))
    assert inclusion.status is membership.status
    assert inclusion.status in (Status.PROVED, Status.REFUTED)


@settings(max_examples=30, deadline=None)
@given(monomials, monomials)
def test_a_difference_of_theta_terms_is_never_proved_a_theta_class_or_zero(f, g):
    difference = minus(Theta(f), Theta(g))
    for claimed in (sympy.S.Zero, Theta(f), Theta(g), Theta(f + g), f - g):
        assert step(difference, claimed).status is not Status.PROVED


def test_a_max_with_a_minus_sign_is_not_read_as_a_sum():
    """max(n, d) - d is 0 whenever d >= n: it is not Theta(n), though n + d - d is n."""
    assert step(Add(Max(n, d), -d, evaluate=False), Theta(n)).status is not Status.PROVED


def test_a_class_summed_over_a_range_needs_a_positive_summand():
    """The bound l - L/2 changes sign over 1..L; summed it is small, the summed classes are not."""
    assert step(Sum(BigO(l - L / 2), (l, 1, L)), BigO(L)).status is not Status.PROVED


def test_a_size_in_a_denominator_is_decided_when_a_relation_makes_it_a_size():
    """Path lengths O(n / r) of restricted self-attention, with the neighbourhood r <= n."""
    restricted = Context(symbols=(n, r), theories=("asymptotics", "algebra"), relations=(r <= n,))
    assert step(n / r, BigO(n), restricted).status is Status.PROVED
    assert step(BigO(n), BigO(n / r), restricted).status is Status.REFUTED


def test_a_positive_real_in_a_denominator_is_not_taken_for_a_size():
    """O(n / eps) with an accuracy eps: eps may shrink, so growth along sizes >= 1 says nothing."""
    eps = sympy.Symbol("epsilon", positive=True)
    context = Context(symbols=(n, eps), theories=("asymptotics", "algebra"))
    assert step(n / eps, BigO(n), context).status is Status.UNKNOWN


g = sympy.Symbol("g", positive=True, integer=True)
GROUPS = Context(symbols=(n, d, g), theories=("asymptotics", "algebra"))


def test_a_count_in_a_denominator_is_a_size():
    """Grouped convolution: g groups of c/g channels each cost O(g (n/g)(d/g)) = O(n d / g)."""
    assert step(BigO(g * (n / g) * (d / g)), BigO(n * d / g), GROUPS).status is Status.PROVED


@pytest.mark.parametrize("wrong", [n * d / g**2, n + d, d / g, n / g])
def test_a_wrong_class_with_a_count_in_a_denominator_is_refuted(wrong):
    assert step(BigO(n * d / g), BigO(wrong), GROUPS).status is Status.REFUTED


# ---- numeric twins: representatives of the classes, and points satisfying the premises ----------

growth_directions = st.tuples(st.integers(0, 3), st.integers(0, 3), st.integers(0, 3)).filter(any)
SIZES = (n, d, L)


def _along(expr, direction, N):
    return sympy.Rational(expr.xreplace({x: sympy.Integer(N) ** y for x, y in zip(SIZES, direction)}))


def _grows(ratio, direction) -> bool:
    """The ratio gains more than a factor 16 from N = 2^6 to 2^16: it grows like a power of N."""
    return _along(ratio, direction, 2**16) > 16 * _along(ratio, direction, 2**6)


@st.composite
def class_expressions(draw):
    """An expression of class arithmetic and a representative: each written class K(m) replaced by c m."""
    kind = draw(st.sampled_from(["scaled", "factor", "sum", "product", "layers"]))
    f, g = draw(monomials), draw(monomials)
    a, b = draw(st.integers(1, 7)), draw(st.integers(1, 7))
    if kind == "scaled":
        return Mul(a, BigO(f), evaluate=False), a * b * f
    if kind == "factor":
        return Mul(f, Theta(g), evaluate=False), f * b * g
    if kind == "sum":
        return Add(BigO(f), Theta(g), evaluate=False), a * f + b * g
    if kind == "product":
        return Mul(BigO(f), Theta(g), evaluate=False), a * f * b * g
    return Sum(BigO(f), (l, 1, L)), L * a * f


@settings(max_examples=60, deadline=None)
@given(class_expressions(), monomials, st.lists(growth_directions, min_size=8, max_size=8))
def test_a_proved_class_bounds_every_representative_and_a_refuted_one_does_not(written, g, directions):
    expr, representative = written
    verdict = step(expr, BigO(g))
    grows = any(_grows(representative / g, y) for y in directions + [(1, 1, 1), (1, 0, 0), (0, 1, 0), (0, 0, 1)])
    if verdict.status is Status.PROVED:
        assert not grows
    else:
        assert verdict.status is Status.REFUTED


powers = st.tuples(st.integers(-2, 2), st.integers(-2, 2), st.integers(-2, 2))


natural_powers = st.tuples(st.integers(0, 2), st.integers(0, 2), st.integers(0, 2))


def _power(e):
    return n ** e[0] * d ** e[1] * L ** e[2]


@settings(max_examples=60, deadline=None)
@given(powers, st.lists(st.tuples(powers, st.booleans()), min_size=1, max_size=3),
       st.lists(st.tuples(st.integers(1, 40), st.integers(1, 40), st.integers(1, 40)), min_size=20, max_size=20))
def test_a_comparison_proved_from_premises_holds_wherever_the_premises_do(ratio, premises, points):
    relations = tuple((_power(e) < 1) if strict else (_power(e) <= 1) for e, strict in premises)
    context = Context(symbols=SIZES, theories=("asymptotics", "algebra"), relations=relations)
    verdict = check_step(_power(ratio), Relation.LT, sympy.S.One, context, INLINE)
    for point in points:
        at = dict(zip(SIZES, map(sympy.Integer, point)))
        if all(bool(p.xreplace(at)) for p in relations):
            holds = bool(_power(ratio).xreplace(at) < 1)
            assert holds or verdict.status is not Status.PROVED


def test_a_claim_uses_the_relations_the_context_states():
    from verify.engine.checker import check_claim
    from verify.model import Claim

    h = sympy.Symbol("h", positive=True, integer=True)
    heads = Context(symbols=(n, h, L), theories=("asymptotics", "algebra"), relations=(h <= n,))
    cost = n * L + h * n**2 * L
    assert check_claim(Claim("space", "theta", cost, Theta(n**3 * L)), heads, INLINE).status is Status.REFUTED
    assert check_claim(Claim("space", "big_o", cost, BigO(n**3 * L)), heads, INLINE).status is Status.PROVED
    assert check_claim(Claim("space", "big_o", cost, BigO(n**3 * L)), CONTEXT, INLINE).status is Status.REFUTED


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(-4, 4), natural_powers), min_size=1, max_size=4),
       st.lists(st.tuples(natural_powers, natural_powers), min_size=1, max_size=2),
       st.lists(st.tuples(st.integers(1, 30), st.integers(1, 30), st.integers(1, 30)), min_size=15, max_size=15))
def test_a_lower_estimate_is_below_the_function_wherever_the_relations_hold(terms, pairs, points):
    from verify.theories.asymptotics.relations import lower_estimate

    f = sum(c * _power(e) for c, e in terms)
    relations = tuple(_power(a) <= _power(b) for a, b in pairs if _power(a) != _power(b))
    lower = lower_estimate(f, relations)
    for point in points:
        at = dict(zip(SIZES, map(sympy.Integer, point)))
        if lower is not None and all(bool(r.xreplace(at)) for r in relations):
            assert lower.xreplace(at) <= f.xreplace(at)
