"""Words in \\text{...}: one rule (parsing.words) says whether they are a name or prose, for the display
splitter and the lexer alike (they were two rules that disagreed on ``ReLU6`` and ``if``)."""
from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from verify.errors import ParseError
from verify.parsing import parse_latex_expr
from verify.parsing.markdown import statements
from verify.parsing.words import QUALIFIERS, is_prose

WORDS = [  # written inside \text{...}, and whether it is prose
    ("softmax", False),
    ("KL", False),
    ("d", False),
    ("ReLU6", False),
    ("self-attn", False),
    (" log ", False),
    ("if", True),
    (" where ", True),
    ("By", True),
    ("(Jensen)", True),
    ("some words", True),
    ("by Bayes' rule", True),
    ("für", True),
    ("", False),
]


@pytest.mark.parametrize("written, prose", WORDS)
def test_a_word_is_prose_or_a_name_by_one_rule(written, prose):
    assert is_prose(written) is prose


@pytest.mark.parametrize("written, prose", [(w, p) for w, p in WORDS if w.strip()])
def test_the_splitter_ends_a_statement_exactly_where_the_rule_sees_prose(written, prose):
    row = "a = b \\text{%s} c" % written
    assert (statements(row) == [("a = b", 0)]) is prose


@given(st.sampled_from(sorted(QUALIFIERS)))
def test_a_qualifier_inside_a_formula_is_refused_never_a_name(word):
    with pytest.raises(ParseError, match="words inside a formula"):
        parse_latex_expr("a \\text{%s} b" % word)


@given(st.sampled_from(sorted(QUALIFIERS)))
def test_a_qualifier_trailing_a_formula_is_skipped(word):
    assert str(parse_latex_expr("a + b \\quad \\text{%s}" % word)) == "a + b"


def test_a_blank_text_is_a_space():
    assert str(parse_latex_expr("a \\text{ } b")) == "a*b"


def test_a_word_with_digits_is_one_name():
    assert str(parse_latex_expr("\\text{ReLU6}")) == "ReLU6"
