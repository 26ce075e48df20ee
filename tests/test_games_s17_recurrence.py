r"""Closed forms of recurrences by induction (``dynamics.recurrence``): ``r_{t+1} = \sqrt{1+\eta^2} r_t`` gives
``r_t = (1+\eta^2)^{t/2} r_0``; sums and products of step sizes ``s_T = s_0 + \sum_{t<T} \eta_t``. A wrong
closed form is refuted by unrolling the recurrence from its base at exact rationals; a family coupled with
another recurrence is not decided alone."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sympy import Integer, Symbol

from verify.config import CheckConfig
from verify.engine.checker import check_derivation
from verify.parsing import read_document
from verify.theories.dynamics.recurrence import INDUCTION, member
from verify.verdict import Status


def verdicts(premises: list[str], *blocks: str) -> list:
    text = ("Assume:\n\n" + "".join(f"- ${p}$\n" for p in premises) + "\nThen:\n\n"
            + "\n\n".join(f"$${b}$$" for b in blocks) + "\n")
    return [r.verdict for r in check_derivation(read_document(text).derivation(), CheckConfig(budget=None)).results]


MODULUS = [r"r_{t+1} = \sqrt{1+\eta^2}\, r_t"]
STEP_SIZES = [r"r_{t+1} = \sqrt{1+\eta_t^2}\, r_t"]
SUMS = [r"s_{t+1} = s_t + \eta_t"]
SQUARES = [r"a_{k+1} = a_k + 2k + 1", "a_0 = 0"]

CASES = [
    (MODULUS, r"r_t = (1+\eta^2)^{t/2} r_0",
     [r"r_t = (1+\eta^2)^{t} r_0", r"r_t = (1+\eta)^{t/2} r_0", r"r_t = (1-\eta^2)^{t/2} r_0",
      r"r_t = (1+\eta^2)^{(t+1)/2} r_0"]),
    (STEP_SIZES, r"r_T = r_0 \prod_{t=0}^{T-1} \sqrt{1+\eta_t^2}",
     [r"r_T = r_0 \prod_{t=0}^{T} \sqrt{1+\eta_t^2}", r"r_T = r_0 \prod_{t=0}^{T-1} (1+\eta_t^2)"]),
    (SUMS, r"s_T = s_0 + \sum_{t=0}^{T-1} \eta_t",
     [r"s_T = s_0 - \sum_{t=0}^{T-1} \eta_t", r"s_T = s_0 + \sum_{t=0}^{T} \eta_t", r"s_T = \sum_{t=0}^{T-1} \eta_t"]),
    (SQUARES, r"a_k = k^2", [r"a_k = k^2 + k", r"a_k = (k+1)^2", r"a_k = 2k - 1"]),
]


@pytest.mark.parametrize("premises, right", [(p, r) for p, r, _ in CASES])
def test_a_closed_form_is_proved_by_induction(premises, right):
    found = verdicts(premises, right)
    assert [v.status for v in found] == [Status.PROVED] and INDUCTION in found[0].used


@pytest.mark.parametrize("premises, wrong", [(p, w) for p, _, wrongs in CASES for w in wrongs])
def test_a_wrong_closed_form_is_refuted(premises, wrong):
    found = verdicts(premises, wrong)
    assert [v.status for v in found] == [Status.REFUTED] and found[0].counterexample is not None


def test_a_constant_step_is_not_a_varying_one():
    """eta_t in the recurrence and eta in the closed form are different names: never proved."""
    assert [v.status for v in verdicts(STEP_SIZES, r"r_t = (1+\eta^2)^{t/2} r_0")] == [Status.REFUTED]


def test_a_coupled_recurrence_is_unrolled_with_its_partner():
    """x alone would need y_1 free; unrolled together (``dynamics.invariants``) the wrong form is refuted."""
    found = verdicts([r"x_{t+1} = x_t - \eta y_t", r"y_{t+1} = y_t + \eta x_t"], r"x_t = x_0 - t \eta y_0")
    assert [v.status for v in found] == [Status.REFUTED]


def test_member_reads_indices_from_names_without_evaluating_them():
    assert member(Symbol("r_{t + 1}"))[1] - member(Symbol("r_t"))[1] == 1
    assert member(Symbol("r_0"))[1] == Integer(0)
    assert member(Symbol("r_{t*2}")) is None and member(Symbol("r")) is None


@settings(max_examples=15, deadline=None)
@given(st.integers(2, 5), st.integers(1, 4))
def test_geometric_closed_forms_with_the_right_ratio_are_proved(ratio, wrong_by):
    right = verdicts([f"u_{{n+1}} = {ratio} u_n"], f"u_n = {ratio}^n u_0")
    wrong = verdicts([f"u_{{n+1}} = {ratio} u_n"], f"u_n = {ratio + wrong_by}^n u_0")
    assert [v.status for v in right] == [Status.PROVED]
    assert [v.status for v in wrong] == [Status.REFUTED]


def test_a_closed_form_in_other_recurrences_is_never_proved():
    """r_t = sqrt(x_t^2 + y_t^2) with x, y given by their own recurrences: r_0 is tied to x_0, y_0 by
    nothing stated, so the step is not implied."""
    found = verdicts([r"x_{t+1} = x_t - \eta y_t", r"y_{t+1} = y_t + \eta x_t", r"r_{t+1} = \sqrt{1+\eta^2} r_t"],
                     r"r_t = \sqrt{x_t^2 + y_t^2}")
    assert Status.PROVED not in [v.status for v in found]


def test_unrolling_keeps_to_the_stated_relations():
    """With eta > 1, |1 - eta| = eta - 1: the right form is never refuted at an eta below 1, the
    wrong sign is refuted at an eta above 1."""
    premises = [r"\eta > 1", r"r_{t+1} = |1 - \eta| r_t"]
    assert Status.REFUTED not in [v.status for v in verdicts(premises, r"r_t = (\eta - 1)^t r_0")]
    found = verdicts(premises, r"r_t = (1 - \eta)^t r_0")
    assert [v.status for v in found] == [Status.REFUTED]
    eta = dict(found[0].counterexample.assignment)["eta"]
    assert float(eta.split("/")[0]) / float(eta.split("/")[1] if "/" in eta else 1) > 1


def test_a_claim_about_an_index_of_another_letter_may_be_about_one_index():
    """p_T = p_0 - eta g_0 holds at T = 1 only: T may name that index, so the step is unknown, not refuted."""
    found = verdicts([r"p_{t+1} = p_t - \eta g_t"], r"p_T = p_0 - \eta g_0")
    assert [v.status for v in found] == [Status.UNKNOWN] and "does not say which T" in found[0].reason
