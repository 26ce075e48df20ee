"""Names whose script the reader spells letter by letter (``d_{model}`` is the name ``d_{m o d e l}``) print
as written, in both printers, never as letters apart or as escaped text."""
from __future__ import annotations

import pytest
from sympy import Symbol

from verify.printing import latex_math
from verify.printing.names import spelled_name
from verify.printing.plain import plain_math


@pytest.mark.parametrize("name, written", [("d_{m o d e l}", "d_{model}"), ("x_{i j}", "x_{ij}"),
                                           ("W^{Q K}", "W^{QK}"), ("d_k", "d_k"), ("x_{i+1}", "x_{i+1}")])
def test_a_spelled_script_is_joined(name, written):
    assert spelled_name(name) == written


def test_plain_text_joins_the_letters():
    assert plain_math(Symbol("d_{m o d e l}") ** 2) == "d_model²"


def test_latex_joins_the_letters():
    assert latex_math(Symbol("d_{m o d e l}")) == "d_{model}"
