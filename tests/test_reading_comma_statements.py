r"""Statements separated by plain commas, as inline premises list values (``$\delta_0 = 0, \delta_1 = 2$``):
one statement per part, when every part at the top level is a relation. A list of names before one
relation (``a, b \geq 0``), a list of values (``x = 1, 2``) and commas inside brackets are left whole."""
from __future__ import annotations

import pytest

from verify.parsing.markdown import segments, statements


@pytest.mark.parametrize("row, parts", [
    (r"\delta_0 = 0, \delta_1 = 2", [r"\delta_0 = 0", r"\delta_1 = 2"]),
    (r"p(z) = \mathcal{N}(0, 1), q(z) = \mathcal{N}(\mu, 1)", [r"p(z) = \mathcal{N}(0, 1)", r"q(z) = \mathcal{N}(\mu, 1)"]),
    (r"x_{t+1} = x_t - \eta g_t, t \ge 0", [r"x_{t+1} = x_t - \eta g_t", r"t \ge 0"]),
])
def test_relations_separated_by_commas_are_several_statements(row, parts):
    assert [text for text, _ in statements(row)] == parts


@pytest.mark.parametrize("row", [r"a, b \geq 0", r"x = 1, 2", r"f(x, y) = 0", r"\{x, y\} = S", r"i = 0, \dots, 4"])
def test_a_comma_that_separates_no_two_relations_leaves_the_statement_whole(row):
    assert [text for text, _ in statements(row)] == [row]


def test_an_inline_list_of_values_is_one_piece_per_value_at_its_own_offset():
    text = r"Assume $a = 1, b = 2$."
    pieces, _ = segments(text)
    assert [(p.text, text[p.offset:p.offset + len(p.text)]) for p in pieces] == [("a = 1", "a = 1"), ("b = 2", "b = 2")]
