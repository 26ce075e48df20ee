"""Exported LaTeX, without running TeX: what a derivation or feedback document says."""
from __future__ import annotations

import re
import sys
import types

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st
from sympy import Matrix, Symbol, log

import derivations
from verify.cli import main
from verify.config import CheckConfig
from verify.engine.checker import check_derivation
from verify.export import FeedbackItem, MarkedChain, MarkedStep, derivation_document, feedback_document, marked_chain
from verify.export.derivation import assumption_words
from verify.printing.text import escape_text
from verify.export.figures import GDA_STEPS, coordinates, gda_figure
from verify.model import Chain, Claim, Context, Derivation, Fact, Relation, Step, TwinCheck
from verify.verdict import Status, Verdict, proved

A = Symbol("a", positive=True)
B = Symbol("b", positive=True)
T = Symbol("t", real=True)


def sample_derivation(name: str = "sample", bad_step: bool = True) -> Derivation:
    """Two chains, a twin, and unless ``bad_step`` is False a wrong last step and an undecidable claim."""
    logs = [Step(log(A) + log(B), justification="log of a product"),
            Step(log(B) + log(A), justification="rearrange")]
    if bad_step:
        logs.append(Step(log(A) + 2 * log(B), justification="doubling by mistake"))
    square = [Step(A**2 + 2 * A * B + B**2, justification="expand"),
              Step(A**2 + B**2, Relation.GE, "drop the positive cross term")]
    context = Context(symbols=(A, B, T), facts=(Fact("symmetry", A * B, B * A),),
                      notes=("densities are positive",))
    claim = Claim("the rotation has eigenvalues 1 +- i t", "no-such-kind", Matrix([[1, -T], [T, 1]]),
                  justification="characteristic polynomial")
    twin = TwinCheck("the numpy twin agrees", lambda config: Verdict(Status.CONSISTENT, "agrees", samples=7))
    return Derivation(name, "A sample derivation", context, (Chain(log(A * B), tuple(logs), "logarithms"),
                                                             Chain((A + B) ** 2, tuple(square))),
                      (claim,) if bad_step else (), ("we write log for the natural logarithm",), (twin,))


def checked(derivation: Derivation):
    return check_derivation(derivation, CheckConfig(budget=None))


def gda_standin(p0, q0, eta, steps, kind="sim"):
    """A tiny stand-in for derivations.gda_twin, with its public signature."""
    points = [(p0, q0)]
    for _ in range(steps):
        p, q = points[-1]
        if kind == "sim":
            points.append((p - eta * q, q + eta * p))
        elif kind == "alt":
            p = p - eta * q
            points.append((p, q + eta * p))
        else:
            ph, qh = p - eta * q, q + eta * p
            points.append((p - eta * qh, q + eta * ph))
    return np.array(points)


GDA_STANDIN = types.SimpleNamespace(
    simultaneous_gda=lambda *a: gda_standin(*a, kind="sim"),
    alternating_gda=lambda *a: gda_standin(*a, kind="alt"),
    extragradient=lambda *a: gda_standin(*a, kind="extra"))


@pytest.fixture(scope="module")
def sample_tex() -> str:
    derivation = sample_derivation()
    return derivation_document(derivation, checked(derivation))


def test_every_step_shows_its_justification_and_verdict(sample_tex):
    derivation = sample_derivation()
    for chain in derivation.chains:
        for step in chain.steps:
            assert escape_text(step.justification) in sample_tex
    assert r"\verdict{proved}{proved}" in sample_tex and r"\verdict{refuted}{refuted}" in sample_tex


def test_steps_are_in_align_environments_one_per_chain(sample_tex):
    assert sample_tex.count(r"\begin{align*}") == len(sample_derivation().chains)


def test_a_refuted_step_shows_its_residual_and_a_counterexample_naming_each_side(sample_tex):
    assert escape_text("The residual, left minus right in canonical form, is ") + r"\(" in sample_tex
    assert r"A counterexample: at \(a\) = \(" in sample_tex
    assert escape_text("the line before, ") + r"\(\log" in sample_tex and escape_text("this line, ") in sample_tex


def test_context_lists_symbols_with_assumptions_facts_and_conventions(sample_tex):
    assert r"\textbf{Symbols:} \(a\) (positive)" in sample_tex and r"\(t\) (real)" in sample_tex
    assert r"\emph{symmetry}" in sample_tex and "we write log" in sample_tex


def test_a_claim_of_an_unknown_kind_shows_its_words_its_subject_and_that_it_is_undecided(sample_tex):
    statement = sample_derivation().claims[0].statement
    assert escape_text(statement[0].upper() + statement[1:]) in sample_tex
    assert r"\begin{matrix}" in sample_tex and "could not be decided" in sample_tex


def test_twin_cross_checks_are_listed_as_consistent(sample_tex):
    assert r"the numpy twin agrees \hfill \verdict{consistent}{consistent (7 samples)}" in sample_tex


@pytest.mark.parametrize("symbol, words", [
    (Symbol("n", positive=True, integer=True), "positive integer"),
    (Symbol("x", real=True), "real"),
    (Symbol("s", nonnegative=True), "nonnegative"),
    (Symbol("c"), ""),
])
def test_assumption_words(symbol, words):
    assert assumption_words(symbol) == words


def test_gda_figure_plots_three_runs_of_every_iterate():
    tex = gda_figure(GDA_STANDIN)
    plotted = re.findall(r"\\addplot\[[^\]]*thick[^\]]*\] coordinates \{([^}]*)\}", tex)
    assert [len(re.findall(r"\(", c)) for c in plotted] == [GDA_STEPS + 1] * 3


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.floats(), st.floats()), max_size=20))
def test_coordinates_are_numbers_only_and_drop_non_finite_points(points):
    text = coordinates(np.array(points, dtype=float).reshape(-1, 2))
    assert re.fullmatch(r"[0-9.,()\- e]*", text)
    assert text.count("(") == sum(np.isfinite(x) and np.isfinite(y) for x, y in points)


def feedback_items() -> list[FeedbackItem]:
    x = Symbol("x")
    good = MarkedStep(2 * x, "=", "2x", "collect terms", proved("canonical forms agree"))
    bad = MarkedStep(3 * x, "=", "3x", "wishful", Verdict(Status.REFUTED, "the sides differ", residual="-x"))
    unread = MarkedStep(None, "=", "x +* 1", "?")
    return [FeedbackItem("Item 1", (MarkedChain(x + x, (good, bad, unread), "simplify"),), 1, 3,
                         comments=("look at step 2",), unparsed=("\\section{oops}",)),
            FeedbackItem("Item 2", (), 2.5, 2.5), FeedbackItem("Ungraded")]


def test_feedback_totals_the_points_of_graded_items():
    assert "Total: 3.5 / 5.5" in feedback_document("Feedback", feedback_items())


def test_feedback_explains_the_first_wrong_step_only():
    tex = feedback_document("Feedback", feedback_items())
    assert tex.count("First wrong step") == 1 and r"First wrong step (1.2).} Refuted." in tex
    assert escape_text("The residual, left minus right, is ") + r"\(" in tex


def test_feedback_shows_unread_lines_literally():
    tex = feedback_document("Feedback", feedback_items())
    assert r"\text{\ttfamily x +* 1}" in tex and r"\textbackslash{}section\{oops\}" in tex
    assert r"\section{oops}" not in tex


def test_marked_chain_pairs_each_step_with_its_verdict():
    derivation = sample_derivation()
    report = checked(derivation)
    results = [r for r in report.results if r.kind == "step" and r.chain == 0]
    chain = marked_chain(derivation.chains[0], results)
    assert [s.verdict.status for s in chain.steps] == [r.verdict.status for r in results]
    assert [s.justification for s in chain.steps] == [s.justification for s in derivation.chains[0].steps]


def test_jupyter_latex_of_a_derivation_shows_its_steps_as_math():
    shown = sample_derivation()._repr_latex_()
    assert shown.startswith("$$") and r"\log{\left(a \right)}" in shown and r"\text{log of a product}" in shown


def test_jupyter_latex_of_a_report_shows_verdicts_and_hides_backslashes_in_text():
    derivation = sample_derivation()
    hostile = Chain(A, (Step(A, justification=r"\href{x}{y} $"),))
    report = checked(Derivation("h", "h", derivation.context, (hostile,)))
    shown = report._repr_latex_()
    assert r"\text{proved}" in shown and r"\href" not in shown and "$" not in shown.strip("$")


@pytest.fixture
def sample_builtin(monkeypatch):
    """A built-in derivation called 'sample', so the CLI can be tested without the real ones."""
    module = types.ModuleType("sample_builtin_derivation")
    module.TITLE, module.derivation = "A sample derivation", lambda: sample_derivation("sample", bad_step=False)
    monkeypatch.setitem(sys.modules, module.__name__, module)
    monkeypatch.setattr(derivations, "BUILTIN", {"sample": module.__name__})
    return "sample"


def test_cli_writes_the_tex_file(sample_builtin, tmp_path):
    out = tmp_path / "s.tex"
    assert main(["export", sample_builtin, "-o", str(out), "--budget", "30"]) == 0
    assert out.read_text().startswith(r"\documentclass")


def test_cli_all_writes_one_section_per_derivation(sample_builtin, tmp_path):
    out = tmp_path / "all.tex"
    assert main(["export", "--all", "-o", str(out), "--budget", "30"]) == 0
    assert out.read_text().count(r"\section{") == 1


def test_cli_exits_1_when_a_check_does_not_hold(sample_builtin, tmp_path, monkeypatch):
    monkeypatch.setattr(sys.modules["sample_builtin_derivation"], "derivation", lambda: sample_derivation("sample"))
    assert main(["export", sample_builtin, "-o", str(tmp_path / "s.tex"), "--budget", "30"]) == 1


def test_cli_unknown_name_is_a_usage_error_with_a_near_miss(sample_builtin, capsys):
    assert main(["export", "sampel"]) == 2
    assert "Did you mean 'sample'" in capsys.readouterr().err


def test_cli_without_tex_says_how_to_install_and_still_writes_the_tex(sample_builtin, tmp_path, monkeypatch, capsys):
    monkeypatch.setattr("verify.export.compile.find_tex", lambda: None)
    out = tmp_path / "s.tex"
    assert main(["export", sample_builtin, "-o", str(out), "--pdf", "--budget", "30"]) == 2
    assert out.exists() and "apt-get install texlive" in capsys.readouterr().err


SQUARE_MD = "Expanding a square.\n\n$$ (a+b)^2 $$\n\n$$ = a^2 + 2ab + b^2 $$\n\n$$ = a^2 + b^2 $$\n\nand $$ \\frac{ $$\n"


def test_cli_exports_the_checked_chains_of_a_file_with_its_unread_formulas(tmp_path):
    source, out = tmp_path / "square.md", tmp_path / "square.tex"
    source.write_text(SQUARE_MD)
    assert main(["export", str(source), "-o", str(out), "--budget", "30"]) == 1
    tex = out.read_text()
    assert r"&= a^2 + b^2" in tex and r"\verdict{refuted}{refuted}" in tex
    assert "Formulas that could not be read" in tex and "line 9" in tex


def test_exporting_a_file_never_overwrites_it(tmp_path, monkeypatch):
    source = tmp_path / "answer.tex"
    source.write_text(SQUARE_MD)
    monkeypatch.chdir(tmp_path)
    assert main(["export", "answer.tex", "-o", "answer.tex"]) == 2
    assert source.read_text() == SQUARE_MD
    main(["export", "answer.tex"])
    assert source.read_text() == SQUARE_MD and (tmp_path / "answer.verified.tex").exists()


def test_the_export_command_draws_the_bilinear_game_figure_and_no_other():
    from verify.commands.export import figure

    assert "simultaneous GDA" in figure("bilinear-game") and figure("elbo") == ""
