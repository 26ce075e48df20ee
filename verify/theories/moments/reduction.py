"""E of a polynomial in declared random variables, reduced to moments the premises fix.

The rules, in the order they act (each records its Rule when it fires):
- linearity: E[a X + b Y + c] = a E[X] + b E[Y] + c for a, b, c not random;
- the expectation of a constant: E[c] = c;
- sums over symbolic ranges: split by which summation indices coincide and counted
  (``expansion.patterns``); valid because i.i.d. components make each term's value
  depend on the indices only through their pattern; when the variables are not all i.i.d.
  and mutually independent, linearity alone: E[sum_i f(i)] = sum_i E[f(i)];
- independence: E[F G] = E[F] E[G] when F and G are functions of mutually independent
  blocks of variables (``declared.RandomModel.blocks``);
- moments: E[X^k] from X's declared law (``laws.raw_moment``).
What no rule reduces stays as an irreducible ``Expect`` of one block (E[X Y] for
dependent X and Y, E[u_1^4] when only two moments are stated), with each i.i.d.
component renamed to the family's first, so equal moments have one form.
"""
from __future__ import annotations

from sympy import Add, Expr, Indexed, IndexedBase, Integer, Mul, Sum, Symbol, expand

from ...undecided import Undecided
from ...vocabulary.random import Expect
from .declared import RandomModel, independent_groups, random_atoms
from .expansion import flat_terms, patterns, range_length
from .laws import at_component, componentwise, moment_rule, raw_moment
from .rules import EXPECTATION_OF_CONSTANT, INDEPENDENCE, LINEARITY, SUM_OF_IID_TERMS

FIRST = Integer(1)  # components are numbered from 1


def note(used: list, rule) -> None:
    if rule not in used:
        used.append(rule)


def expectation(body: Expr, model: RandomModel, used: list, strict: bool = False) -> Expr:
    """E[body] reduced; ``strict``: every moment must be fixed (a concrete model), else Undecided."""
    model.check_constants(body)
    if not random_atoms(body, model):
        note(used, EXPECTATION_OF_CONSTANT)
        return body
    terms = flat_terms(body)
    total = Integer(0)
    for limits, product in terms:
        total += _term(limits, product, model, used, strict)
    if len(terms) > 1 or any(split_coefficient(p, model)[0] != 1 for _, p in terms):
        note(used, LINEARITY)
    return expand(total)


def split_coefficient(product: Expr, model: RandomModel) -> tuple[Expr, list[Expr]]:
    """The non-random factor of a product and its random factors."""
    coefficient, factors = Integer(1), []
    for factor in Mul.make_args(product):
        if random_atoms(factor, model):
            factors.append(factor)
        else:
            coefficient *= factor
    return coefficient, factors


def _term(limits, product: Expr, model: RandomModel, used: list, strict: bool) -> Expr:
    """E[sum over ``limits`` of ``product``]: the coefficient times the patterns' counts and values."""
    bounds = {limit[0]: (limit[1], limit[2]) for limit in limits}
    bound = set(bounds)
    if any((low.free_symbols | high.free_symbols) & bound for low, high in bounds.values()):
        raise Undecided("a summation range depends on another summation index")
    coefficient, factors = split_coefficient(product, model)
    if coefficient.free_symbols & bound:
        raise Undecided(f"the coefficient {coefficient} depends on a summation index")
    atoms = [a for f in factors for a in random_atoms(f, model)]
    random_indices = {a.indices[0] for a in atoms if isinstance(a, Indexed)} & bound
    _check_index_use(atoms, bound, bounds)
    counting = Mul(*(range_length(*bounds[k]) for k in bound - random_indices))
    if not random_indices:
        return coefficient * counting * _monomial(factors, model, used, strict, frozenset())
    if any(componentwise(model.declaration(a).law) for a in atoms):
        return coefficient * counting * _componentwise_sum(factors, random_indices, bounds, model, used, strict)
    if not exchangeable(atoms, model):
        return coefficient * counting * _linear_sum(factors, random_indices, bounds, model, used, strict)
    note(used, SUM_OF_IID_TERMS)
    total = Integer(0)
    for mapping, count, distinct in patterns({k: bounds[k] for k in random_indices}):
        if count == 0:
            continue
        renamed = [f.xreplace(mapping) for f in factors]
        total += count * _monomial(renamed, model, used, strict, distinct)
    return coefficient * counting * total


def _componentwise_sum(factors, indices: set, bounds: dict, model: RandomModel, used: list, strict: bool) -> Expr:
    """E[sum_i f(Z_i)] = sum_i E[f(Z_i)] when component i has a law of its own (``N(mu_i, sigma_i^2)``):
    linearity only; the patterns of coinciding indices need one law for all components."""
    if len(indices) != 1:
        raise Undecided("a multiple sum over components whose laws differ by component")
    (index,) = indices
    low, high = bounds[index]
    note(used, LINEARITY)
    return Sum(_monomial(factors, model, used, strict, frozenset({index})), (index, low, high))


def exchangeable(atoms, model: RandomModel) -> bool:
    """Renumbering the components leaves the joint law of ``atoms`` unchanged: every variable is an
    i.i.d. family or a scalar, and one statement makes them all mutually independent. Only then does
    a term's moment depend on its indices through their pattern of coincidences alone."""
    declarations = {model.declaration(a) for a in atoms}
    return (all(d.iid or not d.is_family for d in declarations)
            and model.jointly_independent({d.key for d in declarations}))


def _linear_sum(factors, indices: set, bounds: dict, model: RandomModel, used: list, strict: bool) -> Expr:
    """E[sum_i f(i)] = sum_i E[f(i)]: linearity over a finite range, which needs no independence and no
    common law; the moment of each term stays inside the sum, a function of its indices."""
    order = sorted(indices, key=str)
    note(used, LINEARITY)
    inner = _monomial(factors, model, used, strict, frozenset(), summed=frozenset(order))
    return Sum(inner, *((index, *bounds[index]) for index in order))


def _check_index_use(atoms, bound: set, bounds: dict) -> None:
    """A family summed over must be summed over one range, and not also met at a fixed index."""
    by_family: dict = {}
    for atom in atoms:
        if isinstance(atom, Indexed):
            by_family.setdefault(str(atom.base.label), set()).add(atom.indices[0])
    for family, indices in by_family.items():
        summed = indices & bound
        if not summed:
            continue
        if summed != indices:
            raise Undecided(f"{family} is summed over and also taken at {sorted(map(str, indices - bound))}")
        if any(not isinstance(i, Symbol) for i in indices) or len({bounds[i] for i in summed}) > 1:
            raise Undecided(f"{family} is summed over different ranges")


def _monomial(factors: list[Expr], model: RandomModel, used: list, strict: bool, distinct: frozenset,
              summed: frozenset = frozenset()) -> Expr:
    """E[product of factors], factored over independent blocks, each block's moment by its law.
    ``summed``: indices of a sum the result stays inside, on which an irreducible moment may depend."""
    groups = independent_groups(factors, model, distinct)
    if len(groups) > 1:
        note(used, INDEPENDENCE)
    return Mul(*(_group(group, model, used, strict, distinct, summed) for group in groups))


def _group(factors: list[Expr], model: RandomModel, used: list, strict: bool, distinct: frozenset,
           summed: frozenset = frozenset()) -> Expr:
    """E[one dependent group]: a moment of the law for a power of one variable, else irreducible."""
    product = Mul(*factors)
    base, power = product.as_base_exp()
    if not isinstance(base, IndexedBase) and model.declaration(base) is not None and power.is_Integer and power > 0:
        declaration = model.declaration(base)
        law = at_component(declaration.law, base.indices[0]) if componentwise(declaration.law) else declaration.law
        value = raw_moment(law, int(power))
        if value is not None:
            note(used, moment_rule(law))
            return value
        if declaration.iid and not componentwise(declaration.law):
            product = base.base[FIRST] ** power
    if strict:
        raise Undecided(f"E[{product}] is not fixed by the concrete model")
    if product.free_symbols & distinct or any(getattr(s, "is_Dummy", False) and s not in summed
                                              for s in product.free_symbols):
        raise Undecided(f"E[{product}] depends on a summation index")
    return Expect(product)
