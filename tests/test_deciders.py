"""Each tier of the checker alone: a decider settles the steps of its kind and passes on the rest."""
from __future__ import annotations

from hypothesis import given, settings
from sympy import Integer, Matrix, Rational, Symbol, expand, log, sqrt

from verify.config import CheckConfig
from verify.engine import checker
from verify.engine.budget import Ending, Outcome
from verify.engine.checker import (DECIDERS, StepQuestion, approximation, canonical_forms, check_claim, check_step,
                                   check_twin, cited_rule, decide, identical, numeric, outcome_verdict, shape_mismatch,
                                   step_handlers, undefined_sides)
from verify.model import Claim, Context, Relation, TwinCheck
from verify.rules import Rule
from verify.undecided import Undecided
from verify.verdict import Status, Tier, Verdict, proved

from .strategies import X, Y, polynomials

CONTEXT = Context(symbols=(X, Y))
INLINE = CheckConfig(budget=None, samples=4)


def question(lhs, relation, rhs, justification=None, context=CONTEXT) -> StepQuestion:
    return StepQuestion(lhs, Relation(relation), rhs, context, INLINE, justification)


def test_undefined_sides_decides_a_division_by_zero_as_unknown():
    assert undefined_sides(question(Integer(1) / 0, "=", Integer(2))).status is Status.UNKNOWN


def test_undefined_sides_passes_on_defined_sides():
    assert undefined_sides(question(X, "=", Y)) is None


def test_shape_mismatch_refutes_matrices_of_different_sizes():
    assert shape_mismatch(question(Matrix([[1, 2], [3, 4]]), "=", Matrix([1, 2]))).status is Status.REFUTED


def test_shape_mismatch_passes_on_matrices_of_one_size():
    assert shape_mismatch(question(Matrix([1, 2]), "=", Matrix([2, 1]))) is None


def test_approximation_is_proved_when_the_sides_are_equal():
    assert approximation(question(X + X, "~=", 2 * X)).status is Status.PROVED  # equal, so approximately equal


def test_approximation_in_open_names_that_is_not_exact_is_unknown():
    assert approximation(question(X**2 + X, "~=", X**2)).status is Status.UNKNOWN


def test_approximation_passes_on_an_equality():
    assert approximation(question(X + X, "=", 2 * X)) is None


def test_identical_proves_a_restatement():
    assert identical(question(X + Y, "<=", X + Y)).status is Status.PROVED


def test_identical_passes_on_a_strict_inequality_between_identical_sides():
    assert identical(question(X, "<", X)) is None


def test_cited_rule_lets_a_rule_with_a_check_decide(monkeypatch):
    doubling = Rule("doubling", "x + x = 2 x", check=lambda lhs, relation, rhs, context: proved("doubled"))
    monkeypatch.setattr(checker, "find_rule", lambda name: doubling if name == "doubling" else None)
    assert cited_rule(question(X + X, "=", 2 * X, "doubling")).reason == "doubled"


def test_cited_rule_passes_on_a_step_citing_no_known_rule():
    assert cited_rule(question(X + X, "=", 2 * X, "because I say so")) is None


def test_step_handlers_decide_a_big_o_step():
    from verify.vocabulary import BigO

    n = Symbol("n", positive=True)
    sizes = Context(symbols=(n,), theories=("algebra", "asymptotics"))
    assert step_handlers(question(n**2 + n, "=", BigO(n**2), context=sizes)).status is Status.PROVED


def test_step_handlers_pass_on_a_plain_equality():
    assert step_handlers(question((X + Y) ** 2, "=", X**2 + 2 * X * Y + Y**2)) is None


def test_canonical_forms_prove_the_log_of_a_product_with_the_rules_used():
    verdict = canonical_forms(question(log(X * Y), "=", log(X) + log(Y)))
    assert verdict.status is Status.PROVED and verdict.used


def test_canonical_forms_refute_a_constant_residual_of_the_wrong_sign():
    assert canonical_forms(question(X**2 + 1, ">=", X**2 + 2)).status is Status.REFUTED


def test_canonical_forms_pass_on_a_residual_they_cannot_decide():
    assert canonical_forms(question((X + Y) ** 2, "=", X**2 + Y**2)) is None


def test_numeric_refutes_a_dropped_cross_term_with_a_counterexample_and_the_residual():
    verdict = numeric(question((X + Y) ** 2, "=", X**2 + Y**2))
    assert verdict.status is Status.REFUTED and verdict.counterexample is not None
    assert verdict.residual == str(expand(2 * X * Y))


@settings(max_examples=25, deadline=None)
@given(polynomials, polynomials)
def test_numeric_always_decides_and_never_proves(lhs, rhs):
    verdict = numeric(question(lhs, "=", rhs))
    assert verdict is not None and verdict.status is not Status.PROVED


def test_the_tiers_run_in_the_order_of_the_table():
    tiers = [tier for tier, _ in DECIDERS]
    assert tiers.index(Tier.IDENTICAL) < tiers.index(Tier.CANONICAL) < tiers.index(Tier.NUMERIC) == len(tiers) - 1


def test_decide_stamps_the_tier_of_the_first_decider_that_settles():
    table = ((Tier.STRUCTURAL, lambda step: None), (Tier.RULE, lambda step: proved("first")),
             (Tier.NUMERIC, lambda step: proved("second")))
    verdict = decide(question(X, "=", Y), table)
    assert (verdict.reason, verdict.tier) == ("first", Tier.RULE)


def test_a_decider_that_meets_what_it_cannot_decide_gives_unknown_with_the_reason():
    def undecidable(step):
        raise Undecided("no value for the symbol q")

    verdict = decide(question(X, "=", Y), ((Tier.STEP_HANDLER, undecidable), (Tier.NUMERIC, numeric)))
    assert (verdict.status, verdict.tier, verdict.reason) == (Status.UNKNOWN, Tier.STEP_HANDLER,
                                                              "no value for the symbol q")


def test_check_step_says_which_tier_decided():
    assert check_step(X + Y, "=", X + Y, CONTEXT, INLINE).tier is Tier.IDENTICAL
    assert check_step((X + Y) ** 2, "=", X**2 + 2 * X * Y + Y**2, CONTEXT, INLINE).tier is Tier.CANONICAL
    assert check_step(sqrt(X**2 + 1), "~=", X, CONTEXT, INLINE).tier is Tier.STRUCTURAL
    assert check_step(Integer(4), "~=", Rational(39, 10), CONTEXT, INLINE).tier is Tier.ROUNDING
    assert check_step((X + Y) ** 2, "=", X**2 + Y**2, CONTEXT, INLINE).tier is Tier.NUMERIC


def test_a_claim_without_a_handler_is_unknown_from_the_claim_tier():
    verdict = check_claim(Claim("a claim", "no such kind", X), CONTEXT, INLINE)
    assert (verdict.status, verdict.tier) == (Status.UNKNOWN, Tier.CLAIM)


def test_a_twin_verdict_comes_from_the_twin_tier():
    twin = TwinCheck("agrees", lambda config: Verdict(Status.CONSISTENT, "agrees", samples=3))
    assert check_twin(twin, INLINE).tier is Tier.TWIN


def test_a_timeout_is_unknown_from_the_budget_tier():
    verdict = outcome_verdict(Outcome(Ending.TIMEOUT, None, 500.0), 0.5)
    assert (verdict.status, verdict.tier) == (Status.UNKNOWN, Tier.BUDGET)


def test_a_crashed_check_is_unknown_with_no_python_text():
    verdict = outcome_verdict(Outcome(Ending.CRASH, "the checker met a construct", 1.0, "ValueError: bad"), 0.5)
    assert (verdict.status, verdict.tier) == (Status.UNKNOWN, Tier.FAILURE) and "ValueError" not in verdict.reason


def test_a_failed_check_is_unknown_from_the_failure_tier():
    verdict = outcome_verdict(Outcome(Ending.ERROR, "ValueError: bad", 1.0), 0.5)
    assert (verdict.status, verdict.tier) == (Status.UNKNOWN, Tier.FAILURE)
