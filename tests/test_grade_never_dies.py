"""A class run never dies: every failure stays inside one student's item, as a reason a TA can act on."""
import csv
import io
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from derivations import BUILTIN
from tests.class_generator import generated_class
from verify.cli import main
from verify.grading import batch, grade_batch, grade_text, load_rubric, parse_rubric
from verify.grading.files import write_atomic
from verify.grading.kinds import GRADERS
from verify.grading.results import Failure

PM_RUBRIC = parse_rubric(r'''
[[items]]
id = "eig"
title = "eigenvalues"
points = 1
kind = "expression"
expected = '1 \pm i \eta'
context = { real = ["eta"] }
locate = { label = "Q1" }

[[items]]
id = "cost"
title = "cost"
points = 1
kind = "complexity"
expected = "n^2"
context = { positive = ["n"] }
locate = { label = "Q2" }
''')

PYTHON_WORDS = ("Traceback", "Error:", "object has no attribute", "NoneType", "unsupported operand")


def _no_python_text(text: str) -> None:
    assert not any(word in text for word in PYTHON_WORDS), text


@pytest.mark.parametrize("answer", [r"2 \pm i\eta", r"1 \pm 2 i \eta", r"1 + i\eta", r"\eta"])
def test_a_plus_minus_answer_that_differs_is_graded_not_a_crash(answer):
    item = grade_text(f"Q1: ${answer}$\n\nQ2: $O(n^2)$", PM_RUBRIC).items[0]
    assert item.status in ("graded", "review") and item.points == 0


def test_the_items_after_a_failing_one_are_still_graded(monkeypatch):
    def explode(item, text):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(GRADERS["expression"], "prepare", explode)
    eig, cost = grade_text(r"Q1: $1 \pm i\eta$" + "\n\nQ2: $O(n^2)$", PM_RUBRIC).items
    assert eig.status == "review" and cost.status == "graded" and cost.points == 1
    _no_python_text(" ".join(d.reason for d in eig.deductions) + " ".join(eig.feedback))


@settings(max_examples=20, deadline=None)
@given(st.sampled_from([KeyError("x"), AttributeError("'FiniteSet' object has no attribute 'expand'"),
                        RecursionError("maximum recursion depth"), TypeError("unsupported operand"),
                        MemoryError()]))
def test_any_failure_in_finishing_an_item_becomes_review_without_python_text(error):
    original = GRADERS["complexity"].prepare

    def failing_finish(draft, outcomes):
        raise error

    from verify.grading.kinds import common

    def prepare(item, text):
        draft = original(item, text)
        return common.Draft(draft.item, draft.found, keys=draft.keys, data=draft.data)  # not done: finish runs

    saved = GRADERS["complexity"].prepare, GRADERS["complexity"].finish
    GRADERS["complexity"].prepare, GRADERS["complexity"].finish = prepare, failing_finish
    try:
        cost = grade_text(r"Q1: $1 \pm i\eta$" + "\n\nQ2: $O(n^2)$", PM_RUBRIC).items[1]
    finally:
        GRADERS["complexity"].prepare, GRADERS["complexity"].finish = saved
    assert cost.status == "review" and cost.points == 0
    _no_python_text(" ".join(d.reason for d in cost.deductions))


@pytest.fixture(scope="module")
def mixed_class(tmp_path_factory):
    """A generated class with broken, hostile and binary submissions mixed in."""
    folder = tmp_path_factory.mktemp("mixed")
    for name, text in generated_class(6):
        (folder / f"{name}.md").write_text(text)
    (folder / "binary.md").write_bytes(bytes(range(256)) * 4)
    (folder / "empty.md").write_text("")
    (folder / "nesting.md").write_text("(1) (a) Time complexity = $O(" + "(" * 400 + "t" + ")" * 400 + ")$")
    (folder / "pm.md").write_text(r"<2> The attention output is $\text{softmax}(Q) \pm V$." + "\n")
    (folder / "unicode.md").write_text("(1) Zeit: $O(t·n²·L)$ — ∫ q log p dz ≥ …\n")
    return folder


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_every_output_of_a_mixed_class_is_complete(mixed_class, tmp_path, fmt):
    out = tmp_path / f"grades.{fmt}"
    code = main(["grade", str(mixed_class), "--rubric", "assignment5", "--format", fmt, "-o", str(out)])
    students = {p.stem for p in mixed_class.iterdir()}
    text = out.read_text()
    if fmt == "csv":
        rows = [r for r in csv.DictReader(io.StringIO(text)) if r["student"] in students]
        assert {r["student"] for r in rows} == students
    else:
        data = json.loads(text)
        assert {s["student"] for s in data["submissions"]} == students
        for submission in data["submissions"]:
            _no_python_text(submission["error"] or "")
            for item in submission["items"]:
                _no_python_text(" ".join(d["reason"] for d in item["deductions"]))
    assert code == 1  # the broken ones need a person


def test_the_mixed_class_grades_without_an_exception(mixed_class):
    results = grade_batch([mixed_class], load_rubric("assignment5", BUILTIN))
    assert len(results) == len(list(mixed_class.iterdir()))
    assert {r.student for r in results if r.error} >= {"binary"}


def test_an_interrupted_write_leaves_the_previous_file_intact(tmp_path, monkeypatch):
    target = tmp_path / "grades.csv"
    write_atomic(target, "old\n")

    def interrupted(*args):
        raise KeyboardInterrupt

    monkeypatch.setattr("os.replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, "new\n")
    assert target.read_text() == "old\n" and [p.name for p in tmp_path.iterdir()] == ["grades.csv"]


@pytest.mark.parametrize("fmt", ["gradescope", "latex"])
def test_every_student_of_a_mixed_class_gets_a_file(mixed_class, tmp_path, fmt):
    out = tmp_path / "out"
    main(["grade", str(mixed_class), "--rubric", "assignment5", "--format", fmt, "-o", str(out)])
    written = list(out.glob("*.results.json" if fmt == "gradescope" else "*.tex"))
    assert len(written) == len(list(mixed_class.iterdir()))


class BreakingExecutor:
    """Returns the first chunk of every phase, then breaks like a pool whose worker was killed."""

    def map(self, fn, *iterables):
        from concurrent.futures.process import BrokenProcessPool

        for count, args in enumerate(zip(*iterables)):
            if count == 1:
                raise BrokenProcessPool("a worker died")
            yield fn(*args)


def test_a_broken_executor_does_not_lose_the_class(mixed_class):
    rubric = load_rubric("assignment5", BUILTIN)
    broken = grade_batch([mixed_class], rubric, executor=BreakingExecutor(), workers=2)
    serial = grade_batch([mixed_class], rubric)
    assert [(r.student, r.score, r.error) for r in broken] == [(r.student, r.score, r.error) for r in serial]


def test_a_grader_fault_is_reported_as_ours_not_as_an_unreadable_file(tmp_path, monkeypatch):
    answers = "Q1: $1 \\pm i\\eta$\n\nQ2: $O(n^2)$\n"
    (tmp_path / "alice.md").write_text(answers)
    (tmp_path / "bob.md").write_text(answers + "\nQ3: a construct the grader trips on\n")
    original = batch.prepare

    def trips_on_q3(text, rubric):
        if "Q3" in text:
            raise TypeError("unsupported operand type(s)")
        return original(text, rubric)

    monkeypatch.setattr(batch, "prepare", trips_on_q3)
    alice, bob = sorted(grade_batch([tmp_path], PM_RUBRIC), key=lambda r: r.student)
    assert alice.failure is None and alice.score == 2
    assert bob.failure is Failure.GRADER_FAULT
    assert "could not be read" not in bob.error and "fault of the grader" in bob.error
    _no_python_text(bob.error)

def test_an_unreadable_file_is_reported_as_unreadable(tmp_path):
    (tmp_path / "carol.md").write_bytes(b"Q1: \xff\xfe")
    (result,) = grade_batch([tmp_path], PM_RUBRIC)
    assert result.failure is Failure.UNREADABLE and "UTF-8" in result.error
