"""Checking a whole document in a test, as `verify check` does."""
from __future__ import annotations

from verify.config import CheckConfig
from verify.engine.checker import check_derivation
from verify.parsing import read_document
from verify.verdict import Status


def check_statuses(text: str, config: CheckConfig = CheckConfig()) -> list[Status]:
    """The status of every check of the document ``text``, in report order."""
    return [r.verdict.status for r in check_derivation(read_document(text).derivation(), config).results]
