"""Definitions: exactly what they say, used rather than checked; a value for a determined name is a claim."""
import numpy as np
import sympy as sp

from case import case, ok, bad
from labels import inv, matrices_same, same

T = np.transpose
eta, x, z, a, b = sp.symbols("eta x z a b", real=True)
s1, s2 = sp.symbols("sigma_1 sigma_2", positive=True)
u, v = sp.symbols("u v", real=True)  # p_t, q_t
J = sp.Matrix([[1, -eta], [eta, 1]])


def spectral_radius(matrix):
    return sp.Max(*[sp.Abs(lam) for lam in matrix.eigenvals()])


def gda_step(p, q):
    """One step of simultaneous GDA on f(p, q) = p q."""
    return p - eta * q, q + eta * p


def PROJECTION():
    """Q = X W^Q stated as a definition holds by being one: the product is what it names."""
    return matrices_same(lambda x_, w: x_ @ w, lambda x_, w: x_ @ w, 2)


def sigmoid(w):
    return 1 / (1 + sp.exp(-w))


def covariance_sample(offdiagonal: float):
    """A covariance with the stated diagonal and a free off-diagonal entry."""
    return np.array([[1.3 ** 2, offdiagonal], [offdiagonal, 0.7 ** 2]])


CASES = [
    case("diagonal_definition_offdiagonal", "definitions", "linalg", r"""
The covariance $\Sigma$ has diagonal entries

$$\Sigma_{ii} = \sigma_i^2$$

and arbitrary (small) off-diagonal entries. In particular

$$\Sigma_{12} = \sigma_1 \sigma_2$$
""", bad(lambda: covariance_sample(0.1)[0, 1] == 1.3 * 0.7, at=r"= \sigma_1 \sigma_2"),
        note="only the diagonal is defined; Sigma_12 is not determined, so sigma_1 sigma_2 is an unsupported claim"),

    case("diagonal_definition_trace", "definitions", "linalg", r"""
The covariance $\Sigma \in \mathbb{R}^{n \times n}$ has diagonal entries

$$\Sigma_{ii} = \sigma_i^2$$

so its trace is

$$\sum_{i=1}^{n} \Sigma_{ii} = \sum_{i=1}^{n} \sigma_i^2$$
""", ok(lambda: np.isclose(np.trace(covariance_sample(0.3)), 1.3 ** 2 + 0.7 ** 2))),

    case("spectral_radius_value_wrong", "definitions", "gda", r"""
The Jacobian of simultaneous GDA on $f(p, q) = p q$ is

$$J = \begin{pmatrix} 1 & -\eta \\ \eta & 1 \end{pmatrix}$$

Its eigenvalues are $1 \pm i \eta$, so the spectral radius is

$$\rho(J) = 1 + \eta^2$$
""", bad(lambda: same(spectral_radius(J).subs(eta, 0.6), sp.Float(1 + 0.36)), at=r"= 1 + \eta^2"),
        note="|1 + i eta| = sqrt(1 + eta^2); 1 + eta^2 is its square"),

    case("spectral_radius_value_correct", "definitions", "gda", r"""
The Jacobian of simultaneous GDA on $f(p, q) = p q$ is

$$J = \begin{pmatrix} 1 & -\eta \\ \eta & 1 \end{pmatrix}$$

Its eigenvalues are $1 \pm i \eta$, so

$$\rho(J) = \sqrt{1 + \eta^2}$$
""", ok(lambda: same(spectral_radius(J).subs(eta, 0.6), sp.sqrt(1 + sp.Float(0.36))), at=r"= \sqrt{1 + \eta^2}")),

    case("iterate_two_steps_wrong", "definitions", "gda", r"""
Simultaneous GDA on $f(p, q) = p q$:

$$p_{t+1} = p_t - \eta q_t$$

$$q_{t+1} = q_t + \eta p_t$$

Applying the update twice,

$$p_{t+2} = p_t - 2 \eta q_t$$
""", bad(lambda: same((u - eta * v) - eta * (v + eta * u), u - 2 * eta * v)),
        note="p_{t+2} = p_{t+1} - eta q_{t+1} = (1 - eta^2) p_t - 2 eta q_t; the eta^2 p_t term is missing"),

    case("iterate_two_steps_correct", "definitions", "gda", r"""
Simultaneous GDA on $f(p, q) = p q$:

$$p_{t+1} = p_t - \eta q_t$$

$$q_{t+1} = q_t + \eta p_t$$

Applying the update twice,

$$p_{t+2} = p_{t+1} - \eta q_{t+1}$$

$$= p_t - \eta q_t - \eta (q_t + \eta p_t)$$

$$= (1 - \eta^2) p_t - 2 \eta q_t$$
""", ok(lambda: same(gda_step(*gda_step(u, v))[0], gda_step(u, v)[0] - eta * gda_step(u, v)[1])),
        ok(lambda: same((u - eta * v) - eta * (v + eta * u), u - eta * v - eta * (v + eta * u))),
        ok(lambda: same(u - eta * v - eta * (v + eta * u), (1 - eta ** 2) * u - 2 * eta * v))),

    case("attention_projection_used", "definitions", "attention", r"""
Let $X, W^Q, W^K \in \mathbb{R}^{d \times d}$. The queries and keys are

$$Q = X W^Q$$

$$K = X W^K$$

and the score matrix is

$$Q K^T = X W^Q (W^K)^T X^T$$
""", ok(PROJECTION), ok(PROJECTION),
        ok(lambda: matrices_same(lambda x_, wq, wk: (x_ @ wq) @ T(x_ @ wk), lambda x_, wq, wk: x_ @ wq @ T(wk) @ T(x_), 3))),

    case("attention_projection_transposed_wrongly", "definitions", "attention", r"""
Let $X, W^Q, W^K \in \mathbb{R}^{d \times d}$. The queries and keys are

$$Q = X W^Q$$

$$K = X W^K$$

and the score matrix is

$$Q K^T = X W^Q X^T (W^K)^T$$
""", ok(PROJECTION), ok(PROJECTION),
        bad(lambda: matrices_same(lambda x_, wq, wk: (x_ @ wq) @ T(x_ @ wk), lambda x_, wq, wk: x_ @ wq @ T(x_) @ T(wk), 3)),
        note="(X W^K)^T = (W^K)^T X^T, not X^T (W^K)^T"),

    case("function_value_wrong", "definitions", "algebra", r"""
Let

$$f(x) = x^2 + 1$$

Then

$$f(2) = 4$$
""", bad(lambda: same((x ** 2 + 1).subs(x, 2), sp.Integer(4))),
        note="f(2) = 5"),

    case("function_value_correct", "definitions", "algebra", r"""
Let

$$f(x) = x^2 + 1$$

Then

$$f(3) = 10$$
""", ok(lambda: same((x ** 2 + 1).subs(x, 3), sp.Integer(10)))),

    case("named_value_used", "definitions", "algebra", r"""
Define

$$y = x^2 + 1$$

Then

$$y - 2 = x^2 - 1 = (x - 1)(x + 1)$$
""", ok(lambda: same(x ** 2 + 1 - 2, x ** 2 - 1)), ok(lambda: same(x ** 2 - 1, (x - 1) * (x + 1)))),

    case("named_value_misused", "definitions", "algebra", r"""
Define

$$y = x^2 + 1$$

Then

$$y - 1 = x^2$$

$$y = (x + 1)^2$$
""", ok(lambda: same(x ** 2 + 1 - 1, x ** 2)),
        bad(lambda: same(x ** 2 + 1, (x + 1) ** 2)),
        note="(x + 1)^2 = x^2 + 2x + 1, not y = x^2 + 1"),

    case("sigmoid_symmetry", "definitions", "calculus", r"""
The logistic function is

$$\sigma(z) = \frac{1}{1 + e^{-z}}$$

and it is symmetric about $\frac{1}{2}$:

$$\sigma(-z) = \frac{1}{1 + e^{z}} = 1 - \sigma(z)$$
""", ok(lambda: same(sigmoid(-z), 1 / (1 + sp.exp(z)))), ok(lambda: same(1 / (1 + sp.exp(z)), 1 - sigmoid(z)))),

    case("sigmoid_odd", "definitions", "calculus", r"""
The logistic function is

$$\sigma(z) = \frac{1}{1 + e^{-z}}$$

so

$$\sigma(-z) = \frac{1}{1 + e^{z}} = -\sigma(z)$$
""", ok(lambda: same(sigmoid(-z), 1 / (1 + sp.exp(z)))), bad(lambda: same(1 / (1 + sp.exp(z)), -sigmoid(z))),
        note="the logistic function is positive; sigma(-z) = 1 - sigma(z)"),

    case("running_sum_definition", "definitions", "algebra", r"""
Let

$$s = \sum_{i=1}^{n} x_i$$

Then

$$s - x_1 = \sum_{i=2}^{n} x_i$$
""", ok(lambda: all(np.isclose(sum(w) - w[0], sum(w[1:])) for w in (np.random.default_rng(k).normal(size=5) for k in range(5))))),

    case("chained_values_wrong", "definitions", "algebra", r"""
Let

$$b = a + 3$$

where $a = 2$. Then

$$b - a = 3$$

$$b = 6$$
""", ok(lambda: same((a + 3) - a, sp.Integer(3))), bad(lambda: same((a + 3).subs(a, 2), sp.Integer(6))),
        note="b = a + 3 = 5 for a = 2"),

    case("midpoint_definition", "definitions", "algebra", r"""
Define the midpoint

$$m = \frac{a + b}{2}$$

Then

$$2 m - a = b$$

$$m - a = \frac{b - a}{2}$$
""", ok(lambda: same(2 * (a + b) / 2 - a, b)), ok(lambda: same((a + b) / 2 - a, (b - a) / 2))),

    case("affine_layer_definition", "definitions", "linalg", r"""
Let $W \in \mathbb{R}^{n \times n}$ and $x, c \in \mathbb{R}^n$. The layer computes

$$h = W x + c$$

so

$$h - c = W x$$
""", ok(lambda: matrices_same(lambda w, x_, c_: w @ x_ + c_ - c_, lambda w, x_, c_: w @ x_, 3), at="= W x")),

    case("determinant_value_wrong", "definitions", "gda", r"""
For alternating GDA the Jacobian is

$$J = \begin{pmatrix} 1 & -\eta \\ \eta & 1 - \eta^2 \end{pmatrix}$$

and its eigenvalues multiply to $\det J$:

$$\lambda_1 \lambda_2 = 1 + \eta^2$$
""", bad(lambda: same(sp.Matrix([[1, -eta], [eta, 1 - eta ** 2]]).det(), 1 + eta ** 2), at=r"= 1 + \eta^2"),
        note="det J = (1 - eta^2) + eta^2 = 1 for alternating GDA"),

    case("composed_definition", "definitions", "algebra", r"""
Let

$$g(x) = 2 x$$

Then

$$g(g(x)) = 2 x$$
""", bad(lambda: same(2 * (2 * x), 2 * x)),
        note="g(g(x)) = g(2x) = 4x"),
]
