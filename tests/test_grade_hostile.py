"""Hostile submissions: each gets an error row or an unread item with a clear reason; the batch goes on."""
import pytest

from derivations import BUILTIN
from tests.class_generator import reference, render
from verify.grading import grade_batch, load_rubric

RUBRIC = load_rubric("assignment5", BUILTIN)
NESTED = "(" * 500 + "t" + ")" * 500


def _hostile(slot: str, value: str) -> str:
    return render({**reference(), slot: value})


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "good.md").write_text(render(reference()))
    (folder / "power.md").write_text(_hostile("rnn_train_time", r"O(t^{9999999999999})"))
    (folder / "nesting.md").write_text(_hostile("rnn_train_time", f"O({NESTED})"))
    (folder / "input.md").write_text(_hostile("rnn_train_time", r"O(\input{/etc/passwd})"))
    (folder / "bytes.md").write_bytes(b"(1) (a) \xff\xfe $O(t)$")
    (folder / "long.md").write_text("x" * 10_000_000)
    return {r.student: r for r in grade_batch([folder], RUBRIC)}


def test_the_good_submission_is_graded_in_full(graded):
    good = graded["good"]
    assert good.error is None and all(i.points == i.max_points for i in good.items if i.kind != "manual")


@pytest.mark.parametrize("student, reason", [("bytes", "not UTF-8 text: byte 0xff"), ("long", "more than the")])
def test_unreadable_files_get_an_error_row_with_the_reason(graded, student, reason):
    assert reason in (graded[student].error or "")


@pytest.mark.parametrize("student, reason", [("power", "exponent"), ("nesting", "nest"), ("input", "input")])
def test_hostile_formulas_are_refused_at_their_item_only(graded, student, reason):
    items = {i.id: i for i in graded[student].items}
    refused = items["1a-rnn-train-time"]
    assert refused.status == "review" and reason in refused.deductions[0].reason.lower()
    assert items["3-elbo"].points == items["3-elbo"].max_points
