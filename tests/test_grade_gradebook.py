"""Gradebook outputs: marks merged back, Gradescope's visibility options, model answers kept private."""
import csv
import io
import json

import pytest

from derivations import BUILTIN
from tests.classes.make_homework6 import render
from verify.cli import main
from verify.grading import grade_text, load_rubric
from verify.grading.marks import apply_marks, read_marks
from verify.grading.writers import VISIBILITIES, gradescope, to_csv

RUBRIC = load_rubric("homework6", BUILTIN)
INTERNAL = ("refuted", "consistent", "CheckKey", "Tier.", "Status.", "residual", "sympy", "review\n")


@pytest.fixture(scope="module")
def results():
    right, _ = render("headings", {})
    wrong, _ = render("bold", {"q2": "sign flip", "q5": "one value wrong"})
    return [grade_text(right, RUBRIC, student="ada"), grade_text(wrong, RUBRIC, student="ben")]


def _rows(text: str) -> dict:
    return {r["student"]: r for r in csv.DictReader(io.StringIO(text))}


def test_long_marks_give_points_to_a_review_item_and_the_total_follows(results):
    marks = read_marks("student,item,points,comment\nada,q7-why-diverge,1,clear\n", RUBRIC, results)
    ada = _rows(to_csv(apply_marks(results, marks), RUBRIC))["ada"]
    assert ada["q7-why-diverge"] == "1" and ada["q7-why-diverge status"] == "graded"
    assert float(ada["total"]) == RUBRIC.total and ada["pending"] == "0"


def test_the_edited_gradebook_is_read_back_as_marks(results):
    rows = list(csv.DictReader(io.StringIO(to_csv(results, RUBRIC))))
    for row in rows:
        if row["student"] == "ben":
            row["q7-why-diverge"], row["q2-softmax-gradient"] = "0.5", "1"  # a mark and an override
    out = io.StringIO()
    writer = csv.DictWriter(out, list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    marks = read_marks(out.getvalue(), RUBRIC, results)
    assert sorted((m.student, m.item, m.points) for m in marks) == [
        ("ben", "q2-softmax-gradient", 1.0), ("ben", "q7-why-diverge", 0.5)]


@pytest.mark.parametrize("line", ["zed,q2-softmax-gradient,1", "ada,q99,1", "ada,q2-softmax-gradient,7"])
def test_a_mark_that_cannot_be_placed_is_an_error_naming_its_row(results, line):
    from verify.errors import UsageError

    with pytest.raises(UsageError, match="row 2"):
        apply_marks(results, read_marks(f"student,item,points\n{line}\n", RUBRIC, results))


def test_the_marks_option_writes_recomputed_totals(tmp_path):
    submission = tmp_path / "ada.md"
    submission.write_text(render("headings", {})[0])
    marks = tmp_path / "marks.csv"
    marks.write_text("student,item,points\nada,q7-why-diverge,1\n")
    out = tmp_path / "grades.csv"
    code = main(["grade", str(submission), "--rubric", "homework6", "--format", "csv", "-o", str(out),
                 "--marks", str(marks)])
    assert code == 0 and float(_rows(out.read_text())["ada"]["total"]) == RUBRIC.total


@pytest.mark.parametrize("visibility", VISIBILITIES)
def test_gradescope_visibility_reaches_the_results_and_every_test(results, visibility):
    data = gradescope(results[1], visibility, stdout_visibility=visibility)
    assert data["visibility"] == data["stdout_visibility"] == visibility
    assert {t["visibility"] for t in data["tests"]} == {visibility}


def test_gradescope_tests_say_passed_or_failed_and_nothing_while_pending(results):
    tests = {t["name"].split(":")[0]: t for t in gradescope(results[1])["tests"]}
    assert tests["q2-softmax-gradient"]["status"] == "failed" and tests["q3a-dot-variance"]["status"] == "passed"
    assert "status" not in tests["q7-why-diverge"]


def test_hidden_solutions_keep_model_answers_out_of_what_students_see(results):
    shown = json.dumps(gradescope(results[1]))
    hidden = json.dumps(gradescope(results[1], hide_solutions=True))
    model = RUBRIC.items[-1].feedback["review"]
    assert json.dumps(model)[1:-1] in shown and json.dumps(model)[1:-1] not in hidden
    assert "y_2 = 19/16" in shown and "19/16" not in hidden


def test_gradescope_output_uses_no_internal_words(results):
    for result in results:
        for test in gradescope(result)["tests"]:
            assert not any(word in test["output"] for word in INTERNAL), test["output"]


def test_json_keeps_its_fields_and_adds_the_new_ones(results):
    from verify.grading.writers import to_json

    item = json.loads(to_json(results, RUBRIC))["submissions"][0]["items"][0]
    assert {"id", "points", "max_points", "status", "solution", "marked"} <= set(item)


def test_no_output_file_overwrites_another(tmp_path):
    folder = tmp_path / "class"
    for name in ("a b", "a_b", "A_B"):
        (folder / name).mkdir(parents=True)
        (folder / name / "answer.md").write_text(render("headings", {})[0])
    out = tmp_path / "out"
    main(["grade", str(folder), "--rubric", "homework6", "--format", "gradescope", "-o", str(out)])
    assert len(list(out.glob("*.results.json"))) == 3
