"""Gradebook files against their formats: CSV (one row per student), Gradescope results.json."""
import csv
import io
import json
from numbers import Number

import pytest

from derivations import BUILTIN
from tests.class_generator import MUTANTS, reference, render
from verify.grading import grade_text, load_rubric
from verify.grading.results import SubmissionResult
from verify.grading.writers import VISIBILITIES, gradescope, terminal, to_csv, to_json

RUBRIC = load_rubric("assignment5", BUILTIN)


@pytest.fixture(scope="module")
def results():
    texts = [render(reference()), render({**reference(), **MUTANTS["ELBO sign flipped"].slots})]
    graded = [grade_text(t, RUBRIC, student=f"s{i}") for i, t in enumerate(texts)]
    return graded + [SubmissionResult("broken", "broken.md", error="not UTF-8")]


def _valid_gradescope(data: dict) -> None:
    assert isinstance(data["score"], Number) and isinstance(data["tests"], list)
    for test in data["tests"]:
        assert isinstance(test["name"], str) and isinstance(test["output"], str)
        assert isinstance(test["score"], Number) and isinstance(test["max_score"], Number)
        assert test["visibility"] in VISIBILITIES
    assert data.get("stdout_visibility", "hidden") in VISIBILITIES
    assert isinstance(data.get("execution_time", 0), Number)


def test_csv_has_a_max_row_then_one_row_per_student_and_stable_columns(results):
    rows = list(csv.reader(io.StringIO(to_csv(results, RUBRIC))))
    items = [c for i in RUBRIC.items for c in (i.id, f"{i.id} status")]
    assert rows[0] == ["student", "name", "sid", *items, "total", "pending", "max", "error"]
    assert [r[0] for r in rows[1:]] == ["(max points)", "s0", "s1", "broken"]
    assert all(len(r) == len(rows[0]) for r in rows)


def test_csv_total_is_the_sum_of_its_items_and_pending_the_items_waiting(results):
    row = list(csv.DictReader(io.StringIO(to_csv(results, RUBRIC))))[2]
    waiting = [i for i in RUBRIC.items if row[f"{i.id} status"] == "review"]
    assert float(row["total"]) == pytest.approx(sum(float(row[i.id] or 0) for i in RUBRIC.items))
    assert float(row["pending"]) == pytest.approx(sum(i.points for i in waiting)) and waiting
    assert all(row[i.id] == "" for i in waiting)


def test_csv_gives_every_item_of_an_unreadable_submission_the_error_status(results):
    row = list(csv.DictReader(io.StringIO(to_csv(results, RUBRIC))))[3]
    assert {row[f"{i.id} status"] for i in RUBRIC.items} == {"error"} and row["error"]


def test_gradescope_results_follow_the_specification(results):
    for result in results:
        data = json.loads(json.dumps(gradescope(result)))
        _valid_gradescope(data)


def test_gradescope_score_is_the_sum_of_its_tests(results):
    data = gradescope(results[1])
    assert data["score"] == pytest.approx(sum(t["score"] for t in data["tests"]))


def test_json_holds_steps_and_deductions(results):
    data = json.loads(to_json(results, RUBRIC))
    elbo = next(i for i in data["submissions"][1]["items"] if i["id"] == "3-elbo")
    assert elbo["first_wrong"] == 2 and elbo["steps"][1]["mistake"] == "sign flipped" and elbo["deductions"]


def test_terminal_summary_shows_errors_and_mean(results):
    text = terminal(results, RUBRIC, detail=False)
    assert "broken: ERROR not UTF-8" in text and "3 submissions, 1 errors" in text


def test_json_steps_give_status_tier_and_rules_by_value_and_name(results):
    from verify.rules import find_rule
    from verify.verdict import Status, Tier

    data = json.loads(to_json(results, RUBRIC))
    steps = [s for i in data["submissions"][1]["items"] for s in i["steps"]]
    assert steps and all(Status(s["status"]) and Tier(s["tier"]) for s in steps)
    assert all(find_rule(name) is not None for s in steps for name in s["used"])
    assert {"refuted", "proved"} <= {s["status"] for s in steps}


def test_terminal_marks_only_the_steps_that_do_not_hold_and_shows_the_samples():
    from verify.grading.results import ItemResult, StepResult
    from verify.grading.writers import item_lines
    from verify.verdict import Status, Tier

    steps = (StepResult(1, "=", "x", None, Status.CONSISTENT, "agrees", tier=Tier.NUMERIC, samples=5),
             StepResult(2, "=", "y", None, Status.REFUTED, "differs", tier=Tier.NUMERIC))
    lines = item_lines(ItemResult("q", "t", "derivation", 0.0, 1.0, "review", steps=steps))
    assert lines[1] == "      step 1: consistent (5 samples)" and lines[2] == "      step 2: refuted  <--"
