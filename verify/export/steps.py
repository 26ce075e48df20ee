"""A chain of steps as an ``align*``: math on the left, justification and verdict in the right margin.

The margin note is a ``\\tag*``, so amsmath moves it below a formula too wide to share its line.

Shared by derivation documents and feedback documents, so a student sees their work
laid out exactly like the reference solutions.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..verdict import Verdict
from .document import identical_note, nonzero_note, verdict_mark
from ..printing.text import escape_text
from .prose import authored_latex


@dataclass(frozen=True)
class StepRow:
    """One row: ``math`` is safe TeX (from latex_math), ``justification`` untrusted text."""

    label: str
    relation: str
    math: str
    justification: str | None
    verdict: Verdict | None
    emphasis: bool = False  # the first wrong step of a chain, set apart
    nonzero: tuple = ()  # factors the step cancels: it holds where each is nonzero


def _row(row: StepRow) -> str:
    why = authored_latex(row.justification) if row.justification else r"\textit{no justification given}"
    label = escape_text(row.label)
    if row.emphasis:
        label = rf"\textbf{{{label}}}"
    note = rf"\textup{{({label})}} {why}\\ {verdict_mark(row.verdict)}{identical_note(row.verdict)}"
    note += nonzero_note(row.nonzero) if row.verdict is not None and row.verdict.status.holds else ""
    return rf"&{row.relation} {row.math} \tag*{{\why{{{note}}}}}"


def steps_align(start_math: str, rows: list[StepRow]) -> str:
    """``align*`` with the start on the first line and one row per step."""
    lines = [rf"&\phantom{{{{}}={{}}}}{start_math}"] + [_row(r) for r in rows]
    return "\\begin{align*}\n" + " \\\\\n".join(lines) + "\n\\end{align*}\n"
