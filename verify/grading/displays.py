r"""LaTeX displays read like Markdown's ``$$``: one reading of maths for every search.

``\[...\]`` becomes ``$$...$$``, ``\(...\)`` becomes ``$...$``, and each row of an
``align``/``equation``/``gather``/``multline``/``eqnarray`` environment (starred or not)
becomes its own ``$$row$$`` line with the alignment marks, ``\label``, ``\tag`` and
``\nonumber`` removed, so a chain written in ``align*`` reads as the chain it is. Line
numbers are kept: every line of the input stays a line of the output. Typographic
quotes become plain ones (``Jensen’s`` names Jensen's rule), and Unicode maths its LaTeX
(``λ = 1 ± iη`` reads as ``\lambda = 1 \pm i\eta``; a character for a character).
"""
from __future__ import annotations

import re

_ENVIRONMENT = re.compile(r"\\begin\{(align|aligned|equation|gather|multline|eqnarray|displaymath|flalign)(\*?)\}"
                          r"(.*?)\\end\{\1\2\}", re.S)
_BRACKET = re.compile(r"\\\[(.*?)\\\]", re.S)
_PAREN = re.compile(r"\\\((.*?)\\\)", re.S)
_NOISE = re.compile(r"\\(?:label|tag)\*?\{[^{}]*\}|\\nonumber|\\notag|\\qquad(?=\s*$)")
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " "})
_GREEK = {"α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta", "ε": "epsilon", "ζ": "zeta", "η": "eta",
          "θ": "theta", "κ": "kappa", "λ": "lambda", "μ": "mu", "ν": "nu", "ξ": "xi", "π": "pi", "ρ": "rho",
          "σ": "sigma", "τ": "tau", "φ": "phi", "χ": "chi", "ψ": "psi", "ω": "omega", "Σ": "Sigma", "Θ": "Theta",
          "Ω": "Omega", "Λ": "Lambda", "Δ": "Delta"}
_SYMBOLS = {"−": "-", "–": "-", "±": r"\pm ", "∓": r"\mp ", "·": r"\cdot ", "×": r"\times ", "≥": r"\geq ",
            "≤": r"\leq ", "≠": r"\neq ", "∂": r"\partial ", "∫": r"\int ", "∑": r"\sum ", "∈": r"\in ",
            "∞": r"\infty ", "√": r"\sqrt", "²": "^{2}", "³": "^{3}", "⁴": "^{4}", "ᵀ": "^{T}", "∇": r"\nabla ",
            "½": r"\frac{1}{2}", "¼": r"\frac{1}{4}", "¾": r"\frac{3}{4}", "⅛": r"\frac{1}{8}", "…": r"\ldots "}
_UNICODE = str.maketrans({**{k: f"\\{v} " for k, v in _GREEK.items()}, **_SYMBOLS})


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
    text = text.translate(_QUOTES).translate(_UNICODE)  # Unicode maths as LaTeX: ``λ = 1 ± iη``
    if "\\" not in text:
        return text
    text = _ENVIRONMENT.sub(_environment, text)
    text = _BRACKET.sub(_display, text)
    return _PAREN.sub(_inline, text)
