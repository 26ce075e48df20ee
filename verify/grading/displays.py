"""LaTeX displays read like Markdown's ``$$``: one reading of maths for every search.

``\\[...\\]`` becomes ``$$...$$``, ``\\(...\\)`` becomes ``$...$``, and each row of an
``align``/``equation``/``gather``/``multline``/``eqnarray`` environment (starred or not)
becomes its own ``$$row$$`` line with the alignment marks, ``\\label``, ``\\tag`` and
``\\nonumber`` removed, so a chain written in ``align*`` reads as the chain it is. Line
numbers are kept: every line of the input stays a line of the output. Typographic
quotes become plain ones (``Jensen’s`` names Jensen's rule).
"""
from __future__ import annotations

import re

_ENVIRONMENT = re.compile(r"\\begin\{(align|aligned|equation|gather|multline|eqnarray|displaymath|flalign)(\*?)\}"
                          r"(.*?)\\end\{\1\2\}", re.S)
_BRACKET = re.compile(r"\\\[(.*?)\\\]", re.S)
_PAREN = re.compile(r"\\\((.*?)\\\)", re.S)
_NOISE = re.compile(r"\\(?:label|tag)\*?\{[^{}]*\}|\\nonumber|\\notag|\\qquad(?=\s*$)")
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " "})


def _rows(body: str) -> list[str]:
    """The rows of an environment's body, each with its line breaks kept as a count."""
    return re.split(r"\\\\(?:\[[^\]]*\])?", body)


def _environment(match: re.Match) -> str:
    body = match.group(3)
    lines_in = match.group(0).count("\n")
    out = []
    for row in _rows(body):
        text = " ".join(_NOISE.sub(" ", row).replace("&", " ").split())
        breaks = row.count("\n")
        out.append((f"$${text}$$" if text else "") + "\n" * breaks)
    joined = "".join(out)
    missing = lines_in - joined.count("\n")
    return "\n" + joined.strip("\n") + "\n" * max(0, missing - 1) if missing > 0 else joined


def _display(match: re.Match) -> str:
    body = match.group(1)
    return "$$" + " ".join(body.split()) + "$$" + "\n" * body.count("\n")


def _inline(match: re.Match) -> str:
    body = match.group(1)
    return "$" + " ".join(body.split()) + "$" + "\n" * body.count("\n")


def as_dollars(text: str) -> str:
    """``text`` with every LaTeX display written with dollars, line for line."""
    text = text.translate(_QUOTES)
    if "\\" not in text:
        return text
    text = _ENVIRONMENT.sub(_environment, text)
    text = _BRACKET.sub(_display, text)
    return _PAREN.sub(_inline, text)
