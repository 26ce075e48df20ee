"""``python -m verify`` is the same as the ``verify`` command."""
from .cli import entry_point

entry_point()
