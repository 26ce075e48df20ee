"""The Gradescope autograder bundle, unzipped into a root laid out like ``/autograder`` and run."""
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.classes.make_homework6 import render
from verify.cli import main


@pytest.fixture(scope="module")
def bundle(tmp_path_factory):
    path = tmp_path_factory.mktemp("bundle") / "autograder.zip"
    assert main(["autograder", "--rubric", "homework6", "-o", str(path), "--visibility", "after_published",
                 "--hide-solutions"]) == 0
    return path


def _root(tmp_path: Path, bundle: Path, files: dict) -> Path:
    """``tmp_path/autograder`` with ``source/`` (the unzipped bundle) and ``submission/``."""
    root = tmp_path / "autograder"
    with zipfile.ZipFile(bundle) as archive:
        archive.extractall(root / "source")
    for name in ("run_autograder", "setup.sh"):
        os.chmod(root / "source" / name, 0o755)
    (root / "submission").mkdir()
    for name, data in files.items():
        (root / "submission" / name).write_bytes(data if isinstance(data, bytes) else data.encode())
    return root


def _run(root: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env.update(AUTOGRADER_ROOT=str(root), PYTHON=sys.executable)
    cwd = root.parent  # not the project: the bundle's own copy of the package must do
    subprocess.run(["bash", str(root / "source" / "run_autograder")], env=env, cwd=cwd, check=True, timeout=300)
    return json.loads((root / "results" / "results.json").read_text())


def test_the_bundle_has_what_gradescope_asks_for_at_its_root(bundle):
    names = zipfile.ZipFile(bundle).namelist()
    assert {"setup.sh", "run_autograder", "rubric.toml", "package/pyproject.toml", "package/verify/cli.py"} <= set(names)
    modes = {i.filename: i.external_attr >> 16 for i in zipfile.ZipFile(bundle).infolist()}
    assert modes["run_autograder"] & 0o111 and modes["setup.sh"] & 0o111


def test_run_autograder_grades_a_correct_submission(tmp_path, bundle):
    results = _run(_root(tmp_path, bundle, {"answer.md": render("headings", {})[0]}))
    tests = {t["name"].split(":")[0]: t for t in results["tests"]}
    assert results["score"] == 17 and tests["q1-elbo"]["status"] == "passed"
    assert results["visibility"] == "after_published"


def test_run_autograder_grades_a_latex_submission_with_a_mistake(tmp_path, bundle):
    text, key = render("sections", {"q2": "sign flip"})
    results = _run(_root(tmp_path, bundle, {"main.tex": text}))
    tests = {t["name"].split(":")[0]: t for t in results["tests"]}
    assert tests["q2-softmax-gradient"]["score"] == 0 and tests["q2-softmax-gradient"]["status"] == "failed"
    assert "sign" in tests["q2-softmax-gradient"]["output"]


def test_run_autograder_writes_results_for_an_unreadable_submission(tmp_path, bundle):
    results = _run(_root(tmp_path, bundle, {"scan.md": bytes(range(256))}))
    assert results["score"] == 0 and "could not be graded" in results["output"]


def test_hidden_solutions_reach_the_bundles_results(tmp_path, bundle):
    results = _run(_root(tmp_path, bundle, {"answer.md": render("headings", {"q5": "one value wrong"})[0]}))
    text = json.dumps(results)
    assert "21/16" in text and "19/16" not in text  # the student's value is quoted, the model one is not
