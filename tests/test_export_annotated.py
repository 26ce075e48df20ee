"""``verify export FILE``: the file's own headings, prose and order, each step marked in the margin."""
from __future__ import annotations

from pathlib import Path

import pytest

from verify.cli import main

HOMEWORK = r"""# Q1 Scaling

The scores are divided by $\sqrt{d_k}$ so that their variance is one; 50% of the marks & more.

$$\frac{1}{(\sqrt{d_k})^2} d_k = 1$$

## Q2 A square

Expanding, **carefully**:

$$(a+b)^2 = a^2 + 2ab + b^2$$

$$= a^2 + b^2$$

~~$$x = 2x$$~~

A last word: \input{/etc/passwd}.
"""


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> str:
    folder = tmp_path_factory.mktemp("annotated")
    source, out = folder / "homework.md", folder / "homework.tex"
    source.write_text(HOMEWORK, encoding="utf-8")
    main(["export", str(source), "-o", str(out), "--budget", "30"])
    return out.read_text(encoding="utf-8")


def test_headings_are_kept_as_headings(exported):
    assert r"\section*{Q1 Scaling}" in exported and r"\subsection*{Q2 A square}" in exported


def test_prose_is_kept_escaped_with_its_inline_math_typeset(exported):
    assert r"\(\sqrt{d_k}\)" in exported and r"50\% of the marks \& more" in exported
    assert r"\textbackslash{}input\{/etc/passwd\}" in exported and r"\input{" not in exported


def test_markdown_emphasis_becomes_emphasis(exported):
    assert r"\textbf{carefully}" in exported and "**" not in exported


def test_the_original_order_is_kept(exported):
    order = [exported.index(s) for s in (r"\section*{Q1", "divided by", r"\frac{1}{(\sqrt{d_k})^2} d_k",
                                         r"\subsection*{Q2", r"(a+b)^2 = a^2 + 2ab + b^2", "A last word")]
    assert order == sorted(order)


def test_a_step_is_shown_as_written_not_as_simplified(exported):
    assert r"&\frac{1}{(\sqrt{d_k})^2} d_k = 1" in exported


def test_each_checked_step_carries_its_verdict_in_the_margin(exported):
    assert r"\tag*{\why{\textup{(2.1)}" in exported and r"\tag*{\why{\textup{(2.2)}" in exported
    assert exported.count(r"\tag*{\why{") == 3


def test_the_first_wrong_step_is_marked_with_its_residual_and_a_counterexample(exported):
    marked = exported[exported.index(r"\textbf{First wrong step (2.2)}"):]
    assert r"\verdict{refuted}{refuted}" in marked and "2 a b" in marked
    assert "the line before" in marked and "this line" in marked


def test_struck_out_work_is_left_out(exported):
    assert "2x" not in exported


def test_a_latex_file_keeps_its_sections_and_drops_its_preamble(tmp_path):
    source, out = tmp_path / "a.tex", tmp_path / "a.out.tex"
    source.write_text("\\documentclass{article}\n\\begin{document}\n\\section{Square}\n"
                      "Expand:\n\\[ (a+b)^2 = a^2 + 2ab + b^2 \\]\n\\end{document}\n", encoding="utf-8")
    assert main(["export", str(source), "-o", str(out)]) == 0
    tex = out.read_text(encoding="utf-8")
    assert r"\section*{Square}" in tex and "documentclass" not in tex.split(r"\begin{document}")[1]


def test_multiplying_and_dividing_by_q_is_shown_as_written_and_is_no_restatement(tmp_path):
    source, out = tmp_path / "q.md", tmp_path / "q.tex"
    source.write_text("$$\\log p(x) = \\log \\int p(x, z) dz$$\n\n$$= \\log \\int q(z|x) \\frac{p(x, z)}{q(z|x)} dz$$\n",
                      encoding="utf-8")
    main(["export", str(source), "-o", str(out)])
    tex = out.read_text(encoding="utf-8")
    assert r"&= \log \int q(z|x) \frac{p(x, z)}{q(z|x)} dz" in tex
    assert "identical to the line before" not in tex


def test_a_restatement_says_so_in_the_margin(tmp_path):
    source, out = tmp_path / "r.md", tmp_path / "r.tex"
    source.write_text("$$a + b = a + b$$\n", encoding="utf-8")
    main(["export", str(source), "-o", str(out)])
    assert out.read_text(encoding="utf-8").count("both sides are identical") == 1


def test_a_continued_line_identical_to_the_line_before_says_so(tmp_path):
    source, out = tmp_path / "r.md", tmp_path / "r.tex"
    source.write_text("$$a + b = b + a$$\n\n$$= b + a$$\n", encoding="utf-8")
    main(["export", str(source), "-o", str(out)])
    assert out.read_text(encoding="utf-8").count("identical to the line before") == 1


def test_a_wrong_equation_on_one_line_names_its_left_and_right_sides(tmp_path):
    source, out = tmp_path / "w.md", tmp_path / "w.tex"
    source.write_text("$$(a-b)^2 = a^2 - b^2$$\n", encoding="utf-8")
    main(["export", str(source), "-o", str(out)])
    marked = out.read_text(encoding="utf-8").split(r"\textbf{First wrong step (1.1)}")[1]
    assert "the left side" in marked and "the right side" in marked and "the line before" not in marked


def test_a_wrong_continued_line_shows_the_line_before_as_its_author_wrote_it(tmp_path):
    source, out = tmp_path / "c.md", tmp_path / "c.tex"
    source.write_text("$$\\frac{t n^2 L}{n} = t n L$$\n\n$$= L t n^2$$\n", encoding="utf-8")
    main(["export", str(source), "-o", str(out)])
    marked = out.read_text(encoding="utf-8").split(r"\textbf{First wrong step (1.2)}")[1]
    assert r"the line before,{} \(t n L\)" in marked and r"this line,{} \(L t n^{2}\)" in marked


def test_an_ascii_relation_is_typeset_as_a_relation(tmp_path):
    source, out = tmp_path / "a.md", tmp_path / "a.tex"
    source.write_text("```derivation ascii\n(1 + eta^2)^2\n>= 1\n```\n", encoding="utf-8")
    main(["export", str(source), "-o", str(out)])
    tex = out.read_text(encoding="utf-8")
    assert r"&\ge 1" in tex and ">=" not in tex


def test_inline_math_in_a_heading_is_typeset(tmp_path):
    source, out = tmp_path / "h.md", tmp_path / "h.tex"
    source.write_text("## Why $\\sqrt{d_k}$\n\n$$x + x = 2x$$\n", encoding="utf-8")
    main(["export", str(source), "-o", str(out)])
    assert r"\subsection*{Why \(\sqrt{d_k}\)}" in out.read_text(encoding="utf-8")


LISTS = ("\\documentclass{article}\n\\begin{document}\n\\section*{Q3}\n\\begin{enumerate}\n\\item[(a)] $d$\n"
         "\\item $1$\n\\end{enumerate}\n\\begin{itemize}\n\\item a word\n\\end{itemize}\n\\end{document}\n")


@pytest.fixture(scope="module")
def listed(tmp_path_factory) -> str:
    folder = tmp_path_factory.mktemp("lists")
    source, out = folder / "lists.tex", folder / "lists.out.tex"
    source.write_text(LISTS, encoding="utf-8")
    main(["export", str(source), "-o", str(out)])
    return out.read_text(encoding="utf-8")


def test_a_latex_lists_commands_are_not_printed_as_text(listed):
    assert "textbackslash{}item" not in listed and "textbackslash{}begin" not in listed


def test_a_list_item_is_a_paragraph_headed_by_its_label_or_number(listed):
    """As in LaTeX, an item with a label of its own does not step the enumerate's counter."""
    assert r"\textbf{(a)} \(d\)\par" in listed and r"\textbf{1.} \(1\)\par" in listed
    assert r"\textbullet{} a word\par" in listed
