"""Export shows each step as written (``\\frac{q}{q}``, not the ``x`` it reads as) and where a cancellation holds."""
from __future__ import annotations

from pathlib import Path

from verify.cli import main
from verify.engine.checker import check_derivation
from verify.config import CheckConfig
from verify.export import feedback_document, FeedbackItem, marked_chain
from verify.parsing import read_document


def _export(tmp_path: Path, text: str) -> str:
    source, out = tmp_path / "w.md", tmp_path / "w.tex"
    source.write_text(text, encoding="utf-8")
    main(["export", str(source), "-o", str(out)])
    return out.read_text(encoding="utf-8")


def test_a_checked_markdown_file_shows_q_over_q_as_written(tmp_path):
    tex = _export(tmp_path, "Cancel:\n\n$$x \\cdot \\frac{q}{q} = x$$\n")
    assert r"&x \cdot \frac{q}{q} = x" in tex


def test_the_margin_says_where_a_cancellation_holds_and_never_identical(tmp_path):
    tex = _export(tmp_path, "$$x \\cdot \\frac{q}{q} = x$$\n")
    assert r"holds where \(q \neq 0\)" in tex and "identical" not in tex


def test_a_formula_unsafe_to_typeset_as_it_is_shows_its_expression_as_written(tmp_path):
    tex = _export(tmp_path, "$$x * \\frac{q}{q} = x$$\n")  # '*' is never typeset from the source
    assert r"x \frac{q}{q} = x" in tex


def test_feedback_shows_the_written_form_and_the_condition():
    chain = read_document("$$x \\cdot \\frac{q}{q} = x$$\n").chains[0]
    verdicts = [r.verdict for r in check_derivation(read_document("$$x \\cdot \\frac{q}{q} = x$$\n").derivation(),
                                                    CheckConfig(budget=None)).results]
    marked = marked_chain(chain, verdicts)
    tex = feedback_document("Feedback", [FeedbackItem("Item 1", chains=(marked,))])
    assert r"x \cdot \frac{q}{q}" in tex and r"holds where \(q \neq 0\)" in tex


def test_feedback_of_a_step_unsafe_to_typeset_shows_it_as_written():
    chain = read_document("$$x * \\frac{q}{q} = x * (a + b)$$\n").chains[0]
    tex = feedback_document("Feedback", [FeedbackItem("Item 1", chains=(marked_chain(chain, [None]),))])
    assert r"x \frac{q}{q}" in tex and r"x \left(a + b\right)" in tex
