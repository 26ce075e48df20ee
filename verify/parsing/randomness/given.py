"""Premises that give values: a name defined as a random expression, a stated moment.

Only formulas the prose introduces as premises count (``Assume ... $s = q \\cdot k$``); a
value claimed after "then" is checked, never assumed.
"""
from __future__ import annotations

import re
from dataclasses import replace

from sympy import Symbol
from sympy.core.function import AppliedUndef

from ...model import Fact
from ..expressions import parse
from ...errors import LimitExceeded, ParseError
from ..roles import Role, introduced, prose_only
from .declarations import in_document, mentions, mentions_random
from .rewriting import OPERATORS

_JOINED = re.compile(r"\s*\$?\s*(?:,|and|,\s*and|as well as)\s*\$?\s*", re.I)


def premise_formulas(document, text: str) -> list:
    """The inline formulas the prose introduces as premises (``Assume ... $s = q \\cdot k$``), and those
    joined to a premise by "and" or a comma (``Assume $E[u_i] = 0$ and $Var(u_i) = 1$``)."""
    prose = prose_only(text)
    starts = [0] + [at + 1 for at, char in enumerate(text) if char == "\n"]
    found, previous = [], None  # (end offset, premise?) of the inline formula before
    for formula in document.formulas:
        if formula.display or formula.line > len(starts):
            previous = None
            continue
        offset = starts[formula.line - 1] + formula.column - 1
        joined = previous is not None and previous[1] and _JOINED.fullmatch(text[previous[0]:offset]) is not None
        premise = joined or introduced(prose, offset).role is Role.PREMISE
        if premise and formula.statement is None:
            formula = readable_sides(formula)
        if premise and formula.statement is not None:
            found.append(formula)
        previous = (offset + len(formula.text), premise)
    return found


def top_level_sides(text: str) -> list[str]:
    """``A = B = C`` split at the ``=`` signs outside braces and brackets (``\\sum_{i=1}`` is one side)."""
    sides, depth, start = [], 0, 0
    for at, char in enumerate(text):
        if char in "{([":
            depth += 1
        elif char in "})]":
            depth -= 1
        elif char == "=" and depth == 0 and text[at - 1:at] not in (":", "<", ">", "!", "\\"):
            sides.append(text[start:at])
            start = at + 1
    return sides + [text[start:]]


def readable_sides(formula):
    """A premise ``A = B = C`` whose middle side the grammar cannot read still says ``A = C``: the
    formula with the unreadable sides dropped (the first must read, and one more); otherwise as it was."""
    sides = top_level_sides(formula.text)
    if len(sides) < 3:
        return formula
    readable = []
    for side in sides:
        try:
            parse(side, "latex")
            readable.append(side)
        except (ParseError, LimitExceeded):
            if not readable:
                return formula
    if len(readable) < 2 or len(readable) == len(sides):
        return formula
    try:
        return replace(formula, statement=parse(" = ".join(readable), "latex"))
    except (ParseError, LimitExceeded):
        return formula


def stated_facts(formulas, facts, names: dict, rewrite, keys: set[str], components: dict) -> tuple[Fact, ...]:
    """Premises the moments theory substitutes: a name given a random value (``s = q \\cdot k = ...``:
    s is its first right side) and a stated moment (``\\mathrm{Var}(q \\cdot k) = d \\sigma^4``, whose right
    side is not random, of declared variables: ``Var(XY) = ...`` for placeholders X, Y is a rule, not a
    premise), each unless a fact already gives its left side."""
    given = {f.lhs for f in facts}
    found: list[Fact] = []
    for formula in formulas:
        statement = formula.statement
        if statement.lead or not statement.relations or set(statement.relations) != {"="}:
            continue
        left, right = statement.exprs[0], statement.exprs[1]
        if isinstance(left, Symbol) and mentions_random(right, keys, components):
            name = names.get(left.name, left)
            if name not in given and left.name not in keys and not mentions(right, left.name):
                found.append(Fact(f"definition of {name}", name, rewrite(in_document(right, names))))
                given.add(name)
        elif (isinstance(left, AppliedUndef) and left.func.__name__ in OPERATORS and len(statement.exprs) == 2
              and mentions_random(left, keys, components) and not mentions_random(right, keys, components)):
            moment = rewrite(in_document(left, names))
            if moment not in given:
                found.append(Fact(f"stated moment {moment}", moment, rewrite(in_document(right, names))))
                given.add(moment)
    return tuple(found)


def defined_from_random(document, keys: set[str], components: dict) -> set[str]:
    """Names given a value in terms of random variables (``s = q \\cdot k = ...``), by a definition
    or by any formula of ``=`` that starts with the bare name."""
    pairs = list(document.definitions)
    for formula in document.formulas:
        statement = formula.statement
        if statement is not None and not statement.lead and statement.relations \
                and set(statement.relations) == {"="} and isinstance(statement.exprs[0], Symbol):
            pairs.extend((statement.exprs[0], rhs) for rhs in statement.exprs[1:])
    return {lhs.name for lhs, rhs in pairs if isinstance(lhs, Symbol) and lhs.name not in keys
            and mentions_random(rhs, keys, components)}
