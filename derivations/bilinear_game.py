"""Gradient descent-ascent on the bilinear game f(p, q) = p q (assignment 5, question 2).

Simultaneous GDA is the linear map A = [[1, -eta], [eta, 1]] with eigenvalues 1 +- i eta,
so every step multiplies the distance to the equilibrium (0, 0) by sqrt(1 + eta^2) > 1:
the iterates spiral outwards (from (1, 1) with eta = 1: p = 1, 0, -2, -4, -4, 0, 8).
Alternating GDA has determinant 1 and cycles; extragradient contracts for 0 < eta < 1;
the continuous-time flow runs on circles. Everything is built inside ``derivation()``.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np
import sympy
from sympy import Derivative, Function, I, ImmutableMatrix, Symbol, Tuple, cos, pi, sin, sqrt
from sympy.core.symbol import Str

from verify.model import Chain, Claim, Context, Derivation, Fact, Step, TwinCheck

TITLE = "Gradient descent-ascent on the bilinear game $f(p, q) = p q$"

CONVENTIONS = (
    r"$f(p, q) = p q$; $p$ minimises (descends, sign $-1$), $q$ maximises (ascends, sign $+1$); $\eta > 0$ is the step size",
    r"$z_t = (p_t, q_t)$; simultaneous GDA: $p' = p - \eta q$, $q' = q + \eta p$ (both use $z_t$)",
    r"alternating GDA: $p' = p - \eta q$, then $q' = q + \eta p'$ ($q$ sees the new $p$)",
    r"extragradient: look ahead $z_h$ = simultaneous step from $z_t$, then $z_{t+1} = z_t + \eta (-q_h, p_h)$",
    r"continuous time $\tau$: $dp/d\tau = -q$, $dq/d\tau = p$",
    r"$\|z\|^2 = p^2 + q^2$; eigenvalues are listed with multiplicity; spectral radius $= \max |\lambda|$",
)

STUDENT_TABLE = ((1, 1), (0, 2), (-2, 2), (-4, 0), (-4, -4), (0, -8), (8, -8))


@dataclass(frozen=True)
class Game:
    """The symbols and the objects every part of the derivation shares."""

    p: Symbol
    q: Symbol
    eta: Symbol
    t: Symbol
    tau: Symbol
    f: sympy.Expr

    @property
    def variables(self) -> Tuple:
        return Tuple(self.p, self.q)

    def rule(self, name: str) -> Tuple:
        """The ``update_map`` subject for this game under the named rule."""
        return Tuple(self.f, self.variables, Tuple(-1, 1), self.eta, Str(name))


def game() -> Game:
    p, q = sympy.symbols("p q", real=True)
    eta = Symbol("eta", positive=True)
    return Game(p, q, eta, Symbol("t", integer=True, nonnegative=True), Symbol("tau", real=True), p * q)


def simultaneous_matrix(g: Game) -> ImmutableMatrix:
    return ImmutableMatrix([[1, -g.eta], [g.eta, 1]])


def alternating_matrix(g: Game) -> ImmutableMatrix:
    return ImmutableMatrix([[1, -g.eta], [g.eta, 1 - g.eta**2]])


def extragradient_matrix(g: Game) -> ImmutableMatrix:
    return ImmutableMatrix([[1 - g.eta**2, -g.eta], [g.eta, 1 - g.eta**2]])


def flow_matrix(g: Game) -> ImmutableMatrix:
    return ImmutableMatrix([[0, -1], [1, 0]])


def spectra(g: Game) -> dict[str, Tuple]:
    """The symbolic eigenvalues of each method's update (claimed below, cross-checked by the twin)."""
    root = sqrt(g.eta**2 - 4)
    return {
        "simultaneous": Tuple(1 + I * g.eta, 1 - I * g.eta),
        "alternating": Tuple((2 - g.eta**2 + g.eta * root) / 2, (2 - g.eta**2 - g.eta * root) / 2),
        "extragradient": Tuple(1 - g.eta**2 + I * g.eta, 1 - g.eta**2 - I * g.eta),
    }


def radii(g: Game) -> dict[str, sympy.Expr]:
    return {"simultaneous": sqrt(1 + g.eta**2), "extragradient": sqrt(1 - g.eta**2 + g.eta**4)}


def rotation_power(g: Game) -> ImmutableMatrix:
    """A(1)^t = sqrt(2)^t R(t pi/4): the closed form of simultaneous GDA with eta = 1."""
    angle = g.t * pi / 4
    return ImmutableMatrix([[cos(angle), -sin(angle)], [sin(angle), cos(angle)]]) * sqrt(2) ** g.t


def closed_iterates(g: Game) -> Tuple:
    """(p_t, q_t) from (1, 1) with eta = 1: the first column plus the second of A(1)^t."""
    power = rotation_power(g)
    return Tuple(power[0, 0] + power[0, 1], power[1, 0] + power[1, 1])


def energy(g: Game) -> sympy.Expr:
    """The quantity alternating GDA conserves (a modified p^2 + q^2)."""
    return g.p**2 + g.q**2 - g.eta * g.p * g.q


def growth_chain(g: Game) -> tuple[Chain, tuple[Fact, ...]]:
    """||z_(t+1)||^2 = (1 + eta^2) ||z_t||^2 for simultaneous GDA, by expansion."""
    p1, q1 = Symbol("p_{t+1}", real=True), Symbol("q_{t+1}", real=True)
    p, q, eta = g.p, g.q, g.eta
    facts = (Fact("simultaneous update of p", p1, p - eta * q), Fact("simultaneous update of q", q1, q + eta * p))
    steps = (
        Step((p - eta * q) ** 2 + (q + eta * p) ** 2, justification="update rule"),
        Step(sympy.Add(p**2, -2 * eta * p * q, eta**2 * q**2, q**2, 2 * eta * p * q, eta**2 * p**2, evaluate=False),
             justification="expand"),
        Step((1 + eta**2) * (p**2 + q**2), justification="algebra"),
    )
    return Chain(p1**2 + q1**2, steps, r"simultaneous GDA: the distance to $(0, 0)$ grows by $\sqrt{1 + \eta^2}$"), facts


def flow_chain(g: Game) -> tuple[Chain, tuple[Fact, ...]]:
    """0 = ... = d/dtau (p^2 + q^2) along the continuous-time field (dp, dq)/dtau = (-q, p).

    Written from 0 towards the derivative so that every step has something to break.
    """
    P, Q = Function("p")(g.tau), Function("q")(g.tau)
    dP, dQ = Derivative(P, g.tau), Derivative(Q, g.tau)
    facts = (Fact("field for p", dP, -Q), Fact("field for q", dQ, P))
    steps = (
        Step(sympy.Add(2 * P * (-Q), 2 * Q * P, evaluate=False), justification="algebra"),
        Step(2 * P * dP + 2 * Q * dQ, justification="vector field"),
        Step(Derivative(P**2 + Q**2, g.tau), justification="chain rule"),
    )
    return Chain(sympy.S.Zero, steps, r"continuous time: $d(p^2 + q^2)/d\tau = 0$, the flow runs on circles"), facts


def alternating_chain(g: Game) -> Chain:
    """Alternating GDA conserves E = p^2 + q^2 - eta p q (positive definite for eta < 2)."""
    p, q, eta = g.p, g.q, g.eta
    p1 = p - eta * q
    q1 = q + eta * p1
    start = energy(g).xreplace({p: p1, q: q1})
    steps = (Step(energy(g), justification="expand"),)
    return Chain(start, steps, r"alternating GDA: $E(z_{t+1}) = E(z_t)$ with $E = p^2 + q^2 - \eta p q$")


def extragradient_chain(g: Game) -> Chain:
    p, q, eta = g.p, g.q, g.eta
    start = ((1 - eta**2) * p - eta * q) ** 2 + (eta * p + (1 - eta**2) * q) ** 2
    steps = (Step((1 - eta**2 + eta**4) * (p**2 + q**2), justification="algebra"),)
    return Chain(start, steps, r"extragradient: $\|z_{t+1}\|^2 = (1 - \eta^2 + \eta^4) \|z_t\|^2$")


def claim(statement: str, kind: str, subject, value=None, why: str | None = None, assume=()) -> Claim:
    return Claim(statement, kind, subject, value, why, tuple(assume))


def game_claims(g: Game) -> tuple[Claim, ...]:
    """The game itself: gradient, Hessian and the saddle point at (0, 0)."""
    origin = Tuple(0, 0)
    hessian = ImmutableMatrix([[0, 1], [1, 0]])
    return (
        claim("grad f = (q, p)", "gradient", Tuple(g.f, g.variables), Tuple(g.q, g.p), "differentiation"),
        claim("Hessian of f = [[0, 1], [1, 0]]", "hessian", Tuple(g.f, g.variables), hessian, "differentiation"),
        claim("the Hessian's eigenvalues are 1 and -1", "eigenvalues", hessian, Tuple(1, -1), "characteristic polynomial"),
        claim("(0, 0) is a saddle point of f", "saddle", Tuple(g.f, g.variables, origin), None, "Hessian test"),
    )


def simultaneous_claims(g: Game) -> tuple[Claim, ...]:
    A, eta = simultaneous_matrix(g), g.eta
    radius = radii(g)["simultaneous"]
    table = Tuple(*(Tuple(*row) for row in STUDENT_TABLE))
    identity = ImmutableMatrix.eye(2)
    return (
        claim("simultaneous GDA: p' = p - eta q, q' = q + eta p", "update_map", g.rule("simultaneous"),
              Tuple(g.p - eta * g.q, g.q + eta * g.p), "gradient descent-ascent"),
        claim("(0, 0) is a fixed point of the update", "fixed_point", Tuple(A, Tuple(0, 0)), None, "update rule"),
        claim("its Jacobian is [[1, -eta], [eta, 1]]", "jacobian", Tuple(Tuple(g.p - eta * g.q, g.q + eta * g.p),
              g.variables), A, "differentiation"),
        claim("its eigenvalues are 1 +- i eta", "eigenvalues", A, spectra(g)["simultaneous"], "characteristic polynomial"),
        claim("its spectral radius is sqrt(1 + eta^2)", "spectral_radius", A, radius, "conjugate pair"),
        claim("sqrt(1 + eta^2) > 1 for every eta > 0", "inequality", sympy.Gt(radius, 1, evaluate=False), None,
              "squares"),
        claim("from (1, 1) with eta = 1: the iterates t = 0..6", "iterates",
              Tuple(A, Tuple(1, 1), Tuple(Tuple(eta, 1)), g.variables), table, "exact arithmetic"),
        claim("A(1)^t = sqrt(2)^t R(t pi/4)", "closed_form", Tuple(A.xreplace({eta: 1}), identity, g.t),
              rotation_power(g), "induction on t"),
        claim("(p_t, q_t) from (1, 1) with eta = 1 in closed form", "closed_form",
              Tuple(A.xreplace({eta: 1}), Tuple(1, 1), g.t), closed_iterates(g), "induction on t"),
    )


def alternating_claims(g: Game) -> tuple[Claim, ...]:
    A, eta = alternating_matrix(g), g.eta
    p1 = g.p - eta * g.q
    update = Tuple(p1, g.q + eta * p1)
    return (
        claim("alternating GDA: p' = p - eta q, q' = q + eta p'", "update_map", g.rule("alternating"), update,
              "gradient descent-ascent"),
        claim("its Jacobian is [[1, -eta], [eta, 1 - eta^2]]", "jacobian", Tuple(update, g.variables), A,
              "differentiation"),
        claim("its determinant is 1 (area preserving)", "determinant", A, 1, "expansion"),
        claim("its eigenvalues are (2 - eta^2 +- eta sqrt(eta^2 - 4)) / 2", "eigenvalues", A,
              spectra(g)["alternating"], "characteristic polynomial"),
        claim("its spectral radius is 1 for 0 < eta < 2 (bounded cycling)", "spectral_radius", A, 1,
              "conjugate pair", (eta < 2,)),
        claim("E = p^2 + q^2 - eta p q is positive definite: 1 - eta^2/4 > 0 for eta < 2", "inequality",
              sympy.Gt(1 - eta**2 / 4, 0, evaluate=False), None, "Sturm", (eta < 2,)),
    )


def flow_claims(g: Game) -> tuple[Claim, ...]:
    field = Tuple(-g.q, g.p)
    return (
        claim("continuous time: (dp, dq)/dtau = (-q, p)", "update_map", g.rule("flow"), field, "gradient flow"),
        claim("its Jacobian is [[0, -1], [1, 0]]", "jacobian", Tuple(field, g.variables), flow_matrix(g),
              "differentiation"),
        claim("its eigenvalues are +- i", "eigenvalues", flow_matrix(g), Tuple(I, -I), "characteristic polynomial"),
    )


def extragradient_claims(g: Game) -> tuple[Claim, ...]:
    A, eta = extragradient_matrix(g), g.eta
    update = Tuple((1 - eta**2) * g.p - eta * g.q, eta * g.p + (1 - eta**2) * g.q)
    radius = radii(g)["extragradient"]
    return (
        claim("extragradient: z' = [[1 - eta^2, -eta], [eta, 1 - eta^2]] z", "update_map", g.rule("extragradient"),
              update, "look-ahead step"),
        claim("its Jacobian is [[1 - eta^2, -eta], [eta, 1 - eta^2]]", "jacobian", Tuple(update, g.variables), A,
              "differentiation"),
        claim("its eigenvalues are 1 - eta^2 +- i eta", "eigenvalues", A, spectra(g)["extragradient"],
              "characteristic polynomial"),
        claim("its spectral radius is sqrt(1 - eta^2 + eta^4)", "spectral_radius", A, radius, "conjugate pair"),
        claim("sqrt(1 - eta^2 + eta^4) < 1 for 0 < eta < 1 (contraction)", "inequality",
              sympy.Lt(radius, 1, evaluate=False), None, "Sturm", (eta < 1,)),
    )


def numeric(expr, g: Game):
    """``expr`` as a numpy function of eta (and optionally of p, q arrays), by the engine's evaluator."""
    from verify.evaluation import Evaluator

    def evaluate(eta, p=None, q=None):
        values = {g.eta: eta} | ({g.p: p, g.q: q} if p is not None else {})
        if isinstance(expr, Tuple):
            return np.array([Evaluator(values)(e) for e in expr])
        return Evaluator(values)(expr)

    return evaluate


def _combine(verdicts, what: str):
    from verify.verdict import Status, Verdict

    for verdict in verdicts:
        if verdict.status is not Status.CONSISTENT:
            return verdict
    total = sum(v.samples for v in verdicts)
    return Verdict(Status.CONSISTENT, f"{what}: {total} random cases agree", samples=total)


MATRICES = {"simultaneous": simultaneous_matrix, "alternating": alternating_matrix,
            "extragradient": extragradient_matrix}


def _powers(g: Game, config):
    from . import gda_twin as twin

    return _combine([twin.sampled(twin.matrix_power_check(twin.SIMULATORS[name], numeric(make(g), g)), config, name)
                     for name, make in MATRICES.items()], "simulators = iterated symbolic Jacobians")


def _eigenvalues(g: Game, config):
    from . import gda_twin as twin

    found = spectra(g)
    return _combine([twin.sampled(twin.eigenvalue_check(numeric(make(g), g), numeric(found[name], g)), config, name)
                     for name, make in MATRICES.items()], "numpy eigvals = symbolic eigenvalues")


def _ratios(g: Game, config):
    from . import gda_twin as twin

    r = radii(g)
    return _combine([twin.sampled(twin.ratio_check(twin.SIMULATORS[name], numeric(r[name], g)), config, name)
                     for name in r], "distance ratio per step = symbolic spectral radius")


def _invariant(g: Game, config):
    from . import gda_twin as twin

    E = numeric(energy(g), g)
    check = twin.invariant_check(twin.alternating_gda, lambda eta, z: E(eta, z[:, 0], z[:, 1]))
    return twin.sampled(check, config, "alternating GDA keeps p^2 + q^2 - eta p q constant")


def _table(g: Game, config):
    from verify.evaluation import Evaluator

    from . import gda_twin as twin

    closed = closed_iterates(g)
    rows = np.array([[Evaluator({g.t: float(k)})(e) for e in closed] for k in range(len(STUDENT_TABLE))])
    verdicts = [twin.table_check(twin.simultaneous_gda, table, (1.0, 1.0), 1.0, config, what)
                for table, what in ((rows, "closed form sqrt(2)^t R(t pi/4)(1, 1)"),
                                    (np.array(STUDENT_TABLE, dtype=float), "the table of iterates"))]
    return _combine(verdicts, "simultaneous GDA from (1, 1), eta = 1, t = 0..6")


def twins(g: Game) -> tuple[TwinCheck, ...]:
    checks = (
        ("GDA simulators = the symbolic update matrices iterated", _powers),
        ("numpy.linalg.eigvals = the symbolic eigenvalues (3 methods)", _eigenvalues),
        (r"simulated distance ratios $= \sqrt{1 + \eta^2}$ and $\sqrt{1 - \eta^2 + \eta^4}$", _ratios),
        (r"alternating GDA conserves $p^2 + q^2 - \eta p q$", _invariant),
        (r"simulation from $(1, 1)$, $\eta = 1$ = closed form = table", _table),
    )
    return tuple(TwinCheck(statement, functools.partial(run, g)) for statement, run in checks)


def derivation() -> Derivation:
    g = game()
    growth, growth_facts = growth_chain(g)
    flow, flow_facts = flow_chain(g)
    context = Context(symbols=(g.p, g.q, g.eta, g.t, g.tau), facts=growth_facts + flow_facts,
                      theories=("dynamics", "algebra"),
                      notes=("$f(p, q) = p q$; min over $p$, max over $q$; equilibrium $(0, 0)$",))
    claims = game_claims(g) + simultaneous_claims(g) + alternating_claims(g) + flow_claims(g) + extragradient_claims(g)
    chains = (growth, flow, alternating_chain(g), extragradient_chain(g))
    return Derivation("bilinear-game", TITLE, context, chains, claims, CONVENTIONS, twins(g))
