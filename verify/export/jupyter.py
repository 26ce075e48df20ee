"""Notebook display: derivations and reports as MathJax-ready LaTeX (``_repr_latex_``).

MathJax typesets math only, so this is an ``aligned`` block, not a document. Inside
``\\text{}`` MathJax shows characters as they are, except that braces must balance and
``$`` may end the math: those and backslashes become look-alike Unicode characters.
"""
from __future__ import annotations

import unicodedata

from ..display import register_latex
from ..model import Derivation
from ..verdict import DerivationReport
from ..printing.latex import latex_math

_LOOKALIKE = str.maketrans({"\\": "∖", "{": "❴", "}": "❵", "$": "＄"})


def mathjax_text(text: str, max_chars: int = 300) -> str:
    """``\\text{...}`` showing ``text`` in MathJax, control characters dropped, shortened."""
    text = "".join(c if unicodedata.category(c)[0] != "C" else " " for c in str(text))
    text = text[:max_chars] + ("…" if len(text) > max_chars else "")
    return r"\text{" + text.translate(_LOOKALIKE) + "}"


def _block(rows: list[str]) -> str:
    return "$$\\begin{aligned}\n" + " \\\\\n".join(rows) + "\n\\end{aligned}$$"


def derivation_latex(derivation: Derivation) -> str:
    """The chains, each step with its justification (unchecked: run ``check_derivation`` for verdicts)."""
    rows = [r"&" + mathjax_text(derivation.title)]
    for number, chain in enumerate(derivation.chains, 1):
        rows.append(r"&" + mathjax_text(f"Chain {number}" + (f": {chain.title}" if chain.title else "")))
        rows.append(rf"&\phantom{{{{}}={{}}}}{latex_math(chain.start)}")
        rows += [rf"&{s.relation.latex} {latex_math(s.expr)} && {mathjax_text(s.justification or '')}"
                 for s in chain.steps]
    rows += [r"&" + mathjax_text(f"Claim: {c.statement}") for c in derivation.claims]
    return _block(rows)


def report_latex(report: DerivationReport) -> str:
    """One row per check: where, what (math for steps), justification, verdict."""
    rows = [r"&" + mathjax_text(f"{report.name}: {report.title}")]
    for r in report.results + report.twin:
        where = f"{r.kind} {r.chain + 1}.{r.index}" if r.kind == "step" else f"{r.kind} {r.index}"
        what = r.latex if r.kind == "step" else mathjax_text(r.latex)
        rows.append(rf"&{mathjax_text(where)} && {what} && {mathjax_text(r.justification or '')} "
                    rf"&& {mathjax_text(r.verdict.label)}")
    return _block(rows)


register_latex(Derivation, derivation_latex)
register_latex(DerivationReport, report_latex)
