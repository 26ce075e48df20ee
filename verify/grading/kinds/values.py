"""``values`` items: numbers a rule determines (e.g. iterates of an update map), computed exactly.

The rubric gives the rule, not the numbers: ``state`` names, ``update`` expressions in
ASCII (read by the project parser), ``parameters``, ``start`` and ``steps``; ``order =
"alternating"`` updates the state one name at a time with the newest values (alternating
gradient descent-ascent), the default updates them all at once. Answers are tables (tab-
or pipe-separated, a row of names ``p_0 p_1 ...`` over a row of numbers) or equations
``p_1 = 0``; numbers may be written ``-2``, ``0.5``, ``1/2``, ``\frac{1}{2}``, ``-\tfrac12``
or ``½``. The given start values (``k = 0``) need not be restated.
"""
from __future__ import annotations

import functools
import re
from fractions import Fraction

from sympy import Eq, Rational, Symbol

from ...parsing import parse_ascii_expr
from ..maths import formula
from ..results import Deduction
from ..rubric import Item
from .common import Draft, feedback_for, find, result

_CELL = re.compile(r"^\$?\s*([A-Za-z\\]+)_\{?(\d+)\}?\s*\$?$")
_VULGAR = {"½": "1/2", "⅓": "1/3", "⅔": "2/3", "¼": "1/4", "¾": "3/4", "⅛": "1/8", "⅜": "3/8", "⅝": "5/8",
           "⅞": "7/8", "⅕": "1/5", "⅙": "1/6"}
_NUM = r"[-+−]?\s*(?:\\[dt]?frac\s*\{?\s*\d+\s*\}?\s*\{?\s*\d+\s*\}?|\d+(?:\.\d+)?(?:\s*/\s*\d+)?|\.\d+|[½⅓⅔¼¾⅛⅜⅝⅞⅕⅙])"
_NUMBER = re.compile(rf"^\$?\s*{_NUM}\s*\$?$")
_FRAC = re.compile(r"\\[dt]?frac\s*\{?\s*(\d+)\s*\}?\s*\{?\s*(\d+)\s*\}?")
# ``p_3 = -4`` where the number is the whole value (``p_3 = -4 \cdot 2`` is not read as -4)
_EQUATION = re.compile(rf"([A-Za-z\\]+)_\{{?(\d+)\}}?\s*=\s*({_NUM})(?=\s*(?:\$|,|;|\\\\|\)|$))", re.MULTILINE)


def number(text: str) -> Fraction:
    """``-\frac{1}{2}``, ``0.5``, ``½``, ``1/2`` -> Fraction(-1, 2)."""
    text = text.strip().strip("$").replace("−", "-").replace(" ", "")
    for glyph, value in _VULGAR.items():
        text = text.replace(glyph, value)
    text = _FRAC.sub(lambda m: f"{m.group(1)}/{m.group(2)}", text)
    return Fraction(text)


@functools.lru_cache(maxsize=64)
def iterates(state: tuple[str, ...], update: tuple[str, ...], parameters: tuple, start: tuple, steps: int,
             alternating: bool = False):
    """``{(name, k): value}`` for k = 0..steps, by exact rational arithmetic (all names updated at
    once, or one after the other with the newest values when ``alternating``)."""
    maps = [parse_ascii_expr(text) for text in update]
    fixed = {Symbol(k): Rational(str(v)) for k, v in parameters}
    current = [Rational(str(v)) for v in start]
    table = {(n, 0): current[i] for i, n in enumerate(state)}
    for k in range(1, steps + 1):
        values = {**fixed, **{Symbol(n): current[i] for i, n in enumerate(state)}}
        if alternating:
            for i, (name, m) in enumerate(zip(state, maps)):
                current[i] = m.xreplace(values)
                values[Symbol(name)] = current[i]
        else:
            current = [m.xreplace(values) for m in maps]
        table.update({(n, k): current[i] for i, n in enumerate(state)})
    return table


def _cells(line: str) -> list[str]:
    return [c.strip() for c in re.split(r"\t|\|", line) if c.strip()]


def read_values(excerpt: str) -> tuple[dict, set]:
    """``{(name, k): Fraction}`` from tables and equations in the excerpt, and the keys given
    two different values (a hedged answer: a person decides)."""
    readings: dict = {}
    header = None
    for line in excerpt.splitlines():
        cells = _cells(line)
        named = [_CELL.match(c) for c in cells]
        if cells and all(named):
            header = [(m.group(1).lstrip("\\"), int(m.group(2))) for m in named]
        elif header and cells and all(_NUMBER.match(c) for c in cells):
            for key, c in zip(header, cells):
                readings.setdefault(key, []).append(number(c))
            header = None
    for name, index, value in _EQUATION.findall(excerpt):
        readings.setdefault((name.lstrip("\\"), int(index)), []).append(number(value))
    given = {key: values[-1] for key, values in readings.items()}
    return given, {key for key, values in readings.items() if len(set(values)) > 1}


def expected_values(item: Item) -> dict:
    """The values the item's rule determines (raises KeyError/ParseError for a broken rule)."""
    rule = item.rule
    return iterates(tuple(rule["state"]), tuple(rule["update"]),
                    tuple(sorted((k, str(v)) for k, v in rule.get("parameters", {}).items())),
                    tuple(str(v) for v in rule["start"]), int(rule["steps"]),
                    rule.get("order", "simultaneous") == "alternating")


def prepare(item: Item, text: str) -> Draft:
    found = find(item, text)
    if isinstance(found, Draft):
        return found
    expected = expected_values(item)
    given, conflicting = read_values(found.excerpt)
    if conflicting:
        name, k = sorted(conflicting, key=lambda key: (key[1], key[0]))[0]
        return Draft(item, found, done=result(
            item, 0, "review", found, mistake="conflicting values",
            deductions=(Deduction(item.points, f"{formula(Symbol(f'{name}_{k}'))} is given two different values"),),
            feedback=(f"You give {formula(Symbol(f'{name}_{k}'))} two different values; a person will decide which "
                      "you meant.",)))
    return Draft(item, found, done=_score(item, found, expected, given))


def _score(item: Item, found, expected: dict, given: dict):
    # the start values are given by the question: restating them is not asked for
    wanted = {key: value for key, value in expected.items() if key[1] > 0 or key in given}
    expected = wanted
    wrong = [key for key in sorted(expected, key=lambda k: (k[1], k[0]))
             if key not in given or abs(Fraction(str(expected[key])) - given[key]) > item.tolerance]
    if not given:
        return result(item, 0, "not found", found, deductions=(Deduction(item.points, "no values could be read"),),
                      feedback=("No table of values was found; write them as a table or as p_1 = ... .",))
    credit = 1 - len(wrong) / len(expected)
    if not wrong:
        return result(item, item.points, "graded", found)
    name, k = wrong[0]
    entry = formula(Symbol(f"{name}_{k}"))
    shown = "missing" if (name, k) not in given else formula(Rational(str(given[(name, k)])))
    right = formula(expected[(name, k)])
    reason = f"{len(wrong)} of {len(expected)} values wrong or missing; first: {entry} is {shown}, expected {right}"
    hint = feedback_for(item, "wrong value", "Recompute it from the previous values with the update rule.")
    return result(item, item.points * credit, "graded", found, mistake="wrong value",
                  deductions=(Deduction(item.points * (1 - credit), reason),),
                  feedback=(f"{entry} is not right (you have {shown}). {hint}",),
                  solution=(formula(Eq(Symbol(f"{name}_{k}"), expected[(name, k)], evaluate=False)),))


def finish(draft: Draft, outcomes: dict):
    return draft.done
