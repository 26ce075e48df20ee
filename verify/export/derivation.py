"""A checked derivation as LaTeX: context, chains in ``align``, claims, cross-checks.

Math comes from :func:`math_latex` (SymPy's printer, names checked); every piece of
prose (titles, justifications, reasons, statements) goes through :func:`escape_text`.
"""
from __future__ import annotations

from typing import Iterable, Mapping

from sympy import Symbol, Tuple

from ..model import Chain, Claim, Context, Derivation
from ..verdict import CheckResult, DerivationReport, Status, Verdict
from .document import document, verdict_mark
from .escape import escape_text
from .mathtex import math_latex
from .steps import StepRow, steps_align


def assumption_words(symbol: Symbol) -> str:
    """What SymPy knows about ``symbol``, in words: 'positive integer', 'real', ''."""
    sign = next((w for w in ("positive", "negative", "nonnegative", "nonpositive")
                 if getattr(symbol, f"is_{w}")), "")
    kind = "integer" if symbol.is_integer else ("real" if symbol.is_real and not sign else "")
    return " ".join(w for w in (sign, kind) if w)


def _symbol_list(symbols: Iterable[Symbol]) -> str:
    items = []
    for symbol in symbols:
        words = assumption_words(symbol)
        items.append(rf"\({math_latex(symbol)}\)" + (f" ({words})" if words else ""))
    return ", ".join(items)


def _itemize(items: list[str]) -> str:
    if not items:
        return ""
    return "\\begin{compactitem}\n" + "\n".join(rf"\item {i}" for i in items) + "\n\\end{compactitem}\n"


def context_latex(context: Context, conventions: tuple[str, ...] = ()) -> str:
    """The symbols with their assumptions, integrated variables, facts, theories, conventions."""
    rows = []
    if context.symbols:
        rows.append(rf"\textbf{{Symbols:}} {_symbol_list(context.symbols)}\par")
    if context.integration_variables:
        rows.append(rf"\textbf{{Integrated over:}} {_symbol_list(context.integration_variables)}\par")
    rows.append(rf"\textbf{{Theories:}} {escape_text(', '.join(context.theories))}\par")
    if context.facts:
        facts = [rf"\emph{{{escape_text(f.name)}}}: \({math_latex(f.lhs)} = {math_latex(f.rhs)}\)"
                 for f in context.facts]
        rows.append("\\textbf{Facts:}\n" + _itemize(facts))
    for label, texts in (("Conventions", conventions), ("Notes", context.notes)):
        if texts:
            rows.append(rf"\textbf{{{label}:}}" + "\n" + _itemize([escape_text(t) for t in texts]))
    return "\\subsection*{Context}\n" + "\n".join(rows) + "\n"


def verdict_detail(verdict: Verdict) -> list[str]:
    """Why a step does not hold: the reason, the residual, the counterexample (escaped)."""
    lines = [escape_text(verdict.reason)]
    if verdict.residual not in (None, "0"):
        lines.append(r"residual (left $-$ right): \texttt{" + escape_text(verdict.residual) + "}")
    if verdict.counterexample is not None:
        lines.append("counterexample: " + escape_text(verdict.counterexample.describe()))
    return lines


def chain_latex(chain: Chain, results: dict[int, CheckResult], number: int) -> str:
    """One chain: an ``align*`` of its steps, then how each step was decided."""
    named = chain.title and chain.title.strip().lower() != f"chain {number}"
    head = f"Chain {number}" + (f": {escape_text(chain.title)}" if named else "")
    rows = [StepRow(f"{number}.{i}", step.relation.latex, math_latex(step.expr), step.justification,
                    results[i].verdict if i in results else None)
            for i, step in enumerate(chain.steps, 1)]
    body = steps_align(math_latex(chain.start), rows)
    return rf"\subsection*{{{head}}}" + "\n" + body + _arguments(results, number)


def _arguments(results: dict[int, CheckResult], number: int) -> str:
    """How each step was decided: the verdict's reason, and more where a step fails."""
    items = []
    for i, result in sorted(results.items()):
        lines = verdict_detail(result.verdict) if not result.verdict.status.holds \
            else [escape_text(result.verdict.reason)]
        items.append(rf"({number}.{i}) {verdict_mark(result.verdict)}: " + r"\\ ".join(lines))
    if not items:
        return ""
    return "{\\small\n" + _itemize(items) + "}\n"


def claim_latex(claim: Claim, result: CheckResult | None, number: int) -> str:
    """A claim: its statement, what it is about, and the argument that decided it."""
    verdict = result.verdict if result else None
    lines = [rf"\textbf{{Claim {number}}} ({verdict_mark(verdict)}): {escape_text(claim.statement)}\par"]
    if claim.subject is not None and not isinstance(claim.subject, Tuple):  # a Tuple is an encoding: the statement says it
        lines.append(rf"\[ {math_latex(claim.subject)} \]")
    if claim.value is not None:
        lines.append(rf"Expected: \({math_latex(claim.value)}\)\par")
    if claim.assumptions:
        lines.append(r"Assuming: \(" + r",\ ".join(math_latex(a) for a in claim.assumptions) + r"\)\par")
    if claim.justification:
        lines.append(rf"Justification: {escape_text(claim.justification)}\par")
    if verdict is not None:
        lines.append(r"Argument: " + r"\\ ".join(verdict_detail(verdict)) + r"\par")
    return "\n".join(lines) + "\n\\medskip\n"


def twins_latex(report: DerivationReport) -> str:
    """The cross-checks against the numpy twin (numeric evidence: at best consistent)."""
    if not report.twin:
        return ""
    items = [rf"{escape_text(r.latex)}\\ {{\small {verdict_mark(r.verdict)}: {escape_text(r.verdict.reason)}}}"
             for r in report.twin]
    return "\\subsection*{Cross-checks against the numpy twin}\n" + _itemize(items)


def summary_latex(report: DerivationReport) -> str:
    counts = ", ".join(f"{report.count(s)} {s.value}" for s in Status)
    total = len(report.results) + len(report.twin)
    return rf"\textbf{{{total} checks:}} {counts}.\par" + "\n"


def _steps_by_chain(report: DerivationReport) -> dict[int, dict[int, CheckResult]]:
    chains: dict[int, dict[int, CheckResult]] = {}
    for result in report.results:
        if result.kind == "step":
            chains.setdefault(result.chain, {})[result.index] = result
    return chains


def derivation_body(derivation: Derivation, report: DerivationReport, figure: str = "") -> str:
    """Everything about one derivation, headed by ``\\subsection*`` (for a document or a section);
    ``figure`` is TeX built by ``verify.export.figures`` (e.g. ``gda_figure``), shown last."""
    steps = _steps_by_chain(report)
    claims = {r.index: r for r in report.results if r.kind == "claim"}
    parts = [summary_latex(report), context_latex(derivation.context, derivation.conventions)]
    parts += [chain_latex(c, steps.get(n, {}), n + 1) for n, c in enumerate(derivation.chains)]
    if derivation.claims:
        parts.append("\\subsection*{Claims}\n")
        parts += [claim_latex(c, claims.get(n), n) for n, c in enumerate(derivation.claims, 1)]
    parts.append(twins_latex(report))
    parts.append(figure)
    return "\n".join(p for p in parts if p)


def unread_latex(unread: Iterable[str]) -> str:
    """Formulas the parser could not read (its messages, shown literally)."""
    items = [r"\texttt{" + escape_text(u) + "}" for u in unread]
    return "\\subsection*{Formulas that could not be read}\n" + _itemize(items) if items else ""


def derivation_document(derivation: Derivation, report: DerivationReport, unread: Iterable[str] = (),
                        figure: str = "") -> str:
    """A standalone document for one checked derivation (and a file's unread formulas, if any)."""
    body = derivation_body(derivation, report, figure) + "\n" + unread_latex(unread)
    return document(derivation.title, body, subtitle=f"{derivation.name}: checked by verify")


def derivations_document(pairs: Iterable[tuple[Derivation, DerivationReport]],
                         title: str = "Reference derivations", figures: Mapping[str, str] | None = None) -> str:
    """One document with every derivation as a section (``verify export --all``); ``figures``
    maps a derivation's name to the TeX of its figure."""
    figures = figures or {}
    sections = [rf"\section{{{escape_text(d.title)}}}" + "\n" + derivation_body(d, r, figures.get(d.name, ""))
                + "\n\\clearpage" for d, r in pairs]
    return document(title, "\n".join(sections), subtitle="checked by verify")
