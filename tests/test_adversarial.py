"""Soundness on the adversarial cases of issue 9 (tests/adversarial/): no wrong step passes.

Each case is a short derivation written to break the verifier, its steps labelled correct or
wrong by hand and checked with SymPy/numpy (tests/adversarial/tools/build.py). The cases
whose wrong step verify proves today are marked ``xfail(strict=True)``: the suite stays green,
and it turns red the moment a fix lands without the mark being removed.
"""
import pytest

from tests.adversarial.manifest import check_in_process, load_cases, steps_where

CASES = load_cases()

# Wrong steps that verify proves today (issue 9): case id -> failure class.
WRONG_STEP_PROVED_TODAY: dict[str, str] = {}

# Wrong claims that verify never checks today: it reads them as definitions of a fresh name.
WRONG_STEP_UNCHECKED_TODAY: dict[str, str] = {}

# Correct steps that verify refutes today, as (case id, step as written): a ratchet, never to grow.
CORRECT_STEP_REFUTED_TODAY: set[tuple[str, str]] = set()


@pytest.fixture(scope="module")
def outcomes():
    return {o.case.id: o for o in check_in_process(CASES)}


def _known(case, table):
    if case.id in table:
        return pytest.param(case, id=case.id, marks=pytest.mark.xfail(strict=True, reason=f"issue 9: {table[case.id]}"))
    return pytest.param(case, id=case.id)


WITH_WRONG_STEP = [c for c in CASES if c.has_wrong_step]


def test_the_suite_is_large_and_mostly_wrong_steps():
    assert len(CASES) >= 150 and len(WITH_WRONG_STEP) >= 0.6 * len(CASES)


@pytest.mark.parametrize("case", [pytest.param(c, id=c.id) for c in CASES])
def test_every_step_verify_reports_is_labelled(case, outcomes):
    assert outcomes[case.id].unlabelled == (), "verify reports a step cases.toml does not label: relabel the case"


@pytest.mark.parametrize("case", [_known(c, WRONG_STEP_PROVED_TODAY) for c in WITH_WRONG_STEP])
def test_no_wrong_step_is_proved(case, outcomes):
    proved = [s.at for s in outcomes[case.id].steps if s.label == "wrong" and s.verdict == "proved"]
    assert not proved, f"wrong step proved: {proved} ({case.note})"


@pytest.mark.parametrize("case", [_known(c, WRONG_STEP_UNCHECKED_TODAY) for c in WITH_WRONG_STEP])
def test_no_wrong_step_goes_unchecked(case, outcomes):
    unchecked = [s.at for s in outcomes[case.id].steps if s.label == "wrong" and s.verdict == "unchecked"]
    assert not unchecked, f"wrong claim never checked: {unchecked} ({case.note})"


def test_no_correct_step_is_refuted_that_was_not_refuted_before(outcomes):
    refuted = {(s.case, s.at) for s in steps_where(list(outcomes.values()), "correct", ("refuted",))}
    new = sorted(refuted - CORRECT_STEP_REFUTED_TODAY)
    assert not new, f"newly refuted correct steps: {new}"


def test_at_most_one_percent_of_correct_steps_are_refuted(outcomes):
    values = list(outcomes.values())
    correct = [s for o in values for s in o.steps if s.label == "correct"]
    assert len(steps_where(values, "correct", ("refuted",))) <= 0.01 * len(correct)
