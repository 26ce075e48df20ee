"""Batches: folders, error rows, identical steps checked once, determinism, parallel = serial."""
import json
from concurrent.futures import ProcessPoolExecutor
import multiprocessing

import pytest

from derivations import BUILTIN
from tests.class_generator import generated_class
from verify.cli import main
from verify.config import CheckConfig
from verify.grading import grade_batch, load_rubric
from verify.grading import checks

RUBRIC = load_rubric("assignment5", BUILTIN)


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    path = tmp_path_factory.mktemp("class")
    for name, text in generated_class(6):
        (path / f"{name}.md").write_text(text)
    (path / "binary.md").write_bytes(b"\xff\xfe not utf-8")
    return path


def _scores(results):
    return [(r.student, r.score, r.error) for r in results]


def test_a_bad_submission_gets_an_error_row_and_the_batch_goes_on(folder):
    results = grade_batch([folder], RUBRIC)
    assert len(results) == 7 and [r.student for r in results if r.error] == ["binary"]


def test_identical_steps_are_checked_once(folder, monkeypatch):
    seen = []
    original = checks.check_one
    monkeypatch.setattr(checks, "check_one", lambda key, config: seen.append(key) or original(key, config))
    grade_batch([folder], RUBRIC, CheckConfig(budget=None))
    assert seen and len(seen) == len(set(seen))


def test_same_seed_same_results(folder):
    assert _scores(grade_batch([folder], RUBRIC, CheckConfig(seed=3))) == \
        _scores(grade_batch([folder], RUBRIC, CheckConfig(seed=3)))


def test_process_pool_gives_the_serial_results(folder):
    with ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("fork")) as pool:
        parallel = grade_batch([folder], RUBRIC, executor=pool, workers=2)
    assert _scores(parallel) == _scores(grade_batch([folder], RUBRIC))


def test_cli_writes_a_csv_and_exits_1_for_an_error_row(folder, tmp_path):
    out = tmp_path / "grades.csv"
    code = main(["grade", str(folder), "--rubric", "assignment5", "--format", "csv", "-o", str(out), "--jobs", "2"])
    assert code == 1 and out.read_text().count("\n") == 9  # the header, the max-points row, 7 students


def test_cli_gradescope_for_one_submission(folder, tmp_path, capsys):
    # exit 1: assignment5's manual items wait for a person
    assert main(["grade", str(folder / "student0000.md"), "--rubric", "assignment5", "--format", "gradescope"]) == 1
    assert json.loads(capsys.readouterr().out)["score"] > 0


def test_latex_format_writes_one_document_per_submission(folder, tmp_path):
    code = main(["grade", str(folder), "--rubric", "assignment5", "--format", "latex", "-o", str(tmp_path)])
    written = sorted(p.stem for p in tmp_path.glob("*.tex"))
    assert code == 1 and written == sorted(p.stem for p in folder.glob("*.md"))
    assert all("Total:" in p.read_text() for p in tmp_path.glob("*.tex"))


def test_latex_format_needs_an_output_folder(folder):
    assert main(["grade", str(folder), "--rubric", "assignment5", "--format", "latex"]) == 2
