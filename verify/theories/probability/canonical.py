"""Canonical forms of probability expressions: everything becomes integrals of density products.

Three passes, each a chain of identities (so a zero residual is a proof):
1. definitions: E_q[f] = int q f dz, KL(q || p) = int q (log q - log p) dz, and
   expectations/KL of normals in closed form through their moments;
2. the context's facts (Bayes' rule, product rule), applied left to right;
3. integrals over the real line: integrand expanded (logs of positive densities split),
   linearity, z-free factors pulled out, then normalisation (int q(z|x) dz = 1) and
   marginalisation (int p(x|z) p(z) dz = p(x)) on pure products of densities.
Densities of one name are read as factors of one joint model (the chain rule holds among them).
"""
from __future__ import annotations

import dataclasses
import functools
from typing import Callable

from sympy import Add, Basic, Expr, Integer, Integral, Mul, Pow, Symbol, log, oo
from sympy.core.function import AppliedUndef

from ...model import Context, Fact
from ...vocabulary import KL, Density, Expectation, Normal
from ...vocabulary.probability import Gradient
from .. import algebra
from ..algebra import normalise
from ..base import Rule
from .coordinate_free import coordinate_free
from .divergences import at_written_variable, averaged_law, bare_kl, divergence_named, divergence_with_rules, law_names, named_expectation
from .gaussian import normal_expectation, normal_kl
from .gradient import gradient_rule
from .rules import (EXPECTATION_DEFINITION, GAUSSIAN_MOMENTS, KL_DEFINITION, LINEARITY, LOG_RULES,
                    MARGINALISATION, NORMALISATION, PRODUCT_RULE)

Used = list[Rule]  # the rules applied so far, in order, each once
PROBABILISTIC = (Density, Expectation, KL, Integral, Gradient)


def note(used: Used, rule: Rule) -> None:
    if rule not in used:
        used.append(rule)


def over_real_line(integral: Integral) -> bool:
    """True for a single definite integral over (-oo, oo), the only kind these rules rewrite."""
    limits = integral.limits
    return len(limits) == 1 and len(limits[0]) == 3 and limits[0][1] == -oo and limits[0][2] == oo


def real_line_integral(body: Expr, variable) -> Integral:
    return Integral(body, (variable, -oo, oo))


def bottom_up(expr: Expr, rewrite: Callable[[Expr], Expr]) -> Expr:
    """Apply ``rewrite`` to every node, children first; densities are leaves."""
    if not isinstance(expr, Basic) or not expr.args or isinstance(expr, Density):
        return expr
    args = tuple(bottom_up(a, rewrite) for a in expr.args)
    if args != expr.args:
        expr = expr.func(*args)
    return rewrite(expr)


def sorted_density(d: Density) -> Density:
    """p(z, x) and p(x, z) are one density: order variables (and conditions) by name."""
    variables, given = tuple(sorted(d.variables, key=str)), tuple(sorted(d.given, key=str))
    return d if (variables, given) == (d.variables, d.given) else Density(d.name, variables, given)


def sort_densities(expr: Expr) -> Expr:
    moved = {d: s for d in expr.atoms(Density) if (s := sorted_density(d)) is not d}
    return expr.xreplace(moved) if moved else expr


@functools.lru_cache(maxsize=64)
def sorted_context(context: Context) -> Context:
    """The context with its facts' densities ordered, computed once per context."""
    facts = tuple(Fact(f.name, sort_densities(f.lhs), sort_densities(f.rhs)) for f in context.facts)
    return dataclasses.replace(context, facts=facts)


def over_support(expr: Expr, context: Context) -> Expr:
    """Read int f dz with no limits as the integral over the real line when z is integrated out.

    Students write the integral over the whole support without limits; the numeric tier
    evaluates such an integral over the real line too, so both tiers read it alike.
    """
    def rewrite(node: Expr) -> Expr:
        if isinstance(node, Integral) and len(node.limits) == 1 and len(node.limits[0]) == 1:
            variable = node.limits[0][0]
            if variable in context.integration_variables:
                return real_line_integral(node.function, variable)
        return node

    return bottom_up(expr, rewrite) if expr.has(Integral) else expr


# pass 1: definitions ------------------------------------------------------------------

def expectation_definition(e: Expectation, used: Used) -> Expr:
    """E_q[f] = int q f dz; under a normal, the closed form by moments when f is a polynomial."""
    dist = e.dist
    if isinstance(dist, Density) and dist.variables == (e.var,):
        note(used, EXPECTATION_DEFINITION)
        return real_line_integral(dist * e.body, e.var)
    if isinstance(dist, Normal):
        value = normal_expectation(e.body, e.var, dist.mean, dist.variance)
        if value is not None:
            note(used, GAUSSIAN_MOMENTS)
            return value
        return e
    return expectation_linearity(e, used)


def expectation_linearity(e: Expectation, used: Used) -> Expr:
    """E_{z ~ Q}[a f + b g] = a E[f] + b E[g] and E[c] = c for z-free a, b, c, under a law Q known
    only by name: ``z ~ Q`` says Q is a probability law of z, so linearity holds whatever Q is."""
    terms = Add.make_args(normalise(e.body))
    total = []
    for term in terms:
        outside, inside = term.as_independent(e.var, as_Add=False)
        total.append(outside * (Expectation(inside, e.dist, e.var) if inside != 1 else Integer(1)))
    value = Add(*total)
    if value != e:
        note(used, LINEARITY)
    return value


def kl_definition(e: KL, used: Used, defined: frozenset = frozenset()) -> Expr:
    """KL(q || p) = int q (log q - log p) dz; between normals, the closed form by moments; of laws
    known only by name, the same integral over the shared variable of ``probability.divergences``."""
    first, second = e.args
    if (bare := bare_kl(e, defined)) is not None:
        note(used, bare[1])
        return bare[0]
    if isinstance(first, Density) and isinstance(second, Density):
        if len(first.variables) == 1 and first.variables == second.variables:
            note(used, KL_DEFINITION)
            return real_line_integral(first * (log(first) - log(second)), first.variables[0])
    if isinstance(first, Normal) and isinstance(second, Normal):
        value = normal_kl(first, second)
        if value is not None:
            note(used, KL_DEFINITION)
            note(used, GAUSSIAN_MOMENTS)
            return value
    return e


def defined_names(context: Context) -> frozenset:
    """Names the premises define (``M = (P + Q)/2``): replaced by the facts pass, not read as laws first."""
    return frozenset(f.lhs for f in context.facts if isinstance(f.lhs, Symbol))


def random_names(context: Context | None) -> frozenset:
    """The declared random variables: ``E_X`` averages over X, which is never a law known by name."""
    if context is None:
        return frozenset()
    return frozenset(v.name for v in context.random_variables if isinstance(v.name, Symbol))


def definitions(expr: Expr, used: Used, context: Context | None = None) -> Expr:
    defined = defined_names(context) if context is not None else frozenset()
    laws = law_names(expr) - random_names(context)

    def rewrite(node: Expr) -> Expr:
        if (averaged := named_expectation(node, laws, defined)) is not None:  # E_P[log P - log Q]
            note(used, EXPECTATION_DEFINITION)
            return averaged
        if isinstance(node, Expectation):
            return expectation_definition(node, used)
        if isinstance(node, KL):
            return kl_definition(node, used, defined)
        if isinstance(node, Gradient):
            return gradient_rule(node, used)
        if isinstance(node, AppliedUndef) and (read := divergence_with_rules(node, laws, defined)) is not None:
            for rule in read[1]:
                note(used, rule)
            return read[0]
        return node

    return at_written_variable(bottom_up(expr, rewrite), expr)


# pass 2: facts --------------------------------------------------------------------------

def apply_facts(expr: Expr, context: Context, used: Used) -> Expr:
    """The algebra's fact rewriting, on the facts with their densities ordered as ``expr``'s are."""
    expr, rules = algebra.apply_facts(expr, sorted_context(context))
    for rule in rules:
        note(used, rule)
    return expr


# pass 3: integrals ----------------------------------------------------------------------

def plain(d: Density) -> bool:
    """True for name(A | G) with A and G distinct plain symbols, no symbol on both sides of the bar.

    Only such a density is a law of its variables that integrates to one; the parser accepts
    anything (``q(z | z+1)``, ``p(z, z)``), so every rule that integrates a density out asks first.
    """
    symbols = d.variables + d.given
    return all(isinstance(s, Symbol) for s in symbols) and len(set(symbols)) == len(symbols)


def _merge(a: Density, b: Density) -> Density | None:
    """p(A | B, G) p(B | G) = p(A, B | G) for densities of one name (the chain rule), else None."""
    if a.name != b.name or set(a.variables) & set(b.variables) or set(a.variables) & set(b.given):
        return None
    if set(a.given) != set(b.variables) | set(b.given):
        return None
    return sorted_density(Density(a.name, a.variables + b.variables, b.given))


def joint_of(factors: tuple[Density, ...]) -> Density | None:
    """The single density that a product of densities of one model equals, if the chain rule gives one."""
    pending = list(factors)
    while len(pending) > 1:
        merged = next(((i, j, m) for i, a in enumerate(pending) for j, b in enumerate(pending)
                       if i != j and (m := _merge(a, b)) is not None), None)
        if merged is None:
            return None
        i, j, m = merged
        pending = [d for k, d in enumerate(pending) if k not in (i, j)] + [m]
    return pending[0]


def integrate_densities(product: Expr, variable, used: Used) -> Expr | None:
    """int p(A, z | G) dz = p(A | G) (marginalisation), = 1 when A is empty (normalisation)."""
    factors = Mul.make_args(product)
    if not all(isinstance(f, Density) and plain(f) for f in factors):
        return None
    joint = joint_of(factors)
    if joint is None or variable not in joint.variables or variable in joint.given:
        return None
    if len(factors) > 1:
        note(used, PRODUCT_RULE)
    rest = tuple(v for v in joint.variables if v != variable)
    note(used, MARGINALISATION if rest else NORMALISATION)
    return Density(joint.name, rest, joint.given) if rest else Integer(1)


def integrate_term(term: Expr, variable, used: Used) -> Expr:
    """int c f dz = c int f dz for z-free c; then normalisation or marginalisation if they apply."""
    outside, inside = term.as_independent(variable, as_Add=False)
    if outside != 1:
        note(used, LINEARITY)
    value = integrate_densities(inside, variable, used)
    return outside * (value if value is not None else real_line_integral(inside, variable))


def integral_rule(node: Expr, used: Used) -> Expr:
    if not isinstance(node, Integral) or not over_real_line(node):
        return node
    variable = node.limits[0][0]
    body = normalise(node.function)
    if any(isinstance(a.args[0], (Mul, Pow)) for a in node.function.atoms(log)):
        note(used, LOG_RULES)
    terms = Add.make_args(body)
    if len(terms) > 1:
        note(used, LINEARITY)
    return Add(*(integrate_term(t, variable, used) for t in terms))


def integrals(expr: Expr, used: Used) -> Expr:
    return bottom_up(expr, lambda node: integral_rule(node, used))


def canonical(expr: Expr, context: Context) -> tuple[Expr, tuple[Rule, ...]]:
    """The canonical form of ``expr`` and the rules that fired (their names are shown to users)."""
    if not expr.has(*PROBABILISTIC, Normal) and not divergence_named(expr) \
            and not any(averaged_law(f) for f in expr.atoms(AppliedUndef)):
        return expr, ()
    used: Used = []
    expr = coordinate_free(expr)  # a vector z that only names a point: the scalar rules hold (see there)
    expr = definitions(sort_densities(over_support(expr, context)), used, context)
    expr = apply_facts(expr, context, used)
    if expr.has(Expectation, KL, Gradient, AppliedUndef):
        expr = definitions(expr, used, context)  # a premise's value may hold expectations and divergences
    expr = integrals(expr, used)
    return normalise(expr), tuple(used)
