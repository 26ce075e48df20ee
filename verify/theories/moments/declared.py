"""What the context declares about its random variables, and what follows about independence.

A *random atom* is a declared scalar ``X``, a component ``u[i]`` of a declared family, or a
whole family ``u`` (an argument of a dot product of unknown length, which depends on every
component), met outside any E, Var or Cov (inside those it is already averaged out). The one
independence question the theory asks is ``blocks``: into which mutually independent
groups do the declarations split a set of atoms? Blocks are justified only by the
premises: atoms of several variables split by variable only when one ``Independence``
statement names them all (pairwise statements do not give mutual independence), and
components of one family split only when the family is i.i.d. and their indices are
known to differ.

Every other name inside E, Var or Cov must be known not to be random: listed among the
context's symbols, a parameter of a declared law, or an integer (a size, an index);
anything else leaves the step undecided rather than being read as a constant.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

from sympy import Basic, Expr, Indexed, IndexedBase, Integer, Sum, Symbol

from ...model import Context, Fact
from ...undecided import Undecided
from ...vocabulary import Expectation
from ...vocabulary.random import Cov, Expect, Independence, Law, RandomVariable, Var

AVERAGED = (Expect, Var, Cov, Expectation)  # inside these, a variable is no longer random


@dataclass(frozen=True)
class RandomModel:
    """The declared variables by name and the independence statements among them."""

    variables: tuple[RandomVariable, ...]
    independence: tuple[Independence, ...]
    constants: frozenset[str] | None = None  # names known not random; None: every undeclared name
    stated: tuple[Fact, ...] = ()  # premises giving a moment its value (``Var(q . k) = d sigma^4``)

    def check_constants(self, expr: Basic) -> None:
        """Every name in ``expr`` (outside E, Var, Cov) is declared random, known constant, an integer
        (a size or an index) or a parameter of a declared law; else Undecided, so that a name the
        premises never declared (``s`` of an unread ``s = q . k``) is never taken for a constant."""
        if self.constants is None:
            return
        known = self.constants | set(self.by_key) | self.parameters
        bound = {limit[0] for node in expr.atoms(Sum) for limit in node.limits}  # summation indices
        for node in _outside_operators(expr):
            if isinstance(node, Symbol) and not node.is_integer and node.name not in known and node not in bound:
                raise Undecided(f"{node} is neither declared random nor known to be a constant")

    @functools.cached_property
    def parameters(self) -> frozenset[str]:
        laws = [v.law for v in self.variables]
        return frozenset(s.name for law in laws for p in (law.mean, law.variance) if p is not None
                         for s in p.free_symbols)

    @functools.cached_property
    def by_key(self) -> dict[str, RandomVariable]:
        return {v.key: v for v in self.variables}

    def declaration(self, atom: Expr) -> RandomVariable | None:
        """The declaration ``atom`` is (a scalar) or is a component of (a family), else None."""
        if isinstance(atom, Symbol):
            found = self.by_key.get(atom.name)
            return found if found is not None and not found.is_family else None
        if isinstance(atom, Indexed) and len(atom.indices) == 1:
            found = self.by_key.get(str(atom.base.label))
            return found if found is not None and found.is_family else None
        if isinstance(atom, IndexedBase):  # the whole vector, as in ``q . k`` of unknown length
            found = self.by_key.get(str(atom.label))
            return found if found is not None and found.is_family else None
        return None

    def law(self, atom: Expr) -> Law:
        return self.declaration(atom).law

    def jointly_independent(self, keys: set[str]) -> bool:
        """One statement makes all these variables mutually independent (one variable trivially is)."""
        return len(keys) <= 1 or any(keys <= statement.keys for statement in self.independence)

    def blocks(self, atoms, distinct: frozenset = frozenset()) -> list[frozenset]:
        """The finest partition of ``atoms`` into mutually independent blocks the premises justify.

        ``distinct`` holds index symbols known pairwise different (the classes of a pattern
        of summation indices); integers are known different when they differ.
        """
        atoms = list(dict.fromkeys(atoms))
        keys = {self.declaration(a).key for a in atoms}
        if not self.jointly_independent(keys):
            return [frozenset(atoms)] if atoms else []
        found: list[set] = []
        for key in sorted(keys):
            members = [a for a in atoms if self.declaration(a).key == key]
            if not self.by_key[key].iid:
                found.append(set(members))
                continue
            groups: list[set] = []
            for atom in members:
                joined = [g for g in groups if not all(known_distinct(atom, other, distinct) for other in g)]
                merged = set().union({atom}, *joined)
                groups = [g for g in groups if g not in joined] + [merged]
            found.extend(groups)
        return [frozenset(b) for b in found]


def independent_groups(factors: list[Expr], model: RandomModel, distinct: frozenset = frozenset()
                       ) -> list[list[Expr]]:
    """``factors`` grouped so that the groups are functions of mutually independent blocks."""
    blocks = model.blocks([a for f in factors for a in random_atoms(f, model)], distinct)
    block_of = {a: k for k, block in enumerate(blocks) for a in block}
    groups: list[tuple[set, list]] = []  # (blocks, factors): merged when a factor touches a group's block
    for factor in factors:
        touched = {block_of[a] for a in random_atoms(factor, model)}
        joined = [g for g in groups if g[0] & touched]
        merged = (touched.union(*(g[0] for g in joined)), [f for g in joined for f in g[1]] + [factor])
        groups = [g for g in groups if g not in joined] + [merged]
    return [g[1] for g in groups]


def known_distinct(a: Expr, b: Expr, distinct: frozenset) -> bool:
    """Two components of one family whose indices are known to differ (a whole vector meets every one)."""
    if not (isinstance(a, Indexed) and isinstance(b, Indexed)):
        return False
    i, j = a.indices[0], b.indices[0]
    if i == j:
        return False
    if isinstance(i, Integer) and isinstance(j, Integer):
        return True
    return i in distinct and j in distinct


def random_model(context: Context) -> RandomModel:
    """The declarations of ``context``; its listed symbols are the names known to be constants, its
    facts whose left side is an E, Var or Cov the moments the premises state."""
    stated = tuple(f for f in context.facts if isinstance(f.lhs, (Expect, Var, Cov)))
    return _model(context.random_variables, context.independence, frozenset(s.name for s in context.symbols if isinstance(s, Symbol)), stated)


@functools.lru_cache(maxsize=128)
def _model(variables, independence, constants: frozenset[str], stated: tuple = ()) -> RandomModel:
    known = {v.key for v in variables}
    for statement in independence:
        if not statement.keys <= known:
            raise Undecided(f"independence of undeclared variables {sorted(statement.keys - known)}")
    return RandomModel(variables, independence, constants, stated)


def _outside_operators(expr: Basic):
    """Every node of ``expr`` that is not inside an E, Var or Cov."""
    stack = [expr]
    while stack:
        node = stack.pop()
        if isinstance(node, AVERAGED):
            continue
        yield node
        if not isinstance(node, Indexed):
            stack.extend(node.args)


def random_atoms(expr: Basic, model: RandomModel) -> list[Expr]:
    """The random atoms of ``expr`` in order of appearance, skipping averaged subexpressions."""
    found: list[Expr] = []

    def walk(node):
        if isinstance(node, AVERAGED):
            return
        if isinstance(node, (Symbol, Indexed, IndexedBase)):
            if model.declaration(node) is not None:
                found.append(node)
            elif isinstance(node, Indexed) and model.by_key.get(str(node.base.label)) is not None:
                raise Undecided(f"{node} is not a component of a vector (one index expected)")
            if isinstance(node, Symbol) and node.name in model.by_key and model.by_key[node.name].is_family:
                raise Undecided(f"the family {node} is used without an index")
            return
        for arg in node.args:
            walk(arg)

    walk(expr)
    return list(dict.fromkeys(found))


def is_random(expr: Basic, model: RandomModel) -> bool:
    return bool(random_atoms(expr, model))
