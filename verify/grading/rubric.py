"""Rubrics: TOML files read with ``tomllib`` into frozen dataclasses.

An assignment is a list of items; each item has an id, a title, points, a kind
(derivation, expression, complexity, values, manual), a locator saying where its
answer is in a submission, and what the answer should be. ``load_rubric`` takes a
built-in name (a file in ``verify/rubrics``) or a path.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import UsageError, unknown_name
from .quantities import Catalogue, referenced_class

KINDS = ("derivation", "expression", "complexity", "values", "manual")


@dataclass(frozen=True)
class Locator:
    """Where an answer is: a label, key words of the line opening its section, of its own line.

    ``mode`` says what to take there: the first ``math`` of the line, the display-math
    ``chain`` that follows, the ``table`` of values, or the ``text`` for a person.
    """

    label: str | None = None
    section: tuple[str, ...] = ()
    line: tuple[str, ...] = ()
    starts: bool = False  # the key words of ``line`` must open the line
    until: tuple[str, ...] = ()
    block: str | None = None
    mode: str = "math"
    within: int = 40
    math: int | None = None  # which math segment is the answer (-1: the last); None: the one whose shape fits


@dataclass(frozen=True)
class Scoring:
    """Partial credit of a derivation: goal reached, valid steps, deductions, required rules."""

    goal: float = 0.0
    per_step: float = 0.0
    max_step_points: float | None = None
    wrong_step: float = 0.0
    require: tuple[str, ...] = ()
    missing_justification: float = 0.0
    wrong_justification: float = 0.0  # per valid step whose named rule is not the one it needs
    goal_needs_valid_chain: bool = True


@dataclass(frozen=True)
class ContextSpec:
    """The notation an item's mathematics is read with."""

    positive: tuple[str, ...] = ()
    real: tuple[str, ...] = ()
    densities: tuple[str, ...] = ("p", "q")
    matrices: tuple[str, ...] = ()
    integration: tuple[str, ...] = ()
    theories: tuple[str, ...] = ("algebra",)
    preset: str | None = None  # a named context of a theory, e.g. "latent_variable"
    imaginary: tuple[str, ...] = ()  # names read as the imaginary unit in answers, e.g. ["i"]


@dataclass(frozen=True)
class Item:
    id: str
    title: str
    points: float
    kind: str
    locate: Locator
    context: ContextSpec
    expected: str | None = None
    reference: str | None = None  # "derivation: quantity", e.g. "complexity: rnn train time"
    reference_class: Any = None  # the class ``reference`` names (a SymPy expression), looked up on reading
    assumptions: tuple[str, ...] = ()  # between sizes, e.g. "h <= n" (ASCII)
    accepted: tuple[str, ...] = ()
    start: str | None = None
    scoring: Scoring = Scoring()
    rule: dict = field(default_factory=dict, hash=False, compare=False)
    feedback: dict = field(default_factory=dict, hash=False, compare=False)
    tolerance: float = 1e-9


@dataclass(frozen=True)
class Rubric:
    name: str
    title: str
    items: tuple[Item, ...]

    @property
    def total(self) -> float:
        return sum(item.points for item in self.items)


def builtin_names() -> list[str]:
    folder = resources.files("verify") / "rubrics"
    return sorted(p.name[:-5] for p in folder.iterdir() if p.name.endswith(".toml"))


def load_rubric(name_or_path: str | Path, derivations: Catalogue | None = None) -> Rubric:
    """A built-in rubric by name, else the TOML file at the path.

    ``derivations`` (``derivations.BUILTIN``) is where the items' references are looked up.
    """
    text = str(name_or_path)
    if text in builtin_names():
        return parse_rubric((resources.files("verify") / "rubrics" / f"{text}.toml").read_text("utf-8"), derivations)
    path = Path(text)
    if not path.is_file():
        raise unknown_name("rubric (neither a built-in name nor a file)", text, builtin_names())
    return parse_rubric(path.read_text("utf-8"), derivations)


def parse_rubric(text: str, derivations: Catalogue | None = None) -> Rubric:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise UsageError(f"the rubric is not valid TOML: {error}") from None
    head = data.get("assignment", {})
    shared = data.get("context", {})
    items = tuple(_item(raw, shared, derivations) for raw in data.get("items", []))
    if not items:
        raise UsageError("the rubric has no [[items]]")
    return Rubric(head.get("name", "rubric"), head.get("title", ""), items)


def _tuple(value) -> tuple:
    return tuple(value) if isinstance(value, list) else ((value,) if value is not None else ())


def _dataclass_from(cls, raw: dict, where: str):
    known = set(cls.__dataclass_fields__)
    unknown = set(raw) - known
    if unknown:
        raise UsageError(f"{where}: unknown key(s) {sorted(unknown)}; valid: {sorted(known)}")
    return cls(**{k: _tuple(v) if isinstance(getattr(cls, k, None), tuple) else v for k, v in raw.items()})


def _reference_class(reference: str | None, derivations: Catalogue | None, where: str):
    if not reference:
        return None
    if derivations is None:
        raise UsageError(f"{where}: the reference {reference!r} needs the derivations it names "
                         "(load the rubric with derivations=derivations.BUILTIN)")
    return referenced_class(reference, derivations)


def _item(raw: dict, shared: dict, derivations: Catalogue | None) -> Item:
    where = f"item {raw.get('id', '?')!r}"
    for key in ("id", "title", "points", "kind"):
        if key not in raw:
            raise UsageError(f"{where}: missing {key!r}")
    if raw["kind"] not in KINDS:
        raise UsageError(f"{where}: unknown kind {raw['kind']!r}; valid: {', '.join(KINDS)}")
    if raw.get("reference") and raw.get("expected"):
        raise UsageError(f"{where}: give either 'expected' or 'reference', not both")
    context = _dataclass_from(ContextSpec, {**shared, **raw.get("context", {})}, f"{where} context")
    return Item(
        id=raw["id"], title=raw["title"], points=float(raw["points"]), kind=raw["kind"],
        locate=_dataclass_from(Locator, raw.get("locate", {}), f"{where} locate"), context=context,
        expected=raw.get("expected"), reference=raw.get("reference"),
        reference_class=_reference_class(raw.get("reference"), derivations, where), assumptions=_tuple(raw.get("assumptions")),
        accepted=_tuple(raw.get("accepted")), start=raw.get("start"),
        scoring=_dataclass_from(Scoring, raw.get("scoring", {}), f"{where} scoring"),
        rule=raw.get("rule", {}), feedback=raw.get("feedback", {}), tolerance=float(raw.get("tolerance", 1e-9)))
