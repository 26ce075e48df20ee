"""Hypothesis without its per-example deadline: tests assert behaviour, and how long SymPy takes on a
loaded two-core CI machine is a figure for benchmarks/, not a reason for a test to fail."""
from hypothesis import settings

settings.register_profile("behaviour", deadline=None)
settings.load_profile("behaviour")
