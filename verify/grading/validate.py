"""``verify rubric check``: every problem of a rubric file at once, each at its place in the file.

Unknown keys anywhere (with the nearest known one), duplicate ids, negative or missing
points, unknown kinds, expected answers and update rules that do not parse, references the
derivations do not state. A file that passes loads with ``load_rubric``.
"""
from __future__ import annotations

import difflib
import re
import tomllib
from dataclasses import dataclass, fields

from ..errors import VerifyError
from .quantities import Catalogue, referenced_class
from .rubric import KINDS, ContextSpec, Item, Locator, Scoring, _item

TOP = ("assignment", "context", "items")
ASSIGNMENT = ("name", "title")
ITEM = tuple(f.name for f in fields(Item) if f.name not in ("reference_class", "locate", "context", "scoring")) + (
    "locate", "context", "scoring")
RULE_KEYS = {
    "values": ("state", "update", "parameters", "start", "steps", "order"),
    "complexity": ("too_loose", "missing_term", "too_tight", "incomparable"),
}
FEEDBACK_KEYS = ("review", "wrong value", "too_loose", "missing_term", "too_tight", "incomparable", "unknown")


@dataclass(frozen=True)
class Problem:
    line: int | None  # 1-based, when the place could be found
    where: str
    message: str

    def describe(self, filename: str = "") -> str:
        place = f"{filename}:{self.line}" if self.line else filename
        return f"{place}: {self.where}: {self.message}" if place else f"{self.where}: {self.message}"


def _did_you_mean(key: str, known) -> str:
    close = difflib.get_close_matches(key, list(known), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


class _Places:
    """Line numbers of the file's item blocks and keys (TOML keeps none)."""

    def __init__(self, text: str):
        self.lines = text.splitlines()
        self.items = [i for i, line in enumerate(self.lines) if re.match(r"^\s*\[\[\s*items\s*\]\]", line)]

    def block(self, index: int | None) -> range:
        if index is None or index >= len(self.items):
            end = self.items[0] if self.items else len(self.lines)
            return range(0, end)
        start = self.items[index]
        end = self.items[index + 1] if index + 1 < len(self.items) else len(self.lines)
        return range(start, end)

    def of(self, key: str, index: int | None = None) -> int | None:
        pattern = re.compile(rf"(^|[{{,\s]){re.escape(key)}\s*=|^\s*\[\s*(items\.)?{re.escape(key)}\s*\]")
        for i in self.block(index):
            if pattern.search(self.lines[i]):
                return i + 1
        block = self.block(index)
        return (block.start + 1) if index is not None and len(block) else None


def _unknown(raw: dict, known, where: str, places: _Places, index: int | None, out: list) -> None:
    for key in raw:
        if key not in known:
            out.append(Problem(places.of(key, index), where, f"unknown key {key!r}{_did_you_mean(key, known)}; "
                                                              f"valid: {', '.join(sorted(known))}"))


def check_rubric(text: str, derivations: Catalogue | None = None) -> list[Problem]:
    """Every problem of the rubric ``text``; an empty list when it is sound."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        found = re.search(r"line (\d+)", str(error))
        return [Problem(int(found.group(1)) if found else None, "file", f"not valid TOML: {error}")]
    places, out = _Places(text), []
    _unknown(data, TOP, "top level", places, None, out)
    if isinstance(data.get("assignment"), dict):
        _unknown(data["assignment"], ASSIGNMENT, "[assignment]", places, None, out)
    context_keys = [f.name for f in fields(ContextSpec)]
    if isinstance(data.get("context"), dict):
        _unknown(data["context"], context_keys, "[context]", places, None, out)
    items = data.get("items", [])
    if not items:
        out.append(Problem(None, "file", "the rubric has no [[items]]"))
    seen: dict[str, int] = {}
    for index, raw in enumerate(items if isinstance(items, list) else []):
        out.extend(_check_item(raw, index, data.get("context", {}), places, seen, derivations))
    return sorted(out, key=lambda p: p.line or 0)  # in file order


def _check_item(raw: dict, index: int, shared: dict, places: _Places, seen: dict, derivations) -> list[Problem]:
    out: list[Problem] = []
    where = f"item {raw.get('id', f'#{index + 1}')!r}"
    line = places.of("id", index)
    _unknown(raw, ITEM, where, places, index, out)
    for section, cls in (("locate", Locator), ("context", ContextSpec), ("scoring", Scoring)):
        if isinstance(raw.get(section), dict):
            _unknown(raw[section], [f.name for f in fields(cls)], f"{where} {section}", places, index, out)
    kind = raw.get("kind")
    if isinstance(raw.get("rule"), dict) and kind in RULE_KEYS:
        _unknown(raw["rule"], RULE_KEYS[kind], f"{where} rule", places, index, out)
    if isinstance(raw.get("feedback"), dict):
        _unknown(raw["feedback"], FEEDBACK_KEYS, f"{where} feedback", places, index, out)
    for key in ("id", "title", "points", "kind"):
        if key not in raw:
            out.append(Problem(line, where, f"missing {key!r}"))
    if "id" in raw:
        if raw["id"] in seen:
            out.append(Problem(line, where, f"duplicate id (first used at line {seen[raw['id']]})"))
        else:
            seen[raw["id"]] = line
    points = raw.get("points")
    if points is not None and (not isinstance(points, (int, float)) or isinstance(points, bool) or points < 0):
        out.append(Problem(places.of("points", index), where, f"points must be a number >= 0, not {points!r}"))
    if kind is not None and kind not in KINDS:
        out.append(Problem(places.of("kind", index), where,
                           f"unknown kind {kind!r}{_did_you_mean(str(kind), KINDS)}; valid: {', '.join(KINDS)}"))
    if out:
        return out
    return _check_answers(raw, shared, where, places, index, derivations)


def _check_answers(raw, shared, where, places, index, derivations) -> list[Problem]:
    """Read the item as grading will: expected answers, references, update rules must parse."""
    from .kinds import GRADERS

    try:
        item = _item(raw, shared, derivations)
    except VerifyError as error:
        return [Problem(places.of("id", index), where, str(error).removeprefix(f"{where}: "))]
    out = []
    expected = getattr(GRADERS[item.kind], "expected_forms", None)
    try:
        if expected is not None:
            expected(item)
        if item.kind == "values":
            from .kinds.values import expected_values

            expected_values(item)
    except (VerifyError, KeyError, ValueError, TypeError) as error:
        key = "rule" if item.kind == "values" else ("reference" if item.reference else "expected")
        out.append(Problem(places.of(key, index), where, f"{key} cannot be read: {_first_line(error)}"))
    if item.reference and derivations is not None:
        try:
            referenced_class(item.reference, derivations)
        except VerifyError as error:
            out.append(Problem(places.of("reference", index), where, str(error)))
    return out


def _first_line(error: Exception) -> str:
    from .guard import for_people

    if isinstance(error, KeyError):
        return f"missing {error.args[0]!r}"
    return for_people(str(error))
