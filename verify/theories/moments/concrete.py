"""The numeric tier: concrete distributions that satisfy the declarations, with exact moments.

Each sample draws one concrete joint law: every declared variable becomes
``mean + sign sqrt(variance) S`` for a standard source S (normal, fair sign or uniform,
mean 0 and variance 1; a law stated only by its moments gets one of the three at random).
Variables the premises do not make independent may share a source (the same draw, or its
negation), which is how a correlated counterexample is found; declared independence and
i.i.d. families always get sources of their own. The sources are independent, so E, Var
and Cov of the substituted expression reduce *exactly* (``moments.reduction`` in strict
mode): no Monte Carlo, a wrong variance differs by an exact amount.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field

import numpy as np
from sympy import Expr, Indexed, IndexedBase, Integer, Integral, Rational, Sum, Symbol, sqrt

from ...evaluation import Evaluator
from ...model import Context
from ...undecided import Undecided
from ...vocabulary.linalg import Dot
from ...vocabulary.random import Cov, Expect, Family, Independence, Law, RandomVariable, Var
from ..algebra import apply_facts, sample_value
from ..base import Instance
from .canonical import canonical, dot_product, reduce
from .declared import RandomModel, random_atoms, random_model
from .laws import componentwise
from .numbers import install as install_gaussian_numbers

FAMILIES = (Family.NORMAL, Family.RADEMACHER, Family.UNIFORM)
COUPLINGS = ("independent", "same draw", "opposite draws")
OPERATOR_NAMES = frozenset({"E", "V", "Var", "Cov", "Variance"})  # a name beside a random value: a misread operator


@dataclass(frozen=True)
class Realisation:
    """One declared variable as ``mean + sign * sqrt(variance) * source``."""

    declaration: RandomVariable
    family: Family
    mean: Expr
    variance: Expr
    sign: int
    source: Symbol | IndexedBase
    shares: str | None  # the variable whose draw it shares, if any

    def value(self, atom: Expr) -> Expr:
        source = self.source[atom.indices[0]] if isinstance(self.source, IndexedBase) else self.source
        return self.mean + self.sign * sqrt(self.variance) * source

    def describe(self) -> tuple[str, str]:
        name = f"{self.declaration.key}_i" if self.declaration.is_family else self.declaration.key
        text = f"{self.family.value}, mean {self.mean}, variance {self.variance}"
        if self.declaration.is_family:
            text += ", i.i.d." if isinstance(self.source, IndexedBase) else ", all components one draw"
        if self.shares is not None:
            text += f", {'the same draw as' if self.sign > 0 else 'the negated draw of'} {self.shares}"
        return name, text


@dataclass(frozen=True)
class ConcreteModel:
    """The realisations of the declared variables and the independent sources they use."""

    realisations: tuple[Realisation, ...]
    sources: RandomModel

    @functools.cached_property
    def by_key(self) -> dict[str, Realisation]:
        return {r.declaration.key: r for r in self.realisations}

    def substitute(self, expr: Expr) -> Expr:
        """``expr`` with every declared variable written through its source."""
        def concrete(atom):
            found = self.by_key.get(str(atom.base.label) if isinstance(atom, Indexed) else atom.name)
            if found is None or found.declaration.is_family != isinstance(atom, Indexed):
                return atom
            return found.value(atom)

        scalars = {s: concrete(s) for s in expr.free_symbols if isinstance(s, Symbol)}
        expr = expr.xreplace({s: v for s, v in scalars.items() if v is not s})
        return expr.replace(lambda e: isinstance(e, Indexed) and len(e.indices) == 1, concrete)


@dataclass
class _Shared:
    """Variables that share one source, as ``draw`` collects them."""

    kind: str  # "scalar", "vector" (i.i.d. components) or "shared vector" (all components one draw)
    family: Family
    length: Expr | None
    source: Symbol | IndexedBase
    members: list[str] = field(default_factory=list)

    def admits(self, declaration: RandomVariable, kind: str, model: RandomModel) -> bool:
        """May ``declaration`` share this source? Same shape and family, and no statement makes it
        independent of a member."""
        return (kind == self.kind and declaration.length == self.length
                and declaration.law.family in (Family.UNSPECIFIED, self.family)
                and not any(declaration.key in s.keys and set(self.members) & s.keys for s in model.independence))


def draw(model: RandomModel, rng: np.random.Generator) -> ConcreteModel:
    """One concrete joint law satisfying the declarations (see the module docstring)."""
    coupling = COUPLINGS[int(rng.choice(3, p=[0.2, 0.4, 0.4]))]
    unstated = FAMILIES[int(rng.integers(3))]  # the family of this sample's laws stated only by moments
    shared: list[_Shared] = []
    realisations = []
    for declaration in sorted(model.variables, key=lambda v: v.key):
        law = declaration.law
        mean = law.mean if law.mean is not None else Rational(int(rng.integers(-4, 5)), 4)
        variance = law.variance if law.variance is not None else Rational(int(rng.integers(1, 9)), 4)
        kind = ("vector" if declaration.iid else "shared vector") if declaration.is_family else "scalar"
        if kind == "shared vector" and coupling == "independent":
            kind = "vector"
        joined = None
        if coupling != "independent" and kind != "shared vector":
            joined = next((c for c in shared if c.admits(declaration, kind, model)), None)
        if joined is None:
            name = f"source#{len(shared)}"
            family = law.family if law.family is not Family.UNSPECIFIED else unstated
            joined = _Shared(kind, family, declaration.length, IndexedBase(name) if kind == "vector" else Symbol(name))
            shared.append(joined)
        sign = -1 if coupling == "opposite draws" and len(joined.members) % 2 else 1
        shares = joined.members[0] if joined.members else None
        joined.members.append(declaration.key)
        realisations.append(Realisation(declaration, joined.family, mean, variance, sign, joined.source, shares))
    sources = tuple(RandomVariable(c.source, Law(c.family, Integer(0), Integer(1)), iid=c.kind == "vector",
                                   length=c.length) for c in shared)
    independent = (Independence(tuple(c.source for c in shared)),)
    constants = None if model.constants is None else model.constants | model.parameters
    return ConcreteModel(tuple(realisations), RandomModel(sources, independent, constants))


@functools.lru_cache(maxsize=4096)
def exact(node: Expr, concrete: ConcreteModel, context: Context) -> Expr:
    """The exact value of E, Var or Cov ``node`` under the concrete law (parameters still symbols).

    The context's definitions are substituted first, as in the canonical form."""
    model = random_model(context)
    node, _ = apply_facts(node, context)
    written_out = node.replace(lambda e: isinstance(e, Dot), lambda e: dot_product(e, model, []))
    try:
        return reduce(concrete.substitute(written_out), concrete.sources, [], strict=True)
    except Undecided:
        return by_the_premises(node, context)


def by_the_premises(node: Expr, context: Context) -> Expr:
    """The value the premises give ``node`` (``Var(q . k / sqrt d)`` = ``Var(q . k) / d`` = ``d sigma^4 / d``
    by a stated moment) when the concrete law cannot reduce it (a family of unknown length): the
    canonical form, if no E, Var or Cov is left in it; else Undecided, as before. The symbolic tier
    stands on the same premises."""
    form, _ = canonical(node, context)
    if form.has(Expect, Var, Cov, Dot):
        raise Undecided(f"the concrete laws cannot evaluate {node}, nor do the premises give its value")
    return form


def _name(symbol) -> str:
    return str(symbol.base.label) if isinstance(symbol, Indexed) else str(symbol)


def _mentioned(expr: Expr, model: RandomModel) -> set[str]:
    """The declared variables ``expr`` names, by key (inside operators too)."""
    names = {_name(s) for s in expr.atoms(Symbol, Indexed)} | {str(b.label) for b in expr.atoms(IndexedBase)}
    return names & set(model.by_key)


def _entries_of_other_shape(expr: Expr, model: RandomModel) -> str | None:
    """Why no concrete law is drawn: an entry with several indices (``k_{jm}``, inside E, Var and Cov too)
    of a family declared with one, whose law the premises do not give; a draw would hold it constant."""
    for atom in expr.atoms(Indexed):
        declaration = model.by_key.get(str(atom.base.label))
        if declaration is not None and declaration.is_family and len(atom.indices) != 1:
            return (f"{atom} has {len(atom.indices)} indices, but the premises declare the components of "
                    f"{atom.base.label} with one: no law is drawn for it")
    return None


def at_indices(node: Expr, evaluate: Evaluator) -> Expr:
    """``node`` with each free component index that has an integer value (a sampled ``i``, or the
    index of an enclosing sum being evaluated) replaced by it: components become concrete."""
    indices = {i for atom in node.atoms(Indexed) for i in atom.indices if isinstance(i, Symbol)} & node.free_symbols
    values = {}
    for index in indices:
        try:
            value = complex(evaluate(index))
        except Undecided:
            continue
        if value.imag == 0 and float(value.real).is_integer():
            values[index] = Integer(int(value.real))
    return node.xreplace(values) if values else node


def _random_value(expr: Expr, model: RandomModel) -> bool:
    try:
        return bool(random_atoms(expr, model))
    except Undecided:
        return True


def unaveraged(expr: Expr, model: RandomModel, context: Context) -> str | None:
    """Why ``expr`` has no numbers: a declared random atom outside E, Var and Cov (definitions
    unfolded), whose value is random, not a moment; variables an integral or a sum binds
    (``\\int q(z) f(z) dz`` with ``z \\sim q``) are not values. None when there is none."""
    try:
        unfolded, _ = apply_facts(expr, context)
        atoms = random_atoms(unfolded, model)
    except Undecided as why:
        return str(why)
    bound = {str(b) for b in context.integration_variables}
    bound |= {str(limit[0]) for node in unfolded.atoms(Integral, Sum) for limit in node.limits}
    outside = [a for a in atoms if not (isinstance(a, Symbol) and a.name in bound)]
    if not outside:
        return None
    return (f"{', '.join(map(str, outside))} stand outside E, Var and Cov: a random quantity has no "
            "value to compare, only its moments do")


def beyond_two_moments(node: Expr, model: RandomModel) -> bool:
    """``E[X^k]`` for k > 2 of a variable whose family is not stated: the premises give it a value that a
    normal, sign or uniform law with X's mean and variance need not have (a two-point law's fourth moment)."""
    if not (isinstance(node, Expect) and node.body.is_Pow and node.body.exp.is_Integer and node.body.exp > 2):
        return False
    declaration = model.declaration(node.body.base)
    return declaration is not None and declaration.law.family is Family.UNSPECIFIED


def instantiate(context: Context, expr: Expr, rng: np.random.Generator, instance: Instance) -> str | None:
    """Draw a concrete joint law, sample the parameters of the laws, and install exact hooks."""
    try:
        model = random_model(context)
    except Undecided as why:
        return str(why)
    install_gaussian_numbers(expr, {v.key for v in model.variables if v.is_family}, rng, instance)
    if not context.random_variables:
        return None
    operator_names = {s.name for s in expr.free_symbols if isinstance(s, Symbol) and s.name in OPERATOR_NAMES}
    if expr.has(Expect, Var, Cov) or operator_names:  # ``E[X] = X``, or ``V[aX]`` read as a product V a X
        outside = unaveraged(expr, model, context)
        if outside is not None:
            return outside + (f" (is {', '.join(sorted(operator_names))} an operator not read as one?)"
                              if operator_names else "")
    if not expr.has(Expect, Var, Cov):
        return None  # a random value on its own is sampled like any other (a pointwise identity)
    if any(componentwise(v.law) for v in model.variables):
        return "no concrete law is drawn for components whose laws differ by component"
    if any(beyond_two_moments(f.lhs, model) for f in model.stated):
        # no concrete family is made to match those moments: every E, Var, Cov takes the value the
        # premises give it, or none (then the step stays undecided)
        def by_premises(node, evaluate):
            return evaluate(by_the_premises(at_indices(node, evaluate), context))

        instance.hooks.update({Expect: by_premises, Var: by_premises, Cov: by_premises})
        for symbol in expr.free_symbols:  # a random variable has no value of its own
            if _name(symbol) in model.by_key:
                instance.values.setdefault(symbol, np.nan)
        return None
    concrete = draw(model, rng)
    for realisation in concrete.realisations:
        for symbol in sorted((realisation.mean.free_symbols | realisation.variance.free_symbols) - set(instance.values),
                             key=str):
            instance.values[symbol] = sample_value(symbol, rng)
            instance.described.append((str(symbol), f"{instance.values[symbol]:g}"))
        try:
            variance = complex(Evaluator(instance.values)(realisation.variance))
        except Undecided as why:
            return f"the variance of {realisation.declaration.key} cannot be evaluated: {why}"
        if not (abs(variance.imag) < 1e-12 and variance.real > 0):
            return f"the variance of {realisation.declaration.key} is not positive at the sampled parameters"
    unfolded, _ = apply_facts(expr, context)  # the variables a definition brings in count as mentioned
    if (misread := _entries_of_other_shape(unfolded, model)) is not None:
        return misread
    mentioned = _mentioned(unfolded, model)
    instance.described.extend(r.describe() for r in concrete.realisations if r.declaration.key in mentioned)
    for symbol in unfolded.free_symbols:  # a random variable has no value of its own: only E, Var, Cov do
        if _name(symbol) in model.by_key:
            instance.values.setdefault(symbol, np.nan)
    for fact in context.facts:  # nor has a name defined as a random expression (s = q . k)
        if isinstance(fact.lhs, Symbol) and _random_value(fact.rhs, model):
            instance.values.setdefault(fact.lhs, np.nan)

    def hook(node, evaluate):
        return evaluate(exact(at_indices(node, evaluate), concrete, context))

    instance.hooks.update({Expect: hook, Var: hook, Cov: hook})
    return None
