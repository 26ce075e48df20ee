"""Entropy, cross entropy, KL and Jensen-Shannon divergence of laws the document leaves open.

Steps such as KL(P || Q) = H(P, Q) - H(P) hold for every law, so each divergence is read as its
defining integral and compared there. Which notation is read, and why:

- ``H(p(x))`` of a density is its entropy -int p log p dx; ``H(p(x), q(x))`` of two densities of one
  variable is the cross entropy -int p log q dx (a joint entropy is written of random variables,
  never of two densities of one variable, so no other reading exists);
- ``CE(a, b)`` is the cross entropy whatever its arguments are; ``JSD``, ``D_JS``, ``JS`` the
  Jensen-Shannon divergence (KL(a || m) + KL(b || m)) / 2 with m = (a + b) / 2;
- a bare name (``P``) is a law only when the expression takes a KL divergence, a cross entropy or an
  expectation under it (and the context declares no random variable of that name): then ``H(P)`` is its entropy and ``H(P, Q)`` the cross entropy (a KL is never
  taken of random variables, so the joint-entropy reading H(X, Y) is excluded). Without such
  evidence ``H(P, Q)`` stays an undefined function.

- an average under a law known by name of an expression of laws, each inside a logarithm
  (``E_P[log P - log Q]``, ``E_{x ~ P}[log P(x) - log Q(x)]``), is its integral: inside such an average
  a law stands for its density at the point drawn (``E_X[X^2]`` of a random variable is not read);
- of normals, H and CE are the closed forms by the normal moments.

A law expression is a bare law or a mixture of bare laws with positive rational weights summing to
one (``P/2 + Q/2``); ``P + Q`` is no law, and nothing is read of it. Bare laws are written as densities
of one shared variable ``T``, so both sides of a step meet in the same integrals.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np
from sympy import Add, Dummy, Expr, Integer, Integral, Rational, Symbol, log, oo
from sympy.core.function import AppliedUndef

from ...undecided import Undecided
from ...vocabulary import KL, Density, Expectation, Normal
from ..base import Rule
from .gaussian import normal_expectation, normal_log_pdf
from .rules import CROSS_ENTROPY_DEFINITION, ENTROPY_DEFINITION, GAUSSIAN_MOMENTS, JSD_DEFINITION, KL_DEFINITION

T = Dummy("t", real=True)  # the variable of every law known only by its name
ENTROPY_NAMES = ("H",)
CROSS_ENTROPY_NAMES = ("CE",)
JSD_NAMES = ("JSD", "D_JS", "JS", "D_{JS}")
POINTS = 5  # support points of a numeric law


@functools.lru_cache(maxsize=512)  # asked again of the same premises at every numeric draw
def divergence_classes(expr: Expr) -> frozenset[type]:
    """The function classes of ``expr``'s entropies, cross entropies and JSDs, as hook keys (one name
    may be two classes, with and without assumptions)."""
    names = ENTROPY_NAMES + CROSS_ENTROPY_NAMES + JSD_NAMES
    return frozenset(type(f) for f in expr.atoms(AppliedUndef) if f.func.__name__ in names)


def divergence_names(expr: Expr) -> set[str]:
    """The names of entropies, cross entropies and JSDs ``expr`` applies (read or not)."""
    names = ENTROPY_NAMES + CROSS_ENTROPY_NAMES + JSD_NAMES
    return {f.func.__name__ for f in expr.atoms(AppliedUndef)} & set(names)


def divergence_named(expr: Expr) -> bool:
    """True when ``expr`` applies a function named as an entropy, cross entropy or JSD."""
    return bool(divergence_names(expr))


@functools.lru_cache(maxsize=512)  # asked again of the same premises at every numeric draw
def law_names(expr: Expr) -> frozenset[Symbol]:
    """Bare names the expression uses as laws: arguments of KL, CE and JSD, laws of expectations
    (``E_P``, ``E_{x ~ P}``), and then both arguments of an ``H(A, B)`` one of which is a law (a joint
    entropy is of two random variables, never of a law and something else)."""
    names: set[Symbol] = set()

    def add(args) -> None:
        names.update(s for a in args for s in mixture_terms(a) or ())

    for node in expr.atoms(KL):
        add(node.args)
    for node in expr.atoms(AppliedUndef):
        if node.func.__name__ in CROSS_ENTROPY_NAMES + JSD_NAMES:
            add(node.args)
        if (law := averaged_law(node)) is not None:
            names.add(law)
    for node in expr.atoms(Expectation):
        if isinstance(node.dist, Symbol):
            names.add(node.dist)
    pairs = [f.args for f in expr.atoms(AppliedUndef) if f.func.__name__ in ENTROPY_NAMES and len(f.args) == 2]
    grown = True
    while grown:
        before = len(names)
        for args in pairs:
            if any(set(mixture_terms(a) or ()) & names for a in args):
                add(args)
        grown = len(names) > before
    return frozenset(names)


def mixture_terms(law: Expr) -> dict[Symbol, Rational] | None:
    """{name: weight} when ``law`` is a bare name or a mixture of names with positive rational weights
    summing to one, else None (``P + Q`` has total mass two: no law)."""
    if isinstance(law, Symbol):
        return {law: Rational(1)}
    if not isinstance(law, Add):
        return None
    weights: dict[Symbol, Rational] = {}
    for term in law.args:
        weight, name = term.as_coeff_Mul()
        if not (isinstance(name, Symbol) and weight.is_Rational and weight > 0) or name in weights:
            return None
        weights[name] = weight
    return weights if sum(weights.values()) == 1 else None


def law_density(law: Expr, variable) -> Expr:
    """The density of a law expression at ``variable``: each name becomes a density of it."""
    return Add(*(w * Density(s.name, (variable,)) for s, w in mixture_terms(law).items()))


@dataclass(frozen=True)
class Reading:
    """The densities and variable a divergence's arguments are read as, or None."""

    densities: tuple[Expr, ...]
    variable: object


def read_arguments(args, laws: frozenset[Symbol], defined: frozenset, need_evidence: bool) -> Reading | None:
    """Densities of one plain variable, or bare law expressions (laws by evidence when asked)."""
    if all(isinstance(a, Density) and len(a.variables) == 1 and _plain(a) for a in args):
        if len({a.variables for a in args}) == 1:
            return Reading(tuple(args), args[0].variables[0])
        return None
    terms = [mixture_terms(a) for a in args]
    if any(t is None for t in terms):
        return None
    names = {s for t in terms for s in t}
    if names & defined or (need_evidence and not names <= laws):
        return None  # a name the premises define is replaced first; an H of non-laws is not ours
    return Reading(tuple(law_density(a, T) for a in args), T)


def _plain(d: Density) -> bool:
    """Distinct plain symbols on both sides of the bar (``q(z | z)`` is no law of z)."""
    symbols = d.variables + d.given
    return all(isinstance(s, Symbol) for s in symbols) and len(set(symbols)) == len(symbols)


def integral(body: Expr, variable) -> Integral:
    return Integral(body, (variable, -oo, oo))


def kl_integral(a: Expr, b: Expr, variable) -> Expr:
    return integral(a * (log(a) - log(b)), variable)


def bare_kl(node: KL, defined: frozenset) -> tuple[Expr, Rule] | None:
    """KL(P || Q) of laws known by name = int P(t) (log P(t) - log Q(t)) dt."""
    reading = read_arguments(node.args, frozenset(), defined, need_evidence=False)
    if reading is None or reading.variable is not T:
        return None
    return kl_integral(*reading.densities, T), KL_DEFINITION


def normal_cross_entropy(first: Normal, second: Normal) -> Expr | None:
    """-E_first[log second(t)] by the normal moments: the entropy when the two are one law."""
    return normal_expectation(-normal_log_pdf(T, second.mean, second.variance), T, first.mean, first.variance)


def normal_divergence(name: str, args) -> tuple[Expr, tuple[Rule, ...]] | None:
    """H(N(m, v)) = log(2 pi v)/2 + 1/2 and H(N1, N2) = CE(N1, N2) in closed form (normals are laws,
    so H of two normals is no joint entropy); the JSD of normals has none: None."""
    if name in ENTROPY_NAMES and len(args) == 1:
        return normal_cross_entropy(args[0], args[0]), (ENTROPY_DEFINITION, GAUSSIAN_MOMENTS)
    if name in ENTROPY_NAMES + CROSS_ENTROPY_NAMES and len(args) == 2:
        return normal_cross_entropy(*args), (CROSS_ENTROPY_DEFINITION, GAUSSIAN_MOMENTS)
    return None


def divergence(node: AppliedUndef, laws: frozenset[Symbol], defined: frozenset) -> tuple[Expr, Rule] | None:
    """The defining integral of an entropy, cross entropy or Jensen-Shannon divergence, with its rule
    (for normals, the closed form and the rule of the entropy; ``divergence_rules`` gives all)."""
    read = divergence_with_rules(node, laws, defined)
    return None if read is None else (read[0], read[1][0])


def divergence_with_rules(node: AppliedUndef, laws: frozenset[Symbol],
                          defined: frozenset) -> tuple[Expr, tuple[Rule, ...]] | None:
    """``divergence`` with every rule the reading used."""
    name, args = node.func.__name__, node.args
    if args and all(isinstance(a, Normal) for a in args):
        found = normal_divergence(name, args)
        return found if found is None or found[0] is not None else None
    read = _integral_divergence(name, args, laws, defined)
    return None if read is None else (read[0], (read[1],))


def _integral_divergence(name: str, args, laws: frozenset[Symbol], defined: frozenset) -> tuple[Expr, Rule] | None:
    if name in ENTROPY_NAMES and len(args) == 1:
        reading = read_arguments(args, laws, defined, need_evidence=True)
        if reading is not None:
            (a,) = reading.densities
            return -integral(a * log(a), reading.variable), ENTROPY_DEFINITION
    if (name in ENTROPY_NAMES or name in CROSS_ENTROPY_NAMES) and len(args) == 2:
        reading = read_arguments(args, laws, defined, need_evidence=name in ENTROPY_NAMES)
        if reading is not None:
            a, b = reading.densities
            return -integral(a * log(b), reading.variable), CROSS_ENTROPY_DEFINITION
    if name in JSD_NAMES and len(args) == 2:
        reading = read_arguments(args, laws, defined, need_evidence=False)
        if reading is not None:
            a, b = reading.densities
            m = a / 2 + b / 2
            v = reading.variable
            return (kl_integral(a, m, v) + kl_integral(b, m, v)) / 2, JSD_DEFINITION
    return None


def averaged_law(node: Expr) -> Symbol | None:
    """The law of ``E_P[...]`` (the reader's undefined ``E_P`` of one argument), else None."""
    if isinstance(node, AppliedUndef) and len(node.args) == 1 and node.func.__name__.startswith("E_"):
        name = node.func.__name__[2:].strip("{}")
        return Symbol(name) if name.isidentifier() else None
    return None


def only_in_logs(body: Expr, laws) -> bool:
    """True when every law in ``body`` stands inside a logarithm (``log P - log Q``, ``log(P/Q)``): a law
    outside one (``E_X[X^2]``) is a random variable's value, not its density, and the average is not ours."""
    from sympy import log as logarithm

    stripped = body.replace(lambda e: isinstance(e, logarithm), lambda e: Integer(0))
    return not any(stripped.has(n) for n in laws)


def named_expectation(node: Expr, laws: frozenset[Symbol], defined: frozenset) -> Expr | None:
    """E_P[g] of a law P known by name, with g written of laws only (``E_P[log P - log Q]``), is
    int P(t) g(P(t), Q(t)) dt: inside an average under P a law stands for its density at the point
    drawn, the shorthand of E_p[log p - log q]. ``E_{x ~ P}[log P(x) - log Q(x)]`` likewise, with each
    law applied to x its density at x. Any other name in g (a random variable, a function) leaves the
    average unread; so does a law the premises define (replaced first)."""
    law = averaged_law(node)
    if law is not None:
        body = node.args[0]
        names = body.free_symbols | {law}
        if body.has(AppliedUndef, Density) or not names <= laws or names & defined \
                or not only_in_logs(body, names):
            return None
        densities = {s: Density(s.name, (T,)) for s in names}
        return integral(densities[law] * body.xreplace(densities), T)
    if isinstance(node, Expectation) and node.dist in laws and node.dist not in defined:
        var, body = node.var, node.body
        applied = {f for f in body.atoms(AppliedUndef)}
        if not all(f.args == (var,) and Symbol(f.func.__name__) in laws for f in applied):
            return None
        if (body.free_symbols - {var}) & laws or not applied or not only_in_logs(body, applied):
            return None
        densities = {f: Density(f.func.__name__, (T,)) for f in applied}
        return integral(Density(node.dist.name, (T,)) * body.xreplace(densities).xreplace({var: T}), T)
    return None


@functools.lru_cache(maxsize=512)  # asked again of the same premises at every numeric draw
def at_written_variable(read: Expr, written: Expr) -> Expr:
    """The reading with ``T`` replaced by the one variable at which ``written`` writes the densities
    of every law read (``KL(P || Q)`` beside ``int P(x) log(P(x)/Q(x)) dx``): the integrals are bound,
    so the variable's name changes no value, and both sides then meet in one integral. Only when each
    name is written as one density, unconditioned, all at one variable: beside ``P(z)`` and ``P(z | x)``
    the bare ``P`` may mean either, and nothing is chosen."""
    names = {d.name for d in read.atoms(Density) if d.variables == (T,)}
    if not names:
        return read
    by_name: dict[str, set] = {}
    for d in written.atoms(Density):
        if d.name in names:
            by_name.setdefault(d.name, set()).add((d.variables, d.given))
    if set(by_name) != names or any(len(forms) != 1 for forms in by_name.values()):
        return read  # a name written two ways (P(z) and P(z | x)): which density the bare name means is open
    forms = {next(iter(f)) for f in by_name.values()}
    variables = {v for (heads, given) in forms if not given and len(heads) == 1 for v in heads}
    if len(forms) != 1 or len(variables) != 1 or not isinstance(next(iter(variables)), Symbol):
        return read
    return read.xreplace({T: next(iter(variables))})


# the numeric twin: random laws on a few points ------------------------------------------

@functools.lru_cache(maxsize=512)  # asked again of the same premises at every numeric draw
def bare_divergences(expr: Expr) -> bool:
    """True when ``expr`` holds a divergence of bare laws that ``instantiate`` can evaluate."""
    laws = law_names(expr)
    if any(bare_kl(k, frozenset()) for k in expr.atoms(KL)):
        return True
    return any((read := divergence(f, laws, frozenset())) is not None and read[0].has(T)
               for f in expr.atoms(AppliedUndef))


def instantiate(expr: Expr, rng: np.random.Generator, instance, defined: dict | None = None) -> str | None:
    """Random positive laws on POINTS points for the bare names; KL, H, CE and JSD evaluated as sums.

    Every step about laws known only by name holds for all laws, so one drawn law that breaks it
    refutes it. A name the premises define (``defined``: ``M`` to ``(P + Q)/2``) is evaluated through
    its definition, never drawn; a law name used outside a divergence has no number: refused.
    """
    if expr.has(Density):
        return "densities beside laws known only by name: no common numeric model"
    defined = defined or {}
    laws = law_names(expr)
    nodes = [f for f in expr.atoms(KL, AppliedUndef) if isinstance(f, KL) or divergence(f, laws, frozenset())]
    averages = [f for f in expr.atoms(AppliedUndef, Expectation) if named_expectation(f, laws, frozenset())]
    written = {s for f in nodes for a in f.args for s in (mixture_terms(a) or ())}
    written |= {s for f in averages for s in named_expectation(f, laws, frozenset()).atoms(Density)
                for s in [Symbol(s.name)]}
    nodes += averages
    outside = expr.xreplace({f: 0 for f in nodes}).free_symbols & written
    if outside:
        return f"{', '.join(sorted(map(str, outside)))} stand for laws and for numbers: no common numeric model"
    names = set(written) - set(defined)
    for name in list(written & set(defined)):
        definition = mixture_terms(defined[name])
        if definition is None or set(definition) & set(defined):
            return f"{name} is defined as {defined[name]}, which is no mixture of laws known by name"
        names |= set(definition)
    tables = {}
    for name in sorted(names, key=str):
        masses = rng.uniform(0.1, 1.0, size=POINTS)
        tables[name] = masses / masses.sum()
        instance.described.append((str(name), f"a law on {POINTS} points with masses "
                                   + ", ".join(f"{m:.3f}" for m in tables[name])))

    def masses(law: Expr) -> np.ndarray:
        terms = mixture_terms(law.xreplace(defined))
        if terms is None or not set(terms) <= set(tables):
            raise Undecided(f"{law} is not a law known by name")
        return sum(float(w) * tables[s] for s, w in terms.items())

    def kl(a, b):
        return float(np.sum(a * np.log(a / b)))

    def kl_hook(node: KL, evaluate):
        return kl(masses(node.args[0]), masses(node.args[1]))

    def divergence_hook(node: AppliedUndef, evaluate):
        if divergence(node, laws, frozenset()) is None:
            raise Undecided(f"{node} is not read as a divergence of laws")
        values = [masses(a) for a in node.args]
        if node.func.__name__ in JSD_NAMES:
            m = (values[0] + values[1]) / 2
            return (kl(values[0], m) + kl(values[1], m)) / 2
        a, b = values if len(values) == 2 else values * 2
        return float(-np.sum(a * np.log(b)))

    def average_hook(node, evaluate):
        read = named_expectation(node, laws, frozenset())
        if read is None:
            raise Undecided(f"{node} is not read as an average under a law known by name")
        points = {d: Dummy(d.name) for d in read.function.atoms(Density)}
        inner = evaluate
        for d, point in points.items():
            inner = inner.bound(point, masses(Symbol(d.name)))
        return float(np.sum(inner(read.function.xreplace(points))))  # int P(t) g dt as a sum over points

    instance.hooks[KL] = kl_hook
    for kind in {type(f) for f in averages}:
        instance.hooks[kind] = average_hook
    for kind in divergence_classes(expr):
        instance.hooks[kind] = divergence_hook
    return None


def density_divergence_hooks(expr: Expr, unrelated: frozenset = frozenset()) -> dict:
    """Hooks that evaluate H, CE and JSD of densities as their defining integrals, for the numeric
    models that draw those densities (``probability.model``, ``probability.discrete``).

    ``unrelated``: names the drawn model does not tie to its densities (``sigma`` beside a q the
    premises may state as N(mu, sigma^2)); an entropy compared with them is not evaluated, since a
    drawn q unrelated to sigma would refute a correct ``H(q(z)) = log(2 pi e sigma^2)/2``."""
    laws = law_names(expr)

    def hook(node: AppliedUndef, evaluate):
        if unrelated and node.has(Density):
            raise Undecided(f"{node} is compared with {', '.join(sorted(map(str, unrelated)))}, which the drawn "
                            "densities are not tied to")
        read = divergence(node, laws, frozenset())
        value = None if read is None else at_written_variable(read[0], expr)
        if value is None or value.has(T):
            raise Undecided(f"{node} is not read as a divergence of the drawn densities")
        return evaluate(value)

    return {kind: hook for kind in divergence_classes(expr)}
