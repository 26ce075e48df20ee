"""Annotated feedback for one submission: the chains as read, each step marked, points.

The grader calls :func:`feedback_document` with plain data: strings, SymPy expressions
it parsed, and our :class:`~verify.verdict.Verdict` objects. Everything textual is
untrusted (it came from a student) and is escaped here, so the caller need not.

>>> from sympy import Symbol
>>> from verify.verdict import proved
>>> x = Symbol("x")
>>> step = MarkedStep(expr=2 * x, justification="doubling", verdict=proved("canonical forms agree"))
>>> item = FeedbackItem("Item 1", chains=(MarkedChain(start=x + x, steps=(step,)),), points=2, max_points=2)
>>> tex = feedback_document("Feedback for #42", [item])
>>> r"Feedback for \\#42" in tex and "Total: 2 / 2" in tex
True
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Sequence

from ..model import Chain, Context, Relation, relation_latex
from ..verdict import CheckResult, Verdict
from .document import document
from ..printing.text import escape_text
from .prose import authored_latex, prose_latex
from .explain import failure_lines
from ..printing.latex import latex_math
from .residuals import residuals
from .steps import StepRow, steps_align
from .written import written_latex, written_steps



@dataclass(frozen=True)
class MarkedStep:
    """One step as read and checked.

    ``expr`` is the parsed expression (a SymPy object) or None when the line could not
    be read, in which case ``source`` (the text as written) is shown literally.
    ``relation`` is one of = <= >= < > ~= (or a ``Relation``).
    """

    expr: Any = None
    relation: str = "="
    source: str = ""
    justification: str | None = None
    verdict: Verdict | None = None
    written: str = ""  # this step's expression as written (a piece of ``source``), shown when safe
    as_written: Any = None  # that expression as written, unevaluated (shown when the text is not safe)
    nonzero: tuple = ()  # factors the step cancels (``q`` of ``x q/q = x``): it holds where each is nonzero


@dataclass(frozen=True)
class MarkedChain:
    """A chain as read: its start (expression, or None and ``source``), steps, title."""

    start: Any
    steps: tuple[MarkedStep, ...]
    title: str = ""
    source: str = ""
    context: Context | None = None  # when given, the first wrong step's residual is in canonical form
    written_start: str = ""  # the start as written, shown when safe
    start_as_written: Any = None  # the start as written, unevaluated


@dataclass(frozen=True)
class FeedbackItem:
    """One rubric item: its chains, points (None when not graded), comments, unread lines.

    A comment is a string (escaped; ``$...$`` in it is typeset when it is safe LaTeX) or a
    :data:`~verify.printing.Prose` sentence whose formulas are SymPy objects, e.g.
    ``("The two lines differ by ", Math(residual), ".")``: grading should build comments
    about expressions this way, never from ``str(expr)``.
    """

    title: str
    chains: tuple[MarkedChain, ...] = ()
    points: float | None = None
    max_points: float | None = None
    comments: tuple = ()  # of str or Prose
    unparsed: tuple[str, ...] = ()


def marked_chain(chain: Chain, checked: Sequence[Verdict | CheckResult | None],
                 context: Context | None = None) -> MarkedChain:
    """A model ``Chain`` with one verdict (or CheckResult) per step, in order, as a MarkedChain;
    ``context`` (the one the chain was checked under) lets the residual be shown in canonical form."""
    verdicts = [c.verdict if isinstance(c, CheckResult) else c for c in checked]
    verdicts += [None] * (len(chain.steps) - len(verdicts))
    from ..engine.as_read import cancelled

    start, pieces = written_steps(chain)
    steps = tuple(MarkedStep(s.expr, str(getattr(s.relation, "value", s.relation)), s.source or "",
                             s.justification, v, w or "", s.written, cancelled(previous, s.expr, (before, s.written),
                                                                                context.symbols if context else ()))
                  for s, v, w, (previous, _), (before, _) in zip(chain.steps, verdicts, pieces, chain.links(),
                                                                  chain.written_links()))
    return MarkedChain(chain.start, steps, chain.title, chain.source or "", context, start or "", chain.written)


def _math(expr: Any, source: str, written: str = "", as_written: Any = None) -> str:
    """The step as written when that is safe LaTeX, else its expression as written, else as read; a line
    not read is shown literally."""
    shown = written_latex(written) if written else None
    if shown is not None:
        return shown
    if as_written is not None:
        return latex_math(as_written, as_written=True)
    if expr is None:
        return rf"\text{{\ttfamily {escape_text(source or '(not read)')}}}"
    return latex_math(expr)


def _first_failure(chain: MarkedChain) -> int | None:
    return next((i for i, s in enumerate(chain.steps, 1) if s.verdict is not None and not s.verdict.status.holds),
                None)


def chain_feedback(chain: MarkedChain, number: int) -> str:
    """The chain in ``align*``; the first wrong step in bold and explained below it."""
    wrong = _first_failure(chain)
    rows = [StepRow(f"{number}.{i}", relation_latex(str(getattr(s.relation, "value", s.relation))) or "=",
                    _math(s.expr, s.source, s.written, s.as_written), s.justification, s.verdict, emphasis=i == wrong,
                    nonzero=s.nonzero)
            for i, s in enumerate(chain.steps, 1)]
    head = f"Chain {number}" + (f": {authored_latex(chain.title)}" if chain.title else "")
    parts = [rf"\subsection*{{\boldmath {head}}}", steps_align(_math(chain.start, chain.source, chain.written_start,
                                                                chain.start_as_written), rows)]
    if wrong is not None:
        parts.append(r"\medskip" + rf"\textbf{{First wrong step ({number}.{wrong}).}} " + _explained(chain, wrong)
                     + r"\par")
    return "\n".join(parts) + "\n"


def _explained(chain: MarkedChain, wrong: int) -> str:
    """The first wrong step: the argument, the residual, a counterexample naming each side, and the step as written."""
    step = chain.steps[wrong - 1]
    previous = chain.start if wrong == 1 else chain.steps[wrong - 2].expr
    relation = Relation(str(getattr(step.relation, "value", step.relation)))
    residual = None
    if chain.context is not None and previous is not None and step.expr is not None:
        residual = residuals(chain.context, [((0, wrong), previous, step.expr)]).get((0, wrong))
    lines = failure_lines(step.verdict, previous, step.expr, relation, residual)
    if step.source:
        shown = written_latex(step.source)
        lines.append("As written: " + (rf"\({shown}\)" if shown is not None
                                       else r"\texttt{" + escape_text(step.source) + "}") + ".")
    return r"\\ ".join(lines)


def _points(points: float | None, max_points: float | None) -> str:
    if points is None:
        return "not graded" if max_points is None else f"-- / {float(max_points):g}"
    return f"{float(points):g}" + ("" if max_points is None else f" / {float(max_points):g}")


def item_feedback(item: FeedbackItem) -> str:
    """One rubric item: heading with points, comments, chains, lines that could not be read."""
    points = rf"\mbox{{{_points(item.points, item.max_points)}}}"  # "1 / 1" never breaks across lines
    parts = [rf"\section*{{{authored_latex(item.title)} \hfill {points}}}"]
    parts += [(prose_latex(c) if isinstance(c, tuple) else authored_latex(c)) + r"\par" for c in item.comments]
    parts += [chain_feedback(c, n) for n, c in enumerate(item.chains, 1)]
    if item.unparsed:
        lines = "\n".join(rf"\item \texttt{{{escape_text(u)}}}" for u in item.unparsed)
        parts.append("\\textbf{Lines that could not be read:}\n\\begin{compactitem}\n" + lines + "\n\\end{compactitem}")
    return "\n".join(parts) + "\n"


def total_line(items: Sequence[FeedbackItem]) -> str:
    """``Total: 7 / 10`` over the graded items."""
    graded = [i for i in items if i.points is not None]
    got = sum(float(i.points) for i in graded)
    out_of = sum(float(i.max_points) for i in items if i.max_points is not None)
    return f"Total: {got:g} / {out_of:g}" if out_of else f"Total: {got:g}"


def feedback_document(title: str, items: Sequence[FeedbackItem], subtitle: str = "") -> str:
    """A standalone document of annotated feedback; every string in ``items`` is escaped here."""
    body = "\n".join(item_feedback(i) for i in items)
    return document(title, rf"{{\large\bfseries {total_line(items)}\par}}" + "\n" + body, subtitle=subtitle)
