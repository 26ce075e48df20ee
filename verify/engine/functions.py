"""Stand-ins for functions nothing is known about: smooth, of either sign, not even, odd or linear.

``f(x)``, ``p(t)`` with no definition, no stated dynamics, no theory that owns it and no
stated relation about it is any real function at all; a step about it should hold for
every one. Each sample replaces such a function by ``s (c + b sin(w.u + phi)) + a.u`` with
random coefficients and a sign ``s`` that the samples vary, as a SymPy ``Lambda`` so that
derivatives of it are exact.

Only names that are not operators qualify: an expectation, a variance, a probability, a
divergence, a trace or a known function such as the sigmoid each has properties that a
random function lacks, and a refutation by one would be a misreading. The caller treats
a disagreement found with a stand-in as ``unknown`` (the document may know more about the
function than it states), and agreement as ``consistent``.

A gradient of such a function (``nabla_x f(x_k, y_k)``, ``partial_{o_j} l(y, o)``) is the value
at that argument of another function nothing is known about, so it gets a stand-in of its
own (``gradient_stand_ins``), the same one wherever the step writes it; only when ``f`` is
nowhere written bare (else the two stand-ins would contradict each other).

One disagreement needs no knowledge of the function (``opaque_disagreement``): when the
residual ``left - right`` is linear, with a nonzero coefficient, in one value of a function
(an application, or a derivative as a whole) written on both sides, the step moves that
value from one side to the other and gets a coefficient or a sign wrong
(``2 eta g(x) = eta g(x)``); no property of the function (evenness, linearity, a sign, a
definition) makes that hold, only one particular value at that point which nothing states,
so it is refuted. A step that relates values at different points (``f(x) = f(-x)``),
computes one (``partial l = p - y``), is of higher degree in it (``f(x)^2 = f(x)``) or
needs a sign (``sqrt(f(x)^2) = f(x)``) keeps ``unknown``.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import sympy
from sympy import Expr, Lambda
from sympy.core.function import AppliedUndef, UndefinedFunction

from ..model import Context

OPERATOR_NAMES = frozenset({
    "E", "Var", "Cov", "KL", "D", "P", "Pr", "H", "I", "tr", "Tr", "det", "rank", "diag", "sigma", "softmax",
    "relu", "ReLU", "rho", "L", "ell", "O", "Theta", "Omega", "sign", "erf", "Phi", "phi", "N", "J", "grad",
})
ONLY_ALGEBRA = ("algebra",)


@dataclass(frozen=True)
class StandIn:
    """One random function, as an exact ``Lambda`` and as text for a counterexample."""

    function: UndefinedFunction
    form: Lambda
    shown: str


def _name_is_operator(name: str) -> bool:
    base = name.split("_")[0]
    return base in OPERATOR_NAMES or name.startswith(("nabla", "partial", "E_", "D_", "KL"))


def _mentioned(context: Context) -> set[str]:
    """Functions that definitions, stated dynamics or stated relations speak of: not unknown."""
    found: set[str] = set()
    for expr in [*(f.lhs for f in context.facts), *(f.rhs for f in context.facts), *context.relations]:
        found |= {type(a).__name__ for a in expr.atoms(AppliedUndef)}
    return found


def _defines(lhs: Expr, rhs: Expr) -> bool:
    """``f(x) = ...`` with distinct plain arguments and no f on the right: a definition, not a claim."""
    if not isinstance(lhs, AppliedUndef) or not all(isinstance(a, sympy.Symbol) for a in lhs.args):
        return False
    return len(set(lhs.args)) == len(lhs.args) and not rhs.has(type(lhs))


def unknown_functions(lhs: Expr, rhs: Expr, context: Context) -> list[UndefinedFunction]:
    """The functions of the step that may be replaced by random stand-ins (module docstring)."""
    if tuple(context.theories) != ONLY_ALGEBRA:
        return []  # a theory may own a function (a density, a state): it draws what it owns
    applied = (lhs.atoms(AppliedUndef) | rhs.atoms(AppliedUndef))
    if not applied or _defines(lhs, rhs) or _defines(rhs, lhs):
        return []
    mentioned = _mentioned(context)
    functions = {type(a) for a in applied}
    if any(_name_is_operator(f.__name__) or f.__name__ in mentioned for f in functions):
        return []  # one opaque operator is enough to leave the step to the symbolic tiers
    if any(not arg.is_commutative for a in applied for arg in a.args):
        return []
    if len({(type(a), len(a.args)) for a in applied}) != len(functions):
        return []  # one name with two arities is not one function
    return sorted(functions, key=lambda f: f.__name__)


GRADIENT_PREFIXES = ("nabla", "partial")


def _gradient_of_unknown(applied, context_names: set[str]) -> bool:
    """``nabla_x(f(...))``: a gradient operator written at one application of a function nothing is known about."""
    if not (isinstance(applied, AppliedUndef) and applied.func.__name__.startswith(GRADIENT_PREFIXES)):
        return False
    if len(applied.args) != 1 or not isinstance(applied.args[0], AppliedUndef):
        return False
    inner = applied.args[0].func.__name__
    return not _name_is_operator(inner) and inner not in context_names


def _gradient_function(applied) -> UndefinedFunction:
    """The stand-in's function for ``nabla_x(f(..))``: one per operator and function, real."""
    return sympy.Function(f"({applied.func.__name__} {applied.args[0].func.__name__})", real=True)


def gradient_stand_ins(lhs: Expr, rhs: Expr, context: Context) -> tuple[Expr, Expr]:
    """Both sides with each gradient of an unknown function as a function of its own at the same
    arguments (module docstring); unchanged when the function is also written bare, or when
    something other than algebra owns the step."""
    if tuple(context.theories) != ONLY_ALGEBRA:
        return lhs, rhs
    mentioned = _mentioned(context)
    applied = lhs.atoms(AppliedUndef) | rhs.atoms(AppliedUndef)
    gradients = {a for a in applied if _gradient_of_unknown(a, mentioned)}
    if not gradients:
        return lhs, rhs
    hidden = {a: sympy.Dummy() for a in gradients}
    written = {type(a) for side in (lhs, rhs) for a in side.xreplace(hidden).atoms(AppliedUndef)}
    if {a.args[0].func for a in gradients} & written or any(a.args[0].has(*gradients) for a in gradients):
        return lhs, rhs
    mapping = {a: _gradient_function(a)(*a.args[0].args) for a in gradients}
    return lhs.xreplace(mapping), rhs.xreplace(mapping)


def _opaque_terms(expr: Expr, functions: list[UndefinedFunction]) -> set:
    """The values of unknown functions ``expr`` holds: applications, and derivatives of them as wholes."""
    derivatives = {d for d in expr.atoms(sympy.Derivative) if any(d.has(f) for f in functions)}
    inside = set().union(*(d.atoms(AppliedUndef) for d in derivatives)) if derivatives else set()
    return derivatives | {a for a in expr.atoms(AppliedUndef) if type(a) in functions and a not in inside}


def opaque_disagreement(lhs: Expr, rhs: Expr, functions: list[UndefinedFunction]) -> bool:
    """Is ``lhs - rhs`` linear, with a nonzero coefficient, in one value of an unknown function that
    stands on both sides (module docstring)? Then exactly one value at that point makes the step
    hold. A difference in two values (``f(x) - f(-x)``: evenness), of higher degree (``f(x)^2 - f(x)``:
    values in {0, 1}) or not polynomial (``sqrt(f(x)^2) - f(x)``: a sign) may vanish for a whole
    class of functions, which the document may mean."""
    terms = _opaque_terms(lhs, functions) | _opaque_terms(rhs, functions)
    values = {term: sympy.Dummy("v") for term in terms}
    left, right = lhs.xreplace(values), rhs.xreplace(values)
    if any(side.has(f) for side in (left, right) for f in functions):
        return False  # a value of a function inside another's argument: not one opaque value
    difference = sympy.expand(left - right)
    remaining = difference.free_symbols & set(values.values())
    if len(remaining) != 1 or not remaining <= (left.free_symbols & right.free_symbols):
        return False
    try:
        polynomial = sympy.Poly(difference, *remaining)
    except sympy.PolynomialError:
        return False
    return polynomial.degree() == 1


def _significant(value: float, digits: int = 3) -> float:
    return float(f"{value:.{digits}g}")


def stand_in(function: UndefinedFunction, arity: int, rng: np.random.Generator, sign: int = 1) -> StandIn:
    """``s (c + b sin(w.u + phi)) + a.u`` with 0 < |b| < c: smooth, not linear, not even or odd,
    and near the origin of the chosen sign ``s`` (so samples meet every pattern of signs)."""
    u = sympy.symbols(f"u0:{arity}", real=True)
    c = _significant(rng.uniform(0.6, 2.0))
    b = _significant(rng.uniform(0.2, 0.5) * c * rng.choice([-1, 1]))
    phi = _significant(rng.uniform(-3.0, 3.0))
    slopes = [_significant(rng.uniform(-0.3, 0.3)) for _ in u]
    rates = [_significant(rng.uniform(0.5, 2.0)) for _ in u]
    linear = sum(sympy.Float(a) * v for a, v in zip(slopes, u))
    phase = sum(sympy.Float(w) * v for w, v in zip(rates, u)) + sympy.Float(phi)
    form = Lambda(u, sign * (sympy.Float(c) + sympy.Float(b) * sympy.sin(phase)) + linear)
    shown = f"{function.__name__}({', '.join(map(str, u))}) = {form.expr}"
    return StandIn(function, form, shown)


def substituted(expr: Expr, stand_ins: list[StandIn]) -> Expr:
    for s in stand_ins:
        expr = expr.replace(s.function, s.form)
    return expr


def draw_stand_ins(functions: list[UndefinedFunction], lhs: Expr, rhs: Expr, rng: np.random.Generator,
                   index: int = 0) -> list[StandIn]:
    """Stand-ins for one sample; the signs follow the bits of the sample's index (+ +, + -, - +, - -, ...)."""
    arity = {type(a): len(a.args) for a in (lhs.atoms(AppliedUndef) | rhs.atoms(AppliedUndef))}
    return [stand_in(f, arity[f], rng, -1 if (index >> j) & 1 else 1) for j, f in enumerate(functions)]


def _defined_names(context: Context) -> set[str]:
    """Families and names a fact gives a value to, or states a derivative of (``p_i = softmax(o)_i``,
    ``p = softmax(o)``, ``d p_i / d o_j = ...``): their dependence is the document's to state."""
    names: set[str] = set()
    for fact in context.facts:
        names |= {str(e.base.label) for e in fact.lhs.atoms(sympy.Indexed)}
        names |= {s.name for s in fact.lhs.free_symbols if isinstance(s, sympy.Symbol)}
        names |= {a.func.__name__ for a in fact.lhs.atoms(AppliedUndef)}
    return names | {v.key for v in context.random_variables}


def moving_families(expr: Expr, context: Context) -> frozenset:
    """The families ``expr`` differentiates bare by another variable (``d p_k/d o_i``) that no fact defines."""
    defined = _defined_names(context)
    return frozenset(d.expr.base for d in expr.atoms(sympy.Derivative) if isinstance(d.expr, sympy.Indexed)
                     and str(d.expr.base.label) not in defined and _by_another(d, d.expr.base))


def undefined_entry_derivatives(expr: Expr, context: Context, elsewhere: frozenset = frozenset()) -> tuple[str, ...]:
    """Derivatives in ``expr`` of entries of a family the step differentiates bare (``d p_k/d o_i``) and
    that is defined nowhere (no fact gives p), by anything but an entry of that family. Carried out, such
    an entry is a constant and the derivative 0; but writing ``d p_k/d o_i`` says the author takes p to
    depend on o, so that 0 would prove or refute a step about a function nothing states (``d p_k/d o_i = 0``
    proved, a right softmax step refuted). Those derivatives, as text; none when the family is defined.
    ``elsewhere``: the families other steps of the document differentiate so (``moving_families``), since
    ``d/do_i (p_k^2)`` after a step that wrote ``d p_k/d o_i`` is about the same p. A family never
    differentiated bare (labels y in ``d/do_i sum_k y_k log p_k``) stays data."""
    derivatives = expr.atoms(sympy.Derivative)
    moving = moving_families(expr, context) | set(elsewhere)
    found = {f"d{d.expr}/d{', '.join(map(str, d.variables))}" for d in derivatives
             if any(e.base in moving and _by_another(d, e.base) for e in d.expr.atoms(sympy.Indexed))}
    return tuple(sorted(found))


def _by_another(derivative: sympy.Derivative, base) -> bool:
    """Is ``derivative`` taken by something other than an entry of the family ``base``?"""
    return any(not (isinstance(v, sympy.Indexed) and v.base == base) for v in derivative.variables)
