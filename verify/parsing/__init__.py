"""Reading untrusted text: formulas (LaTeX, ASCII) and documents (Markdown, LaTeX).

The public face: ``parse``, ``parse_latex_expr``, ``parse_ascii_expr``, ``read_document``.
"""
from .document import Document, Formula, read_document
from .expressions import parse, parse_ascii_expr, parse_latex_expr
from .limits import DEFAULT_LIMITS, Limits
from .transform import Statement

__all__ = ["read_document", "Document", "Formula", "parse", "parse_latex_expr", "parse_ascii_expr", "Limits", "DEFAULT_LIMITS", "Statement"]
