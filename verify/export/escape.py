"""The one escaping function for untrusted text (it lives with the printer, which needs it too)."""
from ..printing.text import MAX_CHARS, escape_text

__all__ = ["MAX_CHARS", "escape_text"]
