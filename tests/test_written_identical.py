"""``identical`` only when the two sides are the same as written; a cancellation is a step, proved by algebra."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from sympy import Mul, Pow, Symbol

from verify.config import CheckConfig
from verify.engine.as_read import cancelled
from verify.engine.checker import check_derivation, check_step
from verify.model import Context
from verify.parsing import read_document
from verify.verdict import Status, Tier

from .strategies import polynomials

INLINE = CheckConfig(budget=None, samples=4)
q, x = Symbol("q"), Symbol("x")


def _verdicts(text: str) -> list:
    return [r.verdict for r in check_derivation(read_document(text).derivation(), INLINE).results]


def _only(text: str):
    (verdict,) = _verdicts(text)
    return verdict


def test_multiplying_by_q_over_q_is_not_identical():
    verdict = _only("$$x \\cdot \\frac{q}{q} = x$$\n")
    assert (verdict.status, verdict.tier) == (Status.PROVED, Tier.CANONICAL)


def test_a_restatement_is_still_identical():
    verdict = _only("$$a = a$$\n")
    assert (verdict.status, verdict.tier) == (Status.PROVED, Tier.IDENTICAL)


def test_swapped_terms_are_proved_by_algebra_not_identical():
    verdict = _only("$$(a+b) = b+a$$\n")
    assert (verdict.status, verdict.tier) == (Status.PROVED, Tier.CANONICAL)


def test_the_square_of_a_root_over_itself_is_proved_by_algebra():
    verdict = _only("$$\\frac{1}{(\\sqrt{d_k})^2} d_k = 1$$\n")
    assert (verdict.status, verdict.tier) == (Status.PROVED, Tier.CANONICAL)


def test_multiplying_and_dividing_by_the_approximate_posterior_is_a_step():
    text = "$$\\log p(x) = \\log \\int p(x, z) dz$$\n\n$$= \\log \\int q(z|x) \\frac{p(x, z)}{q(z|x)} dz$$\n"
    assert [v.tier for v in _verdicts(text)][1] is Tier.CANONICAL


@pytest.mark.parametrize("wrong", ["2 x", "-x", "x^2", "x + q", "x q"])
def test_a_broken_cancellation_is_never_proved(wrong):
    assert _only(f"$$x \\cdot \\frac{{q}}{{q}} = {wrong}$$\n").status is not Status.PROVED


@pytest.mark.parametrize("wrong", ["$$x \\cdot \\frac{q}{p} = x$$", "$$\\frac{1}{\\sqrt{d_k}} d_k = 1$$",
                                   "$$\\frac{1}{(\\sqrt{d_k})^2} d_k = d_k$$", "$$\\frac{1}{(\\sqrt{d_k})^2} d_k = 2$$",
                                   "$$\\frac{1}{(\\sqrt{d_k})^3} d_k = 1$$"])
def test_a_broken_root_or_quotient_is_never_proved(wrong):
    assert _only(wrong + "\n").status is not Status.PROVED


def test_the_cancelled_factor_is_named():
    written = (Mul(x, Mul(q, Pow(q, -1, evaluate=False), evaluate=False), evaluate=False), x)
    assert cancelled(x, x, written) == (q,)


def test_a_factor_known_to_be_positive_needs_no_condition():
    d = Symbol("d")
    written = (Mul(x, Mul(d, Pow(d, -1, evaluate=False), evaluate=False), evaluate=False), x)
    assert cancelled(x, x, written, (Symbol("d", positive=True),)) == ()


def _cancelled_in(text: str) -> tuple:
    document = read_document(text)
    chain = document.chains[0]
    return cancelled(chain.start, chain.steps[0].expr, (chain.written, chain.steps[0].written),
                     document.context.symbols)


def test_a_stated_premise_lifts_the_condition_of_a_cancelled_factor():
    step = "$$\\frac{d_k}{d_k} \\sqrt{d_k} = \\sqrt{d_k}$$\n"
    assert [str(f) for f in _cancelled_in(step)] == ["d_k"]
    assert _cancelled_in("Assume $d_k > 0$.\n\n" + step) == ()


def test_a_factor_that_still_divides_after_reading_is_no_condition():
    written = (Mul(x, Pow(q, -1, evaluate=False), evaluate=False), Mul(Pow(q, -1, evaluate=False), x, evaluate=False))
    assert cancelled(x / q, x / q, written) == ()


def test_a_product_cancelled_is_split_into_its_factors():
    n, d, k = Symbol("n"), Symbol("d"), Symbol("k")
    written = Mul(k, n, d ** 2, Pow(Mul(n, d ** 2, evaluate=False), -1, evaluate=False), evaluate=False)
    assert cancelled(k, k, (written, k)) == (d, n)


def test_a_step_with_no_written_form_is_judged_as_read():
    assert check_step(x, "=", x, Context(symbols=(x,)), INLINE).tier is Tier.IDENTICAL


@settings(max_examples=25, deadline=None)
@given(polynomials)
def test_sides_the_same_as_written_are_identical(expr):
    verdict = check_step(expr, "=", expr, Context(), INLINE, written=(expr, expr))
    assert verdict.tier is Tier.IDENTICAL


@settings(max_examples=25, deadline=None)
@given(polynomials)
def test_sides_written_differently_are_never_identical(expr):
    other = Mul(1, expr, evaluate=False)
    verdict = check_step(expr, "=", expr, Context(), INLINE, written=(other, expr))
    assert verdict.status is Status.PROVED and verdict.tier is not Tier.IDENTICAL
