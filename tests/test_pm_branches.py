"""Steps written with \\pm: each sign (or each value of a one-sided \\pm) is its own step, all must hold;
signs that cannot be paired are never proved, and no \\pm reaches a theory as an internal error."""
from __future__ import annotations

import pytest
import sympy
from sympy import Symbol

from verify.config import CheckConfig
from verify.engine.checker import check_derivation, check_step
from verify.model import Context, Fact, Relation
from verify.parsing import read_document
from verify.theories.dynamics.written import PM_BRANCH
from verify.verdict import Status, Tier


def verdicts(body: str, premises: tuple[str, ...] = ()) -> list:
    assume = "Assume:\n\n" + "".join(f"- ${p}$\n" for p in premises) + "\n" if premises else ""
    document = read_document(f"{assume}Then\n{body}")
    return [r.verdict for r in check_derivation(document.derivation(), CheckConfig()).results]


def statuses(body: str, premises: tuple[str, ...] = ()) -> list[Status]:
    return [v.status for v in verdicts(body, premises)]


BETWEEN = ("0 < s < 1",)

CASES = [  # (premises, the correct step, its broken variants)
    ((), r"$$|1 \pm \mathrm{i}\eta| = \sqrt{1+\eta^2}$$",
     [r"$$|1 \pm \mathrm{i}\eta| = \sqrt{1-\eta^2}$$", r"$$|1 \pm \mathrm{i}\eta| = 1+\eta^2$$",
      r"$$|1 \pm \mathrm{i}\eta| = \sqrt{1+\eta}$$"]),
    (BETWEEN, r"$$\tfrac{1 \pm s}{2} < 1$$", [r"$$\tfrac{1 \pm s}{2} > \tfrac12$$", r"$$\tfrac{1 \pm s}{2} < 0$$"]),
    ((r"\lambda_\pm = 1 \pm s", *BETWEEN), r"$$\lambda_\pm > 0$$", [r"$$\lambda_\pm > 1$$", r"$$\lambda_\pm < 0$$"]),
    ((), r"$$(1 \pm s)^2 = 1 \pm 2s + s^2$$", [r"$$(1 \pm s)^2 = 1 \mp 2s + s^2$$", r"$$(1 \pm s)^2 = 1 \pm s + s^2$$"]),
    (("\\eta > 0",), r"$$\sqrt{1+\eta^2} > 1$$", [r"$$\sqrt{1+\eta^2} < 1$$", r"$$\sqrt{1-\eta^2} > 1$$"]),
]


@pytest.mark.parametrize("premises, right, wrongs", CASES)
def test_the_correct_step_is_proved(premises, right, wrongs):
    assert statuses(right, premises) == [Status.PROVED]


@pytest.mark.parametrize("premises, wrong", [(p, w) for p, _, wrongs in CASES for w in wrongs])
def test_a_broken_variant_is_never_proved(premises, wrong):
    assert Status.PROVED not in statuses(wrong, premises)


@pytest.mark.parametrize("premises, wrong", [(p, w) for p, _, wrongs in CASES for w in wrongs])
def test_a_broken_variant_with_a_wrong_value_is_refuted(premises, wrong):
    assert statuses(wrong, premises) == [Status.REFUTED]


def test_a_one_sided_pm_claims_its_relation_of_each_value():
    assert statuses(r"$$\tfrac{1 \pm s}{2} > \tfrac12$$", BETWEEN) == [Status.REFUTED]  # the lower value fails


def test_a_line_with_the_other_sign_is_refuted():
    r"""A chain's lines keep one sign throughout: 1/2 (1 \pm s) = 1/2 \mp s/2 pairs + with -, which is false."""
    found = verdicts("$$\\tfrac{1}{2}(1 \\pm s)$$\n$$= \\tfrac12 \\mp \\tfrac{s}{2}$$\n")
    assert [v.status for v in found] == [Status.REFUTED]


def test_lines_whose_values_differ_either_way_are_refuted():
    assert statuses("$$\\tfrac{1}{2}(1 \\pm s)$$\n$$= \\tfrac12 \\mp s$$\n") == [Status.REFUTED]


def test_a_branch_decided_by_numbers_keeps_its_tier():
    found = verdicts(r"$$|1 \pm \mathrm{i}\eta| = 1+\eta^2$$")
    assert found[0].tier is Tier.NUMERIC


OGDA = ("s = \\sqrt{1-4\\eta^2}", "\\lambda_\\pm = \\tfrac12(1 \\pm s) - i\\eta", "0 < \\eta < \\tfrac12")
OGDA_CHAIN = ("$$|\\lambda_\\pm|^2 = \\tfrac14(1\\pm s)^2 + \\eta^2$$\n$$= \\tfrac14(1 \\pm 2s + s^2) + \\eta^2$$\n"
              "$$= \\tfrac14(2 \\pm 2s)$$\n$$= \\tfrac{1\\pm s}{2}$$\n$$< 1$$\n")


def test_a_chain_with_pm_never_fails_in_the_checker():
    assert all(v.tier is not Tier.FAILURE for v in verdicts(OGDA_CHAIN, OGDA))


def test_a_refutation_that_needs_a_real_i_is_not_reported_when_i_may_be_the_imaginary_unit():
    assert Status.REFUTED not in statuses(OGDA_CHAIN, OGDA)


def test_a_dropped_term_in_a_pm_chain_is_refuted():
    broken = OGDA_CHAIN.replace("\\tfrac14(2 \\pm 2s)", "\\tfrac14(1 \\pm 2s)")
    assert Status.REFUTED in statuses(broken, OGDA)


def test_a_sum_to_infinity_the_numbers_cannot_evaluate_is_a_clear_unknown():
    """(The Neumann series itself has its own rule: tests/test_games_neumann.py.)"""
    found = verdicts(r"$$(I - \eta A)^{-2} = \sum \limits_{k=0}^\infty (k+1)(\eta A)^k$$")
    assert [(v.status, v.tier) for v in found] == [(Status.UNKNOWN, Tier.NUMERIC)]


def test_a_set_whose_values_coincide_is_its_one_value():
    assert statuses(r"$$|1 \pm \mathrm{i}| = \sqrt{2}$$") == [Status.PROVED]
    assert statuses(r"$$|1 \pm \mathrm{i}| = 2$$") == [Status.REFUTED]


def test_a_wrong_modulus_where_i_may_be_the_imaginary_unit_never_fails_in_the_checker():
    found = verdicts("$$|1 \\pm i\\eta| = \\sqrt{1 - \\eta^2}$$\n", ("\\eta > 0",))
    assert [v.status for v in found] != [Status.PROVED] and all(v.tier is not Tier.FAILURE for v in found)


# --- the paired form, as the reader builds it when \pm is on two sides (and, ordered, across lines) -------

S = Symbol("s", real=True)


def paired(upper, lower):
    return ((1 + PM_BRANCH) * upper + (1 - PM_BRANCH) * lower) / 2


def paired_status(lhs, rhs, relation=Relation.EQ, context=Context()):
    return check_step(lhs, relation, rhs, context, CheckConfig(seed=3, samples=6, budget=None)).status


def test_paired_lines_are_proved_sign_by_sign():
    assert paired_status(paired((1 + S)**2 / 4, (1 - S)**2 / 4), paired((1 + 2*S + S**2) / 4, (1 - 2*S + S**2) / 4)) \
        is Status.PROVED


def test_paired_lines_with_the_sign_swapped_are_refuted():
    assert paired_status(paired((1 + S) / 2, (1 - S) / 2), paired((1 - S) / 2, (1 + S) / 2)) is Status.REFUTED


def test_a_paired_fact_is_taken_with_the_sign_of_each_branch():
    lam = Symbol("lambda_pm", real=True)
    context = Context(symbols=(S, lam), facts=(Fact("lambda", lam, paired(1 + S, 1 - S)),))
    assert paired_status(lam**2, paired((1 + S)**2, (1 - S)**2), context=context) is Status.PROVED
    assert paired_status(lam**2, paired((1 - S)**2, (1 + S)**2), context=context) is Status.REFUTED


def test_a_paired_inequality_is_decided_at_the_two_signs_only():
    """Between the signs (b = 0) the claim says nothing: 1 +- s > 0 for 0 < s < 1 holds at b = +-1."""
    context = Context(symbols=(S,), relations=(sympy.Lt(0, S), sympy.Lt(S, 1)))
    assert paired_status(paired(1 + S, 1 - S), sympy.Integer(0), Relation.GT, context) is Status.PROVED
    assert paired_status(paired(1 + S, 1 - S), sympy.Integer(1), Relation.GT, context) is Status.REFUTED
