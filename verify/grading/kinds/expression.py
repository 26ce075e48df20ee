r"""``expression`` items: the answer must equal the expected expression (or an accepted one).

Equality is the engine's: proved or consistent gives the points; refuted gives none
with the kind of mistake; unknown goes to a person. The answer is found as written
(``verify.grading.answers``): an equation answers with its right side, and the formula
whose shape fits is taken. A *set* (``1 \pm i\eta``, ``\{a, b\}``; eigenvalues) is
right when it holds the expected values: the same number of them with the same elementary
symmetric polynomials (sum, sum of pairwise products, ..., product), which is exactly
multiset equality and needs no matching of elements (``1 \pm \frac{\eta}{2}\sqrt{\eta^2-4}``
and ``1 \pm i\frac{\eta}{2}\sqrt{4-\eta^2}`` are the same set though no element is the same
for every eta). Write values as a list (``a, a, b``) for a multiset. An expected *relation*
(``\log p(x) \geq L``) needs the same relation between equal sides (or its mirror).
"""
from __future__ import annotations

from dataclasses import replace

from itertools import combinations

from sympy import Add, FiniteSet, Mul, cancel
from sympy.core.function import AppliedUndef

from ...errors import ParseError, VerifyError
from ...model import Chain, Relation, Step
from ...verdict import Status
from ..answers import MIRROR, Answer, choose, readings, rivals
from ..checks import CheckKey, holds, safe_classify
from ...printing.prose import prose_authored
from ...printing.verdicts import counterexample_prose
from ..reader import context
from ..results import Checked, Deduction
from ..rubric import Item
from .common import Draft, find, result, unreadable
from .feedback import EXPECTED_ADVICE

def _is_name(expr) -> bool:
    r"""``\lambda``, ``T(n)``, ``x_1``: the left side of an answer that names its value."""
    return expr.is_Symbol or isinstance(expr, AppliedUndef)


def _expected_reading(text: str, item: Item) -> Answer:
    found = readings(text, item.context)
    relational = [a for a in found if a.relation is not None and (a.relation != "=" or not _is_name(a.lhs))]
    if relational:  # an inequality, or an equation such as a characteristic polynomial = 0
        return relational[0]
    if not found:
        raise ParseError(f"the rubric's expected answer {text!r} could not be read")
    return found[0]


def expected_forms(item: Item) -> list[Answer]:
    """The expected answer and the accepted ones, read."""
    return [_expected_reading(t, item) for t in (item.expected or "", *item.accepted)]


def _elements(answer: Answer) -> tuple:
    """The values of an answer: a written list with its repeats, a set's elements, or the one value."""
    if answer.elements:
        return answer.elements
    return tuple(answer.value.args) if isinstance(answer.value, FiniteSet) else (answer.value,)


def _keys(wanted: Answer, answer: Answer, ctx) -> tuple[tuple[CheckKey, ...], ...]:
    """The checks that would make ``answer`` right for ``wanted``: one tuple of keys per way."""
    if wanted.relation == "=":  # equations: the same up to moving sides (and a constant factor, see prepare)
        if answer.relation != "=":
            return ()
        difference = wanted.lhs - wanted.value
        return ((CheckKey(difference, Relation.EQ, answer.lhs - answer.value, ctx),),
                (CheckKey(difference, Relation.EQ, answer.value - answer.lhs, ctx),))
    if wanted.relation is not None:
        if answer.relation == wanted.relation:
            return ((CheckKey(wanted.lhs, Relation.EQ, answer.lhs, ctx), CheckKey(wanted.value, Relation.EQ, answer.value, ctx)),)
        if answer.relation == MIRROR[wanted.relation]:
            return ((CheckKey(wanted.lhs, Relation.EQ, answer.value, ctx), CheckKey(wanted.value, Relation.EQ, answer.lhs, ctx)),)
        return ()
    if isinstance(wanted.value, FiniteSet) or isinstance(answer.value, FiniteSet):
        expected, given = _elements(wanted), _elements(answer)
        if len(expected) != len(given):
            return ((),)  # a different number of values: wrong, nothing to check
        return (tuple(CheckKey(w, Relation.EQ, a, ctx) for w, a in zip(symmetric(expected), symmetric(given))),)
    return ((CheckKey(wanted.value, Relation.EQ, answer.value, ctx),),)


def prepare(item: Item, text: str) -> Draft:
    found = find(item, text)
    if isinstance(found, Draft):
        return found
    try:
        wanted = expected_forms(item)
        relation = wanted[0].relation
        answer = choose(found.maths, item.context, wanted[0].value, item.locate.math, relation)
        hedged = rivals(found.maths, item.context, wanted[0].value, answer, relation) if item.locate.math is None else []
    except VerifyError as error:
        return unreadable(item, found, error)
    if hedged:
        return Draft(item, found, done=result(
            item, 0, "review", found, mistake="several answers",
            deductions=(Deduction(item.points, "the answer gives several different formulas that fit the question"),),
            feedback=("Give one answer: with several, a person decides which you meant.",)))
    ctx = context(item.context)
    if any(proportional(w, answer) for w in wanted):
        return Draft(item, found, done=result(item, item.points, "graded", found))
    ways = [(w, _keys(w, answer, ctx)) for w in wanted]
    keys = tuple(dict.fromkeys(k for _, group in ways for way in group for k in way))
    if not keys:
        return Draft(item, found, done=result(
            item, 0, "graded", found, mistake="wrong relation",
            deductions=(Deduction(item.points, f"the answer states {answer.relation or 'no relation'}, "
                                               f"the question asks for {relation}"),),
            feedback=(f"Your answer should state a relation ({relation}) between the two quantities.",)))
    return Draft(item, found, keys=keys, data=answer, extra={"ways": ways})


def proportional(wanted: Answer, answer: Answer) -> bool:
    r"""Two equations ``a = b`` and ``c = d`` with ``(c - d) / (a - b)`` a nonzero number: the same equation
    scaled (``2\lambda^2 - 4\lambda + 2 = 0`` for ``\lambda^2 - 2\lambda + 1 = 0``). Symbolic cancellation
    only: a ratio it cannot reduce to a number proves nothing and the engine's checks decide."""
    if wanted.relation != "=" or answer.relation != "=" or answer.lhs is None:
        return False
    try:
        ratio = cancel((answer.lhs - answer.value) / (wanted.lhs - wanted.value))
    except Exception:  # noqa: BLE001 - sets, matrices: not an equation between numbers
        return False
    return bool(ratio.is_number and ratio != 0 and ratio.is_finite)


def symmetric(values: tuple) -> list:
    """The elementary symmetric polynomials of ``values``: equal for two lists exactly when they
    hold the same values as often (the roots of one polynomial), whatever their order or form."""
    out = []
    for k in range(1, len(values) + 1):
        out.append(Add(*[Mul(*chosen) for chosen in combinations(values, k)]))
    return out


def _way_holds(wanted: Answer, keys, answer: Answer, outcomes: dict, item: Item):
    if not keys:
        return False
    verdicts = [outcomes.get(k) for k in keys]
    if all(holds(v) for v in verdicts):
        return True
    if any(v is None or v.verdict.status is Status.UNKNOWN for v in verdicts if not holds(v)):
        return None
    return False


def _checked(draft: Draft, outcomes: dict) -> Checked:
    """The expected (or accepted) answer, then the student's, with the verdict on their equality."""
    key = next((k for k in draft.keys if holds(outcomes.get(k))), draft.keys[0])
    outcome = outcomes.get(key)
    step = Step(key.rhs, Relation.EQ, "your answer", source=draft.data.source)
    return Checked(Chain(key.lhs, (step,), title="the expected answer, then yours"),
                   (outcome.verdict if outcome else None,))


def finish(draft: Draft, outcomes: dict):
    return replace(_finish(draft, outcomes), detail=_checked(draft, outcomes))


def _finish(draft: Draft, outcomes: dict):
    item, found, answer = draft.item, draft.found, draft.data
    decided = []
    for wanted, group in draft.extra["ways"]:
        for keys in group:
            decided.append(_way_holds(wanted, keys, answer, outcomes, item))
    if any(d is True for d in decided):
        return result(item, item.points, "graded", found)
    first_key = draft.keys[0]
    first = outcomes.get(first_key)
    mistake = (first.mistake if first else None) or safe_classify(first_key.lhs, first_key.rhs, first_key.context)
    if any(d is None for d in decided):
        reason = first.verdict.reason if first and first.verdict.status is Status.UNKNOWN else "not decided"
        likely = f" (it looks like: {mistake})" if mistake else ""
        return result(item, 0, "review", found, mistake=mistake,
                      deductions=(Deduction(item.points, f"not shown equivalent{likely}: {reason}"),),
                      feedback=("Your answer differs in form from the expected one and could not be compared "
                                f"automatically{likely}; a person will look at it.",))
    advice = EXPECTED_ADVICE.get(mistake or "", "it is not equivalent to the expected answer")
    reason = f"not equivalent to the expected answer ({mistake or 'no simple pattern'})"
    example = first.verdict.counterexample if first else None
    sentence = f"Your answer is not right: {advice}."
    if example:
        where = prose_authored(counterexample_prose(example, first_key.lhs, first_key.rhs,
                                                    left="the expected answer", right="your answer"))
        sentence += f" {where[:1].upper()}{where[1:]}."
    return result(item, 0, "graded", found, mistake=mistake, deductions=(Deduction(item.points, reason),),
                  feedback=(sentence,))
