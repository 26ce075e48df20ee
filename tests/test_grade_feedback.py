"""Annotated feedback documents: the chain as read, each step marked, points, the total."""
import shutil
import subprocess

import pytest

from derivations import BUILTIN
from tests.class_generator import MUTANTS, reference, render
from verify.cli import main
from verify.export import find_tex
from verify.grading import grade_text, load_rubric
from verify.grading.annotate import feedback_tex, file_stem

RUBRIC = load_rubric("assignment5", BUILTIN)


@pytest.fixture(scope="module")
def mutant():
    return grade_text(render({**reference(), **MUTANTS["ELBO sign flipped"].slots}), RUBRIC, student="s1")


def test_feedback_marks_every_step_of_the_chain(mutant):
    tex = feedback_tex(mutant, RUBRIC)
    elbo = next(i for i in mutant.items if i.id == "3-elbo")
    assert tex.count("refuted") >= 1 and tex.count("proved") >= len(elbo.steps) - 1


def test_feedback_explains_the_first_wrong_step_with_its_residual(mutant):
    tex = feedback_tex(mutant, RUBRIC)
    assert "First wrong step (1.2)" in tex and "residual" in tex and "counterexample" in tex


def test_feedback_shows_points_per_item_and_the_total(mutant):
    tex = feedback_tex(mutant, RUBRIC)
    assert f"Total: {mutant.score:g} / {mutant.max_score:g}" in tex


@pytest.mark.parametrize("student, stem", [("../../etc/passwd", "etc_passwd"), ("a b", "a_b"), ("...", "submission")])
def test_file_names_from_student_names_stay_in_the_folder(student, stem):
    assert file_stem(student) == stem


@pytest.mark.tex
@pytest.mark.skipif(find_tex() is None or shutil.which("pdftotext") is None, reason="needs pdflatex and pdftotext")
def test_pdf_compiles_and_shows_verdicts_and_total(tmp_path, mutant):
    submission = tmp_path / "s1.md"
    submission.write_text(render({**reference(), **MUTANTS["ELBO sign flipped"].slots}))
    out = tmp_path / "feedback"
    # exit 1: assignment5's manual items wait for a person
    assert main(["grade", str(submission), "--rubric", "assignment5", "--format", "pdf", "-o", str(out)]) == 1
    text = subprocess.run(["pdftotext", str(out / "s1.pdf"), "-"], capture_output=True, text=True, check=True).stdout
    assert "refuted" in text and "proved" in text and f"Total: {mutant.score:g} / {mutant.max_score:g}" in text
