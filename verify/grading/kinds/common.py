"""What every kind shares: the draft passed between preparing and finishing an item."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..checks import CheckKey
from ..guard import for_people
from ..locate import Located, NotFound, locate
from ..results import Deduction, ItemResult
from ..rubric import Item


@dataclass(frozen=True)
class Draft:
    """An item half graded: the answer found and read, the checks it still needs."""

    item: Item
    found: Located | None
    keys: tuple[CheckKey, ...] = ()
    data: Any = None
    done: ItemResult | None = None  # already graded (not found, unreadable, no checks needed)
    extra: dict = field(default_factory=dict, compare=False, hash=False)


def result(item: Item, points: float, status: str, found: Located | None = None, **more) -> ItemResult:
    points = max(0.0, min(item.points, round(points, 6)))
    return ItemResult(item.id, item.title, item.kind, points, item.points, status,
                      answer=found.excerpt.strip() if found else "", line=found.line if found else None, **more)


def not_found(item: Item, reason: str) -> Draft:
    verdict = result(item, 0, "not found", deductions=(Deduction(item.points, f"answer not found: {reason}"),),
                     feedback=(f"No answer to '{item.title}' was found ({reason}); label it clearly.",))
    return Draft(item, None, done=verdict)


def unreadable(item: Item, found: Located, error: Exception) -> Draft:
    reason = f"the answer could not be read: {for_people(str(error))}"
    verdict = result(item, 0, "review", found, deductions=(Deduction(item.points, reason),),
                     feedback=("Your answer could not be read automatically; a person will look at it.",))
    return Draft(item, found, done=verdict)


def find(item: Item, text: str) -> Located | Draft:
    found = locate(text, item.locate)
    return not_found(item, found.reason) if isinstance(found, NotFound) else found


def feedback_for(item: Item, category: str, default: str) -> str:
    return item.feedback.get(category, default)
