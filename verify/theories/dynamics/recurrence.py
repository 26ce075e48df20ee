r"""Closed forms of a recurrence, by induction: ``r_{t+1} = \sqrt{1+\eta^2} r_t`` gives ``r_t = (1+\eta^2)^{t/2} r_0``.

A step ``s_n = f(n)`` about a family ``s`` that a fact defines one index at a time (``s_{t+1} = g(s_t, t)``)
is decided by induction on the index from the base ``b`` the closed form is written from (its one member
``s_b`` of integer index, or a fact ``s_b = value``): ``f(b) = s_b`` and ``f(n + 1) = g(f(n), n)``, both in
the algebra's canonical form. Both vanishing proves the step for every n >= b. Otherwise the recurrence is
unrolled from the base at exact rationals: a closed form that differs from the unrolled value at
``n = b, b + 1, b + 2`` is refuted there; one that agrees is unknown (the identity is not found).

Family members are names ``s_t``, ``s_{t + 1}``, ``s_0``, ``eta_t`` (the reader's symbols); their indices
are read from the name (a letter, an integer, or a letter plus or minus an integer), never evaluated.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

import sympy
from sympy import Expr, Function, Integer, Rational, Symbol
from sympy.core.facts import InconsistentAssumptions

from ...config import CheckConfig
from ...model import Context, Fact, Relation
from ...verdict import Counterexample, Status, Verdict, proved, unknown
from ..algebra import fact_rule
from ..base import THEORIES, Rule, register_rule, step_handler

INDUCTION = register_rule(Rule(
    "closed form of a recurrence", "s_n = f(n) for every n >= b when f(b) = s_b and f(n + 1) = g(f(n), n), "
    "for the recurrence s_{n+1} = g(s_n, n) (induction on n)", aliases=("induction", "unrolling the recurrence")))

_MEMBER = re.compile(r"^(?P<stem>.+?)_(?:\{(?P<braced>[^{}]+)\}|(?P<bare>[A-Za-z0-9]))$")
_INDEX = re.compile(r"^\s*(?:(?P<var>[A-Za-z])\s*(?:(?P<sign>[+-])\s*(?P<off>\d+))?|(?P<num>\d+))\s*$")
_VARIABLES: dict[str, Symbol] = {}


def _variable(name: str) -> Symbol:
    return _VARIABLES.setdefault(name, Symbol(f"index_{name}", integer=True))


def member(symbol) -> tuple[str, Expr] | None:
    """``r_{t + 1}`` -> ("r", t + 1), ``r_0`` -> ("r", 0); None for any other name."""
    if not isinstance(symbol, Symbol):
        return None
    found = _MEMBER.match(symbol.name)
    if found is None:
        return None
    index = _INDEX.match(found["braced"] or found["bare"])
    if index is None:
        return None
    if index["num"] is not None:
        return found["stem"], Integer(int(index["num"]))
    offset = int(index["off"] or 0) * (-1 if index["sign"] == "-" else 1)
    return found["stem"], _variable(index["var"]) + offset


def as_families(expr: Expr, index: Symbol | None = None) -> Expr:
    r"""Every family member ``s_i`` as the application ``s(i)``, so an index can be shifted; the document's
    plain name of the index (``t`` in ``(1+\eta^2)^{t/2}``), when given, as that index."""
    mapping = {}
    for symbol in expr.free_symbols:
        found = member(symbol)
        if found is not None:
            mapping[symbol] = Function(found[0], real=True)(found[1])
        elif index is not None and isinstance(symbol, Symbol) and index.name == f"index_{symbol.name}":
            mapping[symbol] = index
    return expr.xreplace(mapping)


@dataclass(frozen=True)
class Recurrence:
    stem: str
    variable: Symbol  # the fact's index, e.g. t of s_{t+1} = g(s_t, t)
    step: Expr  # g, with s_t as s(t)
    fact: Fact


def recurrences(context: Context) -> dict[str, Recurrence]:
    """Facts ``s_{v+1} = g`` with g in terms of ``s_v``, by family."""
    found: dict[str, Recurrence] = {}
    for fact in context.facts:
        read = member(fact.lhs)
        if read is None or not isinstance(read[1], sympy.Add):
            continue
        stem, index = read
        variable = next(iter(index.free_symbols), None)
        if variable is None or index != variable + 1:
            continue
        step = as_families(fact.rhs, variable)
        family = Function(stem, real=True)
        if step.has(family(variable)) and not any(a.func == family and a.args[0] != variable
                                                  for a in step.atoms(sympy.core.function.AppliedUndef)):
            found[stem] = Recurrence(stem, variable, step, fact)
    return found


def _zero(expr: Expr, context: Context) -> bool:
    form, _ = THEORIES["algebra"].canonical(expr, context)
    if form == 0:
        return True
    if sympy.count_ops(form) > 200:  # simplify is costly on large forms: the step is left to unrolling
        return False
    try:
        return sympy.simplify(sympy.powsimp(sympy.expand_power_base(form, force=False))) == 0
    except (TypeError, ValueError, NotImplementedError):
        return False


def _sides(lhs: Expr, rhs: Expr, found: dict[str, Recurrence]):
    for side, other, first in ((lhs, rhs, True), (rhs, lhs, False)):
        read = member(side)
        if read is not None and read[0] in found and isinstance(read[1], Symbol):
            return read, other, first
    return None


def _base(closed: Expr, family, index: Symbol, context: Context) -> tuple[int, Expr] | None:
    """The base index b and the value s_b: the one member of integer index in the closed form, or a fact."""
    members = {a.args[0] for a in closed.atoms(sympy.core.function.AppliedUndef) if a.func == family}
    if members - {m for m in members if m.is_Integer}:
        return None  # s_n itself, or s_{n-1}, in the closed form: not a closed form
    if len(members) == 1:
        b = members.pop()
        return int(b), family(b)
    if members:
        return None
    for fact in context.facts:
        read = member(fact.lhs)
        if read is not None and read[0] == str(family) and read[1].is_Integer:
            return int(read[1]), as_families(fact.rhs)
    return None


@step_handler
def recurrence_step(lhs, relation, rhs, context: Context, config: CheckConfig) -> Verdict | None:
    """``s_n = f(n)`` for a family a fact defines by a recurrence (see the module docstring)."""
    try:
        return _decided(lhs, relation, rhs, context)
    except (InconsistentAssumptions, ValueError, TypeError, NotImplementedError) as error:
        return unknown(f"the closed form of the recurrence is not decided: SymPy failed on it ({type(error).__name__})")


def _decided(lhs, relation, rhs, context: Context) -> Verdict | None:
    if relation is not Relation.EQ or not context.facts:
        return None
    found = recurrences(context)
    if not found:
        return None
    sides = _sides(lhs, rhs, found)
    if sides is None:
        return None
    (stem, index), other, member_left = sides
    recurrence = found[stem]
    family = Function(stem, real=True)
    closed = as_families(other, index)
    coupled = [str(other) for other in found if other != stem and recurrence.step.has(Function(other, real=True))]
    coupled += [name for name in _stated_families(closed, recurrence.step, family, context) if name not in coupled]
    base = _base(closed, family, index, context)
    if coupled and (base is None or not _proved(closed, recurrence, family, index, base, context)):
        return None  # coupled with other stated families: decided with them (``dynamics.invariants``)
    if base is None:
        if _free_base(closed, family):  # s_0 is stated nowhere: the recurrence runs from a free s_0
            where = f"the recurrence {recurrence.fact.lhs} = {recurrence.fact.rhs}, from a free {stem}_0"
            return _unrolled(closed, recurrence, family, index, 0, family(0), where, member_left, context, first=1)
        return None
    b, start = base
    n = index
    where = f"the recurrence {recurrence.fact.lhs} = {recurrence.fact.rhs}, from {stem}_{b}"
    if _proved(closed, recurrence, family, n, base, context):
        shown = n.name.removeprefix("index_")
        return proved(f"by induction on the index from {b}: the closed form is {stem}_{b} at {b}, and one step of "
                      f"{where} takes it from {shown} to {shown} + 1", (INDUCTION, fact_rule(recurrence.fact)))
    return _unrolled(closed, recurrence, family, n, b, start, where, member_left, context)


def _proved(closed: Expr, recurrence: Recurrence, family, n: Symbol, base: tuple[int, Expr], context: Context) -> bool:
    """The base case and the induction step, each 0 in canonical form."""
    b, start = base
    step = recurrence.step.xreplace({recurrence.variable: n}).xreplace({family(n): closed})
    return _zero(finite(closed.xreplace({n: b})) - start, context) and _zero(advanced(closed, n) - step, context)


def finite(expr: Expr) -> Expr:
    """Sums and products with integer limits written out term by term (an empty one is 0 or 1), without
    SymPy's ``doit`` (which rebuilds the dummy from its assumptions and can meet a contradiction)."""
    def written_out(node):
        if len(node.limits) != 1:
            return node
        dummy, low, high = node.limits[0]
        if not (low.is_Integer and high.is_Integer):
            return node
        terms = [node.function.xreplace({dummy: Integer(i)}) for i in range(int(low), int(high) + 1)]
        return sympy.Add(*terms) if isinstance(node, sympy.Sum) else sympy.Mul(*terms)

    return expr.replace(lambda e: isinstance(e, (sympy.Sum, sympy.Product)), written_out)


def advanced(closed: Expr, n: Symbol) -> Expr:
    """``closed`` at ``n + 1``, a sum or product up to ``u(n)`` split as the one up to ``u(n)`` and its last
    term (so it cancels against the recurrence's step)."""
    peeled = {}
    for node in closed.atoms(sympy.Sum, sympy.Product):
        (dummy, low, high), = node.limits if len(node.limits) == 1 else ((None, None, None),)
        if dummy is None or not high.has(n) or low.has(n):
            continue
        last = node.function.xreplace({dummy: high.xreplace({n: n + 1})})
        peeled[node] = sympy.Add(node, last) if isinstance(node, sympy.Sum) else sympy.Mul(node, last)
    marks = {node: sympy.Dummy() for node in peeled}
    shifted = closed.xreplace(marks).xreplace({n: n + 1})
    return shifted.xreplace({marks[node]: value for node, value in peeled.items()})


def _stated_families(closed: Expr, step: Expr, family, context: Context) -> list[str]:
    """Other families in the closed form or the step that the document gives values to (a fact for one of
    their members): unrolling could not give them free values. A family no fact mentions (step sizes
    ``eta_t``) is a free sequence."""
    stated = {read[0] for f in context.facts if (read := member(f.lhs)) is not None}
    stated |= {str(f.lhs.base.label) for f in context.facts if isinstance(f.lhs, sympy.Indexed)}
    found = []
    for node in (*closed.atoms(sympy.core.function.AppliedUndef), *step.atoms(sympy.core.function.AppliedUndef)):
        if node.func != family and str(node.func) in stated:
            found.append(str(node.func))
    for node in (*closed.atoms(sympy.Indexed), *step.atoms(sympy.Indexed)):
        if str(node.base.label) in stated:
            found.append(str(node.base.label))
    return sorted(set(found))


def _free_base(closed: Expr, family) -> bool:
    """No member of the family at all in the closed form (``s_T = \\sum_t \\eta_t``)."""
    return not any(a.func == family for a in closed.atoms(sympy.core.function.AppliedUndef))


def _unrolled(closed: Expr, recurrence: Recurrence, family, n: Symbol, b: int, start: Expr, where: str,
              member_left: bool, context: Context, first: int = 0) -> Verdict:
    """``_unrolled_with`` for each kind of values in turn, until one keeps the stated relations."""
    for kind in range(VALUE_KINDS):
        verdict = _unrolled_with(closed, recurrence, family, n, b, start, where, member_left, context, first, kind)
        if verdict is not None:
            return verdict
    return unknown(f"unrolling {where} would test the closed form only at values outside the stated relations; "
                   "no admissible instance was found")


def universal(n: Symbol, *variables: Symbol) -> bool:
    """The claim's index is the recurrences' own letter (``r_t`` beside ``r_{t+1} = ...``): the general term,
    so one failing index refutes it. Another letter (``p_T``) may name one particular index."""
    return all(n == v for v in variables)


def _unrolled_with(closed: Expr, recurrence: Recurrence, family, n: Symbol, b: int, start: Expr, where: str,
                   member_left: bool, context: Context, first: int, kind: int) -> Verdict | None:
    """The recurrence run from the base at exact rationals, against the closed form, at the indices from
    ``b + first`` (from b + 1 when the base value is free: the closed form need not hold at a base the
    document never gives). A general term is refuted at its first failing index; a claim about an index of
    another letter only when it fails at each of b + 1 .. b + 3 (it may be about one of them)."""
    general = universal(n, recurrence.variable)
    value = start
    others = {}
    failures, held = [], []
    for k in range(b, b + 4):
        if k > b:
            value = recurrence.step.xreplace({recurrence.variable: k - 1}).xreplace({family(k - 1): value})
        if k < b + max(first, 0 if general else 1):
            continue
        claimed = finite(closed.xreplace({n: k}))
        difference = claimed - value
        fails = fails_at(difference, others, kind, context)
        if fails is None:
            return None
        if fails:
            failures.append((k, value, claimed))
            if general:
                break
        else:
            held.append(k)
    tested = tested_indices(failures, held, general, n, others, member_left, f"unrolling {where}",
                            lambda k, got, written: f"unrolling {where}: at index {k} the recurrence gives {got}, "
                                                    f"the closed form {written}")
    if tested is not None:
        return tested
    letter = n.name.removeprefix("index_")
    if first:
        return unknown(f"the closed form agrees with {where} at the first indices, but it holds only for a "
                       f"particular {str(family)}_0, which the document does not state")
    return unknown(f"the closed form agrees with {where} at the first indices, but the induction step "
                   f"f({letter} + 1) = g(f({letter}), {letter}) is not found in canonical form")


def fails_at(difference: Expr, values: dict, kind: int, context: Context) -> bool | None:
    """Does the closed form fail at this index? Its free names get rational values of the given kind
    (kept in ``values`` for the next indices); None when those values break a stated relation."""
    for i, name in enumerate(_free_names(difference)):
        if name not in values:
            values[name] = _rational(name, len(values) + i, kind)
    concrete = sympy.simplify(finite(difference.xreplace(values)))
    if not admissible(values, context):
        return None
    return bool(concrete.is_number and concrete != 0 and concrete.is_finite)


def tested_indices(failures: list, held: list, general: bool, n: Symbol, values: dict, member_left: bool,
                   unrolling: str, refutation: Callable[[int, str, str], str]) -> Verdict | None:
    """What the indices tested say: a refutation at the first failing index (for a general term, or a claim
    failing at every index tried), unknown when it holds at some and fails at others, None when none failed.
    ``refutation(k, got, written)`` words the refutation at index k."""
    letter = n.name.removeprefix("index_")
    if failures and (general or not held):
        k, value, claimed = failures[0]
        shown = ((letter, str(k)), *((_shown(s), str(v)) for s, v in values.items()))
        got, written = (str(_as_names(sympy.simplify(e.xreplace(values)))) for e in (value, claimed))
        sides = (got, written) if member_left else (written, got)
        return Verdict(Status.REFUTED, refutation(k, got, written),
                       counterexample=Counterexample(shown, *sides))
    if failures:
        return unknown(f"{unrolling}: the step holds at {letter} = {', '.join(map(str, held))} and fails at "
                       f"{letter} = {', '.join(str(f[0]) for f in failures)}; the document does not say which "
                       f"{letter} it means")
    return None


def _free_names(expr: Expr) -> list:
    """What takes a value: family members ``s(k)``, indexed entries ``eta[k]`` and the plain symbols outside
    them (an IndexedBase's label is no value of its own)."""
    applied = set(expr.atoms(sympy.core.function.AppliedUndef, sympy.Indexed))
    inside = set().union(*(a.free_symbols for a in applied)) if applied else set()
    plain = {s for s in expr.free_symbols if s not in inside}
    return sorted(applied, key=str) + sorted(plain, key=str)


def admissible(values: dict, context: Context) -> bool:
    """Whether the chosen values keep every stated relation (``eta > 1``, ``eta_t < 1`` for each member of a
    family) and each symbol's own sign: a counterexample outside the premises refutes nothing."""
    for name, value in values.items():
        if isinstance(name, Symbol) and ((name.is_negative and value >= 0) or (name.is_positive and value <= 0)):
            return False
    plain = {s.name: v for s, v in values.items() if isinstance(s, Symbol)}
    by_stem: dict[str, list] = {}
    for name, value in values.items():
        stem = str(name.func) if isinstance(name, sympy.core.function.AppliedUndef) else \
            str(name.base.label) if isinstance(name, sympy.Indexed) else None
        if stem is not None:
            by_stem.setdefault(stem.lstrip("\\"), []).append(value)
    for relation in context.relations:
        free = sorted(relation.free_symbols, key=str)
        families = [(s, member(s)) for s in free if s.name not in plain]
        choices: list[dict] = [{}]
        for symbol, read in families:
            stem = read[0].lstrip("\\") if read is not None else None
            if stem is None or stem not in by_stem:
                choices = []  # a name the values do not cover: the relation says nothing of them
                break
            choices = [dict(c, **{symbol.name: v}) for c in choices for v in by_stem[stem]]
        for choice in choices:
            given = {s: plain.get(s.name, choice.get(s.name)) for s in free}
            if any(v is None for v in given.values()):
                continue
            if relation.xreplace(given) is not sympy.true:
                return False
    return True


VALUE_KINDS = 3  # values in (0, 1), above 2, in (-1, 0): tried in turn until the stated relations hold


def _rational(symbol, i: int, kind: int = 0) -> Expr:
    """A small exact value of the kind asked, an integer for an integer name (a size)."""
    if getattr(symbol, "is_integer", None):
        return Integer(2 + i)
    return (Rational(3 + i, 4 + 2 * i), Integer(2 + i) + Rational(1, 2 + i), -Rational(3 + i, 4 + 2 * i))[kind]


def _as_names(expr: Expr) -> Expr:
    """Family applications back as the document's names (``s(0)`` as ``s_0``), for display."""
    return expr.xreplace({a: Symbol(_shown(a)) for a in expr.atoms(sympy.core.function.AppliedUndef)})


def _shown(name: Expr) -> str:
    """A family member as the document writes it (``r_0``), any other name as it is."""
    if isinstance(name, sympy.core.function.AppliedUndef):
        return f"{name.func}_{name.args[0]}"
    return str(name)
