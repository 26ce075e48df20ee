"""``python -m verify`` is the same as the ``verify`` command."""
import sys

from .cli import main

sys.exit(main())
