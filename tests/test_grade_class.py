"""A generated class: correct answers keep full points however written; each mutant loses
points at the right item and step, with the right classification."""
import pytest

from derivations import BUILTIN
from tests.class_generator import ELBO_NOTES, MUTANTS, VARIANTS, reference, render
from verify.grading import grade_text, load_rubric

RUBRIC = load_rubric("assignment5", BUILTIN)
AUTOMATIC = [item.id for item in RUBRIC.items if item.kind != "manual"]


def _items(slots: dict) -> dict:
    return {item.id: item for item in grade_text(render(slots), RUBRIC).items}


def test_reference_answers_get_every_automatic_point():
    items = _items(reference())
    assert {i: items[i].points for i in AUTOMATIC} == {i: items[i].max_points for i in AUTOMATIC}


@pytest.mark.parametrize("name", sorted(VARIANTS))
def test_correct_variants_keep_full_points(name):
    items = _items({**reference(), **VARIANTS[name]})
    lost = {i: items[i].points for i in AUTOMATIC if items[i].points < items[i].max_points}
    assert lost == {}


@pytest.mark.parametrize("name", sorted(MUTANTS))
def test_each_mutant_loses_points_at_its_item(name):
    mutant = MUTANTS[name]
    items = _items({**reference(), **mutant.slots})
    losers = [i for i in AUTOMATIC if items[i].points < items[i].max_points]
    assert losers == [mutant.item]


@pytest.mark.parametrize("name", sorted(MUTANTS))
def test_each_mutant_is_classified(name):
    mutant = MUTANTS[name]
    item = _items({**reference(), **mutant.slots})[mutant.item]
    assert (item.mistake, item.first_wrong) == (mutant.mistake, mutant.step)


@pytest.mark.parametrize("name", [n for n, m in sorted(MUTANTS.items()) if m.step is not None])
def test_wrong_step_carries_residual_and_counterexample(name):
    mutant = MUTANTS[name]
    item = _items({**reference(), **mutant.slots})[mutant.item]
    step = item.steps[mutant.step - 1]
    assert step.status == "refuted" and step.residual not in (None, "0") and step.counterexample


def test_deductions_explain_every_lost_point():
    items = _items({**reference(), **MUTANTS["ELBO sign flipped"].slots})
    elbo = items["3-elbo"]
    assert elbo.max_points - elbo.points == pytest.approx(sum(d.points for d in elbo.deductions))


def test_feedback_names_the_line_quotes_the_step_and_the_mistake():
    elbo = _items({**reference(), **MUTANTS["ELBO term dropped"].slots})["3-elbo"]
    step = elbo.steps[1]
    assert step.line and step.written.startswith("=")
    assert any(s.startswith(f"Your line {step.line} (${step.written}$)") and "missing" in s for s in elbo.feedback)


def test_missing_required_justification_costs_points():
    slots = {**reference(), "elbo": reference()["elbo"].replace(ELBO_NOTES[1], "Then")}
    elbo = _items(slots)["3-elbo"]
    assert any("Bayes" in d.reason for d in elbo.deductions) and elbo.points < elbo.max_points


def test_a_named_rule_the_step_does_not_use_is_a_wrong_justification():
    elbo = _items({**reference(), **MUTANTS["ELBO wrong justification"].slots})["3-elbo"]
    step = elbo.steps[0]
    assert (step.status, step.justification, step.mistake) == ("proved", "linearity", "wrong justification")
    assert any("linearity" in d.reason and "Bayes" in d.reason for d in elbo.deductions)


def test_missing_answer_is_not_found_with_zero_points():
    text = render(reference()).replace("Reconstruction term is:", "Something else:")
    item = {i.id: i for i in grade_text(text, RUBRIC).items}["3-reconstruction"]
    assert (item.status, item.points) == ("not found", 0) and "reconstruction term is" in item.deductions[0].reason


@pytest.mark.parametrize("name", sorted(MUTANTS))
def test_each_mutant_is_graded_wrong_not_left_for_review(name):
    mutant = MUTANTS[name]
    item = _items({**reference(), **mutant.slots})[mutant.item]
    assert item.status == "graded"
