"""``values`` items: numbers a rule determines (e.g. iterates of an update map), computed exactly.

The rubric gives the rule, not the numbers: ``state`` names, ``update`` expressions in
ASCII (read by the project parser), ``parameters``, ``start`` and ``steps``. Answers are
tables (tab- or pipe-separated, a row of names ``p_0 p_1 ...`` over a row of numbers)
or equations ``p_1 = 0``.
"""
from __future__ import annotations

import functools
import re
from fractions import Fraction

from sympy import Rational, Symbol

from ...parsing import parse_ascii_expr
from ..results import Deduction
from ..rubric import Item
from .common import Draft, feedback_for, find, result

_CELL = re.compile(r"^\$?\s*([A-Za-z\\]+)_\{?(\d+)\}?\s*\$?$")
_NUMBER = re.compile(r"^[-+−]?\d+(?:\.\d+)?(?:/\d+)?$")
# ``p_3 = -4`` where the number is the whole value (``p_3 = -4 \cdot 2`` is not read as -4)
_EQUATION = re.compile(r"([A-Za-z\\]+)_\{?(\d+)\}?\s*=\s*([-+−]?\d+(?:\.\d+)?(?:/\d+)?)(?=\s*(?:\$|,|;|\\\\|$))",
                       re.MULTILINE)


@functools.lru_cache(maxsize=64)
def iterates(state: tuple[str, ...], update: tuple[str, ...], parameters: tuple, start: tuple, steps: int):
    """``{(name, k): value}`` for k = 0..steps, by exact rational arithmetic (simultaneous update)."""
    maps = [parse_ascii_expr(text) for text in update]
    fixed = {Symbol(k): Rational(str(v)) for k, v in parameters}
    current = [Rational(str(v)) for v in start]
    table = {(n, 0): current[i] for i, n in enumerate(state)}
    for k in range(1, steps + 1):
        values = {**fixed, **{Symbol(n): current[i] for i, n in enumerate(state)}}
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
                readings.setdefault(key, []).append(Fraction(c.replace("−", "-")))
            header = None
    for name, index, value in _EQUATION.findall(excerpt):
        readings.setdefault((name.lstrip("\\"), int(index)), []).append(Fraction(value.replace("−", "-")))
    given = {key: values[-1] for key, values in readings.items()}
    return given, {key for key, values in readings.items() if len(set(values)) > 1}


def prepare(item: Item, text: str) -> Draft:
    found = find(item, text)
    if isinstance(found, Draft):
        return found
    rule = item.rule
    expected = iterates(tuple(rule["state"]), tuple(rule["update"]), tuple(sorted(rule.get("parameters", {}).items())),
                        tuple(rule["start"]), int(rule["steps"]))
    given, conflicting = read_values(found.excerpt)
    if conflicting:
        name, k = sorted(conflicting, key=lambda key: (key[1], key[0]))[0]
        return Draft(item, found, done=result(
            item, 0, "review", found, mistake="conflicting values",
            deductions=(Deduction(item.points, f"{name}_{k} is given two different values"),),
            feedback=(f"You give {name}_{k} two different values; a person will decide which you meant.",)))
    return Draft(item, found, done=_score(item, found, expected, given))


def _score(item: Item, found, expected: dict, given: dict):
    wrong = [key for key in sorted(expected, key=lambda k: (k[1], k[0]))
             if key not in given or abs(Fraction(str(expected[key])) - given[key]) > item.tolerance]
    if not given:
        return result(item, 0, "not found", found, deductions=(Deduction(item.points, "no values could be read"),),
                      feedback=("No table of values was found; write them as a table or as p_1 = ... .",))
    credit = 1 - len(wrong) / len(expected)
    if not wrong:
        return result(item, item.points, "graded", found)
    name, k = wrong[0]
    shown = "missing" if (name, k) not in given else str(given[(name, k)])
    reason = f"{len(wrong)} of {len(expected)} values wrong or missing; first: {name}_{k} is {shown}, expected {expected[(name, k)]}"
    hint = feedback_for(item, "wrong value", "Recompute it from the previous values with the update rule.")
    return result(item, item.points * credit, "graded", found, mistake="wrong value",
                  deductions=(Deduction(item.points * (1 - credit), reason),),
                  feedback=(f"{name}_{k} should be {expected[(name, k)]} (you have {shown}). {hint}",))


def finish(draft: Draft, outcomes: dict):
    return draft.done
