"""Issue 11, "done when" (a): every registered rule has a row in the rule table -- a correct form it
proves and broken variants (sign, factor, exponent, dropped independence, swapped argument, ...) that
are never proved. A rule registered later without a row fails ``test_every_registered_rule_has_a_row``.

A row's correct form is proved and names its rule in the verdict's typed ``used`` field; a rule that
is only a name a step may cite (``cited_only``: the canonical forms prove its steps by the rewrites
beneath it, which the verdict names instead) is cited by its correct form, which is proved.
"""
from __future__ import annotations

from collections import Counter

import pytest

import verify.theories  # noqa: F401  (registers every rule)
from verify.rules import find_rule, registered_rules
from verify.verdict import Status

from .rules18 import ROWS
from .rules18.cases import Step

MINIMUM_BROKEN = 2
BROKEN = [pytest.param(row.rule, broken, id=f"{row.rule}: {broken.kind}") for row in ROWS for broken in row.broken]


def test_every_registered_rule_has_a_row():
    assert sorted(rule.name for rule in registered_rules()) == sorted({row.rule for row in ROWS})


def test_each_rule_has_one_row():
    assert [name for name, count in Counter(row.rule for row in ROWS).items() if count > 1] == []


@pytest.mark.parametrize("row", ROWS, ids=[row.rule for row in ROWS])
def test_each_row_has_enough_broken_variants(row):
    assert len(row.broken) >= MINIMUM_BROKEN


@pytest.mark.parametrize("row", ROWS, ids=[row.rule for row in ROWS])
def test_the_correct_form_is_proved_and_names_its_rule(row):
    verdict = row.correct.verdict()
    rule = find_rule(row.rule)
    assert verdict.status is Status.PROVED, verdict.reason
    if row.cited_only:
        assert isinstance(row.correct, Step) and find_rule(row.correct.justification) is rule
    else:
        assert rule in verdict.used, [r.name for r in verdict.used]


@pytest.mark.parametrize("rule, broken", BROKEN)
def test_a_broken_variant_is_never_proved(rule, broken):
    verdict = broken.form.verdict()
    assert verdict.status is not Status.PROVED, f"{broken.kind} proved: {verdict.reason}"


def test_a_rule_marked_cited_only_is_never_named_by_its_correct_form():
    """The flag is honest: were the rule reported, the row should assert it is."""
    named = [row.rule for row in ROWS if row.cited_only and find_rule(row.rule) in row.correct.verdict().used]
    assert named == []
