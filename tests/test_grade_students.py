"""Who is who: students named by their path in the class folder, never by a stem that can collide."""
import json

from verify.grading.submissions import collect


def _names(root):
    return {s.student: s for s in collect([root])}


def test_a_folder_per_student_names_the_student(tmp_path):
    (tmp_path / "alice_123").mkdir()
    (tmp_path / "alice_123" / "answer.md").write_text("Q1 $x$")
    (tmp_path / "bob_456").mkdir()
    (tmp_path / "bob_456" / "answer.md").write_text("Q1 $y$")
    assert set(_names(tmp_path)) == {"alice_123", "bob_456"}


def test_all_files_of_a_students_folder_are_one_submission(tmp_path):
    (tmp_path / "alice" / "part2").mkdir(parents=True)
    (tmp_path / "alice" / "q1.md").write_text("Q1 $x$")
    (tmp_path / "alice" / "part2" / "q2.tex").write_text("Q2 $y$")
    assert len(_names(tmp_path)["alice"].files) == 2


def test_files_that_share_a_stem_keep_their_suffix(tmp_path):
    (tmp_path / "bob.md").write_text("$x$")
    (tmp_path / "bob.tex").write_text("$x$")
    assert set(_names(tmp_path)) == {"bob.md", "bob.tex"}


def test_the_same_student_in_two_class_folders_is_told_apart(tmp_path):
    for section in ("monday", "tuesday"):
        (tmp_path / section / "carol").mkdir(parents=True)
        (tmp_path / section / "carol" / "a.md").write_text("$x$")
    names = {s.student for s in collect([tmp_path / "monday", tmp_path / "tuesday"])}
    assert names == {"monday/carol", "tuesday/carol"}


def test_gradescopes_export_layout_keeps_the_submitters(tmp_path):
    folder = tmp_path / "submission_123456"
    folder.mkdir()
    (folder / "answer.md").write_text("Q1 $x$")
    (folder / "submission_metadata.json").write_text(json.dumps({"users": [{"name": "Ada L", "sid": "42"}]}))
    submission = _names(tmp_path)["submission_123456"]
    assert submission.submitters == (("Ada L", "42"),)


def test_a_students_folder_without_a_readable_file_is_still_listed(tmp_path):
    (tmp_path / "dan").mkdir()
    (tmp_path / "dan" / "scan.pdf").write_bytes(b"%PDF")
    (tmp_path / "dan" / "submission_metadata.json").write_text("{}")
    assert _names(tmp_path)["dan"].files == ()


def test_gradescopes_yaml_export_names_the_submitters(tmp_path):
    import pytest

    pytest.importorskip("yaml")
    (tmp_path / "submission_987").mkdir()
    (tmp_path / "submission_987" / "answer.md").write_text("Q1 $x$")
    (tmp_path / "submission_metadata.yml").write_text(
        "submission_987:\n  :submitters:\n  - :name: Bo Chen\n    :sid: '77'\n")
    assert _names(tmp_path)["submission_987"].submitters == (("Bo Chen", "77"),)
