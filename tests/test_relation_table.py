"""``Relation`` is the one table of relations: its token, text, LaTeX and SymPy class."""
from pathlib import Path

import pytest
from sympy import Integer

from verify.model import STATEMENT_RELATIONS, Relation, relation_latex

GRAMMAR = Path(__file__).parents[1] / "verify" / "parsing" / "math.lark"


@pytest.mark.parametrize("relation", list(Relation))
def test_every_relation_is_a_token_of_the_grammar(relation):
    declared = {word for line in GRAMMAR.read_text().splitlines() if line.startswith("%declare")
                for word in line.split()}
    assert relation.token in declared


@pytest.mark.parametrize("relation", list(Relation))
def test_a_relation_is_found_again_from_its_text(relation):
    assert Relation.of_text(relation.value) is relation


def test_text_that_is_no_relation_is_none():
    assert Relation.of_text("!=") is None


@pytest.mark.parametrize("relation, holds", [(Relation.EQ, False), (Relation.LE, False), (Relation.GE, True),
                                             (Relation.LT, False), (Relation.GT, True)])
def test_sympy_class_compares_like_the_relation(relation, holds):
    assert bool(relation.sympy(Integer(2), Integer(1))) is holds


def test_an_approximation_has_no_sympy_relational():
    with pytest.raises(ValueError):
        Relation.APPROX.sympy


@pytest.mark.parametrize("relation", [Relation.LE, Relation.LT])
def test_upper_bounds_point_down(relation):
    assert relation.direction == -1


@pytest.mark.parametrize("relation", [Relation.GE, Relation.GT])
def test_lower_bounds_point_up(relation):
    assert relation.direction == 1


def test_only_lt_and_gt_are_strict():
    assert {r for r in Relation if r.strict} == {Relation.LT, Relation.GT}


def test_latex_of_every_relation_is_a_math_mode_symbol():
    assert [r.latex for r in Relation] == ["=", r"\le", r"\ge", "<", ">", r"\approx"]


@pytest.mark.parametrize("text, latex", [("<=", r"\le"), ("!=", r"\ne"), (":=", r"\coloneqq"), ("~", r"\sim")])
def test_statement_relations_have_latex(text, latex):
    assert relation_latex(text) == latex


def test_unknown_relation_text_has_no_latex():
    assert relation_latex("<>") is None


def test_every_relation_the_grammar_reads_has_a_text():
    rule = next(line for line in GRAMMAR.read_text().splitlines() if line.startswith("rel:"))
    tokens = {word for word in rule.split()[1:] if word != "|"}
    assert tokens == set(STATEMENT_RELATIONS)
