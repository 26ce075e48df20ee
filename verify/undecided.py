"""The one internal signal for "this cannot be decided here".

A theory, an evaluator or a normaliser raises ``Undecided`` when a construct is outside
what it can decide; the checker turns it into an ``unknown`` verdict with the reason.
It is deliberately not a ``VerifyError``: those are a user's errors (text that cannot be
read, an unknown name), and "cannot decide" must never be mistaken for one.
"""
from __future__ import annotations


class Undecided(Exception):
    """A construct this tier (or theory) cannot decide; the message says which and why."""
