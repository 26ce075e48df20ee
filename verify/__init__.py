"""verify: a symbolic derivation verifier for the mathematics of deep learning.

The public face is small: ``check`` a ``Derivation`` (or one step with ``check_step``),
``parse`` and ``read_document`` untrusted text, ``grade_batch`` a class against a
rubric, ``derivation_document``/``feedback_document`` for LaTeX and ``compile_pdf``.
Parsing, grading and export load on first use, so ``verify run`` never imports them.

>>> from sympy import Symbol
>>> x = Symbol("x", positive=True)
>>> check_step((x + 1)**2, "=", x**2 + 2*x + 1, Context(symbols=(x,))).status.value
'proved'
"""
from __future__ import annotations

import importlib

from .config import CheckConfig
from .display import load_formatters_with
from .engine.checker import check_claim, check_derivation, check_derivations, check_step
from .model import Chain, Claim, Context, Derivation, Fact, Relation, Step
from .verdict import Status, Verdict

check = check_derivation
load_formatters_with(lambda: importlib.import_module("verify.export"))  # notebooks: LaTeX on first display

_LAZY = {
    "parse": "verify.parsing", "read_document": "verify.parsing",
    "grade_batch": "verify.grading", "grade_text": "verify.grading", "load_rubric": "verify.grading",
    "derivation_document": "verify.export", "feedback_document": "verify.export", "compile_pdf": "verify.export",
}

__all__ = ["CheckConfig", "check", "check_claim", "check_derivation", "check_derivations", "check_step",
           "Chain", "Claim", "Context", "Derivation", "Fact", "Relation", "Step", "Status", "Verdict", *_LAZY]


def __getattr__(name: str):
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'verify' has no attribute {name!r}")
