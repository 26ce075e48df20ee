"""One internal "cannot decide" signal, and it is never mistaken for a user's error."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest
import sympy
from sympy import IndexedBase, Symbol

import verify
from verify.engine.evaluate import Evaluator
from verify.errors import VerifyError
from verify.theories.asymptotics.terms import terms_of
from verify.theories.linalg.moments import moments
from verify.undecided import Undecided

n = Symbol("n", positive=True)


def test_undecided_is_not_a_user_error():
    assert not issubclass(Undecided, VerifyError)


def test_no_module_defines_its_own_undecided_or_unsupported_signal():
    source = Path(verify.__file__).parent
    defined = [f"{path.relative_to(source)}:{node.name}" for path in source.rglob("*.py")
               for node in ast.walk(ast.parse(path.read_text())) if isinstance(node, ast.ClassDef)
               and node.name in ("Undecided", "Unsupported")]
    assert defined == ["undecided.py:Undecided"]


def test_an_unclassifiable_cost_is_undecided():
    with pytest.raises(Undecided):
        terms_of(sympy.sin(n))


def test_moments_beyond_the_second_are_undecided():
    x = IndexedBase("x")
    with pytest.raises(Undecided):
        moments(x[1] ** 3)


def test_a_symbol_without_a_value_is_undecided_for_the_evaluator():
    with pytest.raises(Undecided):
        Evaluator({})(n + 1)
