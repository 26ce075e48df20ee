r"""A chain whose lines each carry one \pm (``|\lambda_\pm|^2 = \tfrac14(1\pm s)^2 + \eta^2``, then
``= \tfrac14(1 \pm 2s + s^2) + \eta^2``, ..., ``< 1``) read the standard way: the same sign throughout,
decided branch by branch. A line with the other sign (\mp) or a wrong value in one branch is never proved.

The checker decides the paired form (``engine.branches``), and the reader gives every line's \pm in
that form, one-sided ones included, so the upper sign is never forgotten."""
from __future__ import annotations

import pytest
import sympy
from sympy import I, Rational, Symbol, sqrt

from verify.config import CheckConfig
from verify.engine.checker import check_derivation, check_step
from verify.model import Context, Fact, Relation
from verify.parsing import read_document
from verify.theories.dynamics.written import PM_BRANCH
from verify.verdict import Status

PREMISES = ("s = \\sqrt{1-4\\eta^2}", "\\lambda_\\pm = \\tfrac12(1 \\pm s) - i\\eta", "0 < \\eta < \\tfrac12",
            "i \\text{ is the imaginary unit}")
LINES = ["|\\lambda_\\pm|^2 = \\tfrac14(1\\pm s)^2 + \\eta^2", "= \\tfrac14(1 \\pm 2s + s^2) + \\eta^2",
         "= \\tfrac14(2 \\pm 2s)", "= \\tfrac{1\\pm s}{2}", "< 1"]


def statuses(lines: list[str]) -> list[Status]:
    text = "Assume:\n\n- $s = \\sqrt{1-4\\eta^2}$\n- $\\lambda_\\pm = \\tfrac12(1 \\pm s) - i\\eta$\n" \
           "- $0 < \\eta < \\tfrac12$\n- $i$ is the imaginary unit.\n\nThen:\n\n" + \
           "".join(f"$${line}$$\n\n" for line in lines)
    document = read_document(text)
    return [r.verdict.status for r in check_derivation(document.derivation(), CheckConfig(budget=None)).results]


def test_the_chain_is_proved_sign_by_sign():
    assert statuses(LINES) == [Status.PROVED] * 5


def test_a_line_with_the_other_sign_is_refuted():
    broken = LINES[:1] + ["= \\tfrac14(1 \\mp 2s + s^2) + \\eta^2"] + LINES[2:]
    assert statuses(broken)[1] is Status.REFUTED


@pytest.mark.parametrize("line", ["= \\tfrac14(1 \\mp 2s + s^2) + \\eta^2", "= \\tfrac14(1 \\pm s + s^2) + \\eta^2",
                                  "= \\tfrac14(1 \\pm 2s - s^2) + \\eta^2"])
def test_a_broken_line_is_never_proved(line):
    assert statuses(LINES[:1] + [line] + LINES[2:])[1] is not Status.PROVED


# --- the same chain in the paired form, as the checker receives it from a reader that pairs ------------------

ETA = Symbol("eta", positive=True)
S = Symbol("s", real=True)
LAMBDA = Symbol("lambda_pm")
CONTEXT = Context(symbols=(ETA, S, LAMBDA), facts=(Fact("s", S, sqrt(1 - 4 * ETA**2)),
                                                    Fact("lambda", LAMBDA, ((1 + PM_BRANCH) * ((1 + S) / 2 - I * ETA)
                                                                            + (1 - PM_BRANCH) * ((1 - S) / 2 - I * ETA)) / 2)),
                  relations=(sympy.Lt(0, ETA), sympy.Lt(ETA, Rational(1, 2))))


def paired(upper, lower):
    return ((1 + PM_BRANCH) * upper + (1 - PM_BRANCH) * lower) / 2


def check(lhs, rhs, relation=Relation.EQ):
    return check_step(lhs, relation, rhs, CONTEXT, CheckConfig(seed=7, samples=6, budget=None)).status


SQUARED = paired((1 + S)**2 / 4 + ETA**2, (1 - S)**2 / 4 + ETA**2)
EXPANDED = paired((1 + 2 * S + S**2) / 4 + ETA**2, (1 - 2 * S + S**2) / 4 + ETA**2)
HALF = paired((1 + S) / 2, (1 - S) / 2)


def test_paired_lines_are_proved():
    assert check(SQUARED, EXPANDED) is Status.PROVED
    assert check(EXPANDED, paired((2 + 2 * S) / 4, (2 - 2 * S) / 4)) is Status.PROVED


def test_the_modulus_through_the_paired_fact_is_proved():
    assert check(sympy.Abs(LAMBDA)**2, SQUARED) is Status.PROVED


def test_each_branch_below_one_is_proved():
    assert check(HALF, sympy.Integer(1), Relation.LT) is Status.PROVED


@pytest.mark.parametrize("wrong", [paired((1 - 2 * S + S**2) / 4 + ETA**2, (1 + 2 * S + S**2) / 4 + ETA**2),
                                   paired((1 + 2 * S + S**2) / 4 + ETA**2, (1 + 2 * S + S**2) / 4 + ETA**2),
                                   paired((1 + S + S**2) / 4 + ETA**2, (1 - S + S**2) / 4 + ETA**2)])
def test_a_wrong_sign_or_value_in_one_branch_is_refuted(wrong):
    assert check(SQUARED, wrong) is Status.REFUTED


def test_a_wrong_modulus_is_never_proved():
    assert check(sympy.Abs(LAMBDA)**2, paired((1 + S)**2 / 4 - ETA**2, (1 - S)**2 / 4 - ETA**2)) is not Status.PROVED
