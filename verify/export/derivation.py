"""A checked derivation as a solution sheet: title, setup, each chain an aligned derivation
with its justifications, each claim a statement with its proof sketch.

Math comes from :func:`latex_math` (names checked); prose (titles, justifications,
conventions) goes through :func:`escape_text`; arguments are sentences composed from
the verdicts' typed fields and the objects (never the verdicts' reason text, which may
be code). Each step that does not hold is explained under its chain: the argument, the
residual, and a counterexample that names each side.
"""
from __future__ import annotations

from typing import Iterable, Mapping

from sympy import Expr, Symbol

from ..model import Chain, Claim, Context, Derivation
from ..printing import claim_sketch, claim_statement
from ..verdict import CheckResult, DerivationReport, Status
from .document import document, verdict_mark
from ..printing.text import escape_text
from .explain import failure_lines
from ..printing.latex import latex_math
from .prose import authored_latex, prose_latex
from .residuals import Where, failing_residuals
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
        items.append(rf"\({latex_math(symbol)}\)" + (f" ({words})" if words else ""))
    return ", ".join(items)


def _itemize(items: list[str]) -> str:
    if not items:
        return ""
    return "\\begin{compactitem}\n" + "\n".join(rf"\item {i}" for i in items) + "\n\\end{compactitem}\n"


def context_latex(context: Context, conventions: tuple[str, ...] = ()) -> str:
    """The setup: symbols with their assumptions, integrated variables, facts, conventions, notes."""
    rows = []
    if context.symbols:
        rows.append(rf"\textbf{{Symbols:}} {_symbol_list(context.symbols)}\par")
    if context.integration_variables:
        rows.append(rf"\textbf{{Integrated over:}} {_symbol_list(context.integration_variables)}\par")
    if context.facts:
        facts = [rf"\emph{{{escape_text(f.name)}}}: \({latex_math(f.lhs)} = {latex_math(f.rhs)}\)"
                 for f in context.facts]
        rows.append("\\textbf{Facts:}\n" + _itemize(facts))
    for label, texts in (("Conventions", conventions), ("Notes", context.notes)):
        if texts:
            rows.append(rf"\textbf{{{label}:}}" + "\n" + _itemize([authored_latex(t) for t in texts]))
    rows.append(rf"{{\small Checked with the theories: {escape_text(', '.join(context.theories))}.}}\par")
    return "\\subsection*{Setup}\n" + "\n".join(rows) + "\n"


def chain_latex(chain: Chain, results: dict[int, CheckResult], number: int,
                residuals: Mapping[Where, Expr] | None = None) -> str:
    """One chain: an ``align*`` of its steps with justifications and verdicts, then why any step fails."""
    named = chain.title and chain.title.strip().lower() != f"chain {number}"
    head = f"Derivation {number}" + (f": {authored_latex(chain.title)}" if named else "")
    first_wrong = next((i for i, r in sorted(results.items()) if not r.verdict.status.holds), None)
    rows = [StepRow(f"{number}.{i}", step.relation.latex, latex_math(step.expr), step.justification,
                    results[i].verdict if i in results else None, emphasis=i == first_wrong)
            for i, step in enumerate(chain.steps, 1)]
    body = steps_align(latex_math(chain.start), rows)
    return rf"\subsection*{{\boldmath {head}}}" + "\n" + body + _failures(chain, results, number, residuals or {})


def _failures(chain: Chain, results: dict[int, CheckResult], number: int,
              residuals: Mapping[Where, Expr]) -> str:
    """Each step of the chain that does not hold, explained; the first one is marked as the first wrong step."""
    items, first = [], True
    for i, (previous, step) in enumerate(chain.links(), 1):
        result = results.get(i)
        if result is None or result.verdict.status.holds:
            continue
        lines = failure_lines(result.verdict, previous, step.expr, step.relation, residuals.get((number - 1, i)))
        head = rf"\textbf{{{'First wrong step' if first else 'Step'} ({number}.{i})}}, {verdict_mark(result.verdict)}:"
        items.append(head + " " + " ".join(lines))
        first = False
    return ("{\\small\n" + _itemize(items) + "}\n") if items else ""


def _sketch_head(claim: Claim) -> str:
    """``Proof sketch (induction on t).``: the justification the author cited names the proof."""
    cited = f" ({authored_latex(claim.justification)})" if claim.justification else ""
    return rf"\emph{{Proof sketch{cited}.}}"


def claim_latex(claim: Claim, result: CheckResult | None, number: int) -> str:
    """A claim: the statement with typeset formulas, its proof sketch, and its verdict."""
    verdict = result.verdict if result else None
    lines = [rf"\textbf{{Claim {number}.}} {prose_latex(claim_statement(claim))}"
             rf" \hfill {verdict_mark(verdict)}\par",
             rf"{_sketch_head(claim)} {prose_latex(claim_sketch(claim, verdict))}\par"]
    if verdict is not None and not verdict.status.holds:
        lines.append(r"{\small " + " ".join(failure_lines(verdict, sides=("the left side", "the right side"))) + r"}\par")
    return "\n".join(lines) + "\n\\medskip\n"


def twins_latex(report: DerivationReport) -> str:
    """The cross-checks against the numpy implementation (numeric evidence: at best consistent)."""
    if not report.twin:
        return ""
    items = [rf"{authored_latex(r.latex)} \hfill {verdict_mark(r.verdict)}" for r in report.twin]
    return "\\subsection*{Cross-checks against the numpy implementation}\n" + _itemize(items)


def summary_latex(report: DerivationReport) -> str:
    counts = ", ".join(f"{report.count(s)} {s.value}" for s in Status)
    total = len(report.results) + len(report.twin)
    return rf"{{\small\textbf{{{total} checks:}} {counts}.}}\par" + "\n"


def _steps_by_chain(report: DerivationReport) -> dict[int, dict[int, CheckResult]]:
    chains: dict[int, dict[int, CheckResult]] = {}
    for result in report.results:
        if result.kind == "step":
            chains.setdefault(result.chain, {})[result.index] = result
    return chains


def derivation_body(derivation: Derivation, report: DerivationReport, figure: str = "",
                    residuals: Mapping[Where, Expr] | None = None) -> str:
    """Everything about one derivation, headed by ``\\subsection*`` (for a document or a section);
    ``figure`` is TeX built by ``verify.export.figures`` (e.g. ``gda_figure``), shown last;
    ``residuals`` (from :func:`failing_residuals`) are computed here when not given."""
    if residuals is None:
        residuals = failing_residuals(derivation, report)
    steps = _steps_by_chain(report)
    claims = {r.index: r for r in report.results if r.kind == "claim"}
    parts = [summary_latex(report), context_latex(derivation.context, derivation.conventions)]
    parts += [chain_latex(c, steps.get(n, {}), n + 1, residuals) for n, c in enumerate(derivation.chains)]
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
    """A standalone solution sheet for one checked derivation (and a file's unread formulas, if any)."""
    body = derivation_body(derivation, report, figure) + "\n" + unread_latex(unread)
    return document(derivation.title, body, subtitle="a solution sheet checked by verify")


def derivations_document(pairs: Iterable[tuple[Derivation, DerivationReport]],
                         title: str = "Reference derivations", figures: Mapping[str, str] | None = None) -> str:
    """One document with every derivation as a section (``verify export --all``); ``figures``
    maps a derivation's name to the TeX of its figure."""
    figures = figures or {}
    sections = [rf"\section{{{authored_latex(d.title)}}}" + "\n" + derivation_body(d, r, figures.get(d.name, ""))
                + "\n\\clearpage" for d, r in pairs]
    return document(title, "\n".join(sections), subtitle="checked by verify")
