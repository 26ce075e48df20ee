"""One adversarial case as authored: its document, its class and topic, and each step's label with its check."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable


@dataclass(frozen=True)
class Case:
    name: str
    cls: str
    topic: str
    text: str
    steps: tuple[tuple[str, Callable[[], bool], str | None], ...]  # (label, independent check, step as written)
    note: str = ""

    @property
    def labels(self) -> list[str]:
        return [label for label, _, _ in self.steps]


def case(name: str, cls: str, topic: str, text: str, *steps, note: str = "") -> Case:
    return Case(name, cls, topic, text.strip() + "\n", tuple(steps), note)


def ok(check: Callable[[], bool], at: str | None = None):
    """A correct step; ``at`` (the step as written) is needed only for a claim verify does not report today."""
    return ("correct", check, at)


def bad(check: Callable[[], bool], at: str | None = None):
    return ("wrong", check, at)
