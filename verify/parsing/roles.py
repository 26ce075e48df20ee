"""What a formula is for, read from the words that introduce it: a premise, a claim, or unmarked.

A premise (a hypothesis or a definition) is introduced by "Let", "Assume", "Suppose", "Given",
"where", "with", "for", "such that" and their kin, or stands under a heading such as
"Assumptions", "Setup" or "Notation", or under a lead-in line such as "Assume:" (a list item there is
a premise whatever its words, unless they introduce a claim: "so $\\sum_j y_j = 1$"). A claim is
introduced by "then", "hence", "so", "thus", "therefore", "we get", "it follows", "which
gives" and their kin: it is something to check, never a fact. The last such word before the
formula in its sentence decides ("Let $x$ be real; then $x^2 \\ge 0$" claims). A formula no
word introduces is unmarked: it is no premise, so it can prove nothing it was not shown.
Each role comes with its reason, for the report.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum


class Role(Enum):
    PREMISE = "premise"
    CLAIM = "claim"
    UNMARKED = "unmarked"


@dataclass(frozen=True)
class Introduced:
    """A formula's role and the words that gave it."""

    role: Role
    why: str


_PREMISE_WORDS = (r"let|assum(?:e[sd]?|ing|ption)|suppos(?:e[sd]?|ing)|given|where|wherein|with|for|for all"
                  r"|such that|so that|provided(?: that)?|whenever|if|define[sd]?|denote[sd]?|set|fix(?:ed)?")
_CLAIM_WORDS = (r"then|hence|so|thus|therefore|consequently|we (?:get|obtain|have|find|conclude)|it follows"
                r"|which (?:gives|yields|implies|shows)|gives|yields|implies|shows|proves|concludes?")
_STRONG = re.compile(r"^\W*(?:\w+\W+){0,2}?(?P<word>let|assum(?:e[sd]?|ing|ptions?)|suppos(?:e[sd]?|ing)|given"
                     r"|define[sd]?|denote[sd]?|setup|set-up|notation|hypothes[ie]s|premises?)\b", re.I)
_CUE = re.compile(rf"\b(?:(?P<premise>{_PREMISE_WORDS})|(?P<claim>{_CLAIM_WORDS}))\b", re.I)
_PREMISE_HEADING = re.compile(r"\b(?:assumptions?|setup|set-up|set up|notation|definitions?|hypothes[ie]s"
                              r"|preliminar(?:y|ies)|premises?|given)\b", re.I)
_HEADING = re.compile(r"^\s*(?:#{1,6}\s|\\(?:sub)*section\*?\{|\\paragraph\*?\{|\*\*[^*]+\*\*\s*$)")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s")
_SENTENCE_START = re.compile(r"[.!?;:](?=\s)|\n\s*\n")
_JOINER = r"(?:[\s,]|\band\b)"  # what joins a list of formulas once the math is blanked: commas and "and"
_ONLY_JOINERS = re.compile(rf"{_JOINER}*", re.I)
_TRAILING_JOINERS = re.compile(rf"{_JOINER}+$", re.I)
_MATH = re.compile(r"\$\$.*?\$\$|\\\[.*?\\\]|\\begin\{(\w+\*?)\}.*?\\end\{\1\}|(?<![\\$])\$[^$\n]+?\$", re.S)


def prose_only(text: str) -> str:
    """``text`` with its mathematics blanked to spaces (newlines kept): the cue words are prose."""
    return _MATH.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), text)


def _cue(words: str) -> Introduced | None:
    found = list(_CUE.finditer(words))
    if not found:
        return None
    last = found[-1]
    word = " ".join(last.group().split())
    if last.group("premise"):
        return Introduced(Role.PREMISE, f'a premise: introduced by "{word}"')
    return Introduced(Role.CLAIM, f'a claim: introduced by "{word}"')


def _heading(line: str) -> str | None:
    return line if _HEADING.match(line) else None


def _strong(words: str) -> Introduced | None:
    """A display or a lead-in line is a premise only when it opens with a word that says so ("Assume:",
    "We assume that", "Let"): a sentence that merely mentions "with ..." before it introduces a claim."""
    opening = _STRONG.match(words)
    if opening is None or _CUE.search(words, opening.end()) and _cue(words).role is Role.CLAIM:
        return _cue(words) if _cue(words) is not None and _cue(words).role is Role.CLAIM else None
    return Introduced(Role.PREMISE, f'a premise: introduced by "{opening.group("word")}"')


_EXAMPLE = re.compile(r"\b(?P<word>e\.\s?g\.|for example|for instance|such as)\W*$", re.I)
_EXAMPLE_WORD = re.compile(r"\b(?:e\.\s?g\.|for example|for instance)", re.I)


def _example(before: str) -> str | None:
    """The word that makes the formula after ``before`` (its line up to it) an example: "e.g." just before
    it, or anywhere in the bracket still open around it ("(e.g. $k = 256$ even for $L = 32768$)")."""
    just = _EXAMPLE.search(before)
    if just is not None:
        return just.group("word")
    depth, opened = 0, None
    for i in range(len(before) - 1, -1, -1):
        depth += {")": 1, "(": -1}.get(before[i], 0)
        if depth < 0:
            opened = i
            break
    word = _EXAMPLE_WORD.search(before, opened) if opened is not None else None
    return word.group() if word is not None else None


def introduced(prose: str, offset: int, display: bool = False) -> Introduced:
    """The role of the formula starting at ``offset`` of ``prose`` (the document, mathematics blanked);
    a ``display`` needs a strong opening word (``_strong``). A formula given as an example ("e.g. $k = 256$")
    is neither: it illustrates, and assumes nothing."""
    example = _example(prose[max(0, prose.rfind("\n", 0, offset) + 1):offset])
    if example is not None:
        return Introduced(Role.UNMARKED, f'an example: introduced by "{example}"')
    start = max((m.end() for m in _SENTENCE_START.finditer(prose, 0, offset)), default=0)
    sentence = prose[start:offset]
    line_start = prose.rfind("\n", 0, offset) + 1
    if _heading(prose[line_start:offset] + "\n"):
        sentence = prose[max(start, line_start):offset]
    words = _LIST_ITEM.sub(" ", sentence)
    cue = _strong(words) if display else _cue(words)
    if cue is not None:
        return cue
    wordless = not re.search(r"\w", _LIST_ITEM.sub(" ", sentence))
    same_line = _TRAILING_JOINERS.sub("", _LIST_ITEM.sub(" ", prose[line_start:offset]))
    if _ONLY_JOINERS.fullmatch(_LIST_ITEM.sub(" ", sentence)) and same_line.endswith(":"):
        # "Assume: $x > 0$" and "Assume: $s = 80$, $H = 3$": the lead-in ends just before the formula or
        # before a list of formulas joined by commas and "and", and it introduces each of them
        lead_in = _strong(same_line[:-1])
        if lead_in is not None:
            return lead_in
    in_list = bool(_LIST_ITEM.match(prose[line_start:offset]))  # "- In this work we employ $h = 8$" under "Assume:"
    lead = _lead(prose, line_start) if wordless or in_list else None
    if lead is not None:
        return lead
    heading = _enclosing_heading(prose, line_start)
    if heading is not None and _PREMISE_HEADING.search(heading):
        return Introduced(Role.PREMISE, f'a premise: under the heading "{heading.strip(" #*")}"')
    return Introduced(Role.UNMARKED, "unmarked: no word such as Let, Assume, Then or Hence introduces it")


_CONSEQUENCE = re.compile(r"\b(?:so|hence|thus|therefore|i\.e\.|that is)\W*$", re.I)


def within_premise(prose: str, offset: int) -> bool:
    """"Assume $y$ is one-hot, so $\\sum_j y_j = 1$": a consequence drawn inside a sentence that opens as
    a premise (or a list item under "Assume:") restates the hypothesis; the cue just before the formula
    is "so" and the sentence's opening is a strong premise word."""
    start = max((m.end() for m in _SENTENCE_START.finditer(prose, 0, offset)), default=0)
    line_start = prose.rfind("\n", 0, offset) + 1
    sentence = _LIST_ITEM.sub(" ", prose[start:offset])
    if not _CONSEQUENCE.search(sentence):
        return False
    if _STRONG.match(sentence):
        return True
    return bool(_LIST_ITEM.match(prose[line_start:offset])) and _lead(prose, line_start) is not None \
        and _lead(prose, line_start).role is Role.PREMISE


def in_premise_list(prose: str, offset: int) -> bool:
    """The formula at ``offset`` stands in a list item under a premise lead-in ("Assume:")."""
    line_start = prose.rfind("\n", 0, offset) + 1
    lead = _lead(prose, line_start) if _LIST_ITEM.match(prose[line_start:offset]) else None
    return lead is not None and lead.role is Role.PREMISE


def _lines_before(prose: str, line_start: int):
    end = line_start - 1
    while end > 0:
        start = prose.rfind("\n", 0, end) + 1
        yield prose[start:end]
        end = start - 1


def _lead(prose: str, line_start: int) -> Introduced | None:
    """A lead-in line ("Assume:", "We assume that", not ended by a full stop) over blank lines, list
    items and displays; prose of another kind in between ends its reach."""
    for line in _lines_before(prose, line_start):
        stripped = line.strip()
        if not stripped or _LIST_ITEM.match(line):
            continue
        if _heading(line):
            return None
        if not stripped.endswith((".", "!", "?")):  # "Assume:", "We assume that"
            return _strong(stripped)
        return None
    return None


def _enclosing_heading(prose: str, line_start: int) -> str | None:
    for line in _lines_before(prose, line_start):
        if _heading(line):
            return line.strip()
    return None
