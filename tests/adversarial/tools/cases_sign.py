"""Sign: a name applied to a variable is not a positive density unless the document says so."""
import numpy as np
import sympy as sp

from case import case, ok, bad
from labels import always, real_same, same

x, y, p, q, f, g, a, b = sp.symbols("x y p q f g a b", real=True)
s, e, z = sp.symbols("sigma eta z", real=True)
sp_pos, qp_pos = sp.symbols("P Q", positive=True)

CASES = [
    case("game_sqrt_square", "sign", "gda", r"""
In the bilinear game the two players play $p(t)$ and $q(t)$, real numbers of either sign.

$$\sqrt{p(t)^2} = p(t)$$
""", bad(lambda: same(sp.sqrt(p ** 2), p)),
        note="sqrt(p^2) = |p|; the strategy p(t) is negative half of the time"),

    case("game_sqrt_square_abs", "sign", "gda", r"""
In the bilinear game the two players play $p(t)$ and $q(t)$, real numbers of either sign.

$$\sqrt{p(t)^2} = |p(t)|$$

$$\sqrt{p(t)^2 + q(t)^2} \ge |p(t)|$$
""", ok(lambda: same(sp.sqrt(p ** 2), sp.Abs(p))),
        ok(lambda: always(lambda u, v: (u * u + v * v) ** 0.5 >= abs(u) - 1e-12, 2))),

    case("game_log_of_product", "sign", "gda", r"""
The players' strategies $p(t)$ and $q(t)$ are real and change sign along the orbit.
Their product is the payoff $p(t) q(t)$.

$$\log(p(t)^2 q(t)^2) = \log(p(t)^2) + \log(q(t)^2)$$

$$= 2 \log p(t) + 2 \log q(t)$$
""", ok(lambda: real_same(lambda u, v: np.log(u ** 2 * v ** 2), lambda u, v: np.log(u ** 2) + np.log(v ** 2), 2)),
        bad(lambda: real_same(lambda u, v: np.log(u ** 2) + np.log(v ** 2), lambda u, v: 2 * np.log(u) + 2 * np.log(v), 2)),
        note="log(p^2) = 2 log|p|; for negative p the right side is complex"),

    case("game_log_product_split", "sign", "gda", r"""
Let $p(t)$ and $q(t)$ be the strategies of the two players of the game $p q$ (real, either sign).

$$\log(p(t) q(t)) = \log p(t) + \log q(t)$$
""", bad(lambda: same(sp.log(p * q), sp.log(p) + sp.log(q))),
        note="log(pq) = log p + log q needs p, q > 0; at p = q = -1 the left is 0 and the right 2 pi i"),

    case("game_abs_product", "sign", "gda", r"""
The players' strategies $p(t), q(t)$ are real.

$$|p(t) q(t)| = |p(t)| |q(t)|$$

$$|p(t) q(t)| \le \frac{p(t)^2 + q(t)^2}{2}$$
""", ok(lambda: same(sp.Abs(p * q), sp.Abs(p) * sp.Abs(q))),
        ok(lambda: always(lambda u, v: abs(u * v) <= (u * u + v * v) / 2 + 1e-12, 2))),

    case("density_log_split", "sign", "elbo", r"""
Let $p(z)$ and $q(z)$ be probability densities (positive everywhere).

$$\log(p(z) q(z)) = \log p(z) + \log q(z)$$
""", ok(lambda: same(sp.expand_log(sp.log(sp_pos * qp_pos)), sp.log(sp_pos) + sp.log(qp_pos)))),

    case("real_function_sqrt", "sign", "calculus", r"""
Let $f$ be a real-valued function on $\mathbb{R}$.

$$\sqrt{f(x)^2 + 0} = \sqrt{f(x)^2}$$

$$= f(x)$$
""", ok(lambda: same(sp.sqrt(f ** 2 + 0), sp.sqrt(f ** 2))),
        bad(lambda: same(sp.sqrt(f ** 2), f)),
        note="sqrt(f^2) = |f|; f has unknown sign"),

    case("sqrt_square_abs", "sign", "algebra", r"""
For every real $x$,

$$\sqrt{x^2} = |x|$$

$$\sqrt{x^2} \ge x$$
""", ok(lambda: same(sp.sqrt(x ** 2), sp.Abs(x))),
        ok(lambda: always(lambda u: (u * u) ** 0.5 >= u - 1e-12, 1))),

    case("sqrt_product_of_squares", "sign", "algebra", r"""
For real $x$ and $y$,

$$\sqrt{x^2 y^2} = \sqrt{(x y)^2}$$

$$= x y$$
""", ok(lambda: same(sp.sqrt(x ** 2 * y ** 2), sp.sqrt((x * y) ** 2))),
        bad(lambda: same(sp.sqrt((x * y) ** 2), x * y)),
        note="sqrt((xy)^2) = |xy|"),

    case("log_of_square_real", "sign", "algebra", r"""
Let $x \ne 0$ be real.

$$\log(x^2) = 2 \log|x|$$
""", ok(lambda: real_same(lambda u: np.log(u ** 2), lambda u: 2 * np.log(abs(u)), 1))),

    case("log_of_square_drops_abs", "sign", "algebra", r"""
Let $x \ne 0$ be a real number.

$$\log(x^4) = 2 \log(x^2)$$

$$= 4 \log x$$
""", ok(lambda: real_same(lambda u: np.log(u ** 4), lambda u: 2 * np.log(u ** 2), 1)),
        bad(lambda: real_same(lambda u: 2 * np.log(u ** 2), lambda u: 4 * np.log(u), 1)),
        note="log(x^2) = 2 log|x|; for negative x, 4 log x is complex"),

    case("sigma_real_number", "sign", "algebra", r"""
Let $\sigma$ be any real number (it is a shift, not a standard deviation).

$$\sqrt{\sigma^2} = \sigma$$
""", bad(lambda: same(sp.sqrt(s ** 2), s)),
        note="sigma is declared real of either sign, so sqrt(sigma^2) = |sigma|"),

    case("sigma_standard_deviation", "sign", "elbo", r"""
Let $\sigma > 0$ be the standard deviation of the encoder.

$$\sqrt{\sigma^2} = \sigma$$

$$\log(\sigma^2) = 2 \log \sigma$$
""", ok(lambda: same(sp.sqrt(sp.Symbol("S", positive=True) ** 2), sp.Symbol("S", positive=True))),
        ok(lambda: same(sp.expand_log(sp.log(sp.Symbol("S", positive=True) ** 2)), 2 * sp.log(sp.Symbol("S", positive=True))))),

    case("eta_any_real", "sign", "gda", r"""
Here $\eta$ is an arbitrary real parameter (negative values allowed).

$$\sqrt{\eta^2} = \eta$$
""", bad(lambda: same(sp.sqrt(e ** 2), e)),
        note="eta is declared of either sign: sqrt(eta^2) = |eta|"),

    case("square_exceeds_value", "sign", "algebra", r"""
For real $x$,

$$x^2 - x + \frac{1}{4} = \left(x - \frac{1}{2}\right)^2$$

$$x^2 \ge x$$
""", ok(lambda: same(x ** 2 - x + sp.Rational(1, 4), (x - sp.Rational(1, 2)) ** 2)),
        bad(lambda: always(lambda u: u * u >= u, 1)),
        note="x^2 >= x fails on (0, 1), e.g. x = 1/2"),

    case("game_product_of_roots", "sign", "gda", r"""
The two players' strategies $p(t), q(t)$ are real numbers of either sign.

$$\sqrt{p(t) q(t)} = \sqrt{p(t)} \sqrt{q(t)}$$
""", bad(lambda: same(sp.sqrt(p * q), sp.sqrt(p) * sp.sqrt(q))),
        note="at p = q = -1 the left is 1 and the right is i * i = -1"),

    case("game_energy_nonnegative", "sign", "gda", r"""
The players' strategies $p(t), q(t)$ are real.

$$p(t)^2 + q(t)^2 \ge 2 p(t) q(t)$$

$$p(t)^2 + q(t)^2 \ge 0$$
""", ok(lambda: always(lambda u, v: u * u + v * v >= 2 * u * v - 1e-12, 2)),
        ok(lambda: always(lambda u, v: u * u + v * v >= 0, 2))),

    case("ratio_of_absolute_value", "sign", "algebra", r"""
Let $x \ne 0$ be real.

$$\frac{x^2}{|x|} = |x|$$

$$\frac{x}{|x|} = 1$$
""", ok(lambda: real_same(lambda u: u ** 2 / abs(u), lambda u: abs(u), 1)),
        bad(lambda: same(x / sp.Abs(x), sp.Integer(1))),
        note="x / |x| is the sign of x, -1 for negative x"),

    case("abs_triangle", "sign", "algebra", r"""
For real $a$ and $b$,

$$|a + b| \le |a| + |b|$$

$$|a - b| \ge |a| - |b|$$
""", ok(lambda: always(lambda u, v: abs(u + v) <= abs(u) + abs(v) + 1e-12, 2)),
        ok(lambda: always(lambda u, v: abs(u - v) >= abs(u) - abs(v) - 1e-12, 2))),

    case("reciprocal_order", "sign", "algebra", r"""
For real $a$ and $b$ with $a < b$ (both nonzero):

$$\frac{1}{a} - \frac{1}{b} = \frac{b - a}{a b}$$

$$\frac{1}{b} < \frac{1}{a}$$
""", ok(lambda: same(1 / a - 1 / b, (b - a) / (a * b))),
        bad(lambda: always(lambda u, v: (1 / max(u, v) < 1 / min(u, v)) if u * v != 0 and u != v else True, 2)),
        note="1/b < 1/a needs ab > 0; a = -1, b = 1 gives 1 < -1"),

    case("game_cube_sign", "sign", "gda", r"""
The strategy $p(t)$ is a real number of either sign.

$$p(t)^3 \ge 0$$
""", bad(lambda: always(lambda u: u ** 3 >= 0, 1)),
        note="an odd power of a negative strategy is negative"),

    case("game_even_power_sign", "sign", "gda", r"""
The strategy $p(t)$ is a real number of either sign.

$$p(t)^4 + p(t)^2 \ge 0$$

$$\sqrt{p(t)^4} = p(t)^2$$
""", ok(lambda: always(lambda u: u ** 4 + u ** 2 >= 0, 1)),
        ok(lambda: same(sp.sqrt(p ** 4), p ** 2))),

    case("logit_sqrt_product", "sign", "algebra", r"""
Let $p(x)$ and $q(x)$ be the logits of two classifiers: real numbers of either sign.

$$\sqrt{p(x)^2 q(x)^2} = p(x) q(x)$$
""", bad(lambda: same(sp.sqrt(p ** 2 * q ** 2), p * q)),
        note="sqrt(p^2 q^2) = |p q|; logits are negative as often as positive"),

    case("output_log_abs", "sign", "calculus", r"""
Let $f(x)$ be the network's output, a real number of either sign.

$$|f(x)|^2 = f(x)^2$$

$$\log|f(x)| = \log f(x)$$
""", ok(lambda: same(sp.Abs(f) ** 2, f ** 2)),
        bad(lambda: real_same(lambda w: np.log(abs(w)), lambda w: np.log(w), 1)),
        note="log|f| = log f only where f > 0"),
]
