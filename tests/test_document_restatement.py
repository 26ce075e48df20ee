"""Restated left sides and self-referential "definitions": every step is checked as the student wrote it."""
from sympy import Function, Symbol

from verify.model import Relation
from verify.parsing import read_document

x = Symbol("x", real=True)


def test_restating_after_an_inequality_checks_from_the_restated_expression():
    document = read_document("$$x \\le x + 1$$\n$$x = x + 1$$\n$$x \\ge x + 1$$")
    written = [(c.start, c.steps[0].relation, c.steps[0].expr) for c in document.chains]
    assert written == [(x, Relation.LE, x + 1), (x, Relation.EQ, x + 1), (x, Relation.GE, x + 1)]


def test_restating_after_a_definition_starts_again_from_its_right_side():
    document = read_document("$$y = (a + 1)^2$$\n$$= a^2 + 2a + 1$$\n$$y \\le 3a$$")
    a = Symbol("a", real=True)
    assert [c.start for c in document.chains] == [(a + 1) ** 2, (a + 1) ** 2]
    assert document.chains[1].steps[0].expr == 3 * a


def test_a_name_on_its_own_right_side_is_an_equation_to_check():
    document = read_document("$$x = x + 1$$")
    assert document.definitions == () and document.chains[0].start == x


def test_a_function_on_its_own_right_side_is_an_equation_to_check():
    document = read_document("$$f(x) = f(2 x)$$")
    assert document.definitions == () and document.chains[0].start == Function("f")(x)
