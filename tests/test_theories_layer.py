"""The theories sit below the engine: they import the neutral evaluator, never the engine."""
from __future__ import annotations

import ast
from pathlib import Path

import verify.theories

THEORIES = Path(verify.theories.__file__).parent


def _imported_modules(path: Path) -> set[str]:
    """Absolute-looking names of the modules ``path`` imports (``...engine.x`` reads as ``engine.x``)."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom):
            names.add((node.module or "") if node.level == 0 else "." * node.level + (node.module or ""))
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return names


def _reaches_engine(name: str) -> bool:
    return "engine" in name.lstrip(".").split(".")


def test_no_theory_module_imports_the_engine():
    offenders = {f"{path.relative_to(THEORIES)}: {name}" for path in THEORIES.rglob("*.py")
                 for name in _imported_modules(path) if _reaches_engine(name)}
    assert offenders == set()


def test_the_scan_sees_an_engine_import(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("from ...engine.checker import check_step\n")
    assert any(_reaches_engine(name) for name in _imported_modules(sample))
