"""The numeric tier: instantiate, evaluate both sides, compare. Never proves anything.

Each sample draws concrete values satisfying the assumptions (and, through the
theories, concrete densities and matrices); agreement on all samples gives
``consistent``, one disagreement gives ``refuted`` with that instantiation.

The samples search the readings the document allows (issue 9, part 4), in rounds:

1. moderate values of both signs, integers odd and even (``sampling``);
2. when a symbol's kind is open (a capital the reader could not tell to commute), the
   same with such symbols as random non-commuting square matrices;
3. values on several scales (log-uniform magnitudes over five decades, larger integers);
4. exact simple points (0, +-1, ...) where strict inequalities meet equality (``edges``).

A function nothing is known about (``f(x)``, no definition, no theory owns it) is a
random smooth function of both signs in every round (``functions``); a disagreement then
is ``unknown`` with the reason, since the document may know more of it than it states.

Every draw satisfies the stated relations (``n < d``), or is drawn again. The plain
draws are seeded per step, so steps meet different values and a run is reproducible.
A sample where the line before is real and this line is complex counts as a
disagreement (``log(x^4) = 4 log x`` at x < 0); where the line before is itself not real
the sample is outside its domain and is dropped (``log x + log y = log(xy)`` says nothing
at x, y < 0), as is one where a side is undefined (``nan``, a removable singularity more
often than an error).
"""
from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass, field, replace
from enum import Enum

import numpy as np
from sympy import Derivative, Dummy, Expr, Indexed, IndexedBase, Pow, Sum, Symbol, Tuple
from sympy.core.function import AppliedUndef

from ..config import CheckConfig
from ..differentiation import without_captured
from ..evaluation import Evaluator
from ..model import Context, Relation
from ..printing.plain import plain_math
from ..theories import theory
from ..theories.algebra import apply_facts
from ..theories.base import Instance
from ..theories.linalg import apply_definitions
from ..theories.linalg.inner import dot_products
from ..theories.softmax.canonical import index_ranges, softmax_entries, summed_ranges
from ..undecided import Undecided
from ..verdict import Counterexample, Status, Verdict, unknown
from ..vocabulary.random import Cov, Expect, Var
from .canonical import theory_names
from .edges import edge_failure
from .functions import draw_stand_ins, gradient_stand_ins, opaque_disagreement, substituted, unknown_functions
from .sampling import Draw, Needs, Scale, draw_plain, has_open_kinds, is_open_kind, premised_entries, stated_premises

MATRIX_SAMPLES = 3
WIDE_SAMPLES = 3
REDRAWS = 20  # draws per sample before giving up on the stated relations
_MATRIX_FAILURES = (ValueError, TypeError, np.linalg.LinAlgError)


def _format(value) -> str:
    value = complex(np.asarray(value).item()) if np.ndim(value) == 0 else value
    if isinstance(value, complex):
        if abs(value.imag) < 1e-12:
            return f"{value.real:.6g}"
        return f"{value.real:.6g}{value.imag:+.6g}i"
    return _one_line(np.array2string(np.asarray(value), precision=4, separator=", "))  # however large the matrix


def _one_line(text: str, width: int = 160) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 3] + "..."


def _scale(a, b) -> float:
    return max(1.0, float(np.max(np.abs(a), initial=0)), float(np.max(np.abs(b), initial=0)))


def _relation_holds(a, relation: Relation, b, tol: float) -> bool:
    a, b = np.asarray(a), np.asarray(b)
    slack = tol * _scale(a, b)
    if relation in (Relation.EQ, Relation.APPROX):
        compatible = a.shape == b.shape or a.size == 1 or b.size == 1
        return compatible and bool(np.all(np.abs(a - b) <= slack))
    if max(a.size, b.size) > 1 and max(np.ndim(a), np.ndim(b)) == 2:  # a 1 x 1 matrix (u^T v) is a number
        raise Undecided("an inequality between matrices has no entrywise meaning")
    if np.iscomplexobj(a) or np.iscomplexobj(b):
        if np.max(np.abs(np.imag(a)), initial=0) > slack or np.max(np.abs(np.imag(b)), initial=0) > slack:
            return False
        a, b = np.real(a), np.real(b)
    checks = {
        Relation.LE: a <= b + slack,
        Relation.GE: a >= b - slack,
        Relation.LT: a < b,  # strict: equality is a counterexample, however close
        Relation.GT: a > b,
    }
    return bool(np.all(checks[relation]))


def step_seed(seed: int, lhs: Expr, relation: Relation, rhs: Expr) -> int:
    """A seed of its own for each step, derived from the configured one: reproducible, not shared."""
    text = f"{seed}\x00{Relation(relation).value}\x00{lhs}\x00{rhs}"
    return int.from_bytes(hashlib.blake2b(text.encode(), digest_size=8).digest(), "big")


@dataclass
class Plan:
    """What every draw of one expression in one check shares, since no drawn value changes it: the
    symbols it needs, the stated sums it must meet, and (for derivatives of indexed families) the
    hook that unfolds and differentiates each derivative once, not at each draw."""

    needs: Needs
    premises: tuple
    derivative: "_DefinedDerivative | None"

    @classmethod
    def of(cls, context: Context, expr: Expr) -> "Plan":
        derivative = _DefinedDerivative(context) if expr.has(Derivative) and expr.has(Indexed) else None
        return cls(Needs.of(context, expr), stated_premises(context, expr), derivative)


def instantiate(context: Context, expr: Expr, rng: np.random.Generator, draw: Draw = Draw(),
                plain_rng: np.random.Generator | None = None, plan: Plan | None = None) -> Instance | str:
    """One concrete instantiation of everything ``expr`` needs, or the reason there is none.

    The theories draw what they own from ``rng``; the plain symbols left when only the
    algebra theory remains are drawn here (``sampling.draw_plain``) from ``plain_rng``
    (default: the same stream), before algebra evaluates definitions; last, the families a
    stated sum constrains are drawn to meet it (``sampling.premised_entries``). ``plan``: the
    check's ``Plan.of(context, expr)``, when it made one for all its draws.
    """
    plan = plan or Plan.of(context, expr)
    instance = Instance()
    for name in theory_names(context):
        if name == "algebra":
            draw_plain(context, expr, plain_rng or rng, instance, draw, plan.needs)
        make = theory(name).instantiate
        reason = make(context, expr, rng, instance) if make else None
        if reason:
            return reason
    if plan.derivative is not None:
        instance.hooks.setdefault(Derivative, plan.derivative)
    return premised_entries(context, expr, plain_rng or rng, instance, draw.index, plan.premises) or instance


def _fresh_sums(expr: Expr) -> Expr:
    """Every summation variable of ``expr`` renamed to a fresh dummy with its assumptions."""
    def fresh(node: Sum) -> Sum:
        (variable, low, high), *rest = node.limits
        dummy = Dummy(variable.name, **variable.assumptions0)
        return Sum(node.function.xreplace({variable: dummy}), (dummy, low, high), *rest)

    return expr.replace(lambda e: isinstance(e, Sum) and len(e.limits) == 1, fresh)


@dataclass
class _DefinedDerivative:
    """A derivative evaluated after the indexed definitions are unfolded: ``d p_i / d o_k`` of a
    softmax ``p`` defined by a fact is not the 0 that differentiating the bare entry ``p_i`` gives.
    An index drawn outside its family's summed range names no entry: no value (``nan``), so the
    sample is dropped rather than compared."""

    context: Context
    _read: dict = field(default_factory=dict, init=False, repr=False, compare=False)  # node -> _Unfolded

    @functools.cached_property
    def _facts(self) -> Context:
        """The facts with their summation dummies fresh: unfolding ``L = -sum_i y_i log p_i`` under
        ``d/dp_i`` of an outer sum over i must not capture that i."""
        return replace(self.context, facts=tuple(replace(f, rhs=_fresh_sums(f.rhs)) for f in self.context.facts))

    def _unfolded(self, node: Derivative) -> _Unfolded:
        if node not in self._read:
            unfolded = apply_definitions(node, self._facts)[0]  # no sum's own index read as the variable's:
            self._read[node] = _Unfolded(without_captured(unfolded))
        return self._read[node]

    def __call__(self, node: Derivative, evaluate: Evaluator):
        unfolded = self._unfolded(node)
        for index, bounds in unfolded.ranges.items():
            low, value, high = (float(np.real(evaluate(b))) for b in (bounds[0], index, bounds[1]))
            if not low <= value <= high:  # d/dz_i of a sum over 1..n with i > n: no entry of the family
                return np.nan  # the sample is outside the step's domain and is dropped
        done = unfolded.done
        if done.has(Derivative):
            raise Undecided(f"cannot differentiate {node.expr} symbolically")
        return evaluate(done)


@dataclass
class _Unfolded:
    """A derivative with the indexed definitions unfolded, its index ranges and (once asked) the
    derivative done: no drawn value changes them, so a check finds them once for all its draws
    (differentiating was most of a draw's time)."""

    expr: Expr

    @functools.cached_property
    def ranges(self) -> dict:
        return index_ranges(self.expr, summed_ranges(self.expr))

    @functools.cached_property
    def done(self) -> Expr:
        return self.expr.doit(deep=False)  # its captured indices renamed already (``_unfolded``)


def within_relations(context: Context, instance: Instance) -> bool:
    """Do the drawn values satisfy every stated relation that can be evaluated at them? (A stated
    equality, a result the document assumes such as ``\\int q \\log q \\, dz = \\ldots``, holds up to
    rounding.) A relation among things this instance does not give constrains nothing drawn."""
    evaluate = Evaluator(instance.values, instance.hooks)
    for stated in context.relations:
        try:
            with np.errstate(all="ignore"):
                holds = evaluate(stated)
        except (Undecided, TypeError, ValueError, ArithmeticError):
            continue
        if not bool(np.all(holds)):
            return False
    return True


class Outcome(Enum):
    AGREE = "agree"
    DISAGREE = "disagree"
    DROPPED = "dropped"


def _not_real(value, tol: float) -> bool:
    return bool(np.iscomplexobj(value) and np.max(np.abs(np.imag(value)), initial=0) > tol * _scale(value, 0))


def _square(value) -> bool:
    return np.ndim(value) == 2 and np.shape(value)[0] == np.shape(value)[1]


def _as_identity(a, b):
    """A number compared with a square matrix is that multiple of the identity (``X X^{-1} = 1``);
    beside any other array it is compared entry by entry, as before."""
    if _square(a) and np.ndim(b) == 0:
        return a, b * np.eye(np.shape(a)[0])
    if _square(b) and np.ndim(a) == 0:
        return a * np.eye(np.shape(b)[0]), b
    return a, b


def judge(left, relation: Relation, right, tol: float) -> Outcome:
    """What one sample says (the module docstring gives the rules for complex and undefined sides)."""
    if not (np.all(np.isfinite(left)) and np.all(np.isfinite(right))):
        return Outcome.DROPPED
    left, right = _as_identity(left, right)
    if _not_real(left, tol):
        return Outcome.DROPPED
    if _not_real(right, tol):
        return Outcome.DISAGREE
    return Outcome.AGREE if _relation_holds(left, relation, right, tol) else Outcome.DISAGREE


@dataclass(frozen=True)
class Round:
    """A round of samples: how they are drawn, and what a disagreement in it is called."""

    draws: tuple[Draw, ...]
    reading: str = ""  # said with a counterexample found in this round


@dataclass
class Tally:
    """Samples that agreed so far, over all rounds, and draws that never met the stated relations."""

    agreed: int = 0
    outside: int = 0


def _rounds(samples: int, open_kinds: bool) -> list[Round]:
    rounds = [Round(tuple(Draw(Scale.MODERATE, k) for k in range(samples)))]
    if open_kinds:
        rounds.append(Round(tuple(Draw(Scale.MODERATE, k, matrices=True) for k in range(MATRIX_SAMPLES)),
                            "matrices"))
    rounds.append(Round(tuple(Draw(Scale.WIDE, k) for k in range(WIDE_SAMPLES)), "scales"))
    return rounds


@dataclass
class Streams:
    """The random streams of one check: the theories' own draws keep the configured seed's stream
    (what they draw is theirs to widen); the plain draws searched here are seeded per step."""

    theories: np.random.Generator
    plain: np.random.Generator


def _draw_within(context: Context, expr: Expr, streams: Streams, draw: Draw, plans: dict) -> Instance | str | None:
    """An instance satisfying the stated relations; a reason when none exists; None when the draws miss.
    ``plans``: the check's plans by expression (``Plan``), made here the first time one is drawn."""
    if expr not in plans:
        plans[expr] = Plan.of(context, expr)
    plan = plans[expr]
    for _ in range(REDRAWS if context.relations else 1):
        instance = instantiate(context, expr, streams.theories, draw, streams.plain, plan)
        if isinstance(instance, str) or within_relations(context, instance):
            return instance
    return None


def inverts_open_kind(expr: Expr) -> bool:
    """Does the step invert something of open kind (``U^{-1}``, ``(AB)^{-1}``)? Inverting is what one
    does to matrices; a step that only multiplies and adds capitals may as well be about sizes."""
    return any(p.exp.is_negative and not p.base.is_commutative for p in expr.atoms(Pow))


def _refutation(instance: Instance, left, right, agreed: int, reading: str, expr: Expr) -> Verdict:
    example = Counterexample(tuple((name, _one_line(value)) for name, value in instance.described),
                             _format(left), _format(right))
    if reading != "matrices":
        return Verdict(Status.REFUTED, "the two sides differ at a concrete instance", counterexample=example,
                       samples=agreed + 1)
    names = ", ".join(sorted(str(s) for s in expr.free_symbols if is_open_kind(s)))
    if inverts_open_kind(expr):
        return Verdict(Status.REFUTED, f"the two sides differ at a concrete instance where {names}, which the step "
                       "inverts, are non-commuting square matrices (the document does not state their kind)",
                       counterexample=example, samples=agreed + 1)
    return Verdict(Status.UNKNOWN, f"holds only if {names} commute: as numbers the two sides agree on {agreed} "
                   "instances, as non-commuting square matrices they differ; the document does not state whether "
                   "they are numbers or matrices", counterexample=example, samples=agreed)


def _run_round(lhs, relation, rhs, context, config, streams: Streams, round_: Round, tally: Tally,
               functions: list, plans: dict) -> Verdict | None:
    """Samples of one round; a verdict that ends the check (unknown, refuted), else None."""
    tolerant = round_.reading == "matrices"  # a reading whose evaluation may fail: then it is skipped
    for draw in round_.draws:
        stand_ins = draw_stand_ins(functions, lhs, rhs, streams.plain, draw.index) if functions else []
        left_expr, right_expr = substituted(lhs, stand_ins), substituted(rhs, stand_ins)
        expr = Tuple(left_expr, right_expr)
        try:
            instance = _draw_within(context, expr, streams, draw, plans)
        except ValueError:  # assumptions no integer satisfies
            return None
        if instance is None:
            tally.outside += 1
            continue
        if isinstance(instance, str):
            return unknown(f"no numeric instantiation: {instance}")
        instance.described.extend((s.function.__name__, s.shown) for s in stand_ins)
        evaluate = Evaluator(instance.values, instance.hooks)
        try:
            with np.errstate(all="ignore"):
                left, right = evaluate(left_expr), evaluate(right_expr)
                outcome = judge(left, relation, right, config.rel_tol)
        except Undecided as exc:
            if round_.reading:  # a later round that cannot be evaluated says nothing new
                return None
            return unknown(f"not decided symbolically, and {exc}")
        except _MATRIX_FAILURES:
            if tolerant:  # shapes or a singular matrix under the matrix reading: skip the reading
                return None
            raise
        if outcome is Outcome.DISAGREE and stand_ins and opaque_disagreement(*_stated(lhs, rhs, context), functions):
            return _opaque_refutation(instance, left, right, tally.agreed, stand_ins)
        if outcome is Outcome.DISAGREE and stand_ins:
            return _stand_in_disagreement(instance, left, right, tally.agreed, stand_ins)
        if outcome is Outcome.DISAGREE:
            return _refutation(instance, left, right, tally.agreed, round_.reading, Tuple(lhs, rhs))
        if outcome is Outcome.AGREE:
            tally.agreed += 1
    return None


def _stated(lhs: Expr, rhs: Expr, context: Context) -> tuple[Expr, Expr]:
    """Both sides with the stated facts substituted (``alpha = beta = 1``), as the symbolic tiers read them."""
    return apply_facts(lhs, context)[0], apply_facts(rhs, context)[0]


def _opaque_refutation(instance: Instance, left, right, agreed: int, stand_ins) -> Verdict:
    """The step moves values of unknown functions between its sides and gets a coefficient wrong:
    false for every function but those with a particular value at that point (``functions``)."""
    example = Counterexample(tuple((name, _one_line(value)) for name, value in instance.described),
                             _format(left), _format(right))
    names = ", ".join(s.function.__name__ for s in stand_ins)
    return Verdict(Status.REFUTED, f"the two sides differ at a concrete instance, with {names} arbitrary: every value "
                   "of them left in the difference stands on both sides, so only a particular value at that point, "
                   "which nothing states, would make the step hold", counterexample=example, samples=agreed + 1)


def _stand_in_disagreement(instance: Instance, left, right, agreed: int, stand_ins) -> Verdict:
    """Differs for an arbitrary function: unknown, since the document may know more of it than it states."""
    example = Counterexample(tuple((name, _one_line(value)) for name, value in instance.described),
                             _format(left), _format(right))
    names = ", ".join(s.function.__name__ for s in stand_ins)
    what = "is an arbitrary real function" if len(stand_ins) == 1 else "are arbitrary real functions"
    return Verdict(Status.UNKNOWN, f"the two sides differ when {names} {what} (of both signs, not even, odd or "
                   "linear); the step holds only if the document knows more of them than it states",
                   counterexample=example, samples=agreed)


def _family(name) -> str:
    """``psi_i``, ``psi[i]`` and ``psi`` are one family ``psi``."""
    return str(name.base.label) if isinstance(name, Indexed) else str(name).split("_", 1)[0]


def _averaged_names(node: Expr) -> set:
    return {n for n in node.atoms(Indexed)} | {s for s in node.free_symbols if s.is_Symbol and not s.is_integer}


def random_by_definition(context: Context) -> set[str]:
    """Families a declared random variable is defined by alone (``g = \\psi_i^2`` with g random and
    nothing random on the right): g's randomness can only be theirs, so they are random too."""
    declared = {v.key for v in context.random_variables}
    found: set[str] = set()
    for fact in context.facts:
        if fact.lhs.is_Symbol and fact.lhs.name in declared:
            names = _averaged_names(fact.rhs)
            if names and not {_family(n) for n in names} & declared and not {str(n) for n in names} & declared:
                found |= {_family(n) for n in names}
    return found


def undeclared_averages(expr: Expr, context: Context) -> tuple[str, ...]:
    """The names averaged by E, Var or Cov in moments that hold no declared random variable but a family
    random by definition (``\\mathbb{E}[\\psi^4]`` beside ``g = \\psi_i^2``, g random): the moments theory
    reads such a moment as a constant's (E[c] = c), but the document makes psi random, so a disagreement
    drawn from that reading refutes nothing the author wrote. A constant's moment (``E[\\mu]`` beside a
    random epsilon) is no such name."""
    declared = {v.key for v in context.random_variables}
    implied = random_by_definition(context)
    found: set[str] = set()
    for node in expr.atoms(Expect, Var, Cov):
        names = _averaged_names(node)
        families = {_family(n) for n in names}
        if families & implied and not (families | {str(n) for n in names}) & declared:
            found |= {str(n) for n in names}
    return tuple(sorted(found))


def averaged_as_constants(lhs: Expr, rhs: Expr, context: Context) -> tuple[str, ...]:
    """``undeclared_averages`` of both sides once the stated facts are substituted (``g = \\psi_i^2`` puts
    psi_i where the step writes g)."""
    if not context.random_variables or not (lhs.has(Expect, Var, Cov) or rhs.has(Expect, Var, Cov)
                                            or context.facts):
        return ()
    stated = Tuple(*_stated(lhs, rhs, context))
    return tuple(sorted(set(undeclared_averages(stated, context)) | set(_bare_family_moments(Tuple(lhs, rhs), context))
                        | _entries_of_random_letters(stated, context)))


def _entries_of_random_letters(expr: Expr, context: Context) -> set[str]:
    """Names averaged in a moment that no premise declares but whose letter a declared random variable
    carries with other subscripts (``q_i`` beside random ``q_{il}``, ``k_j`` beside ``k_{jl}``): the step
    may mean a vector of those entries, so reading it as a constant (Var = 0) refutes nothing the author
    wrote."""
    declared = {v.key for v in context.random_variables}
    letters = {_family(key) for key in declared}
    return {n.name for node in expr.atoms(Expect, Var, Cov) for n in _averaged_names(node)
            if isinstance(n, Symbol) and "_" in n.name and n.name not in declared and _family(n) in letters}


def _bare_family_moments(expr: Expr, context: Context) -> set[str]:
    """``\\mathbb{E}[\\psi^4]`` as the step writes it, beside a random family psi_i: the bare psi is no entry
    of the family, so a draw reads it as another quantity (or a constant); the step may mean a generic
    entry, and a refutation from the other reading refutes nothing the author wrote."""
    families = {v.key for v in context.random_variables if isinstance(v.name, IndexedBase)}
    found: set[str] = set()
    for node in expr.atoms(Expect, Var, Cov):
        labels = {str(base.label) for base in node.atoms(IndexedBase)}  # u in u[1] or Dot(u, v) is no bare name
        found |= {s.name for s in node.free_symbols if isinstance(s, Symbol) and s.name in families - labels}
    return found


def _refutation_resting_on(verdict: Verdict, names: tuple[str, ...], why: str) -> Verdict:
    """A refutation that rests on a reading of ``names`` the document does not give: unknown, saying why."""
    if verdict.status is not Status.REFUTED or not names:
        return verdict
    return Verdict(Status.UNKNOWN, f"{verdict.reason}, but only {why.format(names=', '.join(names))}",
                   counterexample=verdict.counterexample, samples=verdict.samples - 1)


UNDECLARED_AVERAGES = ("when the moments of {names}, which a random variable is defined by but no premise declares "
                       "random, are read as those of constants (state their law or their moments)")
LAWS_WRITTEN_OTHERWISE = ("with laws drawn for {names} that need not be the law the premises state for a name of the "
                          "same letter and subscripts (the reader did not match that declaration to these entries)")


def premised_applications(expr: Expr, context: Context) -> Expr:
    """Each application a premise gives a value (``l(y, yhat) = -sum_j y_j log yhat_j``) replaced by it,
    as the symbolic tier does: that application has no other value to draw. Outside derivatives only
    (a derivative of one is the algebra theory's hook, ``_premised_derivative``), and only the very
    application the premise writes (same name, same arguments)."""
    premised = {f.lhs: f.rhs for f in context.facts if isinstance(f.lhs, AppliedUndef)}
    if not premised or not expr.has(AppliedUndef) or expr.has(Derivative):
        return expr
    found = {a: premised[a] for a in expr.atoms(AppliedUndef) if a in premised}
    return expr.xreplace(found) if found else expr


def laws_written_otherwise(lhs: Expr, rhs: Expr, context: Context) -> tuple[str, ...]:
    """Entries the step writes (``q_{il}`` read as ``q[i, l]``) of a letter whose law a premise states
    for one subscripted name (``q_{il} ~ N(0, 1)`` declared as the name ``q_{i l}``): the draw does
    not give the entries that law, so it is no instance of the document."""
    written = {_family(v.key) for v in context.random_variables if isinstance(v.name, Symbol) and "_" in v.key}
    if not written:
        return ()
    return tuple(sorted({str(n) for n in Tuple(*_stated(lhs, rhs, context)).atoms(Indexed)
                         if str(n.base.label) in written}))


def numeric_check(lhs: Expr, relation: Relation, rhs: Expr, context: Context, config: CheckConfig) -> Verdict:
    """``_sampled``, unless its refutation rests on reading moments of undeclared names as constants, or on
    laws drawn for entries whose declared law the reader did not match to them."""
    verdict = _sampled(lhs, relation, rhs, context, config)
    if verdict.status is not Status.REFUTED:
        return verdict
    verdict = _refutation_resting_on(verdict, averaged_as_constants(lhs, rhs, context), UNDECLARED_AVERAGES)
    return _refutation_resting_on(verdict, laws_written_otherwise(lhs, rhs, context), LAWS_WRITTEN_OTHERWISE)


def _sampled(lhs: Expr, relation: Relation, rhs: Expr, context: Context, config: CheckConfig) -> Verdict:
    relation = Relation(relation)
    streams = Streams(np.random.default_rng(config.seed),
                      np.random.default_rng(step_seed(config.seed, lhs, relation, rhs)))
    tally = Tally()
    lhs, rhs = gradient_stand_ins(lhs, rhs, context)
    lhs, rhs = (dot_products(premised_applications(side, context), set()) for side in (lhs, rhs))
    lhs, rhs = (softmax_entries(side, Tuple(lhs, rhs))[0] for side in (lhs, rhs))  # softmax(o)_j by its components
    functions = unknown_functions(lhs, rhs, context)
    plans: dict = {}  # what every draw of an expression shares, made once per check
    for round_ in _rounds(config.samples, has_open_kinds(Tuple(lhs, rhs))):
        decided = _run_round(lhs, relation, rhs, context, config, streams, round_, tally, functions, plans)
        if decided is not None:
            return decided
    if tally.agreed == 0 and tally.outside:
        stated = "; ".join(plain_math(r, unicode=False) for r in context.relations)
        return unknown(f"no instance drawn satisfies the stated premises ({stated if len(stated) <= 160 else stated[:157] + '...'}), so none can "
                       "refute or support the step")
    if tally.agreed == 0:
        return unknown("no sample gave finite values on both sides")
    edge = None if functions else edge_failure(lhs, relation, rhs, context, streams.plain)
    if edge is not None:
        example = Counterexample(tuple((str(s), str(v)) for s, v in edge.point), edge.left, edge.right)
        return Verdict(Status.REFUTED, "the two sides differ at an exact point (checked to 50 digits)",
                       counterexample=example, samples=tally.agreed + 1)
    return Verdict(Status.CONSISTENT, f"both sides agree on {tally.agreed} random instances", samples=tally.agreed)
