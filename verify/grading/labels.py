r"""Labels as people write them, and where the part they open ends.

A label opens a line: a heading (``## Q1``, ``### Question 1``, ``\section*{Q1}``,
``\subsection{Problem 2}``), a word and a number (``Q1.``, ``**Q1.**``, ``Problem 1``,
``Exercise 2(b)``), a bare number or letter (``1.``, ``(1a)``, ``1c)``, ``<6>``, ``(b)``),
or an ``\item`` of an ``enumerate`` (numbered as LaTeX numbers it). Each has a *rank*:
headings by level, then words, items, bare labels. A part ends at the next label of the
same or a stronger rank that is not one of its sub-parts, so a numbered list inside an
answer does not end it; a letter alone (``(b)``) belongs to the number before it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_WORDS = r"(?:Q|Qu|Ques|Question|Prob|Problem|Exercise|Ex|Task|Part|Aufgabe)"
_PART = r"(\d{1,2})\s*(?:\.?\s*\(?([a-z]|[ivx]{1,4})\)?(?![a-z]))?"
_MARK = r"[\s*_>]*"
_HEADING = re.compile(r"^\s*(#{1,6})\s+(.*)$")
_SECTION = re.compile(r"^\s*\\(section|subsection|subsubsection|paragraph)\*?\s*\{([^{}]*)\}")
_WORD = re.compile(rf"^{_MARK}{_WORDS}\.?\s*{_PART}{_MARK}(?:[).:]|\b|$)", re.I)
_BARE_NUMBER = re.compile(r"^[\s*_>]*(?:\(\s*(\d{1,2})\s*([a-z]?)\s*\)|<\s*(\d{1,2})\s*([a-z]?)\s*>|"
                          r"(\d{1,2})\s*([a-z]?)\s*[).:](?=\s|$|\*|\$))")
_BARE_LETTER = re.compile(r"^[\s*_>]*(?:\(\s*([a-z])\s*\)|([a-z])\)(?=\s|$))")
_ITEM = re.compile(r"^\s*\\item(?:\[([^\]]*)\])?")
_BEGIN_ENUM = re.compile(r"\\begin\{enumerate\}")
_END_ENUM = re.compile(r"\\end\{enumerate\}")

_LAST = 10**9  # "to the end of the text"
HEADING_RANKS = {"section": 1, "subsection": 2, "subsubsection": 3, "paragraph": 4}
WORD_RANK, ITEM_RANK, BARE_RANK = 10, 15, 20


@dataclass(frozen=True)
class Label:
    """What a line's label says: its number and letter (either may be empty), its rank."""

    number: str
    letter: str
    rank: int
    heading: bool = False
    indented: bool = False


def normal_label(text: str) -> str:
    """``(2b)``, ``Q2b``, ``Exercise 2(b)``, ``2.b`` -> ``2b``: how a rubric's label is compared."""
    found = _from_text(text.strip())
    if found is not None and (found.number or found.letter):
        return found.number + found.letter
    return re.sub(r"[\s()<>.:*#]|^q", "", text.lower())


def _from_text(text: str, rank: int = BARE_RANK) -> Label | None:
    """The label at the start of ``text`` (a heading's title, a line's start)."""
    match = _WORD.match(text)
    if match:
        return Label(match.group(1), (match.group(2) or "").lower(), min(rank, WORD_RANK))
    match = _BARE_NUMBER.match(text)
    if match:
        groups = [g for g in match.groups()]
        number = next(g for g in groups[0::2] if g)
        letter = groups[groups.index(number) + 1] or ""
        rest = text[match.end():]
        extra = _BARE_LETTER.match(rest)
        if extra and not letter:
            letter = extra.group(1) or extra.group(2)
        return Label(number, letter.lower(), rank)
    match = _BARE_LETTER.match(text)
    if match:
        return Label("", (match.group(1) or match.group(2)).lower(), rank)
    return None


def line_label(line: str) -> Label | None:
    """The label opening ``line``, or None (``\\item`` lines are numbered by ``labels``)."""
    heading = _HEADING.match(line)
    if heading:
        found = _from_text(heading.group(2).strip(" *_"))
        level = len(heading.group(1))
        return Label(found.number if found else "", found.letter if found else "", level, heading=True)
    section = _SECTION.match(line)
    if section:
        found = _from_text(section.group(2).strip())
        level = HEADING_RANKS[section.group(1)]
        return Label(found.number if found else "", found.letter if found else "", level, heading=True)
    found = _from_text(line)
    if found is not None:
        indented = len(line) - len(line.lstrip(" \t")) >= 2 and found.rank == BARE_RANK
        return Label(found.number, found.letter, found.rank, indented=indented)
    return None


def _enumerate_label(depth: int, counters: list[int], explicit: str | None) -> Label:
    if explicit is not None:
        found = _from_text(explicit.strip()) or Label("", "", ITEM_RANK)
        return Label(found.number, found.letter, ITEM_RANK + depth)
    count = counters[-1]
    if depth == 0:
        return Label(str(count), "", ITEM_RANK)
    return Label("", chr(ord("a") + (count - 1) % 26), ITEM_RANK + depth)


def labels(lines: list[str]) -> list[tuple[int, Label, str]]:
    """``(index, label, key)`` of every labelled line; ``key`` is the full label (``2b`` for a
    ``(b)`` under ``2``), an unlabelled heading has the key ``""`` (it still ends parts)."""
    out = []
    counters: list[int] = []
    numbers: dict[int, str] = {}  # rank -> the number last opened at that rank
    for index, line in enumerate(lines):
        for _ in _BEGIN_ENUM.finditer(line):
            counters.append(0)
        item = _ITEM.match(line)
        if item and counters:
            counters[-1] += 1
            found = _enumerate_label(len(counters) - 1, counters, item.group(1))
        else:
            found = line_label(line)
        for _ in _END_ENUM.finditer(line):
            if counters:
                counters.pop()
        if found is None:
            continue
        number = found.number
        if not number and found.letter:
            stronger = [numbers[r] for r in sorted(numbers) if r <= found.rank]
            number = stronger[-1] if stronger else ""
        if found.number:
            numbers = {r: n for r, n in numbers.items() if r < found.rank}
            numbers[found.rank] = found.number
        elif found.heading:
            numbers = {r: n for r, n in numbers.items() if r < found.rank}
        out.append((index, found, number + found.letter))
    return out


def _matches(key: str, wanted: str) -> bool:
    """``1a`` is a part of ``1``; ``10`` is not."""
    if not key.startswith(wanted) or not wanted:
        return False
    rest = key[len(wanted):]
    return not rest or not (rest[0].isdigit() and wanted[-1].isdigit())


def _inner_lists(lines: list[str], found) -> set[int]:
    """Positions (in ``found``) of the items of numbered lists inside answers.

    Bare numbers ``1.``, ``2.`` number the questions until a ``1.`` comes again: that starts
    a list inside the current answer, continued by the next numbers on the lines that follow
    without a blank line between them.
    """
    inner, outer_last, inner_last, previous = set(), 0, 0, None
    for position, (index, label, _) in enumerate(found):
        if label.rank != BARE_RANK or not label.number or label.letter or label.indented:
            continue
        number = int(label.number)
        adjacent = previous is not None and all(line.strip() for line in lines[previous + 1:index])
        if inner_last and number == inner_last + 1 and adjacent:
            inner_last, previous = number, index
            inner.add(position)
        elif number == 1 and outer_last >= 1:
            inner_last, previous = 1, index
            inner.add(position)
        else:
            outer_last, inner_last, previous = number, 0, None
    return inner


def label_region(lines: list[str], label: str) -> tuple[int, int] | None:
    """The lines ``[first, last)`` of the part labelled ``label``, or None."""
    wanted = normal_label(label)
    found = labels(lines)
    inner = _inner_lists(lines, found)
    candidates = [p for p, (_, _, key) in enumerate(found) if key and _matches(key, wanted) and p not in inner]
    if not candidates:
        return None
    # the strongest label wins (``## Q2`` over a list item ``2.`` inside Q1), then the first
    position = min(candidates, key=lambda p: (found[p][1].rank, p))
    index, opened, _ = found[position]
    later = [entry for p, entry in enumerate(found) if p > position and p not in inner]
    return index, min(len(lines), _end(later, opened, wanted))


def _ends(label: Label, key: str, opened: Label, wanted: str) -> bool:
    """Does ``label`` (not a sub-part of the wanted one) end the part ``opened`` opened?"""
    if opened.heading:
        if label.heading:
            return label.rank <= opened.rank
        return label.rank == WORD_RANK and bool(key)  # ``Q2`` under ``## Q1``; a list ``2.`` does not
    if label.heading:
        return bool(key) or label.rank <= 2
    if label.indented or label.rank > opened.rank:
        return False
    return True


def _end(later, opened: Label, wanted: str) -> int:
    for index, label, key in later:
        if key and _matches(key, wanted):
            continue
        if _ends(label, key, opened, wanted):
            return index
    return _LAST


def leading_label(line: str) -> str:
    """The label opening a line, as compared: ``(1) (a) Let`` gives ``1a``, ``<6>`` gives ``6``."""
    found = line_label(line)
    return (found.number + found.letter) if found else ""
