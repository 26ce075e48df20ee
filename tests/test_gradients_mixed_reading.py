r"""A premise value that reads one name two ways (``D(x)`` beside the factor ``D`` of ``D \cdot G(z)``, as
``\log(1 - D(G(z)))`` may be read) is not used inside a gradient: differentiating it would differentiate
what the document did not write. A value that reads each name one way is used as before."""
from __future__ import annotations

import sympy
from sympy import Function, Symbol

from verify.model import Context, Fact
from verify.parsing.randomness.gradients import _premised_values, mixed_names

D, G, V, P = Function("D"), Function("G"), Function("V"), Function("p")
x, z = Symbol("x"), Symbol("z")
MIXED = sympy.log(D(x)) + sympy.log(1 - Symbol("D") * G(z))
ONE_WAY = sympy.log(D(x)) + sympy.log(1 - D(G(z)))


def context(value) -> Context:
    return Context(facts=(Fact("the premise V(D, G)", V(Symbol("D"), Symbol("G")), value),))


def test_a_name_both_applied_and_a_factor_is_mixed():
    assert mixed_names(MIXED) == {"D"}


def test_a_name_read_one_way_is_not_mixed():
    assert mixed_names(ONE_WAY) == set()


def test_a_mixed_premise_value_is_not_used():
    assert _premised_values(context(MIXED), []) == {}


def test_a_premise_value_read_one_way_is_used():
    assert _premised_values(context(ONE_WAY), []) == {"V": ONE_WAY}
