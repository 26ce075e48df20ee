"""Numbers for softmax calculus: components drawn, definitions unfolded before differentiating.

A derivative is evaluated only after the indexed definitions are substituted
(``d p_j / d z_i`` of an undefined ``p_j`` would be 0, and a true step would look wrong);
sizes are drawn here, and each free index inside the one range its family is summed
over (an index outside it names no component, and proves nothing). Values constrained by
a premise on a sum (``sum_j y_j = 1``) are drawn by the numeric tier to meet it
(``linalg.ranges.sum_premise``); any other premise on a sum leaves the step undecided,
since a draw that breaks a premise refutes nothing.
"""
from __future__ import annotations

import numpy as np
from sympy import Derivative, Expr, Indexed, Integer, KroneckerDelta, Sum, Symbol

from ...differentiation import carried
from ...evaluation import Evaluator
from ...model import Context
from ...undecided import Undecided
from ..algebra import sample_value
from ..base import Instance
from ..linalg import apply_definitions
from ..linalg.ranges import sum_premise
from .canonical import index_ranges, sum_facts, summed_ranges


def _integer(value) -> int:
    number = float(np.real(value))
    if not number.is_integer():
        raise Undecided(f"an index evaluated to {number:g}, not an integer")
    return int(number)


class Components:
    """Values of the components of each family, drawn once; defined families by their definition."""

    def __init__(self, context: Context, rng: np.random.Generator, instance: Instance):
        self.context, self.rng, self.instance = context, rng, instance
        self.drawn: dict = {}

    def indexed(self, node: Indexed, evaluate: Evaluator):
        at = node.base[tuple(Integer(_integer(evaluate(i))) for i in node.indices)]
        unfolded, _ = apply_definitions(at, self.context)
        if unfolded != at:
            return evaluate(unfolded)
        if at not in self.drawn:
            self.drawn[at] = sample_value(at, self.rng)
            self.instance.described.append((str(at), f"{self.drawn[at]:g}"))
        return self.drawn[at]

    def derivative(self, node: Derivative, evaluate: Evaluator):
        unfolded, _ = apply_definitions(node, self.context)
        done = carried(unfolded)
        if done.has(Derivative):
            raise Undecided(f"cannot differentiate {node.expr} symbolically")
        return evaluate(done)


def instantiate(context: Context, expr: Expr, rng: np.random.Generator, instance: Instance) -> str | None:
    if not (expr.has(Indexed) and (expr.has(Derivative) or expr.has(Sum))):
        return None
    unfolded, _ = apply_definitions(expr, context)
    families = {c.base for c in unfolded.atoms(Indexed)}
    for fact in sum_facts(context):
        if {c.base for c in fact.lhs.atoms(Indexed)} & families and sum_premise(fact, context) is None:
            return f"no values satisfying the premise {fact.lhs} = {fact.rhs} are drawn"
    inside = index_ranges(unfolded, summed_ranges(unfolded))
    sizes = sorted({s for low, high in inside.values() for s in (low.free_symbols | high.free_symbols)}, key=str)
    for size in sizes:
        if size not in instance.values:
            instance.values[size] = float(rng.integers(2, 5))
            instance.described.append((str(size), f"{instance.values[size]:g}"))
    for index, (low, high) in sorted(inside.items(), key=lambda item: str(item[0])):
        bounds = [_integer(Evaluator(instance.values)(b)) for b in (low, high)]
        if bounds[0] > bounds[1]:
            return f"the range of {index} is empty at the sampled sizes"
        instance.values[index] = float(rng.integers(bounds[0], bounds[1] + 1))
        instance.described.append((str(index), f"{instance.values[index]:g}"))
    indices = {i for c in unfolded.atoms(Indexed) for i in c.indices if isinstance(i, Symbol)}
    free_indices = indices & unfolded.free_symbols
    outside = sorted(map(str, free_indices - set(inside)))
    if outside:
        return f"no range is known for the indices {', '.join(outside)}"
    components = Components(context, np.random.default_rng(int(rng.integers(2**32))), instance)
    instance.hooks.setdefault(Derivative, components.derivative)
    instance.hooks.setdefault(Indexed, components.indexed)
    instance.hooks.setdefault(KroneckerDelta, lambda e, ev: float(_integer(ev(e.args[0])) == _integer(ev(e.args[1]))))
    labels = {c.base.label for c in (unfolded.atoms(Indexed) | expr.atoms(Indexed))}
    for symbol in unfolded.free_symbols | expr.free_symbols:  # labels and symbolic components have no value
        if isinstance(symbol, Indexed) or symbol in labels:
            instance.values.setdefault(symbol, np.nan)
    return None
