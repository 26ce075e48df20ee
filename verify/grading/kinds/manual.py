"""``manual`` items: the text is extracted and shown; a person gives the points."""
from __future__ import annotations

from ..results import Deduction
from ..rubric import Item
from .common import Draft, find, result


def prepare(item: Item, text: str) -> Draft:
    found = find(item, text)
    if isinstance(found, Draft):
        return found
    model = item.feedback.get("review")
    done = result(item, 0, "review", found, deductions=(Deduction(item.points, "marked by a person"),),
                  feedback=("A person will mark this answer.",), solution=(model,) if model else ())
    return Draft(item, found, done=done)


def finish(draft: Draft, outcomes: dict):
    return draft.done
