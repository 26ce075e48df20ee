"""The frame every exported document shares: preamble, title, verdict marks.

Only packages from Debian's texlive-latex-base/-recommended/-pictures and lmodern are
used, so a document that compiles in CI compiles on a course machine too.
"""
from __future__ import annotations

from ..verdict import Status, Tier, Verdict
from ..printing.text import escape_text
from .prose import authored_latex

PREAMBLE = r"""\documentclass[11pt]{article}
\usepackage[T1]{fontenc}
\usepackage{lmodern}
\usepackage[margin=2.2cm]{geometry}
\usepackage{amsmath,amssymb}
\usepackage[table]{xcolor}
\usepackage{pgfplots}
\pgfplotsset{compat=1.16}
\allowdisplaybreaks
\setlength{\parindent}{0pt}
\setlength{\parskip}{0.5ex}
\definecolor{proved}{rgb}{0.05,0.45,0.15}
\definecolor{consistent}{rgb}{0.10,0.30,0.65}
\definecolor{refuted}{rgb}{0.75,0.05,0.05}
\definecolor{unknown}{rgb}{0.60,0.40,0.00}
\newcommand{\verdict}[2]{\mbox{\textcolor{#1}{\textsf{\bfseries #2}}}}
\newenvironment{compactitem}{\begin{itemize}\setlength{\itemsep}{0pt}\setlength{\parskip}{0pt}}{\end{itemize}}
\newcommand{\why}[1]{\parbox[t]{0.34\linewidth}{\raggedright\small #1}}
"""

_COLOURS = {Status.PROVED: "proved", Status.CONSISTENT: "consistent", Status.REFUTED: "refuted",
            Status.UNKNOWN: "unknown"}


def verdict_mark(verdict: Verdict | None) -> str:
    """The verdict's label in its colour (text mode), e.g. ``consistent (5 samples)``."""
    if verdict is None:
        return r"\verdict{unknown}{not checked}"
    return rf"\verdict{{{_COLOURS[verdict.status]}}}{{{escape_text(verdict.label)}}}"


def identical_note(verdict: Verdict | None, on_its_line: bool = False) -> str:
    """A step identical to the line before (as written, not only as read: ``x \\cdot q/q`` after ``x``
    is a step) is a restatement: said in the margin (``on_its_line``: both sides are on the step's line)."""
    if verdict is None or verdict.tier is not Tier.IDENTICAL:
        return ""
    return r"\\ \textit{both sides are identical}" if on_its_line else r"\\ \textit{identical to the line before}"


def nonzero_note(factors) -> str:
    """A step that holds once a factor cancels (``x q/q = x``) says where, in the margin: ``holds where q ≠ 0``."""
    if not factors:
        return ""
    from ..printing import nonzero_prose
    from .prose import prose_latex

    return r"\\ \textit{" + prose_latex(nonzero_prose(factors)) + "}"


def document(title: str, body: str, subtitle: str = "") -> str:
    """A complete standalone document; ``title`` and ``subtitle`` are escaped, ``body`` is TeX."""
    head = rf"{{\LARGE\bfseries {authored_latex(title)}\par}}"
    if subtitle:
        head += rf"\medskip{{\large {escape_text(subtitle)}\par}}"
    return (PREAMBLE + "\\begin{document}\n" + head + "\n\\bigskip\n" + body
            + "\n\\end{document}\n")
