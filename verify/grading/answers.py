r"""The answer as the student wrote it: an expression, the right side of an equation, a set.

``\frac{\partial L}{\partial z_i} = p_i - y_i`` answers with ``p_i - y_i``;
``\lambda = 1 \pm i\eta`` with the set ``{1 + i eta, 1 - i eta}`` (the reader reads
``\pm`` as that set); ``\lambda \in \{a, b\}`` and ``\lambda = a, b`` with ``{a, b}``;
``\log p(x) \geq L`` is a relation when the item expects one. Where a line holds several
formulas, the one whose *shape* fits the item's expected answer is taken (same kind of
object, most names in common), not the first or the last by position.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from sympy import Expr, FiniteSet, Function, I, Mul, Symbol
from sympy.core.function import AppliedUndef

from ..errors import ParseError, VerifyError
from ..parsing import parse
from ..parsing.transform import PM_BRANCH, both_values
from ..vocabulary import BigO, BigOmega, Theta
from .reader import rename, symbols
from .rubric import ContextSpec

MIRROR = {"<=": ">=", ">=": "<=", "<": ">", ">": "<", "=": "="}
_SET = re.compile(r"^\s*(?:\\left)?\\\{(.*)(?:\\right)?\\\}\s*$", re.S)
_SPLITTERS = ("=", r"\in", r"\approx")


@dataclass(frozen=True)
class Answer:
    """One reading of a formula: a value, or a relation ``lhs rel value``; ``source`` as written."""

    value: Expr
    source: str
    relation: str | None = None
    lhs: Expr | None = None
    elements: tuple = ()  # a list of values as written, repeats kept (a multiset); () otherwise


def _top_level_split(text: str, separators: tuple[str, ...]) -> list[str]:
    """``text`` cut at each separator outside braces, brackets and parentheses."""
    parts, depth, start, i = [], 0, 0, 0
    while i < len(text):
        char = text[i]
        if char in "{([":
            depth += 1
        elif char in "})]":
            depth -= 1
        elif depth == 0:
            for sep in separators:
                if text.startswith(sep, i) and not (sep == "=" and text[i - 1:i] in "<>!\\"):
                    parts.append(text[start:i])
                    start = i + len(sep)
                    i = start - 1
                    break
        i += 1
    parts.append(text[start:])
    return parts


def _parse_value(text: str, spec: ContextSpec) -> tuple[Expr, tuple]:
    """One value: an expression, a ``\\{a, b\\}`` set or an ``a, b`` list (as a set, and its values in order)."""
    match = _SET.match(text)
    if match:
        text = match.group(1)
    pieces = _top_level_split(text, (",",)) if "," in text else [text]
    pieces = [p for p in pieces if p.strip()]
    if len(pieces) > 1 or match:
        values = [_expr(p, spec) for p in pieces]
        elements = tuple(e for v in values for e in (v.args if isinstance(v, FiniteSet) else (v,)))
        return FiniteSet(*elements), elements
    return _expr(text, spec), ()


def _named(expr: Expr, spec: ContextSpec) -> Expr:
    """The item's symbols by name, its ``imaginary`` names as the imaginary unit, and a declared
    quantity "applied" to a bracket (``n(k + d)``, read as a function call) as a product."""
    expr = rename(expr, symbols(spec))
    named = symbols(spec)
    calls = {f: Mul(named[str(f.func)], *f.args) for f in expr.atoms(AppliedUndef) if str(f.func) in named}
    if calls:
        expr = expr.xreplace(calls)
    units = {s: I for s in expr.atoms(Symbol) if s.name in spec.imaginary}
    return expr.xreplace(units) if units else expr


_PM = re.compile(r"\\(pm|mp)(?![A-Za-z])")


def _signs(text: str) -> list[str] | None:
    """``a \\pm b`` as ``a + b`` and ``a - b`` (every ``\\pm`` the same sign, ``\\mp`` the other), for
    formulas the reader cannot build with a set inside (``\\frac{2 \\pm \\sqrt{D}}{2}``)."""
    if not _PM.search(text):
        return None
    return [_PM.sub(lambda m: plus if m.group(1) == "pm" else minus, text) for plus, minus in (("+", "-"), ("-", "+"))]


def _expr(text: str, spec: ContextSpec) -> Expr:
    statement = parse(text, "latex")
    if statement.relations or len(statement.exprs) != 1:
        raise ParseError("expected one expression")
    return _named(statement.exprs[0], spec)


def _one_sided_sets(exprs: tuple) -> tuple:
    """An answer's \\pm on one side only (``\\lambda = 1 \\pm i\\eta``) is the set of its two values: an
    answer states values, and nothing beside it says which sign is the upper one. A \\pm on both sides
    stays paired, as the reader gives it."""
    signed = [n for n, e in enumerate(exprs) if getattr(e, "has", None) and e.has(PM_BRANCH)]
    if len(signed) != 1:
        return exprs
    at = signed[0]
    return exprs[:at] + (both_values(exprs[at]),) + exprs[at + 1:]


def readings(text: str, spec: ContextSpec) -> list[Answer]:
    """Every way ``text`` can be an answer: as a whole, its right side, a relation; first the whole."""
    out: list[Answer] = []
    try:
        statement = parse(text, "latex")
        exprs = _one_sided_sets(tuple(_named(e, spec) for e in statement.exprs))
        if not statement.relations and len(exprs) == 1:
            out.append(Answer(exprs[0], text))
        elif len(exprs) >= 2:
            out.append(Answer(exprs[-1], text))
            if len(statement.relations) == 1:
                out.append(Answer(exprs[-1], text, statement.relations[0], exprs[0]))
    except VerifyError:
        pass
    variants = _signs(text) if not out else None
    if variants is not None:
        both = [readings(variant, spec) for variant in variants]
        if all(both) and len(both[0]) == len(both[1]):
            for plus, minus in zip(*both):
                if plus.relation is None:
                    out.append(Answer(FiniteSet(plus.value, minus.value), text, elements=(plus.value, minus.value)))
    if not out:  # names the parser refuses on the left (``\lambda_{1,2} =``), sets, lists
        sides = _top_level_split(text, _SPLITTERS)
        for side in reversed(sides[1:] if len(sides) > 1 else sides):
            try:
                value, elements = _parse_value(side, spec)
                out.append(Answer(value, text, elements=elements))
                break
            except VerifyError:
                continue
    return out


def _names(expr: Expr) -> set[str]:
    names = {s.name for s in expr.atoms(Symbol)}
    names |= {type(f).__name__ for f in expr.atoms(Function) if not isinstance(f, AppliedUndef)}
    names |= {str(f.func) for f in expr.atoms(AppliedUndef)}
    return names


def fit(answer: Answer, expected: Expr | None, relation: str | None = None) -> float:
    """How well ``answer`` has the shape of ``expected``: kind of object first, then names."""
    value = answer.value
    if relation is not None:
        if answer.relation not in (relation, MIRROR[relation]):
            return -1.0
    elif answer.relation is not None:
        return -1.0
    if expected is None:
        return 0.0
    score = 0.0
    asymptotic = (BigO, Theta, BigOmega)
    if isinstance(expected, asymptotic) or isinstance(value, asymptotic):
        score += 2.0 if isinstance(value, asymptotic) else -1.0
    if isinstance(expected, FiniteSet):
        score += 2.0 if isinstance(value, FiniteSet) else 0.0
        if isinstance(value, FiniteSet) and len(value) == len(expected):
            score += 1.0
    wanted, have = _names(expected), _names(value)
    if wanted or have:
        score += len(wanted & have) / len(wanted | have)
    elif value.is_number and expected.is_number:
        score += 1.0
    return score


def choose(maths: tuple[str, ...], spec: ContextSpec, expected: Expr | None, index: int | None = None,
           relation: str | None = None) -> Answer:
    """The answer among ``maths``: the rubric's ``math`` index when it gives one, else the best fit.

    Raises the first segment's ParseError when no segment reads as an answer.
    """
    if index is not None:
        found = readings(maths[index], spec)
        if not found:
            _expr(maths[index], spec)  # raises the reader's own message
        return max(found, key=lambda a: fit(a, expected, relation))
    best, best_score = None, None
    for text in maths:
        for answer in readings(text, spec):
            score = fit(answer, expected, relation)
            if best_score is None or score > best_score:
                best, best_score = answer, score
    if best is None:
        _expr(maths[0], spec)  # raises the reader's own message
        raise ParseError("no formula of the answer could be read")
    return best


def rivals(maths: tuple[str, ...], spec: ContextSpec, expected: Expr | None, chosen: Answer,
           relation: str | None = None) -> list[Answer]:
    """Other formulas that fit the item exactly as well as the chosen one but say something else:
    a hedged answer (``p_i - y_i``, or is it ``y_i - p_i``?) that a person must settle."""
    best = fit(chosen, expected, relation)
    out = []
    for text in maths:
        for answer in readings(text, spec):
            if answer.value != chosen.value and abs(fit(answer, expected, relation) - best) < 1e-9:
                out.append(answer)
    return out
