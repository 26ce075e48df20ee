"""The named rules of the dynamics theory, one constant each.

Exact differentiation is the base theory's (``algebra.DIFFERENTIATION``); the vector
field and the update rule are facts of a derivation's context, registered so a step
may cite them.
"""
from __future__ import annotations

from ..base import Rule, register_rule

ANGLE_ADDITION = register_rule(Rule(
    "angle addition", "cos(u + c) = cos u cos c - sin u sin c and sin(u + c) = sin u cos c + cos u sin c",
    aliases=("angle addition formula", "addition formula")))
DYNAMICS = register_rule(Rule(
    "dynamics", "a claim about an update map, a Jacobian, a spectrum or iterates decided exactly: "
    "derivatives, determinants and characteristic polynomials computed, signs decided on a region",
    demands_citation=False))  # names the tier for claims; the claim's kind says what was computed
VECTOR_FIELD = register_rule(Rule(
    "vector field", "replaces dz/dt by the field the dynamics prescribe (a fact of the context)",
    aliases=("equations of motion",)))
UPDATE_RULE = register_rule(Rule(
    "update rule", "replaces the next iterate by the update map (a fact of the context)",
    aliases=("gda update", "gradient descent ascent", "gda step")))
