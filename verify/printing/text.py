"""One escaping function for every piece of untrusted text that reaches TeX (export and the printer share it).

Names, justifications, verdict reasons, titles, unparsed lines: anything that came
from a submission or from a derivation's prose goes through :func:`escape_text` and
comes out as text TeX prints literally. The output contains no TeX command but the
fixed set below, so ``\\input``, ``\\write18``, ``\\catcode``, ``\\def``, ``^^5c`` and
unbalanced braces in the input stay characters on the page.

>>> escape_text(r"\\input{/etc/passwd} 50% & $x^2$")
'\\\\textbackslash{}input\\\\{/etc/passwd\\\\} 50\\\\% \\\\& \\\\$x\\\\textasciicircum{}2\\\\$'
"""
from __future__ import annotations

import unicodedata

MAX_CHARS = 2000
BREAK_EVERY = 24  # characters without a space before a break opportunity is offered

_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "$": r"\$",
    "&": r"\&",
    "#": r"\#",
    "^": r"\textasciicircum{}",
    "_": r"\_",
    "%": r"\%",
    "~": r"\textasciitilde{}",
    # T1 ligatures (--, <<, ,,, !`, ''...) would change the text: each of these is cut off
    "-": "-{}", "<": "<{}", ">": ">{}", "`": r"\textasciigrave{}", "'": r"\textquotesingle{}", ",": ",{}", "!": "!{}", "?": "?{}",
}

_UNICODE = {
    "≤": r"\ensuremath{\le}", "≥": r"\ensuremath{\ge}", "≠": r"\ensuremath{\ne}",
    "≈": r"\ensuremath{\approx}", "→": r"\ensuremath{\to}", "←": r"\ensuremath{\leftarrow}",
    "⇒": r"\ensuremath{\Rightarrow}", "↦": r"\ensuremath{\mapsto}", "∞": r"\ensuremath{\infty}", "∑": r"\ensuremath{\sum}",
    "∏": r"\ensuremath{\prod}", "∫": r"\ensuremath{\int}", "∂": r"\ensuremath{\partial}",
    "∇": r"\ensuremath{\nabla}", "·": r"\ensuremath{\cdot}", "×": r"\ensuremath{\times}",
    "÷": r"\ensuremath{\div}", "±": r"\ensuremath{\pm}", "√": r"\ensuremath{\surd}",
    "∈": r"\ensuremath{\in}", "∀": r"\ensuremath{\forall}", "∃": r"\ensuremath{\exists}",
    "‖": r"\ensuremath{\|}", "⟨": r"\ensuremath{\langle}", "⟩": r"\ensuremath{\rangle}",
    "−": "-{}", "–": "--", "—": "---", "‘": "`{}", "’": "'{}", "“": "``", "”": "''", "…": r"\dots{}",
    "\u00a0": "~",
}

# Greek capitals that LaTeX writes as Latin letters (there is no \Alpha)
_LATIN_CAPITALS = {"ALPHA": "A", "BETA": "B", "EPSILON": "E", "ZETA": "Z", "ETA": "H", "IOTA": "I",
                   "KAPPA": "K", "MU": "M", "NU": "N", "OMICRON": "O", "RHO": "P", "TAU": "T", "CHI": "X"}


_GREEK = ("alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho "
          "sigma tau upsilon phi chi psi omega").split()


def _greek(char: str) -> str | None:
    """``\\ensuremath{\\alpha}`` for one of the 24 Greek letters, from its Unicode name."""
    case, _, letter = unicodedata.name(char, "").removeprefix("GREEK ").partition(" LETTER ")
    letter = letter.lower().replace("lamda", "lambda")
    if case not in ("SMALL", "CAPITAL") or letter not in _GREEK:
        return None
    if case == "CAPITAL" and letter.upper() in _LATIN_CAPITALS:
        return _LATIN_CAPITALS[letter.upper()]
    if letter == "omicron":
        return "o"
    return rf"\ensuremath{{\{letter if case == 'SMALL' else letter.capitalize()}}}"


def _char(char: str) -> str:
    """The TeX text that prints ``char``; control and unprintable characters become a space or a code."""
    if char in _SPECIAL:
        return _SPECIAL[char]
    if " " <= char <= "~":
        return char
    if char in "\t\n\r":
        return " "
    if char in _UNICODE:
        return _UNICODE[char]
    category = unicodedata.category(char)
    if category[0] in "LNPS" and "\u00a0" < char <= "\u00ff" and char not in "×÷":
        return char  # Latin-1 letters and signs: T1 has glyphs for them
    greek = _greek(char)
    if greek is not None:
        return greek
    if category[0] == "Z" or category == "Cc":
        return " "
    if category[0] == "C":
        return ""  # format, surrogate, private-use and unassigned code points
    return f"[U+{ord(char):04X}]"


def escape_text(text: str, max_chars: int = MAX_CHARS) -> str:
    """``text`` as TeX that prints it literally (shortened past ``max_chars``, long words breakable)."""
    text = str(text)
    cut = len(text) - max_chars
    if cut > 0:
        text = text[:max_chars]
    pieces, run = [], 0
    for char in text:
        run = 0 if char.isspace() else run + 1
        if run > BREAK_EVERY:
            pieces.append(r"\allowbreak{}")
            run = 1
        pieces.append(_char(char))
    if cut > 0:
        pieces.append(rf"\dots{{}} [{cut} more characters]")
    return "".join(pieces)
