"""Checking a whole document in a test, as `verify check` does."""
from __future__ import annotations

from verify.config import CheckConfig
from verify.engine.checker import check_derivation
from verify.parsing import read_document
from verify.verdict import Status


# A test asserts what is decided, not how fast: a budget far above any check's time keeps a loaded
# machine (parallel jobs, a slow CI runner) from turning a verdict into "unknown: out of time".
UNHURRIED = CheckConfig(budget=60.0)


def check_statuses(text: str, config: CheckConfig = UNHURRIED) -> list[Status]:
    """The status of every check of the document ``text``, in report order."""
    return [r.verdict.status for r in check_derivation(read_document(text).derivation(), config).results]
