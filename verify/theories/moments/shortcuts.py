"""Rules on Var and Cov that hold under conditions: each fires only when its condition is proved.

They are identities, so the moments they lead to are the same as by the definitions;
they exist so that a step which uses one is reported as using it (a grader checks a
cited rule against the rules used). Each returns the rewritten expression, or None when
its condition is not established; independence comes from ``RandomModel.blocks`` alone.
"""
from __future__ import annotations

from sympy import Add, Expr, Indexed, IndexedBase, Integer, Mul, Sum, Symbol

from ...vocabulary.random import Cov, Expect, Var
from .declared import RandomModel, independent_groups, random_atoms
from .expansion import range_length
from .laws import at_component, componentwise, moment_rule
from .reduction import note, split_coefficient
from .rules import (COVARIANCE_OF_INDEPENDENT, VARIANCE_OF_AFFINE, VARIANCE_OF_IID_SUM,
                    VARIANCE_OF_INDEPENDENT_PRODUCT, VARIANCE_OF_INDEPENDENT_SUM)


def mutually_independent(parts: list[Expr], model: RandomModel) -> bool:
    """The parts are functions of disjoint unions of independent blocks (and none holds a sum)."""
    if any(p.has(Sum) for p in parts):
        return False
    atoms = [random_atoms(p, model) for p in parts]
    if any(not a for a in atoms):
        return False
    for block in model.blocks([a for group in atoms for a in group]):
        if sum(bool(block & set(group)) for group in atoms) > 1:
            return False
    return True


def variance_of_affine(node: Var, model: RandomModel, used: list) -> Expr | None:
    """Var(aX + b) = a^2 Var(X) for a and b not random."""
    terms = Add.make_args(node.args[0])
    shift = Add(*(t for t in terms if not random_atoms(t, model)))
    random_part = Add(*(t for t in terms if random_atoms(t, model)))
    single = len(Add.make_args(random_part)) == 1
    scale, factors = split_coefficient(random_part, model) if single else (Integer(1), [random_part])
    if (shift == 0 and scale == 1) or not random_atoms(random_part, model):
        return None
    note(used, VARIANCE_OF_AFFINE)
    return scale**2 * Var(Mul(*factors))


def declared_variance(node: Var, model: RandomModel, used: list) -> Expr | None:
    """Var(X) = v for a variable (or a component of a family) whose declared law states its variance v:
    the premises give it, whether or not they give the mean (``each with variance sigma^2``)."""
    argument = node.args[0]
    declaration = model.declaration(argument)
    if declaration is None or isinstance(argument, IndexedBase):
        return None
    law = declaration.law
    if componentwise(law):
        law = at_component(law, argument.indices[0])
    if law.variance is None:
        return None
    note(used, moment_rule(law))
    return law.variance


def variance_of_iid_sum(node: Var, model: RandomModel, used: list) -> Expr | None:
    """Var(sum_{i=l}^{h} f(u_i, v_i, ...)) = (h - l + 1) Var(f(u_l, v_l, ...)) when the families
    are i.i.d. and jointly independent, and i enters each term only through their components."""
    argument = node.args[0]
    if not (isinstance(argument, Sum) and len(argument.limits) == 1 and len(argument.limits[0]) == 3):
        return None
    index, low, high = argument.limits[0]
    body = argument.function
    if body.has(Sum):
        return None
    atoms = random_atoms(body, model)
    if not atoms or not all(isinstance(a, Indexed) and a.indices[0] == index for a in atoms):
        return None
    declarations = {model.declaration(a) for a in atoms}
    if not all(d.iid for d in declarations) or not model.jointly_independent({d.key for d in declarations}):
        return None
    hidden = body.xreplace({a: Symbol(f"_atom{k}") for k, a in enumerate(atoms)})
    if index in hidden.free_symbols:
        return None
    note(used, VARIANCE_OF_IID_SUM)
    return range_length(low, high) * Var(body.xreplace({index: low}))


def variance_of_independent_sum(node: Var, model: RandomModel, used: list) -> Expr | None:
    """Var(X + Y) = Var(X) + Var(Y) for independent X and Y (and so for any number of terms)."""
    terms = list(Add.make_args(node.args[0]))
    if len(terms) < 2 or not mutually_independent(terms, model):
        return None
    note(used, VARIANCE_OF_INDEPENDENT_SUM)
    return Add(*(Var(t) for t in terms))


def variance_of_independent_product(node: Var, model: RandomModel, used: list) -> Expr | None:
    """Var(XY) = E[X^2] E[Y^2] - E[X]^2 E[Y]^2 for independent X and Y."""
    argument = node.args[0]
    coefficient, factors = split_coefficient(argument, model)
    if coefficient != 1 or len(factors) < 2 or argument.has(Sum):
        return None
    groups = independent_groups(factors, model)
    if len(groups) < 2:
        return None
    note(used, VARIANCE_OF_INDEPENDENT_PRODUCT)
    parts = [Mul(*g) for g in groups]
    return Mul(*(Expect(p**2) for p in parts)) - Mul(*(Expect(p) ** 2 for p in parts))


def covariance_of_independent(node: Cov, model: RandomModel, used: list) -> Expr | None:
    """Cov(X, Y) = 0 for independent X and Y."""
    if not mutually_independent(list(node.args), model):
        return None
    note(used, COVARIANCE_OF_INDEPENDENT)
    return Integer(0)


VARIANCE_SHORTCUTS = (declared_variance, variance_of_affine, variance_of_iid_sum, variance_of_independent_sum,
                      variance_of_independent_product)
