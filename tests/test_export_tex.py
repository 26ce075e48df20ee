"""Exported documents through a real TeX: they compile, and say what was checked.

Needs pdflatex and pdftotext (CI installs TeX Live and poppler-utils); skipped without.
"""
from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest

import derivations
from verify.cli import main
from verify.config import CheckConfig
from verify.engine.checker import check_derivation
from verify.export import (FeedbackItem, MarkedChain, MarkedStep, TexError, compile_pdf, derivation_document,
                           feedback_document, find_tex)
from verify.export import figures
from verify.verdict import Status, Verdict

from .test_export_document import SQUARE_MD, GDA_STANDIN, checked, feedback_items, sample_builtin, sample_derivation  # noqa: F401

pytestmark = [pytest.mark.tex,
              pytest.mark.skipif(find_tex() is None or shutil.which("pdftotext") is None,
                                 reason="needs pdflatex and pdftotext (TeX Live, poppler-utils)")]


def squeeze(text: str) -> str:
    """Text without whitespace, ligatures undone, for comparing with what pdftotext reads."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).replace("−", "-")


def pdf_text(pdf: Path) -> str:
    out = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True)
    return squeeze(out.stdout)


def compiled_text(tex: str, tmp_path: Path) -> str:
    pdf = compile_pdf(tex, tmp_path / "out.pdf")
    assert pdf.stat().st_size > 0
    return pdf_text(pdf)


def builtin(name: str):
    return derivations.load(name)


@pytest.mark.parametrize("name", derivations.names())
def test_every_builtin_derivation_compiles_and_shows_its_steps_and_verdicts(name, tmp_path):
    derivation = builtin(name)
    report = check_derivation(derivation, CheckConfig())
    text = compiled_text(derivation_document(derivation, report), tmp_path)
    for result in report.results + report.twin:
        assert squeeze(result.verdict.label) in text
        if result.justification:
            assert squeeze(result.justification) in text
    for number, claim in enumerate(derivation.claims, 1):
        assert f"Claim{number}." in text and "Proofsketch" in text


def test_the_sample_derivation_with_a_gda_figure_compiles(tmp_path):
    derivation = sample_derivation()
    text = compiled_text(derivation_document(derivation, checked(derivation), figure=figures.gda_figure(GDA_STANDIN)),
                         tmp_path)
    assert "doublingbymistake" in text and "refuted" in text and "Acounterexample:ata=" in text
    assert "simultaneousGDA(spiralsout)" in text and "extragradient(converges)" in text


def test_an_annotated_feedback_document_compiles_with_points_and_the_first_wrong_step(tmp_path):
    text = compiled_text(feedback_document("Feedback for student 7", feedback_items()), tmp_path)
    assert "Total:3.5/5.5" in text and "Firstwrongstep(1.2)." in text and "wishful" in text


HOSTILE = [
    r"\input{/etc/passwd}",
    r"\immediate\write18{touch MARKER}",
    r"\catcode`\{=12 \def\x{oops}\x",
    "}}} unbalanced {{ braces {",
    "^^5cinput^^7b/etc/passwd^^7d",
    r"\csname end\endcsname \end{document}",
    "$x^2$ & # % ~ _ 100%",
]


def hostile_feedback(marker: Path) -> tuple[str, list[str]]:
    texts = [t.replace("MARKER", str(marker)) for t in HOSTILE]
    step = MarkedStep(None, "=", texts[1], texts[2], Verdict(Status.REFUTED, texts[3], residual=texts[4]))
    item = FeedbackItem(texts[0], (MarkedChain(None, (step,), texts[5], texts[6]),), 0, 1,
                        comments=tuple(texts), unparsed=tuple(texts))
    return feedback_document(texts[6], [item], subtitle=texts[5]), texts


def test_hostile_text_in_feedback_compiles_shows_literally_and_runs_nothing(tmp_path):
    marker = tmp_path / "pwned"
    tex, texts = hostile_feedback(marker)
    text = compiled_text(tex, tmp_path)
    for hostile in texts:
        assert squeeze(hostile) in text
    assert not marker.exists()
    assert "root:" not in text


def test_tex_runs_without_shell_escape_even_for_raw_write18(tmp_path):
    marker = tmp_path / "pwned"
    raw = rf"\documentclass{{article}}\begin{{document}}\immediate\write18{{touch {marker}}}x\end{{document}}"
    compile_pdf(raw, tmp_path / "raw.pdf")
    assert not marker.exists()


def test_tex_may_not_read_absolute_paths(tmp_path):
    raw = r"\documentclass{article}\begin{document}\input{/etc/passwd}\end{document}"
    with pytest.raises(TexError):
        compile_pdf(raw, tmp_path / "raw.pdf")


def test_a_tex_error_is_reported_with_its_message_and_line(tmp_path):
    raw = "\\documentclass{article}\n\\begin{document}\nfine\n\\undefinedmacro\n\\end{document}\n"
    with pytest.raises(TexError, match=r"line 4: Undefined control sequence"):
        compile_pdf(raw, tmp_path / "bad.pdf")


def test_a_tex_run_past_its_time_limit_is_stopped(tmp_path):
    raw = r"\documentclass{article}\begin{document}\def\x{\x}\x\end{document}"
    with pytest.raises(TexError, match="did not finish within 2 s"):
        compile_pdf(raw, tmp_path / "loop.pdf", timeout=2)


def test_cli_pdf_writes_tex_and_pdf(tmp_path, sample_builtin):
    out = tmp_path / "s.tex"
    assert main(["export", sample_builtin, "-o", str(out), "--pdf", "--budget", "30"]) == 0
    assert out.exists() and "logarithms" in pdf_text(out.with_suffix(".pdf"))



def test_cli_pdf_of_a_checked_file(tmp_path):
    source, out = tmp_path / "square.md", tmp_path / "square.tex"
    source.write_text(SQUARE_MD)
    assert main(["export", str(source), "-o", str(out), "--pdf", "--budget", "30"]) == 1
    text = pdf_text(out.with_suffix(".pdf"))
    assert "refuted" in text and "Acounterexample:ata=" in text and "Formulasthatcouldnotberead" in text


def test_a_claims_proof_sketch_is_named_by_the_justification_its_author_cited():
    from sympy import Symbol
    from verify.export.derivation import claim_latex
    from verify.model import Claim

    tex = claim_latex(Claim("t > 0", "inequality", Symbol("t", positive=True) > 0, justification="induction on t"),
                      None, 1)
    assert r"\emph{Proof sketch (induction on t).}" in tex


def test_a_residual_without_a_canonical_form_is_the_left_side_minus_the_right_in_that_order():
    from sympy import Symbol
    from verify.export.explain import failure_lines
    from verify.verdict import Status, Tier, Verdict

    a, b = Symbol("a"), Symbol("b")
    refuted = Verdict(Status.REFUTED, "", residual="2*a*b", tier=Tier.NUMERIC)
    lines = failure_lines(refuted, (a + b) ** 2, a**2 + b**2)
    assert r"\(\left(a + b\right)^{2} - \left(a^{2} + b^{2}\right)\)" in " ".join(lines)
