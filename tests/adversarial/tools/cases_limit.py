"""Limit direction: O(.) as eta -> 0 is about small eta; a size held fixed is a constant."""
import sympy as sp

from case import case, ok, bad
from labels import big_o, same_order

eta, eps, n, d, t = sp.symbols("eta epsilon n d t", positive=True)
D = 7  # a fixed value of d, for "d held fixed"

CASES = [
    case("small_eta_leading_power", "limit", "gda", r"""
We expand for small step sizes, as $\eta \to 0$.

$$\eta^2 + \eta^3 = O(\eta^3)$$
""", bad(lambda: big_o(eta ** 2 + eta ** 3, eta ** 3, eta, 0)),
        note="as eta -> 0 the eta^2 term dominates: eta^2 + eta^3 is O(eta^2), not O(eta^3)"),

    case("small_eta_leading_power_correct", "limit", "gda", r"""
We expand for small step sizes, as $\eta \to 0$.

$$\eta^2 + \eta^3 = O(\eta^2)$$
""", ok(lambda: big_o(eta ** 2 + eta ** 3, eta ** 2, eta, 0))),

    case("large_n_leading_power", "limit", "complexity", r"""
As $n \to \infty$,

$$n^2 + n^3 = O(n^3)$$

$$3 n^3 + 5 n = O(n^3)$$
""", ok(lambda: big_o(n ** 2 + n ** 3, n ** 3, n, sp.oo)),
        ok(lambda: big_o(3 * n ** 3 + 5 * n, n ** 3, n, sp.oo))),

    case("fixed_d_drops", "limit", "complexity", r"""
Self-attention on a sequence of length $n$ with head size $d$ held fixed costs

$$n^2 d = O(n^2)$$
""", ok(lambda: big_o(n ** 2 * D, n ** 2, n, sp.oo))),

    case("fixed_d_drops_both_terms", "limit", "complexity", r"""
With the width $d$ held fixed and $n \to \infty$, the cost of a layer is

$$n^2 d + n d^2 = O(n^2)$$
""", ok(lambda: big_o(n ** 2 * D + n * D ** 2, n ** 2, n, sp.oo))),

    case("sine_small_argument", "limit", "calculus", r"""
For small $\epsilon$ (as $\epsilon \to 0$),

$$\sin \epsilon = O(\epsilon)$$

$$\sin \epsilon - \epsilon = O(\epsilon^2)$$
""", ok(lambda: big_o(sp.sin(eps), eps, eps, 0)),
        ok(lambda: big_o(sp.sin(eps) - eps, eps ** 2, eps, 0))),

    case("cosine_small_argument_wrong_order", "limit", "calculus", r"""
As $\epsilon \to 0$,

$$1 - \cos \epsilon = O(\epsilon^3)$$
""", bad(lambda: big_o(1 - sp.cos(eps), eps ** 3, eps, 0)),
        note="1 - cos eps ~ eps^2 / 2, which is not O(eps^3) as eps -> 0"),

    case("small_eta_linear_not_quadratic", "limit", "gda", r"""
For a small step size, $\eta \to 0$:

$$\eta + \eta^2 = O(\eta)$$

$$\eta = O(\eta^2)$$
""", ok(lambda: big_o(eta + eta ** 2, eta, eta, 0)),
        bad(lambda: big_o(eta, eta ** 2, eta, 0)),
        note="eta / eta^2 = 1/eta is unbounded as eta -> 0"),

    case("n_log_n_below_square", "limit", "complexity", r"""
As $n \to \infty$,

$$n \log n = O(n^2)$$

$$n^2 = O(n \log n)$$
""", ok(lambda: big_o(n * sp.log(n), n ** 2, n, sp.oo)),
        bad(lambda: big_o(n ** 2, n * sp.log(n), n, sp.oo)),
        note="n^2 / (n log n) = n / log n grows without bound"),

    case("small_epsilon_exponential", "limit", "calculus", r"""
For small $\epsilon$ ($\epsilon \to 0$),

$$e^{\epsilon} - 1 = O(\epsilon)$$
""", ok(lambda: big_o(sp.exp(eps) - 1, eps, eps, 0))),

    case("small_epsilon_higher_power", "limit", "calculus", r"""
For small $\epsilon$, as $\epsilon \to 0$,

$$\epsilon^2 = O(\epsilon^3)$$
""", bad(lambda: big_o(eps ** 2, eps ** 3, eps, 0)),
        note="eps^2 / eps^3 = 1/eps is unbounded as eps -> 0 (the large-size reading would accept it)"),

    case("small_eta_reciprocal", "limit", "gda", r"""
As the step size $\eta \to 0$,

$$\frac{1}{\eta} + 1 = O\left(\frac{1}{\eta}\right)$$

$$\frac{1}{\eta} = O(1)$$
""", ok(lambda: big_o(1 / eta + 1, 1 / eta, eta, 0)),
        bad(lambda: big_o(1 / eta, sp.Integer(1), eta, 0)),
        note="1/eta is unbounded as eta -> 0"),

    case("small_eta_theta", "limit", "gda", r"""
As $\eta \to 0$,

$$\eta^2 + \eta^3 = \Theta(\eta^2)$$
""", ok(lambda: same_order(eta ** 2 + eta ** 3, eta ** 2, eta, 0))),

    case("fixed_d_cubic", "limit", "complexity", r"""
The feature dimension $d$ is held fixed while $n \to \infty$.

$$n d^3 + d = O(n)$$
""", ok(lambda: big_o(n * D ** 3 + D, n, n, sp.oo))),

    case("decaying_exponential_bounded", "limit", "calculus", r"""
As $t \to \infty$,

$$e^{-t} = O(1)$$

$$e^{-t} + t = O(t)$$
""", ok(lambda: big_o(sp.exp(-t), sp.Integer(1), t, sp.oo)),
        ok(lambda: big_o(sp.exp(-t) + t, t, t, sp.oo))),

    case("spectral_radius_expansion_order", "limit", "gda", r"""
The spectral radius of simultaneous GDA is $\sqrt{1 + \eta^2}$. For a small step, $\eta \to 0$:

$$\sqrt{1 + \eta^2} - 1 = O(\eta^2)$$

$$\sqrt{1 + \eta^2} - 1 = O(\eta^4)$$
""", ok(lambda: big_o(sp.sqrt(1 + eta ** 2) - 1, eta ** 2, eta, 0)),
        bad(lambda: big_o(sp.sqrt(1 + eta ** 2) - 1, eta ** 4, eta, 0)),
        note="sqrt(1 + eta^2) - 1 ~ eta^2 / 2, not O(eta^4) as eta -> 0"),

    case("small_eta_same_class", "limit", "gda", r"""
As $\eta \to 0$,

$$O(\eta^2 + \eta^4) = O(\eta^4)$$
""", bad(lambda: same_order(eta ** 2 + eta ** 4, eta ** 4, eta, 0)),
        note="for small eta the class of eta^2 + eta^4 is O(eta^2)"),

    case("large_n_same_class", "limit", "complexity", r"""
As $n \to \infty$,

$$O(n^2 + n^4) = O(n^4)$$

$$O(2 n^4) = O(n^4)$$
""", ok(lambda: same_order(n ** 2 + n ** 4, n ** 4, n, sp.oo)),
        ok(lambda: same_order(2 * n ** 4, n ** 4, n, sp.oo))),

    case("fixed_d_square_wrong_power", "limit", "complexity", r"""
With $d$ held fixed and $n \to \infty$,

$$n^2 d^2 = O(n)$$
""", bad(lambda: big_o(n ** 2 * D ** 2, n, n, sp.oo)),
        note="with d fixed, n^2 d^2 grows like n^2"),

    case("small_eta_square_root", "limit", "gda", r"""
For a small step size, as $\eta \to 0$,

$$\eta^{1/2} = O(\eta)$$
""", bad(lambda: big_o(sp.sqrt(eta), eta, eta, 0)),
        note="eta^{1/2} / eta = eta^{-1/2} is unbounded as eta -> 0"),
]
