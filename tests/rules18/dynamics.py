"""Rows of the dynamics rules: spectra and determinants, fields, update maps, recurrences, relations."""
from __future__ import annotations

import sympy
from sympy import (BlockMatrix, Derivative, Determinant, Equivalent, Function, Gt, I, Identity, ImmutableMatrix,
                   Implies, Lt, MatrixSymbol, Symbol, Trace, cos, log, pi, sin, sqrt, symbols)

from verify.model import Claim, Context, Fact
from verify.theories.dynamics.orthogonal import membership_facts
from verify.vocabulary.linalg import Cross, Curl, Divergence, JacobianOf, PlusMinus, SpectralRadius, Spectrum

from .cases import ClaimForm, Document, Row, Step

DYNAMICS = Context(theories=("dynamics", "algebra"))
LINALG = Context(theories=("linalg", "algebra"))
eta = Symbol("eta", real=True)
theta = Symbol("theta", real=True)
N = Symbol("n", positive=True, integer=True)
A, B, R = (MatrixSymbol(name, N, N) for name in "ABR")
x = MatrixSymbol("x", N, 1)
M = MatrixSymbol("M", 2, 2)
ROTATION_SCALING = Context(theories=("linalg", "algebra"),
                           facts=(Fact("M", M, ImmutableMatrix([[1, -eta], [eta, 1]])),))
GAME = BlockMatrix([[Identity(N), -eta * A], [eta * A.T, Identity(N)]])
ORTHOGONAL = Context(theories=("linalg", "algebra"), facts=membership_facts(R, special=False))
x1, x2, x3 = symbols("x_1 x_2 x_3", real=True)
a, b, c, d = symbols("a b c d", real=True)
v, F = Symbol("x", real=True), Function("F")
FIELD = Context(symbols=(x1, x2, x3, v, a, b, c, d), theories=("dynamics", "algebra"),
                facts=(Fact("definition of F", F(v), ImmutableMatrix([[a * x1 + b * x2, c * x1 + d * x2, 0]]).T),))
ROTATION_FIELD = Context(symbols=(x1, x2, x3, v), theories=("dynamics", "algebra"),
                         facts=(Fact("definition of F", F(v), ImmutableMatrix([[x2, -x1, 0]]).T),))
tau = Symbol("tau", real=True)
p, q = Function("p")(tau), Function("q")(tau)
FLOW = Context(symbols=(tau,), theories=("dynamics", "algebra"),
               facts=(Fact("vector field", Derivative(p, tau), -q), Fact("vector field", Derivative(q, tau), p)))
x_k, y_k, x_next = symbols("x_k y_k x_next", real=True)
STEP = Context(symbols=(x_k, y_k, eta), theories=("algebra",),
               facts=(Fact("update rule", x_next, x_k - eta * y_k),))
n_, d_ = Symbol("n", positive=True), Symbol("d", positive=True)
s, t = symbols("s t", real=True)
SIMULTANEOUS = "Assume:\n\n- $x_{t+1} = x_t - \\eta y_t$\n- $y_{t+1} = y_t + \\eta x_t$\n\nThen:"


def claim(kind, subject, value=None, assumptions=()):
    return ClaimForm(Claim(kind, kind, subject, value, None, tuple(assumptions)), DYNAMICS)


ANGLES = Step(sin(theta + pi / 4), (sin(theta) + cos(theta)) / sqrt(2), DYNAMICS)
EIGENVALUES = claim("eigenvalues", ImmutableMatrix([[1, -eta], [eta, 1]]), (1 + I * eta, 1 - I * eta))
FLOW_STEP = Step(Derivative(p**2 + q**2, tau), sympy.S.Zero, FLOW)
UPDATE = Step(x_next**2, (x_k - eta * y_k) ** 2, STEP)
DET = Step(Determinant(M), 1 + eta**2, ROTATION_SCALING)
DET_PRODUCT = Step(Determinant(2 * A * B), 2**N * Determinant(A) * Determinant(B), LINALG)
TRACE = Step(Trace(eta * A + Identity(N)), eta * Trace(A) + N, LINALG)
SPECTRUM = Step(Spectrum(M), PlusMinus(1, I * eta), ROTATION_SCALING)
RADIUS = Step(SpectralRadius(M), sqrt(1 + eta**2), ROTATION_SCALING)
BOTH_SIGNS = Document("Let $a$ be real.", r"(a \pm 1)^2", r"a^2 \pm 2a + 1")
BLOCK = Step(Determinant(GAME), Determinant(Identity(N) + eta**2 * A * A.T), LINALG)
SYLVESTER = Step(Determinant(GAME), Determinant(Identity(N) + eta**2 * A.T * A), LINALG)
GRAM = Step(x.T * A.T * A * x, sympy.S.Zero, LINALG, ">=")
ORTHOGONALITY = Step(x.T * R.T * R * x, x.T * x, ORTHOGONAL)
POSITIVE = claim("implication", Equivalent(Gt(2 * a, 2 * b), Gt(a, b)))
MONOTONE = claim("implication", Equivalent(Lt(n_, d_), Lt(log(n_), log(d_))))
WEAKER = claim("implication", Implies(Gt(a, 2), Gt(a, 1)))
TAYLOR = Document("", r"(1+\alpha)^3", r"1 + 3\alpha + O(\alpha^2)")
ENERGY = Document(SIMULTANEOUS, r"x_t^2 + y_t^2", r"(1+\eta^2)^t (x_0^2 + y_0^2)")
PRODUCT = Document("", r"\prod_{t=0}^{T-1} (1+\eta_t^2)", r"1 + \sum_{t=0}^{T-1} \eta_t^2", r"\ge")
CURL = Step(Curl(F(v)), ImmutableMatrix([0, 0, -2]), ROTATION_FIELD)
DIVERGENCE = Step(Divergence(F(v)), a + d, FIELD)
JACOBIAN = Step(JacobianOf(F(v), (), 3), ImmutableMatrix([[a, b, 0], [c, d, 0], [0, 0, 0]]), FIELD)
CROSS = Step(Cross(Curl(F(v)), F(v)), ImmutableMatrix([-2 * x1, -2 * x2, 0]), ROTATION_FIELD)
GRADIENT = claim("gradient", (x1 * x2, (x1, x2)), (x2, x1))

ROWS = [
    Row("angle addition", ANGLES, (
        ANGLES.broken("sign", (sin(theta) - cos(theta)) / sqrt(2)),
        ANGLES.broken("swapped argument", lhs=cos(theta + pi / 4)),
        ANGLES.broken("factor", sin(theta) + cos(theta)))),
    Row("dynamics", EIGENVALUES, (
        EIGENVALUES.broken("sign", (1 + eta, 1 - eta)),
        EIGENVALUES.broken("factor", (1 + 2 * I * eta, 1 - 2 * I * eta)),
        EIGENVALUES.broken("multiplicity", (1 + I * eta, 1 + I * eta)),
        GRADIENT.broken("swapped argument", (x1, x2)))),
    Row("vector field", FLOW_STEP, (
        FLOW_STEP.broken("sign", lhs=Derivative(p**2 - q**2, tau)),
        FLOW_STEP.broken("factor", lhs=Derivative(p**2 + 2 * q**2, tau)),
        FLOW_STEP.broken("exponent", lhs=Derivative(p**2 + q**3, tau)))),
    Row("update rule", UPDATE, (
        UPDATE.broken("sign", (x_k + eta * y_k) ** 2),
        UPDATE.broken("swapped argument", (y_k - eta * x_k) ** 2),
        UPDATE.broken("exponent", (x_k - eta * y_k) ** 3))),
    Row("determinant", DET, (
        DET.broken("sign", 1 - eta**2),
        DET.broken("exponent", 1 + eta),
        DET.broken("factor", 1 + 2 * eta**2))),
    Row("determinant of a product", DET_PRODUCT, (
        DET_PRODUCT.broken("exponent", 2 * Determinant(A) * Determinant(B)),
        DET_PRODUCT.broken("swapped argument", 2**N * Determinant(A) ** 2),
        DET_PRODUCT.broken("sign", -(2**N) * Determinant(A) * Determinant(B)))),
    Row("trace", TRACE, (
        TRACE.broken("dropped size", eta * Trace(A) + 1),
        TRACE.broken("exponent", eta**2 * Trace(A) + N),
        TRACE.broken("sign", eta * Trace(A) - N))),
    Row("spectrum", SPECTRUM, (
        SPECTRUM.broken("swapped argument", PlusMinus(I, eta)),
        SPECTRUM.broken("factor", PlusMinus(1, 2 * I * eta)),
        SPECTRUM.broken("real for imaginary", PlusMinus(1, eta)))),
    Row("spectral radius", RADIUS, (
        RADIUS.broken("exponent", 1 + eta**2),
        RADIUS.broken("sign", sqrt(1 - eta**2)),
        RADIUS.broken("factor", sqrt(1 + 2 * eta**2)))),
    Row("both signs", BOTH_SIGNS, (
        BOTH_SIGNS.broken("the other sign", r"a^2 \mp 2a + 1"),
        BOTH_SIGNS.broken("factor", r"a^2 \pm a + 1"),
        BOTH_SIGNS.broken("sign", r"a^2 \pm 2a - 1"))),
    Row("determinant of a block matrix", BLOCK, (
        BLOCK.broken("sign", Determinant(Identity(N) - eta**2 * A * A.T)),
        BLOCK.broken("exponent", Determinant(Identity(N) + eta * A * A.T)),
        BLOCK.broken("factor", Determinant(Identity(N) + 2 * eta**2 * A * A.T)))),
    Row("sylvester determinant identity", SYLVESTER, (
        SYLVESTER.broken("sign", Determinant(Identity(N) - eta**2 * A.T * A)),
        SYLVESTER.broken("exponent", Determinant(Identity(N) + eta * A.T * A)),
        SYLVESTER.broken("swapped argument", Determinant(Identity(N) + eta**2 * A.T * A.T)))),
    Row("gram matrix is positive semidefinite", GRAM, (
        GRAM.broken("sign", relation="<="),
        GRAM.broken("strict", relation=">"),
        GRAM.broken("swapped argument", lhs=x.T * A.T * A.T * x))),
    Row("orthogonality", ORTHOGONALITY, (
        ORTHOGONALITY.broken("factor", 2 * x.T * x),
        ORTHOGONALITY.broken("dropped premise", context=LINALG),
        ORTHOGONALITY.broken("swapped argument", lhs=x.T * R * R * x))),
    Row("multiplying by a positive quantity", POSITIVE, (
        POSITIVE.broken("sign", subject=Equivalent(Gt(-2 * a, -2 * b), Gt(a, b))),
        POSITIVE.broken("factor", subject=Equivalent(Gt(2 * a, b), Gt(a, b))),
        POSITIVE.broken("unknown sign", subject=Equivalent(Gt(a * b, b), Gt(a, 1))))),
    Row("monotone map", MONOTONE, (
        MONOTONE.broken("swapped argument", subject=Equivalent(Lt(n_, d_), Lt(log(d_), log(n_)))),
        MONOTONE.broken("decreasing map", subject=Equivalent(Lt(n_, d_), Lt(1 / n_, 1 / d_))),
        MONOTONE.broken("factor", subject=Equivalent(Lt(n_, d_), Lt(log(2 * n_), log(d_)))))),
    Row("weaker bound", WEAKER, (
        WEAKER.broken("swapped argument", subject=Implies(Gt(a, 1), Gt(a, 2))),
        WEAKER.broken("sign", subject=Implies(Gt(a, 2), Lt(a, 1))),
        WEAKER.broken("factor", subject=Implies(Gt(a, 2), Gt(a, 4))))),
    Row("Taylor expansion", TAYLOR, (
        TAYLOR.broken("factor", r"1 + 2\alpha + O(\alpha^2)"),
        TAYLOR.broken("sign", r"1 - 3\alpha + O(\alpha^2)"),
        TAYLOR.broken("exponent", r"1 + 3\alpha + O(\alpha^3)"))),
    Row("closed form of a recurrence", ENERGY, (
        ENERGY.broken("exponent", r"(1+\eta^2)^{t/2} (x_0^2 + y_0^2)"),
        ENERGY.broken("sign", r"(1-\eta^2)^t (x_0^2 + y_0^2)"),
        ENERGY.broken("factor", r"(1+2\eta^2)^t (x_0^2 + y_0^2)"))),
    Row("product of 1 + a_t", PRODUCT, (
        PRODUCT.broken("sign", relation=r"\le"),
        PRODUCT.broken("factor", r"1 + 2\sum_{t=0}^{T-1} \eta_t^2"),
        PRODUCT.broken("dropped premise", lhs=r"\prod_{t=0}^{T-1} (1+\eta_t)", rhs=r"1 + \sum_{t=0}^{T-1} \eta_t"))),
    Row("curl", CURL, (
        CURL.broken("sign", ImmutableMatrix([0, 0, 2])),
        CURL.broken("factor", ImmutableMatrix([0, 0, -1])),
        CURL.broken("swapped argument", ImmutableMatrix([-2, 0, 0])))),
    Row("divergence", DIVERGENCE, (
        DIVERGENCE.broken("swapped argument", b + c),
        DIVERGENCE.broken("sign", a - d),
        DIVERGENCE.broken("factor", 2 * (a + d)))),
    Row("jacobian of a field", JACOBIAN, (
        JACOBIAN.broken("transposed", ImmutableMatrix([[a, c, 0], [b, d, 0], [0, 0, 0]])),
        JACOBIAN.broken("sign", ImmutableMatrix([[-a, b, 0], [c, d, 0], [0, 0, 0]])),
        JACOBIAN.broken("factor", ImmutableMatrix([[2 * a, b, 0], [c, d, 0], [0, 0, 0]])))),
    Row("cross product", CROSS, (
        CROSS.broken("sign", ImmutableMatrix([2 * x1, 2 * x2, 0])),
        CROSS.broken("swapped argument", ImmutableMatrix([-2 * x2, -2 * x1, 0])),
        CROSS.broken("factor", ImmutableMatrix([-x1, -x2, 0])))),
]
