"""The checker: a sequence of small deciders, cheapest first, each may pass.

``DECIDERS`` is the tier order, one line per decider: each takes a ``StepQuestion``
and returns a verdict, or None to pass the step on (SymPy's ``ask`` is the model:
known facts, then handlers, then the expensive search). The first verdict wins and
is stamped with its decider's tier, so grading and export read the tier, never the
reason text. Only the symbolic tiers can say ``proved``; the numeric tier, last,
always decides (consistent, refuted or unknown).
"""
from __future__ import annotations

import functools
import importlib
from dataclasses import dataclass, replace
from typing import Callable, Iterable, Iterator

import sympy
from sympy import Derivative, Expr, Identity, MatrixSymbol, Pow, Symbol, Tuple, ZeroMatrix, factor, latex, nan, zoo
from sympy.core.function import AppliedUndef
from sympy.core.sympify import _sympify
from sympy.matrices import MatrixBase
from sympy.matrices.expressions.matexpr import MatrixExpr

from ..config import CheckConfig
from ..model import Claim, Context, Derivation, Reading, Relation, Step, TwinCheck
from ..rules import Rule, find_rule
from ..theories.closed import closed_str
from ..theories import CLAIM_HANDLERS, STEP_HANDLERS
from ..theories.dynamics.expansion import local_expansion
from ..theories.linalg.ranges import is_unstated_size
from ..theories.dynamics.region import region_of
from ..theories.dynamics.rules import BOTH_SIGNS
from ..theories.dynamics.sign import decide_relation
from ..theories.probability.families import one_model_readings
from ..vocabulary import KL, Density, Expectation
from ..vocabulary.linalg import Spectrum
from ..vocabulary.random import Cov, Expect, Var
from ..undecided import Undecided
from ..verdict import CheckResult, DerivationReport, Status, Tier, Verdict, proved, unknown
from .as_read import alike, cancelled
from .branches import Case, Matchings, Refused, Split, split
from .budget import Ending, Outcome, run_lanes
from .approximations import compare_numbers, rounded_numbers
from .canonical import canonical_form
from .functions import moving_families, undefined_entry_derivatives
from .numeric import averaged_as_constants, numeric_check
from .stated import STATED_PREMISE, free_of_densities, premises_text, rewritten, stated_results, without_premises

IDENTICAL = "both sides are identical"


@dataclass(frozen=True)
class StepQuestion:
    """Does ``lhs relation rhs`` hold under ``context``? (``justification``: the rule the step cites.)"""

    lhs: Expr
    relation: Relation
    rhs: Expr
    context: Context
    config: CheckConfig = CheckConfig()
    justification: str | None = None
    written: tuple = (None, None)  # both sides as written (unevaluated), None where not known
    readings: bool = True  # may a refutation be stopped by another reading of an open name (not when checking one)
    decimals: tuple = ((), ())  # each side's numbers written in decimals, (value, unit of the last place): rounded
    moving: frozenset = frozenset()  # families the document differentiates bare and defines nowhere (functions)

    @functools.cached_property
    def canonical(self) -> tuple[Expr, tuple[Rule, ...]]:
        """``lhs - rhs`` in canonical form and the rules that fired: computed once, read by the
        canonical tier (to decide) and the numeric tier (to show the residual)."""
        if _is_matrix(self.lhs) != _is_matrix(self.rhs):
            raise Undecided("one side is a matrix and the other a scalar: the step does not say whether the "
                            "scalar means a multiple of the identity (or a 1 x 1 matrix), so the sides are not compared")
        opaque = undefined_entry_derivatives(Tuple(self.lhs, self.rhs), self.context, self.moving)
        if opaque:
            raise Undecided(f"the step differentiates entries of a family no premise or definition gives "
                            f"({', '.join(opaque)}): carried out as constants they would be 0, but the document "
                            "takes them to depend on the variable; state their definition or their derivative")
        averaged = averaged_as_constants(self.lhs, self.rhs, self.context)
        if averaged:
            raise Undecided(f"the step takes moments of {', '.join(averaged)}, which a random variable is defined by "
                            "but no premise declares random: read as constants (E[c] = c, Var(c) = 0) they would "
                            "decide the step on what the document does not say (state their law or their moments)")
        return canonical_form(self.lhs - self.rhs, self.context)

    @functools.cached_property
    def undecided_form(self) -> str | None:
        """Why no canonical form could be built (a theory met a construct it leaves undecided), or None."""
        try:
            self.canonical
        except Undecided as why:
            return str(why)
        return None


Decider = Callable[[StepQuestion], Verdict | None]


def undefined_sides(step: StepQuestion) -> Verdict | None:
    """A side that is undefined (1/0, oo - oo) cannot be compared."""
    if step.lhs.has(nan, zoo) or step.rhs.has(nan, zoo):
        return unknown("a side is undefined (division by zero or an indeterminate form such as oo - oo)")
    return None


def both_signs(step: StepQuestion) -> Verdict | None:
    """A step with ``\\pm`` is one step per sign (or per value of a set), each decided by every tier;
    it holds when all do (``verify.engine.branches``). The verdict keeps the tier of the branch
    that settled it, so a branch decided by numbers is never reported as a symbolic proof."""
    if any(isinstance(side, Spectrum) for side in (step.lhs, step.rhs)):
        return None  # eigenvalues = 1 \pm i eta: a multiset, the spectrum handler's
    found = split(step.lhs, step.rhs, step.context)
    if found is None:
        return None
    if isinstance(found, Refused):
        return replace(unknown(found.reason), tier=Tier.NUMERIC)
    verdict = _all_cases(found, step) if isinstance(found, Split) else _matched(found, step)
    if verdict.status is Status.REFUTED and step.readings:
        cases = found.cases if isinstance(found, Split) else found.options[0]
        found = _branches_hold_in_another_reading(step, cases)
        if found is not None:
            return replace(_open_reading(verdict.reason, *found, verdict.residual), tier=verdict.tier)
    return verdict


def _branches_hold_in_another_reading(step: StepQuestion, cases: tuple[Case, ...]) -> tuple[Reading, bool] | None:
    """As ``holds_in_another_reading``, with the names the branches brought in from facts
    (``\\lambda_\\pm = \\tfrac12(1 \\pm s) - i\\eta``): read in the facts too, before they are split."""
    every = Tuple(*(side for case in cases for side in (case.lhs, case.rhs)))

    def read(reading: Reading) -> StepQuestion:
        mapping = dict(reading.substitution)
        facts = tuple(replace(f, rhs=f.rhs.xreplace(mapping)) if isinstance(f.rhs, sympy.Basic) else f
                      for f in step.context.facts)
        return replace(step, lhs=step.lhs.xreplace(mapping), rhs=step.rhs.xreplace(mapping), written=(None, None),
                       context=replace(step.context, facts=facts), readings=False)

    return _first_unrefuted(other_readings(every, Tuple(), step.context.readings), read)


def _first_unrefuted(readings, read) -> tuple[Reading, bool] | None:
    """The first reading in which the step holds, (reading, True); else the first in which it is not
    refuted, (reading, False); None when every other reading refutes it too."""
    open_ = None
    for reading in readings:
        status = _status_some_way(read(reading))
        if status.holds:
            return reading, True
        if status is not Status.REFUTED and open_ is None:
            open_ = (reading, False)
    return open_


def _status_some_way(step: StepQuestion) -> Status:
    """The step's status with its values matched the best way (a reading only stops a refutation):
    holds if some matching holds in every case, refuted if every matching is refuted in some case."""
    found = split(step.lhs, step.rhs, step.context)
    if not isinstance(found, Matchings):
        return decide(step).status
    options = [[_case_verdict(c, step).status for c in option] for option in found.options]
    if any(all(s.holds for s in option) for option in options):
        return Status.PROVED
    if all(Status.REFUTED in option for option in options):
        return Status.REFUTED
    return Status.UNKNOWN


def _open_reading(reason: str, reading: Reading, holds: bool, residual) -> Verdict:
    """A refutation that rests on the context's reading of an open name, while the standard other
    reading does not refute the step: unknown, naming that reading."""
    if holds:
        tail = f"but the step holds if {reading.says}"
    else:
        tail = f"but the step is not refuted if {reading.says} (nor decided in that reading)"
    return unknown(f"{reason} when every name is read as the context reads it, {tail}; the document does not "
                   "say which it means", residual=residual)


def _case_verdict(case: Case, step: StepQuestion) -> Verdict:
    return decide(replace(step, lhs=case.lhs, rhs=case.rhs, context=case.context, written=(None, None)))


def _all_cases(found: Split, step: StepQuestion) -> Verdict:
    verdicts = [(case, _case_verdict(case, step)) for case in found.cases]
    for case, verdict in verdicts:
        if verdict.status is Status.REFUTED:
            return replace(verdict, reason=f"{case.says}: {verdict.reason}", used=())
    for case, verdict in verdicts:
        if verdict.status is Status.UNKNOWN:
            return replace(verdict, reason=f"{case.says}: {verdict.reason}", used=())
    reasons = "; ".join(f"{case.says}: {verdict.reason}" for case, verdict in verdicts)
    used = tuple(dict.fromkeys(r for _, v in verdicts for r in v.used)) + (BOTH_SIGNS,)
    weakest = next((v for _, v in verdicts if v.status is not Status.PROVED), None)
    if weakest is not None:  # a branch only consistent: so is the step
        return replace(weakest, reason=reasons, used=())
    symbolic = next((v for _, v in verdicts if v.tier is not Tier.IDENTICAL), None)
    if symbolic is None:  # each branch the same on both sides: a restatement only if written the same
        tier = Tier.IDENTICAL if alike(step.written) else Tier.CANONICAL
        return replace(verdicts[-1][1], reason=reasons, used=used, tier=tier)
    return replace(symbolic, reason=reasons, used=used)


def _matched(found: Matchings, step: StepQuestion) -> Verdict:
    """Refuted when each way of matching the values fails; never proved (the sign is unknown)."""
    failures = []
    for option in found.options:
        verdicts = [(case, _case_verdict(case, step)) for case in option]
        if all(v.status is Status.PROVED for _, v in verdicts):
            return replace(unknown(
                f"the two sides take the same values ({'; '.join(c.says for c, _ in verdicts)}), but a side with "
                "\\pm on its own was read as the set of its values, so which value is the upper sign is not known: "
                "the step holds as written only if the signs pair this way"), tier=Tier.NUMERIC)
        failed = next(((c, v) for c, v in verdicts if v.status is Status.REFUTED), None)
        if failed is None:
            return replace(unknown("the values written with \\pm are not matched between the sides and not "
                                   "decided either way"), tier=Tier.NUMERIC)
        failures.append(failed)
    case, verdict = failures[0]
    other = failures[1][0]
    return replace(verdict, reason=f"the values do not match either way: {case.says}, {verdict.reason}; and "
                                   f"{other.says}, it fails too", used=())


def shape_mismatch(step: StepQuestion) -> Verdict | None:
    """Two matrices of different, known sizes are never equal (nor comparable)."""
    lhs, rhs = step.lhs, step.rhs
    if not all(isinstance(side, (MatrixBase, MatrixExpr)) for side in (lhs, rhs)):
        return None
    left, right = lhs.shape, rhs.shape
    if any(not getattr(n, "is_Integer", isinstance(n, int)) for n in (*left, *right)):
        return None
    if tuple(map(int, left)) == tuple(map(int, right)):
        return None
    show = lambda shape: " x ".join(str(int(n)) for n in shape)  # noqa: E731
    return Verdict(Status.REFUTED, f"the left side is {show(left)}, the right side {show(right)}: "
                                   "matrices of different sizes are never equal")


def _is_matrix(side: Expr) -> bool:
    return isinstance(side, (MatrixBase, MatrixExpr))


def _zero_as_matrix(lhs: Expr, relation: Relation, rhs: Expr) -> tuple[Expr, Expr]:
    """``A B - B A = 0``: a 0 equated with a matrix is the zero matrix of its shape (the standard
    reading). A 1 x 1 product (``x^T A x = 0``) stays a scalar for the theories, as does an order."""
    if relation is not Relation.EQ:
        return lhs, rhs
    if _is_matrix(lhs) and not _is_matrix(rhs) and rhs == 0 and tuple(lhs.shape) != (1, 1):
        return lhs, ZeroMatrix(*lhs.shape)
    if _is_matrix(rhs) and not _is_matrix(lhs) and lhs == 0 and tuple(rhs.shape) != (1, 1):
        return ZeroMatrix(*rhs.shape), rhs
    return lhs, rhs


def approximation(step: StepQuestion) -> Verdict | None:
    """``a ~= b``: proved where the sides are equal (an equality is the closest approximation); between
    two numbers compared to the precision written (``approximations``); otherwise reported with what the
    numbers say, never proved, never refuted (``n^2 + n \\approx n^2`` may mean for large n)."""
    if step.relation is not Relation.APPROX:
        return None
    equal = decide(replace(step, relation=Relation.EQ), _SYMBOLIC)
    if equal.status is Status.PROVED:
        return replace(proved(f"the two sides are equal, so approximately equal: {equal.reason}", equal.used),
                       tier=equal.tier)
    try:
        left, right = (_explicit(side, step.context) for side in (step.lhs, step.rhs))
    except Exception:  # noqa: BLE001 -- Undecided, or a form that cannot be built: no numbers to compare
        left = right = None
    numbers = compare_numbers(left, right) if left is not None else None
    if numbers is not None:
        return replace(numbers, tier=Tier.ROUNDING)
    numeric = numeric_check(step.lhs, Relation.EQ, step.rhs, step.context, step.config)
    return replace(unknown(f"an approximation is reported, never proved (numerically: {numeric.reason})"),
                   tier=Tier.STRUCTURAL)


def _explicit(side: Expr, context) -> Expr:
    """The canonical form of one side of an approximation; a matrix of a small concrete shape entry by
    entry (``\\text{softmax}([1, 2, 3])``), since the canonical form reads matrices at symbolic entries."""
    from ..vocabulary.linalg import Entry

    shape = getattr(side, "shape", None)
    if getattr(side, "is_Matrix", False) and shape and all(isinstance(n, (int, sympy.Integer)) for n in shape) \
            and int(shape[0]) * int(shape[1]) <= 64:
        rows, cols = int(shape[0]), int(shape[1])

        def written(node) -> bool:  # the (i, j) entry of a matrix written out is that entry
            return isinstance(node, Entry) and isinstance(node.args[0], sympy.MatrixBase) \
                and all(isinstance(k, sympy.Integer) for k in node.args[1:])

        def value(i: int, j: int) -> Expr:
            form = canonical_form(Entry(side, i + 1, j + 1), context)[0]
            return form.replace(written, lambda node: node.args[0][int(node.args[1]) - 1, int(node.args[2]) - 1])

        return sympy.Matrix(rows, cols, [value(i, j) for i in range(rows) for j in range(cols)])
    return canonical_form(side, context)[0]


def identical(step: StepQuestion) -> Verdict | None:
    """The same expression on both sides, as read and as written: true for =, <= and >=, and a
    restatement, not a step. Sides that only the reading made equal (``x q/q``, ``x``) are not identical."""
    if step.lhs == step.rhs and step.relation in (Relation.EQ, Relation.LE, Relation.GE) and alike(step.written):
        return proved(IDENTICAL)
    return None


def same_once_read(step: StepQuestion) -> Verdict | None:
    """Sides written differently that read as one expression: the reading's own algebra proves the
    step, where every factor it cancelled (``q`` of ``x q/q = x``) is nonzero."""
    if step.lhs != step.rhs or step.relation not in (Relation.EQ, Relation.LE, Relation.GE):
        return None
    divisors = cancelled(step.lhs, step.rhs, step.written, step.context.symbols)
    where = f"; it holds where {' and '.join(f'{d} != 0' for d in divisors)}" if divisors else ""
    return proved(f"both sides are the same expression once read{where}")


def cited_rule(step: StepQuestion) -> Verdict | None:
    """A cited rule with a check of its own (Jensen) decides the steps it applies to."""
    rule = find_rule(step.justification)
    if rule is None or rule.check is None:
        return None
    return rule.check(step.lhs, step.relation, step.rhs, step.context)


def local_expansions(step: StepQuestion) -> Verdict | None:
    """``x_{k+1} = x_k - \\alpha F + O(\\alpha^2)``: a remainder in a small real parameter is a Taylor
    remainder as it goes to 0, read before any theory takes ``O`` as a growth class of sizes."""
    return local_expansion(step.lhs, step.relation, step.rhs, step.context, step.config)


def step_handlers(step: StepQuestion) -> Verdict | None:
    """A theory's decider for steps of a special form (``f = O(g)``, a membership). As for the numbers,
    a refutation in one reading of a name the document leaves open (``\\lambda(J) = \\pm i`` with ``i``
    a real name) stops at unknown when the step holds in the standard other reading."""
    for handler in STEP_HANDLERS:
        decided = handler(step.lhs, step.relation, step.rhs, step.context, step.config)
        if decided is not None:
            if decided.status is Status.REFUTED and step.readings:
                found = holds_in_another_reading(step)
                if found is not None:
                    return _open_reading(decided.reason, *found, decided.residual)
            return decided
    return None


_SIGN_TESTS = {
    Relation.GE: lambda d: d.is_nonnegative,
    Relation.GT: lambda d: d.is_positive,
    Relation.LE: lambda d: d.is_nonpositive,
    Relation.LT: lambda d: d.is_negative,
}

_HOLDS_FOR_CONSTANT = {
    Relation.EQ: lambda d: d == 0,
    Relation.GE: lambda d: d >= 0,
    Relation.GT: lambda d: d > 0,
    Relation.LE: lambda d: d <= 0,
    Relation.LT: lambda d: d < 0,
}


def _constant_refutation(residual: Expr, relation: Relation) -> Verdict | None:
    """A canonical residual that is a known constant of the wrong sign refutes every instance.
    A constant SymPy cannot evaluate (a divergent series, whose evalf raises) refutes nothing."""
    try:
        if not (residual.is_number and residual.is_comparable) or residual.has(nan, zoo):
            return None
    except (ValueError, ArithmeticError):
        return None
    if bool(_HOLDS_FOR_CONSTANT[relation](residual)):
        return None
    return Verdict(Status.REFUTED, f"left - right is the constant {residual} at every instance",
                   residual=str(residual))


def rounded_values(step: StepQuestion) -> Verdict | None:
    """``-\\frac12 \\log 2 = -0.3466``, ``\\sqrt{1 + (1.4142 - 1)^2} = \\sqrt{1.1716}``: an equality of numbers whose
    sides write decimals, and that is not exact, holds when each decimal is read as rounded to its last place
    (``rounded_numbers``): consistent, never proved; further off, the exact tiers refute it."""
    if step.relation is not Relation.EQ or not any(step.decimals) or step.undecided_form is not None:
        return None
    try:
        if step.canonical[0] == 0:  # exact: the canonical tier proves it
            return None
    except Undecided:
        return None
    left, right = (w if w is not None else side for w, side in zip(step.written, (step.lhs, step.rhs)))
    return rounded_numbers(left, right, *step.decimals)  # as written: -0.3466 + 1.5 keeps its three numbers


def canonical_forms(step: StepQuestion) -> Verdict | None:
    """``lhs - rhs`` in canonical form: zero proves an equality, a signed form an inequality,
    a constant of the wrong sign refutes."""
    if step.undecided_form is not None:  # no form to compare (the numeric tier says why)
        return None
    residual, used = step.canonical
    if step.relation is Relation.EQ and residual == 0:
        return proved(f"canonical forms agree ({', '.join(map(str, used))})", used)
    refuted = _constant_refutation(residual, step.relation)
    if refuted is not None:
        return refuted
    if step.relation in _SIGN_TESTS:
        for form in (residual, factor(residual)):
            if _SIGN_TESTS[step.relation](form):
                return proved(f"the difference {form} has the required sign ({', '.join(map(str, used))})", used)
        return _ordered_on_region(step, used)
    return None


def _ordered_on_region(step: StepQuestion, used: tuple[Rule, ...]) -> Verdict | None:
    """An inequality between real scalars in plain parameters, decided exactly on the region the
    symbols' assumptions and the stated relations give (``0 < eta < 1/2``): a square root is squared
    away when both sides are nonnegative, then a one-parameter sign is decided by Sturm counts."""
    bigger, smaller = (step.lhs, step.rhs) if step.relation in (Relation.GT, Relation.GE) else (step.rhs, step.lhs)
    sides = [canonical_form(side, step.context)[0] for side in (bigger, smaller)]
    symbols = set().union(*(side.free_symbols for side in sides))
    if any(_is_matrix(side) or side.is_extended_real is False for side in sides) or not symbols or \
            any(type(s) is not Symbol or s.is_real is not True for s in symbols):
        return None
    relations = tuple(r for r in step.context.relations if r.free_symbols <= symbols)
    sign = decide_relation(sides[0], sides[1], step.relation in (Relation.GT, Relation.LT), region_of(sides, relations))
    if sign.holds is not True:
        return None
    return proved(f"{sides[0]} {'>' if step.relation in (Relation.GT, Relation.LT) else '>='} {sides[1]} on the "
                  f"region the assumptions give: {sign.reason}", used)


IMAGINARY_NAME, IDENTITY_NAME = "i", "I"


def _integer_exponents(expr: Expr) -> set[Symbol]:
    """Names in the exponent of a negative number (``(-1)^n``): real only at integers, as written."""
    return {s for p in expr.atoms(Pow) if p.base.is_number and p.base.is_negative is True
            for s in p.exp.free_symbols if isinstance(s, Symbol) and s.is_integer is None}


def other_readings(lhs: Expr, rhs: Expr, stated: tuple[Reading, ...] = ()) -> tuple[Reading, ...]:
    """The standard readings of names whose kind the context left open: a plain ``i`` that is no index
    as the imaginary unit, a square matrix ``I`` as the identity, a name in the exponent of ``-1`` as
    an integer, density names of one model (``p`` and ``p_theta``) as one law, and the readings of a
    premise the reader left open (``stated``, e.g. both parametrisations of ``N(mu, s)``) that touch
    the sides. Each is only a reading the document may mean, so it can stop a refutation, never prove."""
    sides = Tuple(lhs, rhs)
    found = [Reading("i is the imaginary unit", ((s, sympy.I),)) for s in sides.free_symbols
             if isinstance(s, Symbol) and s.name == IMAGINARY_NAME and s.is_integer is None]
    found += [Reading("I is the identity matrix", ((m, Identity(m.rows)),)) for m in sides.atoms(MatrixSymbol)
              if m.name == IDENTITY_NAME and m.rows == m.cols]
    found += [Reading(f"{s} is an integer", ((s, Symbol(s.name, integer=True, positive=s.is_positive)),))
              for s in sorted(_integer_exponents(lhs) | _integer_exponents(rhs), key=str)]
    found += [Reading(says, tuple(mapping.items())) for says, mapping in one_model_readings(sides)]
    if len(found) > 1:
        found.append(Reading(" and ".join(r.says for r in found), tuple(p for r in found for p in r.substitution)))
    found += [r for r in stated if sides.has(r.substitution[0][0])]  # alternatives to each other: never joined
    return tuple(found)


def holds_in_another_reading(step: StepQuestion) -> tuple[Reading, bool] | None:
    """The other reading of the step's open names under which it holds (True), else one under which it
    is not refuted (False), or None when every other reading refutes it as well."""
    def read(reading: Reading) -> StepQuestion:
        mapping = dict(reading.substitution)
        written = tuple(None if w is None else w.xreplace(mapping) for w in step.written)
        return replace(step, lhs=step.lhs.xreplace(mapping), rhs=step.rhs.xreplace(mapping), written=written,
                       readings=False)

    return _first_unrefuted(other_readings(step.lhs, step.rhs, step.context.readings), read)


def numeric(step: StepQuestion) -> Verdict:
    """Instantiation: consistent on every sample, refuted by a counterexample, or unknown.
    A counterexample in one reading of a name the document leaves open (``i`` a real name) refutes
    nothing when the step holds in the standard other reading (``i`` the imaginary unit): unknown."""
    if step.undecided_form is not None:  # the numbers would decide what the symbols leave open: not drawn
        return unknown(f"not decided symbolically: {step.undecided_form}")
    try:  # the residual is printed after: a check the numbers leave undecided (Undecided) never shows it
        found = numeric_check(step.lhs, step.relation, step.rhs, step.context, step.config)
    except OverflowError:  # a sum to infinity, or a value beyond floats: the numbers cannot say
        residual = closed_str(step.canonical[0])
        return unknown(f"not decided symbolically, and a side cannot be evaluated numerically (a sum to infinity "
                       f"or a value too large for floating point); residual (left - right) in canonical form: {residual}",
                       residual=residual)
    residual = closed_str(step.canonical[0])
    if found.status is Status.UNKNOWN:
        by_residual = _residual_numbers(step)
        if by_residual is not None:
            return by_residual
        return unknown(f"{found.reason}; residual (left - right) in canonical form: {residual}", residual=residual)
    if found.status is Status.REFUTED and step.readings:
        other = holds_in_another_reading(step)
        if other is not None:
            return _open_reading(found.reason, *other, residual)
    return Verdict(found.status, found.reason, residual=residual, counterexample=found.counterexample,
                   samples=found.samples)


def stated_premises(step: StepQuestion) -> Verdict | None:
    """A step holding a quantity a premise gives a value (``\\int p \\log p \\, dx = \\ldots``): the step
    with that value in its place, decided by the other tiers (``verify.engine.stated``). Premises are
    true by assumption, so the rewritten step holds exactly when the step does. A rewritten step that
    no tier decides passes on (the numeric tier says why)."""
    results = stated_results(step.context)
    if not results:
        return None
    (lhs, used_left), (rhs, used_right) = (rewritten(side, results, step.context) for side in (step.lhs, step.rhs))
    used = tuple(sorted(dict.fromkeys(used_left + used_right), key=lambda r: str(r.premise)))  # one order every run
    if not used:
        return None
    inner = replace(step, lhs=lhs, rhs=rhs, context=without_premises(step.context, used), written=(None, None))
    drawn = free_of_densities(Tuple(lhs, rhs))  # numbers for a density left open would not meet the premises
    verdict = decide(inner, _WITHOUT_STATED if drawn else _SYMBOLIC)  # the document states of it: symbols only
    if verdict.status is Status.UNKNOWN or (verdict.status is not Status.PROVED and not drawn):
        return None
    reason = f"with the stated premises ({premises_text(used)}) in place: {verdict.reason}"
    if verdict.status is not Status.PROVED:
        return replace(verdict, reason=reason)
    tier = Tier.CANONICAL if verdict.tier is Tier.IDENTICAL else verdict.tier  # the step as written is no restatement
    return replace(verdict, reason=reason, used=verdict.used + (STATED_PREMISE,), tier=tier)


_RANDOM = (Expect, Var, Cov, Density, Expectation, KL, sympy.Integral)


def _residual_numbers(step: StepQuestion) -> Verdict | None:
    """When no law can be drawn for the step's random variables (components whose laws differ), but the
    exact canonical difference of the sides holds none of them (``-\\sum_j \\sigma_j^2``): that difference
    compared with 0 at drawn parameters, refuted or consistent like the step (it equals lhs - rhs)."""
    form = step.canonical[0]
    random = {v.key for v in step.context.random_variables}
    if not random & (_names(step.lhs, None) | _names(step.rhs, None)):
        return None  # no random variable in the step: the numbers left it open for another reason
    defined = set().union(*(_names(f.lhs, None) for f in step.context.facts))
    names = _names(form, None)
    if form.has(*_RANDOM) or names & (random | defined) or _is_matrix(form) or not form.free_symbols:
        return None
    try:
        found = numeric_check(form, step.relation, sympy.S.Zero, replace(step.context, random_variables=(),
                                                                          independence=()), step.config)
    except Exception:  # noqa: BLE001 -- a fallback the numbers cannot run leaves the step as it was: unknown
        return None
    if found.status is Status.UNKNOWN:
        return None
    return Verdict(found.status, f"no law is drawn for the random variables, but left - right is {form} in "
                                 f"canonical form, free of them: {found.reason}", residual=str(form),
                   counterexample=found.counterexample, samples=found.samples)


def _bare_expectations(expr: Expr) -> set[Expr]:
    """``E[q(x)/p(x)]`` as written: an ``E`` with no law, over densities."""
    return {n for n in expr.atoms(AppliedUndef) if n.func.__name__ == "E" and len(n.args) == 1 and n.args[0].has(Density)}


def _candidate_laws(nodes: set[Expr]) -> list[Density]:
    """The densities of one variable, with no bar, written in every unnamed expectation: the laws it may average under."""
    common = None
    for node in nodes:
        found = {d for d in node.args[0].atoms(Density) if len(d.variables) == 1 and not d.given}
        common = found if common is None else common & found
    return sorted(common or (), key=str)


def _plain_bare_expectations(expr: Expr) -> set[Expr]:
    """``E[(z - \\mu)^2]`` as written: an ``E`` with no law over no density."""
    return {n for n in expr.atoms(AppliedUndef) if n.func.__name__ == "E" and len(n.args) == 1
            and not n.args[0].has(Density)}


def _laws_the_step_names(expr: Expr, nodes: set[Expr]) -> list[tuple[Expr, Symbol]]:
    """(law, variable) of each expectation ``expr`` writes with its law (``E_{z \\sim q}[...]``) over a
    variable every bare E's body holds: the laws a bare E may average under, as the writer drops the
    subscript once the law is clear (``E_{z \\sim q}[f] = ... E[(z - \\mu)^2]``). The step's own laws first,
    else those of the document's stated facts."""
    named = {(e.dist, e.var) for e in expr.atoms(Expectation)}
    return sorted(((law, variable) for law, variable in named
                   if all(variable in n.args[0].free_symbols for n in nodes)), key=str)


def _law_text(law: Expr, variable: Symbol | None) -> str:
    return str(law) if variable is None or isinstance(law, Density) else f"{variable} ~ {law}"


def unnamed_expectations(step: StepQuestion) -> Verdict | None:
    """``E[-\\log q(x)/p(x)]`` names no law, and the densities in it leave open which one averages. The bare
    ``E`` is one operator in a step, so the step is read once per density it may average under (the same
    for every bare E): it holds when it holds in every reading, fails when it fails in every one; a step
    that holds in some readings only is unknown, saying which."""
    nodes = _bare_expectations(Tuple(step.lhs, step.rhs))
    laws = [(law, None) for law in _candidate_laws(nodes)] if nodes else []
    if not nodes:
        nodes = _plain_bare_expectations(Tuple(step.lhs, step.rhs))
        stated = Tuple(*(side for f in step.context.facts for side in (f.lhs, f.rhs)))
        laws = (_laws_the_step_names(Tuple(step.lhs, step.rhs), nodes)
                or _laws_the_step_names(stated, nodes)) if nodes else []
        if not laws:
            return None
    elif len(laws) < 2:
        return None
    verdicts = []
    for law, variable in laws:
        mapping = {n: Expectation(n.args[0], law, variable) for n in nodes}
        read = replace(step, lhs=step.lhs.xreplace(mapping), rhs=step.rhs.xreplace(mapping), written=(None, None))
        verdicts.append((_law_text(law, variable), decide(read, _WITHOUT_UNNAMED)))
    names = " or ".join(text for text, _ in verdicts)
    if all(v.status is Status.PROVED for _, v in verdicts):
        return replace(verdicts[0][1], reason=f"E read under each law it may average under ({names}): "
                                               + "; ".join(v.reason for _, v in verdicts))
    if all(v.status.holds for _, v in verdicts):
        weakest = next(v for _, v in verdicts if v.status is not Status.PROVED)
        return replace(weakest, reason=f"E read under each of {names}: {weakest.reason}")
    if all(v.status is Status.REFUTED for _, v in verdicts):
        return replace(verdicts[0][1], reason=f"E read under each of {names}, the step fails in each: under "
                                               f"{verdicts[0][0]}, {verdicts[0][1].reason}")
    holds = [str(law) for law, v in verdicts if v.status.holds]
    fails = [str(law) for law, v in verdicts if v.status is Status.REFUTED]
    said = (f"it holds if E averages under {' or '.join(holds)}" if holds else "it is not decided in any reading") \
        + (f" and fails under {' or '.join(fails)}" if fails else "")
    return replace(unknown(f"E[...] does not name its law, and the densities in it ({names}) leave it open which "
                           f"one averages: {said} (write E_{{x \\sim p}}[...] or the integral)"), tier=Tier.NUMERIC)


DECIDERS: tuple[tuple[Tier | None, Decider], ...] = (  # None: the decider's verdict keeps its own tier
    (Tier.STRUCTURAL, undefined_sides),
    (None, both_signs),
    (Tier.STRUCTURAL, shape_mismatch),
    (None, approximation),
    (Tier.IDENTICAL, identical),
    (Tier.CANONICAL, same_once_read),
    (Tier.RULE, cited_rule),
    (Tier.STEP_HANDLER, local_expansions),
    (Tier.STEP_HANDLER, step_handlers),
    (Tier.ROUNDING, rounded_values),
    (Tier.CANONICAL, canonical_forms),
    (None, unnamed_expectations),
    (None, stated_premises),
    (Tier.NUMERIC, numeric),
)
_WITHOUT_STATED = tuple(d for d in DECIDERS if d[1] is not stated_premises)
_WITHOUT_UNNAMED = tuple(d for d in DECIDERS if d[1] is not unnamed_expectations)
_SYMBOLIC = tuple(d for d in _WITHOUT_STATED if d[1] is not numeric)


def decide(step: StepQuestion, deciders: tuple[tuple[Tier | None, Decider], ...] = DECIDERS) -> Verdict:
    """The first decider's verdict, stamped with its tier (or with its own, for a decider that only
    splits the step and passes on the tier of the part that settled it)."""
    for tier, decider in deciders:
        verdict = _asked(decider, step)
        if verdict is not None:
            return replace(verdict, tier=tier or verdict.tier or Tier.STRUCTURAL)
    return unknown("no tier decided the step")


def _asked(decider: Callable, *question) -> Verdict | None:
    """The decider's answer; a construct it cannot decide (``Undecided``) is unknown, with its reason."""
    try:
        return decider(*question)
    except Undecided as why:
        return unknown(str(why))


def check_step(lhs: Expr, relation: Relation, rhs: Expr, context: Context,
               config: CheckConfig = CheckConfig(), justification: str | None = None,
               written: tuple = (None, None), moving: frozenset = frozenset(), decimals: tuple = ((), ())) -> Verdict:
    """Check ``lhs relation rhs`` under ``context`` (``written``: the two sides as written, when known;
    ``moving``: the families the document differentiates bare and defines nowhere, ``functions.moving_families``;
    ``decimals``: each side's numbers written in decimals, with the unit of their last place)."""
    relation = Relation(relation)
    lhs, rhs = _zero_as_matrix(_sympify(lhs), relation, _sympify(rhs))  # numbers become SymPy numbers; text is refused
    verdict = decide(StepQuestion(lhs, relation, rhs, context, config, justification, written, moving=moving,
                                  decimals=decimals))
    verdict = _unless_entries_stated_off_the_range(verdict, (lhs, rhs), context)
    return _unless_resting_on_unread(verdict, _names(lhs, written[0]) | _names(rhs, written[1]), context)


def _unless_entries_stated_off_the_range(verdict: Verdict, sides: tuple, context: Context) -> Verdict:
    """A refutation of a sum over a family's unwritten range (``\\sum_i x_i``, taken as i = 1..|x|) where
    the premises give entries of that family by number (``x_0 = 0, x_1 = 2``): which entries the sum runs
    through is the reader's convention, not the writer's, so the counterexample may sum other entries."""
    if verdict.status is not Status.REFUTED:
        return verdict
    summed = {str(entry.base.label) for side in sides if isinstance(side, sympy.Basic)
              for total in side.atoms(sympy.Sum) if any(is_unstated_size(s) for s in total.free_symbols)
              for entry in total.atoms(sympy.Indexed)}
    stated = sorted({str(fact.lhs.base.label) for fact in context.facts if isinstance(fact.lhs, sympy.Indexed)
                     and all(index.is_Integer for index in fact.lhs.indices)} & summed)
    if not stated:
        return verdict
    return replace(unknown(
        f"{verdict.reason}, but the sum runs over the range of {', '.join(stated)} the reader takes by convention "
        f"(from 1), while the premises give entries of it by number: write the bounds of the sum",
        residual=verdict.residual), tier=verdict.tier)


def _unless_resting_on_unread(verdict: Verdict, names: set[str], context: Context) -> Verdict:
    """A refutation about a name an unread premise mentions (``Context.unread``) may rest on a value that
    premise excludes: unknown, naming the premise. The names count through the facts the step uses."""
    if verdict.status is not Status.REFUTED or not context.unread:
        return verdict
    reached = set(names)
    for fact in context.facts:
        if isinstance(fact.lhs, sympy.Basic) and isinstance(fact.rhs, sympy.Basic) \
                and {str(s) for s in fact.lhs.free_symbols} & names:
            reached |= {str(s) for s in fact.rhs.free_symbols if isinstance(s, Symbol)}
    for premise in context.unread:
        shared = premise.mentions & reached
        others = set().union(*(p.mentions for p in context.unread if p is not premise))
        # a name only this premise holds, free of the step, that can satisfy it whatever the rest is
        if shared and not premise.absorbed_by - reached - others:
            where = f"line {premise.line}, column {premise.column}"
            return replace(unknown(
                f"{verdict.reason}, but the premise '{' '.join(premise.source.split())}' ({where}) {premise.why} "
                f"and mentions {', '.join(sorted(shared))}: the counterexample may be one it excludes",
                residual=verdict.residual), tier=verdict.tier)
    return verdict


def check_claim(claim: Claim, context: Context, config: CheckConfig = CheckConfig()) -> Verdict:
    """The verdict of the handler registered for the claim's kind."""
    handler = CLAIM_HANDLERS.get(claim.kind)
    verdict = unknown(f"no handler for claims of kind {claim.kind!r}") if handler is None \
        else _asked(handler, claim, context, config)
    return replace(verdict, tier=Tier.CLAIM)


def check_twin(twin: TwinCheck, config: CheckConfig = CheckConfig()) -> Verdict:
    """The verdict of a numpy cross-check (consistent or refuted, never proved)."""
    return replace(twin.run(config), tier=Tier.TWIN)


def step_latex(step: Step) -> str:
    return f"{step.relation.latex} {latex(step.expr)}"


@dataclass(frozen=True)
class _Entry:
    """What the report says about one task, besides its verdict."""

    kind: str
    chain: int
    index: int
    justification: str | None
    text: Callable[[], str]  # computed in the worker, so printing runs in parallel too (no lambda: it is pickled)


def _with_text(entry: _Entry, check: Callable[[], Verdict]) -> tuple[Verdict, str]:
    return check(), entry.text()


def _names(expr: Expr, written: Expr | None) -> set:
    """The names of an expression, as read and as written (``1 - eta^2 + eta^2`` shows eta, read as 1),
    by name: the written form keeps the reader's first symbols, without the assumptions the context gave.
    The variables a derivative is taken by count too (``d L / d z_j`` writes z and j, though SymPy's
    free symbols of a derivative of a constant leave them out)."""
    sides = [expr] + ([written] if written is not None else [])
    found = set().union(*(side.free_symbols for side in sides))
    found |= {s for side in sides for d in side.atoms(Derivative) for v in d.variables for s in v.free_symbols}
    return {str(s) for s in found if isinstance(s, Symbol)}  # an entry s_{j+1} is named by its family s too


def _law_names(variable) -> set:
    """The names a declared random variable's law states (``X ~ N(mu, sigma^2)``: X, mu, sigma)."""
    parts = (variable.law.mean, variable.law.variance, variable.length)
    return {variable.name} | set().union(*(p.free_symbols for p in parts if p is not None))


def _family_entry(name: str, seen: set[str]) -> bool:
    """``sigma_1`` or ``alpha_{ji}`` beside a seen ``sigma_i`` or ``alpha_{ij}``: another entry of a family
    the document has written, not a name of its own."""
    base, _, index = name.partition("_")
    return bool(index) and any(s.partition("_")[0] == base and s.partition("_")[2] for s in seen)


def _reader_made(name: str) -> bool:
    """A name the reader made, never written by the author: a dummy (``_t``) or the size of a family's
    unstated index set (``|p|``, ``linalg.ranges``); the step cannot be the first to write it."""
    return name.startswith("_") or is_unstated_size(Symbol(name))


def fresh_names(names: set[str], seen: set[str]) -> tuple[str, ...]:
    """The names a step writes for the first time in the document: in no earlier expression, fact or
    stated relation, no entry of a family seen before, and not made by the reader."""
    return tuple(sorted(n for n in names - seen if not _family_entry(n, seen) and not _reader_made(n)))


def _residual_names(lhs: Expr, rhs: Expr, context: Context) -> set[str] | None:
    """The names ``lhs - rhs`` keeps in canonical form (None when it has none)."""
    try:
        return _names(canonical_form(lhs - rhs, context)[0], None)
    except Exception:  # noqa: BLE001 -- Undecided, or a form that cannot be built: nothing known
        return None


def _new_capitals(start: Expr, fresh: tuple[str, ...]) -> tuple[str, ...]:
    """The names of a start that is only capitals side by side, each new (``EP_{\\text{Friend 1}}``,
    ``ELBO``): read as a product of letters, as TeX writes it, but a writer giving such a start a value
    (``= 2q``) names one quantity; no identity in the letters is meant, so a refutation that rests on
    them is unknown (``_unless_fresh``). Empty for any other start."""
    factors = start.args if isinstance(start, sympy.Mul) else ()
    if len(factors) < 2 or not all(isinstance(f, Symbol) and f.name[:1].isupper() for f in factors):
        return ()
    names = {f.name for f in factors}
    return tuple(sorted(names)) if names <= set(fresh) else ()


def _unless_resting_on(check: Callable[[], Verdict], names: tuple[str, ...], sides: tuple | None,
                       why: str, entries: bool = True) -> Verdict:
    """A numeric refutation that rests on ``names``, whose values it drew arbitrarily, is unknown, saying
    ``why`` those values mean nothing; when the exact difference of the sides (``sides``: lhs, rhs, context)
    holds none of them (nor, with ``entries``, an entry of their families), their values do not matter
    and it stands."""
    verdict = check()
    if verdict.status is Status.REFUTED and verdict.tier is Tier.NUMERIC:
        kept = _residual_names(*sides) if sides is not None else None
        if kept is not None and not kept & set(names) and not (entries and any(_family_entry(n, kept) for n in names)):
            return verdict
        return replace(unknown(f"{verdict.reason}, but only when {', '.join(names)}, {why}",
                               residual=verdict.residual), tier=Tier.NUMERIC)
    return verdict


def _unless_fresh(check: Callable[[], Verdict], fresh: tuple[str, ...], sides: tuple | None = None) -> Verdict:
    """A numeric refutation that rests on names the step brings in for the first time, defined nowhere
    the reader could use (``= evidence - ELBO``), gave them arbitrary values: unknown, naming them. When
    the exact difference of the sides holds none of them, their values do not matter
    (``\\sigma E[\\epsilon] = \\mu`` beside a zero-mean epsilon): the refutation stands."""
    return _unless_resting_on(check, fresh, sides, "first written in this step and defined nowhere the reader "
                                                   "could use, take arbitrary values")


def _unless_primed(check: Callable[[], Verdict], primed: tuple[str, ...], sides: tuple) -> Verdict:
    """A numeric refutation that rests on a primed name written bare (``g'h - h'g``, the quotient rule's
    template) gave it a value of its own, but g' is the derivative of g, never free beside it."""
    return _unless_resting_on(check, primed, sides, "each the derivative of a name the step writes bare, take "
                                                    "values of their own", entries=False)


def _plan(derivation: Derivation, config: CheckConfig) -> list[tuple[_Entry, Callable[[], Verdict]]]:
    """Every check of a derivation, in report order, with what the report needs to say of it."""
    context = derivation.context
    plan = []
    seen = {str(s) for s in set().union(*(f.lhs.free_symbols | f.rhs.free_symbols for f in context.facts),
                                        *(r.free_symbols for r in context.relations),
                                        *(_law_names(v) for v in context.random_variables)) if isinstance(s, Symbol)}
    written = [e for chain in derivation.chains for e in (chain.start, *(s.expr for s in chain.steps))]
    seen |= {str(s) for e in written for m in e.atoms(MatrixSymbol) for size in m.shape
             for s in getattr(size, "free_symbols", ())}  # q \in R^d: the sizes of declared vectors are given
    moving = frozenset().union(*(moving_families(e, context) for e in written))
    for c, chain in enumerate(derivation.chains):
        started = _names(chain.start, chain.written)
        lettered = _new_capitals(chain.start, fresh_names(started, seen))
        seen |= started
        for i, ((previous, step), (before, _)) in enumerate(zip(chain.links(), chain.written_links()), 1):
            decimals = (chain.steps[i - 2].decimals if i > 1 else (), step.decimals)
            check = functools.partial(check_step, previous, step.relation, step.expr, context, config,
                                      step.justification, (before, step.written), moving, decimals)
            fresh = fresh_names(_names(step.expr, step.written), seen)
            if i == 1 and lettered and not started & _names(step.expr, step.written):
                fresh = tuple(sorted(set(fresh) | set(lettered)))
            seen |= _names(step.expr, step.written)
            if fresh:
                check = functools.partial(_unless_fresh, check, fresh, (previous, step.expr, context))
            primed = tuple(sorted(n for n in _names(previous, before) | _names(step.expr, step.written) if "'" in n))
            if primed:
                check = functools.partial(_unless_primed, check, primed, (previous, step.expr, context))
            plan.append((_Entry("step", c, i, step.justification, functools.partial(step_latex, step)), check))
    for i, claim in enumerate(derivation.claims, 1):
        check = functools.partial(check_claim, claim, context, config)
        plan.append((_Entry("claim", 0, i, claim.justification, functools.partial(getattr, claim, "statement")), check))
    for i, twin in enumerate(derivation.twins, 1):
        plan.append((_Entry("twin", 0, i, None, functools.partial(getattr, twin, "statement")),
                     functools.partial(check_twin, twin, config)))
    return plan


def outcome_verdict(outcome: Outcome, budget: float | None) -> Verdict:
    """The task's verdict, or the verdict on a task that gave none: a time-out or a failed check."""
    if outcome.ending is Ending.OK:
        return outcome.value
    if outcome.ending is Ending.TIMEOUT:
        return replace(unknown(f"time budget ({budget:g} s) exceeded"), tier=Tier.BUDGET)
    return replace(unknown(f"the check failed: {outcome.value}" if outcome.ending is Ending.ERROR
                           else str(outcome.value)), tier=Tier.FAILURE)


def _report(derivation: Derivation, plan, outcomes: list[Outcome], config: CheckConfig) -> DerivationReport:
    report = DerivationReport(derivation.name, derivation.title)
    for (entry, _), outcome in zip(plan, outcomes):
        if outcome.ok:
            verdict, text = outcome.value
        else:
            verdict, text = outcome_verdict(outcome, config.budget), entry.text()
        result = CheckResult(entry.index, entry.kind, text, entry.justification, verdict, outcome.millis, entry.chain)
        (report.twin if entry.kind == "twin" else report.results).append(result)
    return report


NUMBER_MODULES = {  # theory -> the module its numeric tier imports on first use
    "linalg": "verify.theories.linalg.numeric",
    "moments": "verify.theories.moments.concrete",
    "probability": "verify.theories.probability.model",
}


def _import_numbers(context: Context) -> None:
    """Import the numeric modules of the context's theories here, before workers are forked: a module a
    worker imports is imported again by every worker (each starts from this process), which costs
    some tens of milliseconds each time, charged to the check that first draws numbers."""
    for name in context.theories:
        if name in NUMBER_MODULES:
            importlib.import_module(NUMBER_MODULES[name])


LANE_SIZE = 40  # checks per worker lane: small enough to spread a long derivation over the workers,
# large enough that few workers are forked (each fork loses the caches its predecessor warmed)


def check_derivations(derivations: Iterable[Derivation], config: CheckConfig = CheckConfig()
                      ) -> Iterator[DerivationReport]:
    """Reports of each derivation, in order; checks run on ``config.jobs`` workers, each under the budget.

    ``derivations`` may be lazy: the next one is built while the workers check the previous ones.
    Each derivation's checks are cut into lanes of ``LANE_SIZE`` so that one long derivation
    still keeps every worker busy.
    """
    planned: list[tuple[Derivation, list, int]] = []  # derivation, plan, number of lanes

    def task_lists():
        for derivation in derivations:
            if config.budget is not None:  # the checks run in forked workers
                _import_numbers(derivation.context)
            plan = _plan(derivation, config)
            tasks = [functools.partial(_with_text, entry, check) for entry, check in plan]
            lanes = [tasks[k:k + LANE_SIZE] for k in range(0, len(tasks), LANE_SIZE)] or [[]]
            planned.append((derivation, plan, len(lanes)))
            yield from lanes

    outcomes: list[Outcome] = []
    lanes_seen = 0
    for lane in run_lanes(task_lists(), config.budget, config.jobs):
        outcomes.extend(lane)
        lanes_seen += 1
        derivation, plan, lanes = planned[0]
        if lanes_seen == lanes:
            planned.pop(0)
            yield _report(derivation, plan, outcomes, config)
            outcomes, lanes_seen = [], 0


def check_derivation(derivation: Derivation, config: CheckConfig = CheckConfig()) -> DerivationReport:
    """Check every step of every chain, every claim and every cross-check, each under the time budget."""
    return next(check_derivations([derivation], config))
