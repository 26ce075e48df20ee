"""``complexity`` items: a claimed O / Theta / Omega class against the expected Theta-class.

The comparison is the asymptotics theory's (``compare_classes``, under the item's
``assumptions`` such as ``h <= n``): same class (lower-order terms kept are fine), too
loose, missing a term, too tight, incomparable. The expected class is the rubric's
``expected`` or, better, a built-in derivation's quantity named by ``reference``.
"""
from __future__ import annotations

import functools

from ...errors import VerifyError
from ...theories.asymptotics import compare_classes
from ...vocabulary import BigO, BigOmega, Theta
from ..answers import choose, readings
from ..maths import formula
from ..reader import parse_in
from ..references import assumptions, reference_class
from ..results import Deduction
from ..rubric import Item
from .common import Draft, feedback_for, find, result, unreadable

FULL = ("same", "same_with_lower_order_terms")
ADVICE = {
    "too_loose": "Your bound holds but is not tight: find the term that really dominates.",
    "missing_term": "A term that grows as fast as the one you kept is missing: add it.",
    "too_tight": "Your class grows slower than the true cost: some work is not counted.",
    "incomparable": "Your class is not the cost of this computation: recount the operations.",
    "unknown": "The class could not be compared automatically; a person will look at it.",
}


@functools.lru_cache(maxsize=4096)
def _compare(claimed, expected, assumed=()):
    """Remembered per process: a class compares many identical answers."""
    return compare_classes(claimed, expected, assumptions=assumed)


def _inner(expr):
    return expr.args[0] if isinstance(expr, (BigO, Theta, BigOmega)) else expr


@functools.lru_cache(maxsize=256)
def expected_class(item: Item):
    """The rubric's ``expected`` class, or the one its ``reference`` derivation states."""
    if item.reference:
        return reference_class(item)
    return _inner(parse_in(item.expected or "", item.context))


def expected_forms(item: Item) -> tuple:
    """The expected class, the accepted ones and the assumptions, read (and remembered)."""
    return (expected_class(item), *(parse_in(a, item.context) for a in item.accepted),
            assumptions(item.assumptions, item.context))


def compare(item: Item, claimed):
    """Against the expected class; an ``accepted`` class matched exactly also earns full points."""
    assumed = assumptions(item.assumptions, item.context)
    comparison = _compare(claimed, expected_class(item), assumed)
    if comparison.kind in FULL:
        return comparison
    for other in item.accepted:
        alternative = _compare(claimed, _inner(parse_in(other, item.context)), assumed)
        if alternative.kind in FULL:
            return alternative
    return comparison


def prepare(item: Item, text: str) -> Draft:
    found = find(item, text)
    if isinstance(found, Draft):
        return found
    try:
        answer = choose(found.maths, item.context, Theta(expected_class(item)), item.locate.math)
        claimed = _inner(answer.value)
        comparison = compare(item, claimed)
    except VerifyError as error:
        return unreadable(item, found, error)
    if len(_classes_given(found.maths, item)) > 1:
        return Draft(item, found, done=result(
            item, 0, "review", found, mistake="several answers",
            deductions=(Deduction(item.points, "the answer gives several different classes"),),
            feedback=("Give one class: with several, a person decides which you meant.",)))
    return Draft(item, found, done=_score(item, found, comparison, claimed))


def _classes_given(maths, item: Item) -> set:
    """Every distinct O/Theta/Omega class written in the answer (hedging gives more than one)."""
    classes = set()
    for text in maths:
        for answer in readings(text, item.context):
            if isinstance(answer.value, (BigO, Theta, BigOmega)) and answer.relation is None:
                classes.add(answer.value)
    return classes


WHAT = {
    "too_loose": "is an upper bound of the cost, but not a tight one",
    "missing_term": "leaves out a term of the cost",
    "too_tight": "grows more slowly than the cost",
    "incomparable": "neither bounds the cost nor is bounded by it",
    "unknown": "could not be compared with the cost automatically",
}


def _score(item: Item, found, comparison, claimed=None):
    credit = 1.0 if comparison.kind in FULL else float(item.rule.get(comparison.kind, 0.0))
    lost = item.points * (1 - credit)
    yours = formula(BigO(claimed)) if claimed is not None else "your class"
    cost = formula(Theta(expected_class(item)))
    what = WHAT.get(comparison.kind, "is not the cost")
    why = f" ({comparison.explanation.split('. ')[0]})" if comparison.kind == "unknown" else ""
    deductions = (Deduction(lost, f"{comparison.kind.replace('_', ' ')}: {yours} {what} {cost}{why}"),) if lost else ()
    feedback = () if comparison.kind in FULL else (
        f"Your class {yours} {what}. {feedback_for(item, comparison.kind, ADVICE.get(comparison.kind, ''))}".strip(),)
    if comparison.kind == "same_with_lower_order_terms":
        feedback = ("Correct; the lower-order terms you kept are harmless but can be dropped.",)
    status = "review" if comparison.kind == "unknown" else "graded"
    mistake = None if comparison.kind in FULL else comparison.kind.replace("_", " ")
    solution = (f"The cost is {cost}.",) if comparison.kind not in FULL else ()
    return result(item, item.points * credit, status, found, mistake=mistake, deductions=deductions,
                  feedback=feedback, solution=solution)


def finish(draft: Draft, outcomes: dict):
    return draft.done
