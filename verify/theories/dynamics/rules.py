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

# --- matrices and spectra as they are written (``dynamics.written``, ``dynamics.blocks``) -----------
DETERMINANT = register_rule(Rule(
    "determinant", "det M of an explicit matrix, expanded exactly (so det(lambda I - J) is the "
    "characteristic polynomial)", aliases=("definition of the determinant", "characteristic polynomial")))
DETERMINANT_PRODUCT = register_rule(Rule(
    "determinant of a product", "det(c X Y) = c^n det X det Y for n x n factors; det X^T = det X; det I = 1",
    aliases=("multiplicativity of the determinant", "det of a product")))
TRACE = register_rule(Rule("trace", "tr M = sum_i M_ii of an explicit matrix", aliases=("definition of the trace",)))
SPECTRUM = register_rule(Rule(
    "spectrum", "the eigenvalues of M, as a multiset, are the roots of det(lambda I - M) with their "
    "multiplicities", aliases=("eigenvalues", "characteristic roots")))
SPECTRAL_RADIUS = register_rule(Rule(
    "spectral radius", "rho(M) = max_i |lambda_i(M)|, from the exact eigenvalues", aliases=("rho",)))
BOTH_SIGNS = register_rule(Rule(
    "both signs", "a statement with a +- is two statements, one with every upper sign and one with every "
    "lower sign; it holds when both do", demands_citation=False))  # how +- is read, not a step one cites
BLOCK_DETERMINANT = register_rule(Rule(
    "determinant of a block matrix", "det [[A, B], [C, D]] = det(AD - BC) when C and D commute "
    "(det(AD - CB) when A, C commute; det(DA - BC) when B, D commute; det(DA - CB) when A, B commute)",
    aliases=("block determinant", "silvester block determinant")))
SYLVESTER_DETERMINANT = register_rule(Rule(
    "sylvester determinant identity", "det(I_m + c X Y) = det(I_k + c Y X) for X (m x k) and Y (k x m)",
    aliases=("weinstein-aronszajn identity", "sylvester's identity")))
GRAM_SEMIDEFINITE = register_rule(Rule(
    "gram matrix is positive semidefinite", "x^T B^T B x = |Bx|^2 >= 0: B^T B and B B^T are symmetric "
    "positive semidefinite, and so are nonnegative combinations of them and of I",
    aliases=("positive semidefinite", "a^t a is positive semidefinite")))
ORTHOGONALITY = register_rule(Rule(
    "orthogonality", "R^T R = R R^T = I and R^-1 = R^T for an orthogonal R (a fact of the context: "
    "R^T R = I or R in O(n), SO(n))", aliases=("orthogonal matrix", "rotation matrix")))

# --- implications and equivalences between relations (``dynamics.implication``) ---------------------
POSITIVE_FACTOR = register_rule(Rule(
    "multiplying by a positive quantity", "u > v <=> c u > c v when c > 0 (likewise >=, and dividing by c)",
    aliases=("dividing by a positive quantity", "multiply both sides", "divide both sides")))
MONOTONE_MAP = register_rule(Rule(
    "monotone map", "u > v <=> f(u) > f(v) for f strictly increasing where u, v lie: log on positives, exp, "
    "sqrt and positive powers on nonnegatives", aliases=("monotonicity", "take logs", "square both sides")))
WEAKER_BOUND = register_rule(Rule(
    "weaker bound", "u > v and v >= w give u > w: a relation implies every weaker one",
    aliases=("transitivity",)))
LOCAL_EXPANSION = register_rule(Rule(
    "Taylor expansion", "f = g + O(p^k) as p -> 0 when the Taylor terms of f - g below p^k vanish (f, g smooth)",
    aliases=("first-order expansion", "local expansion", "taylor expansion to first order")))

# --- vector fields written with components (``dynamics.fields``) ------------------------------------
CURL = register_rule(Rule(
    "curl", "nabla x F = (dF3/dx2 - dF2/dx3, dF1/dx3 - dF3/dx1, dF2/dx1 - dF1/dx2); in the plane the scalar "
    "dF2/dx1 - dF1/dx2", aliases=("definition of the curl", "rotation of a field")))
DIVERGENCE = register_rule(Rule(
    "divergence", "nabla . F = sum_i dF_i/dx_i", aliases=("definition of the divergence",)))
JACOBIAN = register_rule(Rule(
    "jacobian of a field", "J(F)_ij = dF_i/dx_j of a field written with components",
    aliases=("jacobian", "definition of the jacobian")))
CROSS_PRODUCT = register_rule(Rule(
    "cross product", "u x v = (u2 v3 - u3 v2, u3 v1 - u1 v3, u1 v2 - u2 v1) of two 3-component vectors",
    aliases=("definition of the cross product", "vector product")))
