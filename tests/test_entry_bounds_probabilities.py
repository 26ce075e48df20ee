"""Families whose generic entry a premise bounds (``0 <= \\pi_i <= 1``, a probability the prose names):
every entry is drawn inside the bound, so a step that needs it is never refuted for leaving it and a
wrong one is refuted at a legal instance; a name the prose calls a probability is read as in [0, 1]."""
from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from sympy import IndexedBase, Integer, LessThan, Product, StrictLessThan, Sum, Symbol, log

from verify.config import CheckConfig
from verify.engine.numeric import numeric_check
from verify.engine.sampling import bounded_entries, entry_bounds
from verify.evaluation import Evaluator
from verify.model import Context, Relation
from verify.parsing.premises import probabilities_in_prose
from verify.theories.base import Instance
from verify.verdict import Status

from tests.documents import check_statuses

CONFIG = CheckConfig(seed=3, samples=6, budget=None)
i = Symbol("i", integer=True, positive=True)
n = Symbol("n", integer=True, positive=True)
pi = IndexedBase("pi", real=True)
ENTRY = Symbol("pi_i", real=True)
PROBABILITY = (LessThan(Integer(0), ENTRY, evaluate=False), LessThan(ENTRY, Integer(1), evaluate=False))
WITH = Context(theories=("algebra",), relations=PROBABILITY)
LOG_PRODUCT = log(Product(pi[i] * (1 - pi[i]), (i, 1, n)))
SUM_OF_LOGS = Sum(log(pi[i]) + log(1 - pi[i]), (i, 1, n))
EVERYWHERE = lambda at: True  # noqa: E731 -- every sentence a premise


def check(lhs, rhs, context=WITH):
    return numeric_check(lhs, Relation.EQ, rhs, context, CONFIG)


def test_a_bound_on_the_generic_entry_bounds_the_family():
    (bound,) = entry_bounds(WITH, LOG_PRODUCT)
    assert (bound.base, bound.low, bound.high) == (pi, 0.0, 1.0)


def test_a_bound_on_one_entry_bounds_no_family():
    one = Symbol("pi_1", real=True)
    context = Context(theories=("algebra",), relations=(StrictLessThan(Integer(0), one, evaluate=False),))
    assert entry_bounds(context, LOG_PRODUCT) == ()


def test_a_name_the_expression_writes_itself_is_a_scalar_not_an_entry():
    assert entry_bounds(WITH, LOG_PRODUCT + ENTRY) == ()


@settings(max_examples=25, deadline=None)
@given(seed=st.integers(0, 10_000), position=st.integers(1, 30))
def test_every_drawn_entry_lies_inside_the_bound(seed, position):
    instance = Instance()
    bounded_entries(WITH, LOG_PRODUCT, np.random.default_rng(seed), instance)
    value = Evaluator(instance.values, instance.hooks)(pi[position])
    assert 0 < value < 1


def test_log_of_a_product_of_probabilities_is_consistent_with_the_sum_of_logs():
    assert check(LOG_PRODUCT, SUM_OF_LOGS).status is Status.CONSISTENT


def test_a_wrong_sum_of_logs_is_still_refuted_inside_the_bound():
    assert check(LOG_PRODUCT, Sum(log(pi[i]) - log(1 - pi[i]), (i, 1, n))).status is Status.REFUTED


def test_the_probability_the_prose_names_after_the_word():
    text = "the probability to be classified as positive is $\\pi_i = p(y_i = 1 \\mid x_i)$."
    assert [str(r) for r in probabilities_in_prose(text, EVERYWHERE)] == ["0 <= pi_i", "pi_i <= 1"]


def test_a_name_said_to_be_a_probability_before_the_word():
    assert [str(r) for r in probabilities_in_prose("Let $p$ be the probability of heads.", EVERYWHERE)] == [
        "0 <= p", "p <= 1"]


def test_a_probability_density_is_no_bounded_value():
    assert probabilities_in_prose("$p(x)$ is the probability density of $x$.", EVERYWHERE) == []
    assert probabilities_in_prose("The probability density is $f$.", EVERYWHERE) == []


def test_a_log_probability_or_a_ratio_is_no_bounded_value():
    assert probabilities_in_prose("The log probability of the data is $\\ell$.", EVERYWHERE) == []
    assert probabilities_in_prose("The log-probability is $\\ell$.", EVERYWHERE) == []
    assert probabilities_in_prose("The probability ratio is $r$.", EVERYWHERE) == []


def test_not_a_probability_states_nothing():
    assert probabilities_in_prose("$q$ is not a probability.", EVERYWHERE) == []


def test_a_claim_sentence_states_no_bound():
    assert probabilities_in_prose("Let $p$ be the probability of heads.", lambda at: False) == []


DOCUMENT = """Assume:

- The probability of the label $y_i$ is $\\pi_i$, for $n$ labels.

Then:

$$\\log \\prod_{i=1}^n \\pi_i^{y_i} (1 - \\pi_i)^{1 - y_i} = \\sum_{i=1}^n y_i \\log(\\pi_i) + (1 - y_i) \\log(1 - \\pi_i)$$
"""


def _verdict(text: str) -> Status:
    (status,) = check_statuses(text)
    return status


def test_a_log_likelihood_over_stated_probabilities_is_accepted():
    assert _verdict(DOCUMENT) in (Status.PROVED, Status.CONSISTENT)


def test_a_broken_log_likelihood_is_refuted_never_proved():
    assert _verdict(DOCUMENT.replace("+ (1 - y_i)", "- (1 - y_i)")) is Status.REFUTED
    assert _verdict(DOCUMENT.replace("\\log(1 - \\pi_i)$$", "\\log(1 + \\pi_i)$$")) is Status.REFUTED
