"""Rules are objects: registered once, emitted as themselves, never as a name in a string."""
from __future__ import annotations

import ast
import pickle
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sympy import Symbol

import derivations
import verify.theories  # noqa: F401  (registers every rule)
from verify.config import CheckConfig
from verify.engine.checker import check_derivations
from verify.model import Fact
from verify.rules import Rule, find_rule, register_rule, registered_rules
from verify.theories.algebra import ALGEBRA, fact_rule
from verify.theories.probability.rules import BAYES

SOURCE = Path(verify.__file__).parent
USED_ADDERS = {"add", "append", "extend", "update"}


def _source_trees():
    for path in sorted(SOURCE.rglob("*.py")):
        yield path, ast.parse(path.read_text(), str(path))


def _string_literals(node: ast.AST) -> list[str]:
    """String constants in ``node`` itself or directly inside a tuple/list/set it builds."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
        return [s for element in node.elts for s in _string_literals(element)]
    if isinstance(node, ast.IfExp):
        return _string_literals(node.body) + _string_literals(node.orelse)
    return []


def _rule_arguments(call: ast.Call) -> list[ast.AST]:
    """The arguments of ``call`` that record a used rule, by the forms the theories use."""
    func = call.func
    if isinstance(func, ast.Attribute) and func.attr in USED_ADDERS and "used" in ast.unparse(func.value):
        return list(call.args)
    if isinstance(func, ast.Name) and func.id == "note":
        return list(call.args[1:])
    if isinstance(func, ast.Name) and func.id == "proved":
        return list(call.args[1:])
    return [keyword.value for keyword in call.keywords if keyword.arg == "used"]


def test_no_string_literal_is_recorded_as_a_used_rule():
    offenders = [f"{path.relative_to(SOURCE)}:{call.lineno}: {text!r}"
                 for path, tree in _source_trees() for call in ast.walk(tree) if isinstance(call, ast.Call)
                 for argument in _rule_arguments(call) for text in _string_literals(argument)]
    assert offenders == []


def test_every_rule_built_in_the_source_is_registered_where_it_is_built():
    """``Rule(...)`` only ever appears as ``register_rule(Rule(...))``: no rule object escapes the registry."""
    wrapped, built = set(), []
    for path, tree in _source_trees():
        for call in ast.walk(tree):
            if isinstance(call, ast.Call) and isinstance(call.func, ast.Name):
                if call.func.id == "register_rule" and call.args and isinstance(call.args[0], ast.Call):
                    wrapped.add(id(call.args[0]))
                elif call.func.id == "Rule":
                    built.append((path, call))
    loose = [f"{path.relative_to(SOURCE)}:{call.lineno}" for path, call in built if id(call) not in wrapped]
    assert built and loose == []


def test_every_rule_a_built_in_derivation_uses_is_registered():
    used = {rule for report in check_derivations((derivations.load(name) for name in derivations.names()),
                                                 CheckConfig(budget=None))
            for result in report.results + report.twin for rule in result.verdict.used}
    assert used and all(isinstance(rule, Rule) and find_rule(rule.name) is rule for rule in used)


def test_every_registered_rule_is_found_by_its_name_and_each_alias():
    for rule in registered_rules():
        assert all(find_rule(name) is rule for name in (rule.name, *rule.aliases))


def test_registering_a_taken_name_raises():
    with pytest.raises(ValueError):
        register_rule(Rule(BAYES.name, "a second Bayes"))


def test_registering_a_taken_alias_raises():
    with pytest.raises(ValueError):
        register_rule(Rule("a rule never seen before", "its alias is taken", aliases=(BAYES.aliases[0],)))


def test_a_refused_rule_leaves_the_registry_as_it_was():
    before = registered_rules()
    with pytest.raises(ValueError):
        register_rule(Rule("a rule never seen before", "refused", aliases=(BAYES.name,)))
    assert registered_rules() == before and find_rule("a rule never seen before") is None


@given(st.sampled_from(registered_rules()))
def test_a_rule_pickles_to_the_same_object(rule):
    assert pickle.loads(pickle.dumps(rule)) is rule


def test_a_fact_named_after_a_rule_counts_as_that_rule():
    assert fact_rule(Fact("Bayes' rule", Symbol("a"), Symbol("b"))) is BAYES


def test_a_fact_named_after_no_rule_counts_as_algebra():
    assert fact_rule(Fact("definition of y", Symbol("y"), Symbol("x") + 1)) is ALGEBRA
