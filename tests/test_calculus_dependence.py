"""A name the document defines moves with a variable only when its definition cannot carry the dependence:
``p_i = exp(o_i) / sum_j exp(o_j)`` and ``L = -sum_i y_i log p_i`` are differentiated through their
definitions, never read as opaque functions of ``o_k``; a definition that does not show the variable, reaches
a name that moves, or would not be substituted leaves the name moving (its derivative then stays undecided,
never a silent 0)."""
from __future__ import annotations

from sympy import Derivative, IndexedBase, Integer, Sum, Symbol, exp, log

from verify.parsing.dependence import defining, moving

i, j, k = (Symbol(name, integer=True) for name in "ijk")
size = Symbol("|o|", integer=True, positive=True)
o, p, y = IndexedBase("o"), IndexedBase("p"), IndexedBase("y")
L, a_i, p_j, t = Symbol("L"), Symbol("a_i"), Symbol("p_j"), Symbol("t")
SOFTMAX = (p[i], exp(o[i]) / Sum(exp(o[j]), (j, 1, size)))
LOSS = (L, -Sum(y[i] * log(p[i]), (i, 1, size)))
GRADIENT = Derivative(L, o[k])


def test_a_definition_that_shows_the_variable_carries_the_dependence():
    assert "L" not in moving([GRADIENT], [LOSS, SOFTMAX])


def test_without_its_definition_a_differentiated_name_moves():
    assert moving([GRADIENT])["L"][0] == o[k]


def test_a_definition_that_does_not_show_the_variable_leaves_the_name_moving():
    """L reaches y and p, neither defined in terms of a: d L / d a_i must not become 0."""
    assert "L" in moving([Derivative(L, a_i)], [LOSS])


def test_a_definition_reaching_a_moving_name_leaves_the_name_moving():
    """p_j moves with a_i (its derivative is written), so L's definition is not its whole dependence."""
    loss = (L, -Sum(y[i] * log(p[i]), (i, 1, size)) + Symbol("o_1"))
    assert "L" in moving([Derivative(L, o[k]), Derivative(p_j, a_i)], [loss])


def test_a_circular_definition_is_not_substituted_so_the_name_moves():
    b = Symbol("b")
    assert defining([(L, b + o[k]), (b, L - 1)]) == {}
    assert "L" in moving([GRADIENT], [(L, Symbol("b") + o[k]), (Symbol("b"), L - 1)])


def test_a_name_defined_twice_is_not_substituted():
    assert "L" not in defining([LOSS, (L, Integer(2) * o[k])])


def test_a_summed_name_is_a_variable_not_a_definition():
    assert "i" not in defining([(i, k)], [Sum(y[i], (i, 1, size))])


def test_a_time_derivative_of_an_undefined_name_still_moves():
    assert moving([Derivative(Symbol("x"), t)])["x"][0] == t
