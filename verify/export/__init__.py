"""Export: checked derivations and annotated feedback as LaTeX, and PDF through a real TeX.

Untrusted text reaches TeX only through :func:`escape_text`; math only through
:func:`latex_math` (SymPy's printer with every name checked); TeX runs without shell
escape, with paranoid file access and a time limit (:func:`compile_pdf`).
"""
from . import jupyter  # noqa: F401  (registers the notebook formatters of derivations and reports)
from .compile import TexError, TexMissing, compile_pdf, find_tex
from .derivation import derivation_body, derivation_document, derivations_document
from ..printing.text import escape_text
from .feedback import FeedbackItem, MarkedChain, MarkedStep, feedback_document, marked_chain
from ..printing.latex import latex_math

__all__ = [
    "FeedbackItem", "MarkedChain", "MarkedStep", "TexError", "TexMissing", "compile_pdf",
    "derivation_body", "derivation_document", "derivations_document", "escape_text",
    "feedback_document", "find_tex", "marked_chain", "latex_math",
]
