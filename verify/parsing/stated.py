"""What the prose states a name is, in words or a membership: the identity, an integer, the
imaginary unit, a size.

* ``$I$ is the identity matrix``, ``and $I$ the $n \\times n$ identity``, ``the identity $I$``:
  ``I`` is the identity, not a general matrix that happens to be called ``I``;
* ``For an integer $n$``, ``Let $m, n$ be integers``, ``$n \\in \\mathbb{Z}$``: an integer of either
  sign; "positive integer" / ``\\mathbb{Z}_{>0}``: a positive one; "nonnegative integer" and
  ``\\mathbb{N}`` (which may or may not hold 0: the weaker reading) a nonnegative one;
* ``$i$ is the imaginary unit``, ``the imaginary unit $i$``, ``$i^2 = -1$``: ``i`` is sqrt(-1);
* ``$K$ is the kernel size``, ``$C_{in}$, $C_{out}$ the channel counts``, ``$h$ heads``: a size,
  a positive integer and a scalar (a step size is a positive number, not a count).
A negated statement ("$I$ is not the identity") states nothing, and a claim ("hence $n \\in \\mathbb{Z}$")
is checked, not assumed: ``claim_at(offset)`` says whether the formula at an offset of the text is one.
"""
from __future__ import annotations

import re

from sympy import Symbol

from ..errors import ParseError

INTEGER, INDEX, ANY_INTEGER, POSITIVE = "positive integer", "nonnegative integer", "integer", "positive"

_DISPLAY = re.compile(r"\$\$.*?\$\$|\\\[.*?\\\]", re.S)
_SENTENCE = re.compile(r"[^.!?;\n]*(?:\n(?!\s*\n)[^.!?;\n]*)*")
_NOT = re.compile(r"\b(?:not|no|never|neither|nor|non)\b", re.I)
_NAMES = r"\$[^$\n]+\$(?:\s*(?:,|and|,\s*and|or)\s*\$[^$\n]+\$)*"  # $a$, $b$ and $c$

_IDENTITY = re.compile(r"(?P<names>\$\s*I\s*\$)\s*(?:is|be|denotes|stands for|for)?\s*(?P<filler>(?:the|an?)\b[^.;:]{0,40}?)"
                       r"\bidentity\b|\bidentity(?:\s+matri(?:x|ces))?\s*(?P<after>\$\s*I\s*\$)", re.I)
_IMAGINARY = re.compile(r"\$\s*i\s*\$\s*(?:is|be|denotes|stands for)?\s*(?:the\s+)?imaginary\s+unit"
                        r"|\bimaginary\s+unit\s*\$\s*i\s*\$", re.I)
_I_SQUARED = re.compile(r"\$\s*i\s*\^\s*\{?\s*2\s*\}?\s*=\s*-\s*1\s*\$")
_MEMBER = re.compile(r"\$(?P<names>[^$\n]+?)\\in\s*\\mathbb\s*\{?\s*(?P<set>[ZN])\s*\}?\s*"
                     r"(?P<tail>(?:_\s*\{?\s*(?:>|\\geq?|\\ge)\s*0\s*\}?|\^\s*\{?\s*\+\s*\}?|_\s*\{?\s*\+\s*\}?)?)")
_SIGN = r"(?P<sign>positive|nonnegative|non-negative)?\s*"
_INTEGER_WORDS = re.compile(
    rf"\b(?:an?|every|each|any|some|all|for)?\s*{_SIGN}integers?\s+(?P<names>{_NAMES})"
    rf"|(?P<names2>{_NAMES})\s+(?:is|are|be)\s+(?:an?\s+)?(?P<sign2>positive|nonnegative|non-negative)?\s*integers?"
    r"(?=\s*(?:[,.;:)]|$)|\s+(?:and|such|with|for|then|so|where|that|greater|larger|smaller|less|at|in)\b)",
    re.I)  # "$x$ is an integer multiple of $\\pi$" states nothing of x
_SIZE_NOUN = r"(?:sizes?|counts?|channels?|heads?|layers?|dimensions?|dims?|groups?|filters?|tokens?|neurons?)"
_ADJECTIVE = r"(?:input|output|hidden|attention|parallel|convolutional|residual|encoder|decoder|kernel)\s+"
_SIZE_AFTER = re.compile(rf"(?P<names>{_NAMES})\s+(?:(?:(?:is|are|be|denotes?)\s+(?:(?:the|an?)\s+)?|(?:the|an?)\s+)"
                         rf"(?P<words>(?:[A-Za-z-]+\s+){{0,2}}?)|(?P<adjectives>(?:{_ADJECTIVE}){{0,2}}))"
                         rf"(?P<noun>{_SIZE_NOUN})\b", re.I)  # "$K$ is the kernel size", "$h$ heads"
_SIZE_BEFORE = re.compile(rf"\b(?:the|an?)\s+(?P<words>(?:[A-Za-z-]+\s+){{0,2}}?)(?P<noun>{_SIZE_NOUN})\s+(?P<names>{_NAMES})",
                          re.I)
_NOT_A_SIZE = re.compile(r"\b(?:matri(?:x|ces)|vectors?|tensors?|of|with|in|step|effect|learning)\b", re.I)
_INLINE = re.compile(r"\$([^$\n]+?)\$")
_RELATION = re.compile(r"\\(?:geq?|leq?|neq?|ne|in)\b|[<>=]")


def _prose(text: str) -> str:
    return _DISPLAY.sub(lambda m: " " * len(m.group()), text)


def _sentences(text: str):
    """(sentence, its offset) for each sentence of the prose; displays blanked."""
    for match in _SENTENCE.finditer(_prose(text)):
        if match.group().strip():
            yield match.group(), match.start()


def _name(text: str) -> str | None:
    from .expressions import parse_latex_expr

    try:
        expr = parse_latex_expr(text.strip())
    except (ParseError, ValueError):
        return None
    return expr.name if isinstance(expr, Symbol) else None


def names_in(formulas: str) -> list[str]:
    """``$m, n \\ge 1$ and $k$`` -> [m, n, k]: the names each inline formula opens with, up to a relation."""
    found = []
    for inline in _INLINE.findall(formulas):
        head = _RELATION.split(inline, 1)[0]
        found.extend(n for n in (_name(part) for part in head.split(",")) if n is not None)
    return found


def _negated(words: str) -> bool:
    return bool(_NOT.search(words))


def identity(text: str) -> str | None:
    """Why ``I`` is the identity (the words that say so), or None when the prose does not say it."""
    for sentence, _ in _sentences(text):
        for match in _IDENTITY.finditer(sentence):
            if not _negated(match.group("filler") or "") and not _negated(sentence[:match.start()][-12:]):
                return '"identity" in the prose'
    return None


def imaginary(text: str, claim_at=lambda offset: False) -> str | None:
    """Why ``i`` is the imaginary unit, or None."""
    prose = _prose(text)
    for sentence, _ in _sentences(text):
        if _IMAGINARY.search(sentence) and not _negated(sentence):
            return '"imaginary unit" in the prose'
    for match in _I_SQUARED.finditer(prose):
        if not claim_at(match.start()):
            return "stated: i^2 = -1"
    return None


def _membership_kind(kind: str, tail: str) -> str:
    if kind == "N":
        return INDEX
    if not tail:
        return ANY_INTEGER
    return INDEX if re.search(r"\\ge|\\geq", tail) else INTEGER


def _sign_kind(sign: str | None) -> str:
    if not sign:
        return ANY_INTEGER
    return INTEGER if sign.lower() == "positive" else INDEX


def integers(text: str, claim_at=lambda offset: False) -> dict[str, tuple[str, str]]:
    """name -> (ANY_INTEGER, INTEGER or INDEX, why) for every name the document states is an integer."""
    found: dict[str, tuple[str, str]] = {}
    prose = _prose(text)
    for match in _MEMBER.finditer(prose):
        if claim_at(match.start()):
            continue
        symbol = {"Z": "\\mathbb{Z}", "N": "\\mathbb{N}"}[match.group("set")]
        for name in names_in(f"${match.group('names')}$"):
            found.setdefault(name, (_membership_kind(match.group("set"), match.group("tail")), f"stated: in {symbol}"))
    for sentence, start in _sentences(text):
        for match in _INTEGER_WORDS.finditer(sentence):
            names = match.group("names") or match.group("names2")
            sign = match.group("sign") or match.group("sign2")
            if _negated(sentence[:match.start()][-20:]) or claim_at(start + match.start() + match.group().find("$")):
                continue
            for name in names_in(names):
                found.setdefault(name, (_sign_kind(sign), '"integer" in the prose'))
    return found


def sizes(text: str) -> dict[str, tuple[str, str]]:
    """name -> (INTEGER, why) for every name the prose calls a size, a count, channels, heads, layers or
    a dimension: a scalar, never a matrix of open kind. A "step size" is no count."""
    found: dict[str, tuple[str, str]] = {}
    for sentence, _ in _sentences(text):
        for pattern in (_SIZE_AFTER, _SIZE_BEFORE):
            for match in pattern.finditer(sentence):
                words = match.group("words") or match.group("adjectives") if pattern is _SIZE_AFTER \
                    else match.group("words")
                words = words or ""
                if _NOT_A_SIZE.search(words) or _negated(words) or _negated(sentence[:match.start()][-12:]):
                    continue
                why = f'"{(words + match.group("noun")).lower()}" in the prose'
                for name in names_in(match.group("names")):
                    found.setdefault(name, (INTEGER, why))
    return found


_SCALE_NOUN = r"(?:standard\s+deviations?|variances?)"
_SCALE_AFTER = re.compile(rf"(?P<names>{_NAMES})\s+(?:is|are|be|denotes?)\s+(?:(?:the|an?)\s+)?"
                          rf"(?P<words>(?:[A-Za-z-]+\s+){{0,2}}?)(?P<noun>{_SCALE_NOUN})\b", re.I)
_SCALE_BEFORE = re.compile(rf"\b(?P<words>(?:[A-Za-z-]+\s+){{0,1}}?)(?P<noun>{_SCALE_NOUN})\s+(?P<names>{_NAMES})",
                           re.I)


def scales(text: str) -> dict[str, str]:
    """name -> why for the names the prose calls a standard deviation or a variance: the names next to
    the words ("standard deviations $\\sigma_p, \\sigma_q$", "$\\sigma$ is the standard deviation"), not
    every name of the sentence (the means and the distributions of "normal distributions $P$, $Q$ with
    means $\\mu_p$, $\\mu_q$ and standard deviations ..." are of unknown sign)."""
    found: dict[str, str] = {}
    for sentence, _ in _sentences(text):
        for pattern in (_SCALE_AFTER, _SCALE_BEFORE):
            for match in pattern.finditer(sentence):
                if _negated(match.group("words")) or _negated(sentence[:match.start()][-12:]):
                    continue
                noun = " ".join(match.group("noun").lower().split())
                for name in names_in(match.group("names")):
                    found.setdefault(name, f'"{noun}" in the prose')
    return found
