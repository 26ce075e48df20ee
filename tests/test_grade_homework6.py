"""A TA's own homework graded like a TA: the homework6 class against its human key.

The class (``tests/classes/homework6``, written by ``make_homework6.py``) has 35 submissions
in Markdown and LaTeX styles, plus an empty one; binary and huge ones are added here. The
key gives the points a TA gives each automatic item.
"""
import shutil
import tomllib
from pathlib import Path

import pytest

from derivations import BUILTIN
from tests.classes.make_homework6 import STUDENTS
from verify.grading import grade_batch, load_rubric

CLASS = Path(__file__).parent / "classes" / "homework6"
RUBRIC = load_rubric("homework6", BUILTIN)
KEY = tomllib.loads((CLASS / "key.toml").read_text())
AUTOMATIC = {i.id: i.points for i in RUBRIC.items if i.kind != "manual"}


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    folder = tmp_path_factory.mktemp("homework6") / "class"
    shutil.copytree(CLASS, folder, ignore=shutil.ignore_patterns("key.toml"))
    (folder / "bin_137").mkdir()
    (folder / "bin_137" / "scan.md").write_bytes(bytes(range(256)) * 8)
    (folder / "huge_138").mkdir()
    (folder / "huge_138" / "answer.md").write_text("## Q1\n" + "$x$ " * 600_000)
    return {r.student: r for r in grade_batch([folder], RUBRIC)}


def _decided(graded):
    """(student, item, points given, points in the key) for every automatic item graded automatically."""
    return [(s, i.id, i.points, KEY[s][i.id]) for s, r in graded.items() if s in KEY
            for i in r.items if i.id in AUTOMATIC and i.status != "review"]


def test_the_class_has_at_least_30_submissions_in_varied_styles(graded):
    assert len(graded) >= 30 and {p.suffix for p in CLASS.rglob("answer.*")} == {".md", ".tex"}


def test_the_grader_agrees_with_the_key_on_95_percent_of_automatic_items(graded):
    decided = _decided(graded)
    agree = sum(1 for _, _, given, wanted in decided if given == pytest.approx(wanted))
    assert len(decided) >= 0.9 * len(KEY) * len(AUTOMATIC) and agree >= 0.95 * len(decided)


@pytest.mark.parametrize("student", [s for s, _, choice in STUDENTS if not choice])
def test_a_fully_correct_submission_gets_every_automatic_point(graded, student):
    items = {i.id: i for i in graded[student].items}
    assert {i: items[i].points for i in AUTOMATIC} == AUTOMATIC


@pytest.mark.parametrize("student, item", [(s, i) for s in KEY for i in AUTOMATIC if KEY[s][i] < AUTOMATIC[i]])
def test_every_wrong_answer_loses_points_on_its_item(graded, student, item):
    found = {i.id: i for i in graded[student].items}[item]
    assert found.points < found.max_points


@pytest.mark.parametrize("student, item", [(s, i) for s in KEY for i in AUTOMATIC if KEY[s][i] == AUTOMATIC[i]])
def test_a_correct_answer_is_never_marked_wrong(graded, student, item):
    found = {i.id: i for i in graded[student].items}[item]
    assert found.points == found.max_points or found.status == "review"


@pytest.mark.parametrize("student", ["bin_137", "huge_138"])
def test_unreadable_submissions_get_an_error_row_with_a_reason(graded, student):
    assert graded[student].error and not graded[student].items


def test_the_empty_submission_has_every_item_not_found(graded):
    assert {i.status for i in graded["empty_133"].items if i.id in AUTOMATIC} == {"not found"}
