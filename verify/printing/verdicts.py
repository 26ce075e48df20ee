"""How a verdict was reached, as a sentence: read from its status, tier, rules and samples.

The verdict's ``reason`` is the engine's own text and may hold SymPy code
(``eta**2``); documents show this sentence instead, composed from the typed fields,
with the formulas the caller holds as objects (the two sides of the step).
"""
from __future__ import annotations

import json
import re

from sympy import Add, Basic, Float, I, ImmutableMatrix, Integer, Mul, Ne, S, preorder_traversal

from ..model import Relation
from ..verdict import Counterexample, Status, Tier, Verdict
from ..vocabulary.probability import Density
from .prose import Math, Prose, joined

_UNSIGNED = r"(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?"
_NUMBER = rf"[-+]?{_UNSIGNED}"
_COMPLEX = re.compile(rf"({_NUMBER})(?:([-+](?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?)i)?|({_NUMBER})i")
_MATRIX = re.compile(r"\[[-+0-9.e, \[\]]*\]")
# a normal law as the numeric tier describes a sampled density: N(mean, variance), the mean a number
# or ``w z +b`` (affine in one variable)
_LAW = re.compile(rf"N\((?:(?P<mean>{_NUMBER})|(?P<w>{_NUMBER}) (?P<var>[A-Za-z]\w*) (?P<b>[-+]{_UNSIGNED})), "
                  rf"(?P<variance>{_NUMBER})\)")
_DENSITIES = re.compile(r"[a-z]\([^()]*\)(?: [a-z]\([^()]*\))*")  # p(x|z) p(z): what a product of laws is of


def _rules(verdict: Verdict) -> Prose:
    names = [rule.name for rule in verdict.used]
    return (f" (using {', '.join(names)})",) if names else ()


def _number(text: str):
    """A number we formatted ourselves (``0.5``, ``1.2-3i``, ``-4e-05``) as a SymPy number, or None."""
    found = _COMPLEX.fullmatch(text.strip())
    if found is None:
        return None
    if found.group(3) is not None:
        return _float(found.group(3)) * I
    real = _float(found.group(1))
    return real + _float(found.group(2)) * I if found.group(2) else real


def _float(text: str):
    value = float(text)
    return Integer(int(value)) if value.is_integer() and abs(value) < 1e15 else Float(value, 6)


def _law(text: str, sides: tuple):
    """``N(0.77 z -0.92, 0.6561)`` (the numeric tier's description of a sampled density) as a
    :class:`Normal`, its variable the one of that name in ``sides``; a joint density described as a
    product (``p(x|z) p(z) = N(...) N(0, 1)``) as the product of its laws; None for any other text."""
    from ..vocabulary.probability import Normal

    named, _, product = text.strip().rpartition(" = ")
    if named and not _DENSITIES.fullmatch(named):
        return None
    laws = []
    for piece in re.split(r"(?<=\)) (?=N\()", product):
        found = _LAW.fullmatch(piece)
        if found is None:
            return None
        if found.group("mean") is not None:
            mean = _float(found.group("mean"))
        else:
            variable = _named(found.group("var"), sides)
            if not isinstance(variable, Math):
                return None
            mean = Add(Mul(_float(found.group("w")), variable.value), _float(found.group("b")), evaluate=False)
        laws.append(Normal(mean, _float(found.group("variance"))))
    return laws[0] if len(laws) == 1 else Mul(*laws, evaluate=False)


def _value(text: str, sides: tuple = ()):
    """A counterexample value: a number, a matrix of numbers or a normal law as a SymPy object, else the
    text itself."""
    number = _number(text)
    if number is not None:
        return Math(number)
    law = _law(text, sides)
    if law is not None:
        return Math(law)
    if _MATRIX.fullmatch(text.strip()):
        try:
            rows = json.loads(re.sub(r"(\d)\.(?!\d)", r"\1", text))
        except ValueError:
            return text
        if isinstance(rows, list) and rows and all(isinstance(r, list) for r in rows):
            try:
                return Math(ImmutableMatrix([[_float(str(v)) for v in row] for row in rows]))
            except (TypeError, ValueError):
                return text
    return text


def _named(name: str, sides: tuple) -> object:
    """The symbol, function or density in ``sides`` that the engine described by ``name``."""
    for side in sides:
        if not isinstance(side, Basic):
            continue
        for node in preorder_traversal(side):
            if (node.is_Symbol or node.is_Function or getattr(node, "is_Atom", False) or isinstance(node, Density)) \
                    and str(node) == name:
                return Math(node)
    return name


SHORT_SIDE = 40  # characters of plain maths: a longer side is named in words, not printed again


def _side(words: str, side, as_written: bool = False) -> Prose:
    if side is None:
        return (words,)
    from .plain import plain_math

    if len(plain_math(side, unicode=False, as_written=as_written)) <= SHORT_SIDE:
        return (words, ", ", Math(side, as_written), ",")
    return (words,)


def counterexample_prose(example: Counterexample, lhs=None, rhs=None,
                         left: str = "the left side", right: str = "the right side", as_written: bool = False) -> Prose:
    """``at p = 0.5: the left side, p², is 0.25, the right side, p, is 0.5``: which side is which
    (a side too long to repeat is named by ``left``/``right`` alone, e.g. "the line before";
    ``as_written``: the sides are forms as written, printed in their author's order)."""
    sides = tuple(s for s in (lhs, rhs) if s is not None)
    out: list = ["at "]
    for n, (name, value) in enumerate(example.assignment):
        if n:
            out.append(", ")
        out += [_named(name, sides), " = ", _value(value, sides)]
    if not example.assignment:
        out = ["at a concrete instance"]
    out += [": ", *_side(left, lhs, as_written), " is ", _value(example.lhs), ", ", *_side(right, rhs, as_written), " is ",
            _value(example.rhs)]
    return tuple(out)


def nonzero_prose(factors) -> Prose:
    """``holds where q ≠ 0``: the condition of a step that cancels the factors (each nonzero)."""
    return ("holds where ", *joined([(Math(Ne(f, S.Zero, evaluate=False)),) for f in factors]))


def verdict_argument(verdict: Verdict, relation: Relation = Relation.EQ) -> Prose:
    """Why the verdict is what it is, in words (the residual and counterexample are the caller's to add)."""
    status, tier = verdict.status, verdict.tier
    if tier is Tier.IDENTICAL:
        return ("both sides are the same expression: true, but a restatement rather than a step",)
    if tier is Tier.STRUCTURAL:
        if relation is Relation.APPROX:
            return ("an approximation is reported, never proved",)
        if status is Status.REFUTED:
            return ("the two sides are matrices of different sizes, which are never equal",)
        return ("a side is undefined (a division by zero or an indeterminate form)",)
    if tier is Tier.CANONICAL:
        if status is Status.PROVED:
            what = "the canonical forms of the two sides agree" if relation is Relation.EQ \
                else "the difference of the two sides has the required sign"
            return (what, *_rules(verdict))
        return ("left minus right is a constant of the wrong sign at every instance",)
    if tier is Tier.RULE:
        if status is Status.UNKNOWN:
            return ("the cited rule's own check could not decide it",)
        return ("decided by the cited rule's own check", *_rules(verdict))
    if tier is Tier.STEP_HANDLER:
        if status is Status.UNKNOWN:
            return ("the theory's test for steps of this form could not decide it",)
        return ("decided by the theory's test for steps of this form", *_rules(verdict))
    if tier is Tier.NUMERIC:
        if status is Status.CONSISTENT:
            return (f"not proved symbolically; both sides agree on {verdict.samples} random instances",)
        if status is Status.REFUTED:
            return ("the two sides differ at a concrete instance",)
        return ("neither proved symbolically nor settled by numeric instances",)
    if tier is Tier.ROUNDING:
        return {Status.CONSISTENT: ("the two numbers agree to the precision written",),
                Status.REFUTED: ("the two numbers are further apart than any rounding of the digits written",)
                }.get(status, ("the two numbers are too far apart for rounding, too near to call the step wrong",))
    if tier is Tier.TWIN:
        return (f"the numpy implementation agrees on {verdict.samples} samples",) if status.holds \
            else ("the numpy implementation disagrees",)
    if tier is Tier.BUDGET:
        return ("the time budget ran out before the check finished",)
    if tier is Tier.FAILURE:
        return ("the check itself failed (an error in the checker, not in the step)",)
    return ({Status.PROVED: "proved symbolically", Status.CONSISTENT: "numerically consistent",
             Status.REFUTED: "refuted", Status.UNKNOWN: "not decided"}[status],)
