"""Hypothesis without its per-example deadline: tests assert behaviour, and how long SymPy takes on a
loaded two-core CI machine is a figure for benchmarks/, not a reason for a test to fail.

Under ``CI`` (set by ``.ci/run``) the draws are derandomized: the gate runs the examples a developer ran
with ``CI=1`` before pushing, so a landing never hangs on a new random draw. Local runs stay random, which
is where new counterexamples are found."""
import os

from hypothesis import settings

settings.register_profile("behaviour", deadline=None)
settings.register_profile("ci", deadline=None, derandomize=True, print_blob=True)
settings.load_profile("ci" if os.environ.get("CI", "") not in ("", "0", "false") else "behaviour")
