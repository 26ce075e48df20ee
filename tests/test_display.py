"""Notebook LaTeX comes from formatters that export registers; the model never imports export."""
from __future__ import annotations

import ast
from pathlib import Path

from verify.display import latex_of, register_latex
from verify.model import Context, Derivation
from verify.verdict import DerivationReport

ROOT = Path(__file__).resolve().parents[1] / "verify"


class _Shown:
    pass


def test_a_registered_formatter_gives_the_latex():
    register_latex(_Shown, lambda obj: "x^2")
    assert latex_of(_Shown()) == "x^2"


def test_an_object_without_a_formatter_has_no_latex():
    assert latex_of(object()) is None


def test_derivations_and_reports_render_once_verify_is_imported():
    derivation = Derivation("d", "A title", Context())
    assert "A title" in derivation._repr_latex_()
    assert "A title" in DerivationReport("d", "A title")._repr_latex_()


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            found.add("." * node.level + (node.module or ""))
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def test_model_and_verdict_never_import_export():
    for name in ("model.py", "verdict.py", "display.py"):
        assert not any("export" in module for module in _imports(ROOT / name)), name
