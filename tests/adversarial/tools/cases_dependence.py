"""Dependence: names the document says move with time are not constants under d/dt."""
import sympy as sp

from case import case, ok, bad
from labels import same

t, a, c, eta = sp.symbols("t a c eta", real=True)
P, Q, TH, X = (sp.Function(n, real=True)(t) for n in ("p", "q", "theta", "x"))
U, V = sp.symbols("u v", real=True)
PN, QN = U - eta * V, V + eta * U  # the GDA update from (p_t, q_t) = (u, v)
FLOW = {P.diff(t): -Q, Q.diff(t): P}  # dot p = -q, dot q = p


def d(expr):
    return expr.diff(t)


def flow(expr):
    return expr.subs(FLOW)


CASES = [
    case("flow_energy_conserved", "dependence", "gda", r"""
Under gradient descent-ascent flow on $f(p, q) = p q$ the players move by

$$\dot{p} = -q, \qquad \dot{q} = p$$

Then the energy is conserved:

$$\frac{d}{dt}\left(p^2 + q^2\right) = 2 p \dot{p} + 2 q \dot{q}$$

$$= -2 p q + 2 q p$$

$$= 0$$
""", ok(lambda: same(d(P ** 2 + Q ** 2), 2 * P * P.diff(t) + 2 * Q * Q.diff(t))),
        ok(lambda: same(flow(2 * P * P.diff(t) + 2 * Q * Q.diff(t)), -2 * P * Q + 2 * Q * P)),
        ok(lambda: same(-2 * P * Q + 2 * Q * P, sp.Integer(0)))),

    case("flow_energy_derivative_dropped", "dependence", "gda", r"""
The players of the game $p q$ follow the flow $\dot{p} = -q$, $\dot{q} = p$, so $p = p(t)$ and $q = q(t)$.

$$\frac{d}{dt}\left(p^2 - q^2\right) = 0$$
""", bad(lambda: same(flow(d(P ** 2 - Q ** 2)), sp.Integer(0))),
        note="d/dt (p^2 - q^2) = 2p(-q) - 2q(p) = -4pq, not 0"),

    case("flow_difference_of_squares", "dependence", "gda", r"""
The players follow $\dot{p} = -q$ and $\dot{q} = p$ (both are functions of time).

$$\frac{d}{dt}\left(p^2 - q^2\right) = 2 p \dot{p} - 2 q \dot{q}$$

$$= -4 p q$$
""", ok(lambda: same(d(P ** 2 - Q ** 2), 2 * P * P.diff(t) - 2 * Q * Q.diff(t))),
        ok(lambda: same(flow(2 * P * P.diff(t) - 2 * Q * Q.diff(t)), -4 * P * Q))),

    case("flow_product_rule", "dependence", "gda", r"""
The players follow $\dot{p} = -q$ and $\dot{q} = p$.

$$\frac{d}{dt}(p q) = \dot{p} q + p \dot{q}$$

$$= p^2 - q^2$$
""", ok(lambda: same(d(P * Q), P.diff(t) * Q + P * Q.diff(t))),
        ok(lambda: same(flow(P.diff(t) * Q + P * Q.diff(t)), P ** 2 - Q ** 2))),

    case("flow_product_rule_half", "dependence", "gda", r"""
The strategies $p = p(t)$ and $q = q(t)$ both move with time.

$$\frac{d}{dt}(p q) = p \dot{q}$$
""", bad(lambda: same(d(P * Q), P * Q.diff(t))),
        note="the product rule has two terms; dot p q is missing"),

    case("theta_sine_constant", "dependence", "calculus", r"""
The angle moves with time: let $\theta = \theta(t)$.

$$\frac{d}{dt} \sin(\theta) = 0$$
""", bad(lambda: same(d(sp.sin(TH)), sp.Integer(0))),
        note="theta depends on t, so the derivative is cos(theta) dot theta"),

    case("theta_square_missing_chain", "dependence", "calculus", r"""
Let $\theta = \theta(t)$ be the parameter along the training trajectory.

$$\frac{d}{dt} \theta^2 = 2 \theta$$
""", bad(lambda: same(d(TH ** 2), 2 * TH)),
        note="the chain rule gives 2 theta dot theta"),

    case("explicit_function_chain_rule", "dependence", "calculus", r"""
For a differentiable $x(t)$,

$$\frac{d}{dt} x(t)^2 = 2 x(t) \dot{x}(t)$$
""", ok(lambda: same(d(X ** 2), 2 * X * X.diff(t)))),

    case("constant_rate_exponential", "dependence", "calculus", r"""
Let $a$ be a constant.

$$\frac{d}{dt} e^{a t} = a e^{a t}$$

$$\frac{d}{dt} (a t^2) = 2 a t$$
""", ok(lambda: same(d(sp.exp(a * t)), a * sp.exp(a * t))),
        ok(lambda: same(d(a * t ** 2), 2 * a * t))),

    case("moving_x_product", "dependence", "calculus", r"""
The position $x = x(t)$ changes with time.

$$\frac{d}{dt}(t x) = x + t \dot{x}$$
""", ok(lambda: same(d(t * X), X + t * X.diff(t)))),

    case("moving_x_product_dropped", "dependence", "calculus", r"""
The position $x = x(t)$ changes with time.

$$\frac{d}{dt}(t x) = x$$
""", bad(lambda: same(d(t * X), X)),
        note="x moves with t, so the term t dot x is missing"),

    case("flow_function_plus_time", "dependence", "gda", r"""
The strategy $p(t)$ evolves by $\dot{p} = -q$.

$$\frac{d}{dt}\left(p(t) + t\right) = 1$$
""", bad(lambda: same(flow(d(P + t)), sp.Integer(1))),
        note="d/dt (p + t) = dot p + 1 = 1 - q"),

    case("flow_function_plus_time_correct", "dependence", "gda", r"""
The strategy $p(t)$ evolves by $\dot{p} = -q$.

$$\frac{d}{dt}\left(p(t) + t\right) = \dot{p}(t) + 1$$
""", ok(lambda: same(d(P + t), P.diff(t) + 1))),

    case("iterates_norm_growth", "dependence", "gda", r"""
Simultaneous GDA with step size $\eta$ on $f(p, q) = p q$ updates

$$p_{t+1} = p_t - \eta q_t$$

$$q_{t+1} = q_t + \eta p_t$$

$$p_{t+1}^2 + q_{t+1}^2 = (p_t - \eta q_t)^2 + (q_t + \eta p_t)^2$$

$$= (1 + \eta^2)(p_t^2 + q_t^2)$$
""", ok(lambda: same(PN ** 2 + QN ** 2, (U - eta * V) ** 2 + (V + eta * U) ** 2)),
        ok(lambda: same((sp.Symbol("u") - eta * sp.Symbol("v")) ** 2 + (sp.Symbol("v") + eta * sp.Symbol("u")) ** 2,
                        (1 + eta ** 2) * (sp.Symbol("u") ** 2 + sp.Symbol("v") ** 2)))),

    case("iterates_norm_growth_wrong_sign", "dependence", "gda", r"""
Simultaneous GDA with step size $\eta$ on $f(p, q) = p q$ updates

$$p_{t+1} = p_t - \eta q_t$$

$$q_{t+1} = q_t + \eta p_t$$

$$p_{t+1}^2 + q_{t+1}^2 = (p_t - \eta q_t)^2 + (q_t + \eta p_t)^2$$

$$= (1 - \eta^2)(p_t^2 + q_t^2)$$
""", ok(lambda: same(PN ** 2 + QN ** 2, (U - eta * V) ** 2 + (V + eta * U) ** 2)),
        bad(lambda: same((sp.Symbol("u") - eta * sp.Symbol("v")) ** 2 + (sp.Symbol("v") + eta * sp.Symbol("u")) ** 2,
                         (1 - eta ** 2) * (sp.Symbol("u") ** 2 + sp.Symbol("v") ** 2))),
        note="the cross terms cancel and the squares add: the factor is 1 + eta^2"),

    case("theta_chain_rule_sine", "dependence", "calculus", r"""
Let $\theta(t)$ be a differentiable angle.

$$\frac{d}{dt} \sin(\theta(t)) = \cos(\theta(t)) \dot{\theta}(t)$$
""", ok(lambda: same(d(sp.sin(TH)), sp.cos(TH) * TH.diff(t)))),

    case("loss_along_flow_constant", "dependence", "calculus", r"""
The weight $w = w(t)$ follows gradient flow $\dot{w} = -2 w$ on the loss $w^2$.

$$\frac{d}{dt} w^2 = 2 w \dot{w}$$

$$= 0$$
""", ok(lambda: same(d(sp.Function("w", real=True)(t) ** 2), 2 * sp.Function("w", real=True)(t) * sp.Function("w", real=True)(t).diff(t))),
        bad(lambda: same(-4 * sp.Function("w", real=True)(t) ** 2, sp.Integer(0))),
        note="with dot w = -2w the derivative is -4 w^2, which is not 0"),

    case("flow_energy_fixed_constant", "dependence", "gda", r"""
Let $c$ be a constant and let the players follow $\dot{p} = -q$, $\dot{q} = p$.

$$\frac{d}{dt}\left(c (p^2 + q^2)\right) = c (2 p \dot{p} + 2 q \dot{q})$$
""", ok(lambda: same(d(c * (P ** 2 + Q ** 2)), c * (2 * P * P.diff(t) + 2 * Q * Q.diff(t))))),

    case("decaying_step_size", "dependence", "calculus", r"""
The step size decays during training: $\eta = \eta(t)$.

$$\frac{d}{dt} \eta^2 = 0$$
""", bad(lambda: same(d(sp.Function("eta", real=True)(t) ** 2), sp.Integer(0))),
        note="eta moves with t: the derivative is 2 eta dot eta"),
]
