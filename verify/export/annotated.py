"""A checked Markdown or LaTeX file exported as the document it is, annotated.

The author's headings, the prose between formulas and the original order are kept;
each display formula is typeset as written when its LaTeX is safe (else as read),
each checked step carries its verdict in the margin, and below a block the first
wrong step of a chain is explained: the argument, the residual, and a counterexample
that names each side. Everything from the file is untrusted: prose is escaped, and
math reaches TeX only through :func:`written_latex` or :func:`latex_math`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Mapping

from sympy import Expr

from ..model import Relation, relation_latex
from ..verdict import CheckResult, DerivationReport
from .document import identical_note, nonzero_note, verdict_mark
from ..printing.text import escape_text
from .prose import authored_latex
from .explain import failure_lines
from ..printing.latex import latex_math
from .residuals import Where
from .written import written_latex

_BLOCK = re.compile(
    r"^[ \t]*```(?P<info>[^\n`]*)\n(?P<code>.*?)^[ \t]*```[ \t]*$"
    r"|\$\$(?P<dollars>.+?)\$\$"
    r"|\\\[(?P<bracket>.+?)\\\]"
    r"|\\begin\{(?P<env>equation\*?|align\*?|eqnarray\*?|gather\*?|multline\*?)\}(?P<body>.*?)\\end\{(?P=env)\}",
    re.S | re.M)
_INLINE = re.compile(r"(?<![\\$])\$(?P<math>[^$\n]+?)\$")
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_TEX_HEADING = re.compile(r"^\\(section|subsection|subsubsection|paragraph)\*?\{([^{}]*)\}\s*$")
_TEX_FRAME = re.compile(r"^\\(documentclass|usepackage|begin\{document\}|end\{document\}|maketitle|title|author|date)")
_EMPHASIS = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*|\*(?=\S)([^*]+?)(?<=\S)\*|`([^`\n]+)`")
_TEX_LIST = re.compile(r"^\\(begin|end)\{(itemize|enumerate|description)\}\s*$")
_TEX_ITEM = re.compile(r"^\s*\\item(?![A-Za-z])(?:\[([^\]\n]*)\])?\s*(.*)$")
_HEADINGS = {1: "section", 2: "subsection", 3: "subsubsection"}


@dataclass(frozen=True)
class Checked:
    """One checked step: where it is (chain, index from 1), its two sides, relation, and result."""

    chain: int
    index: int
    lhs: object
    rhs: object
    relation: Relation
    justification: str | None
    result: CheckResult | None
    source: str | None = None  # the text of the formula the step was read from
    written: tuple = (None, None)  # the two sides as written (unevaluated), None where not known
    symbols: tuple = ()  # the context's symbols, with their assumptions

    @property
    def nonzero(self) -> tuple:
        """The factors this step cancels (``q`` of ``x q/q = x``): it holds where each is nonzero."""
        from ..engine.as_read import cancelled

        return cancelled(self.lhs, self.rhs, self.written, self.symbols)


@dataclass
class _Walk:
    """The formulas by offset, and the checked steps still to be placed, in order."""

    formulas: dict
    steps: list
    skipped: dict
    residuals: Mapping[Where, Expr]
    explained: set = field(default_factory=set)  # chains whose first wrong step was explained


def _offsets(text: str, formulas) -> dict:
    starts = [0]
    for line in text.split("\n"):
        starts.append(starts[-1] + len(line) + 1)
    return {starts[f.line - 1] + f.column - 1: f for f in formulas if 0 < f.line < len(starts)}


def _checked_steps(document, report: DerivationReport) -> list[Checked]:
    results = {(r.chain, r.index): r for r in report.results if r.kind == "step"}
    return [Checked(c, i, previous, step.expr, step.relation, step.justification, results.get((c, i)), step.source,
                    (before, step.written), document.context.symbols)
            for c, chain in enumerate(document.chains)
            for i, ((previous, step), (before, _)) in enumerate(zip(chain.links(), chain.written_links()), 1)]


def _steps_of(formula, walk: _Walk) -> list[Checked]:
    """The checked steps this formula is the source of: ``a = b \\le c`` is two; they come in order."""
    if formula.statement is None:
        return []
    count = len(formula.statement.relations) + (formula.statement.lead is not None)
    taken = []
    while walk.steps and len(taken) < count and walk.steps[0].source == formula.text:
        taken.append(walk.steps.pop(0))
    return taken


def _formula_math(formula) -> str:
    """The formula as written when it was read and its LaTeX is safe, else as the reader understood it."""
    statement = formula.statement
    if statement is None:
        return rf"\text{{\ttfamily {escape_text(formula.text)}}}"
    shown = written_latex(formula.text)
    if shown is not None:
        return shown
    from ..parsing.written import written_forms

    as_written = written_forms([statement])[0]  # the source is unsafe to typeset: print what it says
    shown = [latex_math(w, as_written=True) if w is not None else latex_math(e)
             for w, e in zip(as_written, statement.exprs)]
    pieces = [relation_latex(statement.lead) or escape_text(statement.lead)] if statement.lead else []
    pieces.append(shown[0])
    for relation, expr in zip(statement.relations, shown[1:]):
        pieces += [relation_latex(relation) or r"\mathrel{?}", expr]
    return " ".join(pieces)


def _margin(formula, steps: list[Checked], walk: _Walk) -> str:
    if formula.error is not None:
        return r"\verdict{unknown}{could not be read}"
    if not steps:
        why = walk.skipped.get(formula.text)
        return rf"\textit{{not checked: {escape_text(why)}}}" if why else ""
    notes = []
    for n, s in enumerate(steps):
        why = authored_latex(s.justification) if s.justification else ""
        verdict = s.result.verdict if s.result else None
        note = identical_note(verdict, on_its_line=_on_its_line(formula, n))
        notes.append(rf"\textup{{({s.chain + 1}.{s.index})}} {why} {verdict_mark(verdict)}{note}"
                     + (nonzero_note(s.nonzero) if verdict is not None and verdict.status.holds else ""))
    return r"\\ ".join(notes)


def _on_its_line(formula, n: int) -> bool:
    """Whether the ``n``-th step read from ``formula`` has its left side on the same line: all but the
    first step of a line continuing a chain (``= a^2 - b^2``) do."""
    return n > 0 or formula.statement.lead is None


_ON_ITS_LINE = ("the left side", "the right side")
_ACROSS_LINES = ("the line before", "this line")


def _explanations(formula, steps: list[Checked], walk: _Walk) -> list[str]:
    """Each failing step of ``formula``, explained; its sides are named as the reader sees them: a step
    whose left side is on the same line (``(a-b)^2 = a^2 - b^2``) has a left and a right side, a
    continued line (``= a^2 - b^2``) a line before."""
    items = []
    for n, s in enumerate(steps):
        if s.result is None or s.result.verdict.status.holds:
            continue
        first = s.chain not in walk.explained
        walk.explained.add(s.chain)
        sides = _ON_ITS_LINE if _on_its_line(formula, n) else _ACROSS_LINES
        written = None not in s.written
        lhs, rhs = s.written if written else (s.lhs, s.rhs)
        lines = failure_lines(s.result.verdict, lhs, rhs, s.relation, walk.residuals.get((s.chain, s.index)), sides,
                              as_written=written)
        head = "First wrong step" if first else "Step"
        items.append(rf"\textbf{{{head} ({s.chain + 1}.{s.index})}}, {verdict_mark(s.result.verdict)}: "
                     + " ".join(lines))
    return items


def _block(match: re.Match, walk: _Walk) -> str:
    """A display block: one aligned row per formula, verdicts in the margin, failures explained below."""
    formulas = [f for at, f in sorted(walk.formulas.items()) if match.start() <= at < match.end() and f.display]
    if match.group("code") is not None and not formulas:
        info = escape_text(match.group("info").strip())
        lines = [escape_text(line) for line in match.group("code").splitlines()]
        return rf"{{\small\ttfamily {info}\par " + r"\par ".join(lines) + r"\par}" + "\n"
    if not formulas:
        return ""
    rows, explained = [], []
    for formula in formulas:
        steps = _steps_of(formula, walk)
        margin = _margin(formula, steps, walk)
        rows.append(rf"&{_formula_math(formula)}" + (rf" \tag*{{\why{{{margin}}}}}" if margin else ""))
        explained += _explanations(formula, steps, walk)
    out = "\\begin{align*}\n" + " \\\\\n".join(rows) + "\n\\end{align*}\n"
    if explained:
        out += "{\\small\n\\begin{compactitem}\n" + "\n".join(rf"\item {e}" for e in explained) \
               + "\n\\end{compactitem}}\n"
    return out


def _inline(text: str, offset: int, walk: _Walk) -> str:
    """Prose with its inline formulas typeset (as written when safe, else as read) and Markdown emphasis."""
    out, last = [], 0
    for match in _INLINE.finditer(text):
        out.append(_emphasised(text[last:match.start()]))
        formula = walk.formulas.get(offset + match.start("math"))
        shown = _formula_math(formula) if formula is not None and formula.statement is not None \
            else written_latex(match.group("math"))  # not read (or not found): typeset only if safe as it is
        out.append(rf"\({shown}\)" if shown is not None else escape_text(match.group()))
        last = match.end()
    out.append(_emphasised(text[last:]))
    return "".join(out)


def _emphasised(text: str) -> str:
    out, last = [], 0
    for match in _EMPHASIS.finditer(text):
        out.append(escape_text(text[last:match.start()]))
        bold, italic, code = match.groups()
        if bold is not None:
            out.append(rf"\textbf{{{escape_text(bold)}}}")
        elif italic is not None:
            out.append(rf"\emph{{{escape_text(italic)}}}")
        else:
            out.append(rf"\texttt{{{escape_text(code)}}}")
        last = match.end()
    out.append(escape_text(text[last:]))
    return "".join(out)


def _prose(text: str, offset: int, walk: _Walk) -> str:
    """Headings become section headings; paragraphs are kept, in order; a LaTeX list's items
    become paragraphs headed by their labels (``(a)``, ``2.``, ``•``): the author's list commands
    never reach TeX, and a list a display formula splits cannot leave an environment open."""
    out, paragraph, at, lists, label = [], [], offset, [], [""]

    def flush():
        if paragraph or label[0]:
            out.append(label[0] + " ".join(_inline(t, o, walk) for t, o in paragraph) + "\\par\n")
            paragraph.clear()
            label[0] = ""

    for line in text.split("\n"):
        stripped = line.strip()
        heading = _MD_HEADING.match(stripped) or _TEX_HEADING.match(stripped)
        listing, item = _TEX_LIST.match(stripped), _TEX_ITEM.match(line)
        if heading is not None:
            flush()
            level = len(heading.group(1)) if heading.re is _MD_HEADING else \
                {"section": 1, "subsection": 2}.get(heading.group(1), 3)
            out.append(rf"\{_HEADINGS.get(level, 'paragraph')}*{{{_inline(heading.group(2), at, walk)}}}" + "\n")
        elif listing is not None:
            flush()
            if listing.group(1) == "begin":
                lists.append([listing.group(2), 0])
            elif lists:
                lists.pop()
        elif item is not None:
            flush()
            label[0] = _item_label(item.group(1), lists) + " "
            if item.group(2).strip():
                paragraph.append((item.group(2), at + item.start(2)))
        elif not stripped or _TEX_FRAME.match(stripped):
            flush()
        else:
            paragraph.append((line, at))
        at += len(line) + 1
    flush()
    return "".join(out)


def _item_label(written: str | None, lists: list) -> str:
    """An item's label as TeX: the author's ``[(a)]`` (escaped), else its number in an enumerate, else a bullet."""
    if written is not None:
        return rf"\textbf{{{escape_text(written)}}}"
    if lists and lists[-1][0] == "enumerate":
        lists[-1][1] += 1
        return rf"\textbf{{{lists[-1][1]}.}}"
    return r"\textbullet{}"


def annotated_body(text: str, document, report: DerivationReport, residuals: Mapping[Where, Expr]) -> str:
    """The file, in its order, with every checked step marked (``text`` is the file as read)."""
    from ..parsing.markdown import blank_struck

    text = blank_struck(text)
    walk = _Walk(_offsets(text, document.formulas), _checked_steps(document, report), dict(document.skipped),
                 residuals)
    out, last = [], 0
    for match in _BLOCK.finditer(text):
        out.append(_prose(text[last:match.start()], last, walk))
        out.append(_block(match, walk))
        last = match.end()
    out.append(_prose(text[last:], last, walk))
    return "".join(out)



def annotated_document(text: str, name: str, document, report: DerivationReport,
                       residuals: Mapping[Where, Expr], unread=()) -> str:
    """A standalone document of the checked file ``name``: its own text, annotated."""
    from .derivation import summary_latex, unread_latex
    from .document import document as frame

    body = summary_latex(report) + "\\medskip\n" + annotated_body(text, document, report, residuals)
    return frame(name, body + "\n" + unread_latex(unread), subtitle="checked by verify: each step marked in the margin")
