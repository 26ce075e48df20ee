"""The four topics' own algebra: ELBO/KL, attention, GDA, complexity (mostly one subtle slip each)."""
import numpy as np
import sympy as sp

from case import case, ok, bad
from labels import always, big_o, same, same_order

x, z, a, b, c, mu, mu1, mu2, eps_ = sp.symbols("x z a b c mu mu_1 mu_2 epsilon", real=True)
sigma, theta_p, dk, A, B = sp.symbols("sigma theta d_k A B", positive=True)
eta, lam, p, q = sp.symbols("eta lambda p q", real=True)
n, d, L, t, h, l_, T_ = sp.symbols("n d L t h l T", positive=True)
J = sp.Matrix([[1, -eta], [eta, 1]])


def gauss_log_density(w, m, s):
    return sp.log(1 / sp.sqrt(2 * sp.pi * s ** 2) * sp.exp(-(w - m) ** 2 / (2 * s ** 2)))


def kl_bernoulli(r, s):
    return r * np.log(r / s) + (1 - r) * np.log((1 - r) / (1 - s))


def softmax_first(u, v):
    return sp.exp(u) / (sp.exp(u) + sp.exp(v))


CASES = [
    # ELBO / KL
    case("gaussian_kl_log_sigma", "topics", "elbo", r"""
For the encoder $q = \mathcal{N}(\mu, \sigma^2)$ with $\sigma > 0$ and the prior $\mathcal{N}(0, 1)$,
the KL term is $\frac{1}{2}(\mu^2 + \sigma^2 - 1 - \log \sigma^2)$. Rewriting it:

$$\frac{1}{2}\left(\mu^2 + \sigma^2 - 1 - \log \sigma^2\right) = \frac{1}{2}\left(\mu^2 + \sigma^2 - 1\right) - 2 \log \sigma$$
""", bad(lambda: same(sp.Rational(1, 2) * (mu ** 2 + sigma ** 2 - 1 - sp.expand_log(sp.log(sigma ** 2))),
                      sp.Rational(1, 2) * (mu ** 2 + sigma ** 2 - 1) - 2 * sp.log(sigma))),
        note="half of log sigma^2 is log sigma, not 2 log sigma"),

    case("gaussian_kl_log_sigma_correct", "topics", "elbo", r"""
For the encoder $q = \mathcal{N}(\mu, \sigma^2)$ with $\sigma > 0$ and the prior $\mathcal{N}(0, 1)$:

$$\frac{1}{2}\left(\mu^2 + \sigma^2 - 1 - \log \sigma^2\right) = \frac{1}{2}\left(\mu^2 + \sigma^2 - 1\right) - \log \sigma$$
""", ok(lambda: same(sp.Rational(1, 2) * (mu ** 2 + sigma ** 2 - 1 - sp.expand_log(sp.log(sigma ** 2))),
                     sp.Rational(1, 2) * (mu ** 2 + sigma ** 2 - 1) - sp.log(sigma)))),

    case("gaussian_log_density_factor", "topics", "elbo", r"""
The decoder is Gaussian with mean $\mu$ and standard deviation $\sigma > 0$:

$$\log\left(\frac{1}{\sqrt{2 \pi \sigma^2}} e^{-\frac{(x - \mu)^2}{2 \sigma^2}}\right) = -\frac{1}{2} \log(2 \pi \sigma^2) - \frac{(x - \mu)^2}{\sigma^2}$$
""", bad(lambda: same(sp.expand_log(gauss_log_density(x, mu, sigma), force=True),
                      sp.expand_log(-sp.Rational(1, 2) * sp.log(2 * sp.pi * sigma ** 2), force=True) - (x - mu) ** 2 / sigma ** 2)),
        note="the exponent is -(x - mu)^2 / (2 sigma^2); the factor 1/2 was dropped"),

    case("jensen_direction_two_points", "topics", "elbo", r"""
Jensen's inequality for the concave logarithm, with two equally likely values $A, B > 0$:

$$\log\left(\frac{A + B}{2}\right) \le \frac{\log A + \log B}{2}$$
""", bad(lambda: always(lambda u, v: np.log((u + v) / 2) <= (np.log(u) + np.log(v)) / 2 + 1e-12, 2, low=0.01, high=10)),
        note="for a concave function the log of the mean is at least the mean of the logs"),

    case("kl_bernoulli_symmetric", "topics", "elbo", r"""
For Bernoulli distributions with parameters $A, B \in (0, 1)$,

$$A \log\frac{A}{B} + (1 - A)\log\frac{1 - A}{1 - B} = B \log\frac{B}{A} + (1 - B) \log\frac{1 - B}{1 - A}$$
""", bad(lambda: always(lambda u, v: np.isclose(kl_bernoulli(u, v), kl_bernoulli(v, u)), 2, low=0.01, high=0.99)),
        note="KL is not symmetric: A = 0.1, B = 0.5 gives 0.368 and 0.511"),

    case("reparameterisation_square", "topics", "elbo", r"""
With the reparameterisation $z = \mu + \sigma \epsilon$ (where $\sigma > 0$):

$$\frac{(\mu + \sigma \epsilon) - \mu}{\sigma} = \epsilon$$

$$\frac{((\mu + \sigma \epsilon) - \mu)^2}{\sigma^2} = \epsilon$$
""", ok(lambda: same(((mu + sigma * eps_) - mu) / sigma, eps_)),
        bad(lambda: same(((mu + sigma * eps_) - mu) ** 2 / sigma ** 2, eps_)),
        note="the square gives epsilon^2"),

    case("reconstruction_cross_term", "topics", "elbo", r"""
The reconstruction error with the sample $z = \mu + \sigma \epsilon$:

$$(x - \mu - \sigma \epsilon)^2 = (x - \mu)^2 + \sigma^2 \epsilon^2$$
""", bad(lambda: same((x - mu - sigma * eps_) ** 2, (x - mu) ** 2 + sigma ** 2 * eps_ ** 2)),
        note="the cross term -2 sigma epsilon (x - mu) is missing (it vanishes only in expectation)"),

    case("log_sum_exp_split", "topics", "elbo", r"""
For real $a$ and $b$,

$$\log(e^a + e^b) \ge a$$

$$\log(e^a + e^b) = a + \log(1 + e^{b - a})$$

$$\log(e^a + e^b) = \log(e^a) + \log(e^b)$$
""", ok(lambda: always(lambda u, v: np.log(np.exp(u) + np.exp(v)) >= u - 1e-12, 2)),
        ok(lambda: same(sp.log(sp.exp(a) + sp.exp(b)).subs({a: 0.3, b: -1.2}), (a + sp.log(1 + sp.exp(b - a))).subs({a: 0.3, b: -1.2}))
           and same(sp.log(sp.exp(a) + sp.exp(b)).subs({a: -2.0, b: 4.1}), (a + sp.log(1 + sp.exp(b - a))).subs({a: -2.0, b: 4.1}))),
        bad(lambda: same(sp.log(sp.exp(a) + sp.exp(b)).subs({a: 0.3, b: -1.2}), sp.Float(0.3 - 1.2))),
        note="the log of a sum is not the sum of the logs: log(e^a + e^b) != a + b"),

    case("gaussian_log_ratio_factor", "topics", "elbo", r"""
Two Gaussians with means $\mu_1, \mu_2$ and the same standard deviation $\sigma > 0$:

$$\frac{(x - \mu_2)^2 - (x - \mu_1)^2}{2 \sigma^2} = \frac{(\mu_1 - \mu_2)(2 x - \mu_1 - \mu_2)}{\sigma^2}$$
""", bad(lambda: same(((x - mu2) ** 2 - (x - mu1) ** 2) / (2 * sigma ** 2), (mu1 - mu2) * (2 * x - mu1 - mu2) / sigma ** 2)),
        note="the denominator stays 2 sigma^2"),

    case("bernoulli_log_likelihood", "topics", "elbo", r"""
For a Bernoulli decoder with parameter $\theta \in (0, 1)$ and $x \in \{0, 1\}$:

$$\log\left(\theta^x (1 - \theta)^{1 - x}\right) = x \log \theta + (1 - x) \log(1 - \theta)$$

$$= x \log\frac{\theta}{1 - \theta} + \log \theta$$
""", ok(lambda: all(same(sp.log(theta_p ** k * (1 - theta_p) ** (1 - k)).subs(theta_p, 0.3), (k * sp.log(theta_p) + (1 - k) * sp.log(1 - theta_p)).subs(theta_p, 0.3)) for k in (0, 1))),
        bad(lambda: all(same((k * sp.log(theta_p) + (1 - k) * sp.log(1 - theta_p)).subs(theta_p, 0.3), (k * sp.log(theta_p / (1 - theta_p)) + sp.log(theta_p)).subs(theta_p, 0.3)) for k in (0, 1))),
        note="collecting terms leaves + log(1 - theta), not + log theta"),

    # attention
    case("attention_scale_variance", "topics", "attention", r"""
Each score $q^T k$ of unit-variance entries has variance $d_k$; scaling by $\frac{1}{d_k}$ gives variance

$$\left(\frac{1}{d_k}\right)^2 d_k = 1$$
""", bad(lambda: same((1 / dk) ** 2 * dk, sp.Integer(1))),
        note="(1/d_k)^2 d_k = 1/d_k; unit variance needs the factor 1/sqrt(d_k)"),

    case("attention_scale_variance_correct", "topics", "attention", r"""
Each score $q^T k$ has variance $d_k$; scaling by $\frac{1}{\sqrt{d_k}}$ gives variance

$$\left(\frac{1}{\sqrt{d_k}}\right)^2 d_k = 1$$
""", ok(lambda: same((1 / sp.sqrt(dk)) ** 2 * dk, sp.Integer(1)))),

    case("softmax_temperature", "topics", "attention", r"""
Softmax over two scores $a, b$:

$$\frac{e^{2 a}}{e^{2 a} + e^{2 b}} = \frac{e^{a}}{e^{a} + e^{b}}$$
""", bad(lambda: same(softmax_first(2 * a, 2 * b), softmax_first(a, b))),
        note="softmax is invariant to shifts, not to scaling: the temperature changes the weights"),

    case("softmax_two_tokens_sigmoid", "topics", "attention", r"""
Softmax over two scores $a, b$ is a logistic function of their difference:

$$\frac{e^{a}}{e^{a} + e^{b}} = \frac{1}{1 + e^{b - a}}$$

$$= \frac{1}{1 + e^{a - b}}$$
""", ok(lambda: same(softmax_first(a, b), 1 / (1 + sp.exp(b - a)))),
        bad(lambda: same(1 / (1 + sp.exp(b - a)), 1 / (1 + sp.exp(a - b)))),
        note="the sign of the difference flips the weight: 1/(1 + e^{a-b}) is the other token's weight"),

    case("logistic_derivative_sign", "topics", "attention", r"""
The derivative of the gate $\frac{1}{1 + e^{-z}}$:

$$\frac{d}{dz} \frac{1}{1 + e^{-z}} = -\frac{e^{-z}}{(1 + e^{-z})^2}$$
""", bad(lambda: same(sp.diff(1 / (1 + sp.exp(-z)), z), -sp.exp(-z) / (1 + sp.exp(-z)) ** 2)),
        note="the inner derivative -e^{-z} and the outer minus sign cancel: the derivative is positive"),

    case("score_scale_root", "topics", "attention", r"""
Doubling the head size $d_k$ (with $d_k > 0$) changes the scale factor:

$$\frac{1}{\sqrt{4 d_k}} = \frac{1}{4 \sqrt{d_k}}$$
""", bad(lambda: same(1 / sp.sqrt(4 * dk), 1 / (4 * sp.sqrt(dk)))),
        note="sqrt(4 d_k) = 2 sqrt(d_k)"),

    case("multihead_cost", "topics", "attention", r"""
With $h$ heads of size $\frac{d}{h}$, the score computation costs

$$h \cdot n^2 \cdot \frac{d}{h} = n^2 d$$

$$h \cdot n^2 \left(\frac{d}{h}\right)^2 = n^2 d$$
""", ok(lambda: same(h * n ** 2 * d / h, n ** 2 * d)),
        bad(lambda: same(h * n ** 2 * (d / h) ** 2, n ** 2 * d)),
        note="h n^2 (d/h)^2 = n^2 d^2 / h"),

    case("scaled_scores_transpose", "topics", "attention", r"""
Let $Q, K \in \mathbb{R}^{n \times d_k}$.

$$\left(\frac{Q K^T}{\sqrt{d_k}}\right)^T = \frac{K Q^T}{\sqrt{d_k}}$$
""", ok(lambda: all(np.allclose(((qq @ kk.T) / np.sqrt(4)).T, (kk @ qq.T) / np.sqrt(4))
                    for qq, kk in ((np.random.default_rng(s).normal(size=(5, 4)), np.random.default_rng(s + 9).normal(size=(5, 4))) for s in range(5))))),

    case("log_sum_exp_shift", "topics", "attention", r"""
Shifting every score by $c$:

$$\log\left(e^{a + c} + e^{b + c}\right) = c + \log\left(e^{a} + e^{b}\right)$$

$$= 2 c + \log\left(e^{a} + e^{b}\right)$$
""", ok(lambda: same(sp.log(sp.exp(a + c) + sp.exp(b + c)).subs({a: 0.2, b: -1.1, c: 0.7}), (c + sp.log(sp.exp(a) + sp.exp(b))).subs({a: 0.2, b: -1.1, c: 0.7}))),
        bad(lambda: same(c + sp.log(sp.exp(a) + sp.exp(b)), 2 * c + sp.log(sp.exp(a) + sp.exp(b)))),
        note="the shift comes out once: c + log(e^a + e^b), not 2c + log(e^a + e^b)"),

    case("attention_weights_product", "topics", "attention", r"""
The two attention weights over scores $a, b$ sum to one:

$$\frac{e^{a}}{e^{a} + e^{b}} + \frac{e^{b}}{e^{a} + e^{b}} = 1$$

and their product is

$$\frac{e^{a}}{e^{a} + e^{b}} \cdot \frac{e^{b}}{e^{a} + e^{b}} = \frac{1}{4}$$
""", ok(lambda: same(softmax_first(a, b) + softmax_first(b, a), sp.Integer(1))),
        bad(lambda: same(softmax_first(a, b) * softmax_first(b, a), sp.Rational(1, 4))),
        note="the product is 1/4 only when a = b; it is at most 1/4"),

    # GDA
    case("eigenvalue_modulus_unsquared", "topics", "gda", r"""
The eigenvalues of simultaneous GDA are $1 \pm i \eta$ for a real step size $\eta$.

$$|1 + i \eta|^2 = 1 + \eta^2$$

$$|1 + i \eta| = 1 + |\eta|$$
""", ok(lambda: same(sp.Abs(1 + sp.I * eta) ** 2, 1 + eta ** 2)),
        bad(lambda: same(sp.Abs(1 + sp.I * eta), 1 + sp.Abs(eta))),
        note="|1 + i eta| = sqrt(1 + eta^2) < 1 + |eta| for eta != 0"),

    case("spectral_radius_strict", "topics", "gda", r"""
For every real step size $\eta$,

$$\sqrt{1 + \eta^2} \ge 1$$

$$\sqrt{1 + \eta^2} > 1$$
""", ok(lambda: always(lambda w: np.sqrt(1 + w * w) >= 1, 1, grid=[(0.0,)])),
        bad(lambda: always(lambda w: np.sqrt(1 + w * w) > 1, 1, grid=[(0.0,)])),
        note="at eta = 0 the two sides are equal"),

    case("alternating_gda_determinant", "topics", "gda", r"""
The Jacobian of alternating GDA has entries $1, -\eta, \eta, 1 - \eta^2$, so its determinant is

$$1 \cdot (1 - \eta^2) - (-\eta) \eta = 1 - \eta^2 + \eta^2$$

$$= 1 - 2 \eta^2$$
""", ok(lambda: same(1 * (1 - eta ** 2) - (-eta) * eta, 1 - eta ** 2 + eta ** 2)),
        bad(lambda: same(1 - eta ** 2 + eta ** 2, 1 - 2 * eta ** 2)),
        note="-eta^2 + eta^2 cancels: the determinant is 1"),

    case("extragradient_update_sign", "topics", "gda", r"""
Extragradient on $f(p, q) = p q$ uses the look-ahead $q_t + \eta p_t$:

$$p_t - \eta (q_t + \eta p_t) = (1 + \eta^2) p_t - \eta q_t$$
""", bad(lambda: same(p - eta * (q + eta * p), (1 + eta ** 2) * p - eta * q)),
        note="-eta * eta p_t gives (1 - eta^2) p_t"),

    case("norm_after_many_steps", "topics", "gda", r"""
After $k$ steps the squared norm has grown by $(1 + \eta^2)^k$, so the norm grows by

$$\sqrt{(1 + \eta^2)^k} = (1 + \eta^2)^{k/2}$$

$$= \left(1 + \frac{\eta^2}{2}\right)^k$$
""", ok(lambda: same(sp.sqrt((1 + eta ** 2) ** T_), (1 + eta ** 2) ** (T_ / 2))),
        bad(lambda: same(((1 + eta ** 2) ** (T_ / 2)).subs({eta: 0.9, T_: 3}), ((1 + eta ** 2 / 2) ** T_).subs({eta: 0.9, T_: 3}))),
        note="(1 + eta^2)^{1/2} is only approximately 1 + eta^2/2"),

    case("characteristic_polynomial_sign", "topics", "gda", r"""
The characteristic polynomial of the GDA Jacobian with diagonal $1$ and off-diagonal $\mp \eta$:

$$(1 - \lambda)^2 + \eta^2 = \lambda^2 - 2 \lambda + 1 - \eta^2$$
""", bad(lambda: same((1 - lam) ** 2 + eta ** 2, lam ** 2 - 2 * lam + 1 - eta ** 2)),
        note="+eta^2 stays +eta^2"),

    case("gradient_descent_contraction", "topics", "gda", r"""
Gradient descent on $\frac{A}{2} w^2$ with step $\eta$ multiplies $w$ by $1 - \eta A$, where $A > 0$:

$$(1 - \eta A)^2 = 1 - 2 \eta A + \eta^2 A^2$$

$$(1 - \eta A)^2 \le 1$$
""", ok(lambda: same((1 - eta * A) ** 2, 1 - 2 * eta * A + eta ** 2 * A ** 2)),
        bad(lambda: always(lambda w, v: (1 - w * abs(v)) ** 2 <= 1, 2)),
        note="it needs 0 <= eta A <= 2; eta = 3/A gives 4"),

    case("jacobian_square_entries", "topics", "gda", r"""
Two steps of simultaneous GDA apply the Jacobian twice:

$$\begin{pmatrix} 1 & -\eta \\ \eta & 1 \end{pmatrix} \begin{pmatrix} 1 & -\eta \\ \eta & 1 \end{pmatrix} = \begin{pmatrix} 1 + \eta^2 & -2 \eta \\ 2 \eta & 1 + \eta^2 \end{pmatrix}$$
""", bad(lambda: (J * J - sp.Matrix([[1 + eta ** 2, -2 * eta], [2 * eta, 1 + eta ** 2]])).applyfunc(sp.simplify) == sp.zeros(2, 2)),
        note="the diagonal of J^2 is 1 - eta^2"),

    case("alternating_energy_not_conserved", "topics", "gda", r"""
One step of alternating GDA maps $(p, q)$ to $(p - \eta q, \; q + \eta (p - \eta q))$. Its squared norm:

$$(p - \eta q)^2 + (q + \eta (p - \eta q))^2 = p^2 + q^2$$
""", bad(lambda: same((p - eta * q) ** 2 + (q + eta * (p - eta * q)) ** 2, p ** 2 + q ** 2)),
        note="alternating GDA preserves a modified energy, not p^2 + q^2 (at p = 1, q = 0, eta = 1 the left is 2)"),

    case("jacobian_gram_matrix", "topics", "gda", r"""
The Jacobian of simultaneous GDA and its transpose:

$$\begin{pmatrix} 1 & \eta \\ -\eta & 1 \end{pmatrix} \begin{pmatrix} 1 & -\eta \\ \eta & 1 \end{pmatrix} = \begin{pmatrix} 1 + \eta^2 & 0 \\ 0 & 1 + \eta^2 \end{pmatrix}$$
""", ok(lambda: (J.T * J - (1 + eta ** 2) * sp.eye(2)).applyfunc(sp.simplify) == sp.zeros(2, 2))),

    # complexity
    case("cost_per_token_cancel", "topics", "complexity", r"""
A forward pass costs $t \cdot n^2 \cdot L$ over $n$ tokens, so per token:

$$\frac{t \cdot n^2 \cdot L}{n} = t \, n \, L$$

$$= \frac{t L}{n}$$
""", ok(lambda: same(t * n ** 2 * L / n, t * n * L)),
        bad(lambda: same(t * n * L, t * L / n)),
        note="t n L is not t L / n"),

    case("layer_sum_weighted", "topics", "complexity", r"""
Layer $l$ of $L$ costs $l \, n^2$ operations. In total,

$$\sum_{l=1}^{L} n^2 d = L n^2 d$$

$$\sum_{l=1}^{L} l \, n^2 = L n^2$$
""", ok(lambda: same(sp.summation(n ** 2 * d, (l_, 1, L)), L * n ** 2 * d)),
        bad(lambda: same(sp.summation(l_ * n ** 2, (l_, 1, L)), L * n ** 2)),
        note="sum_{l=1}^L l = L(L+1)/2"),

    case("big_o_times_n", "topics", "complexity", r"""
As $n \to \infty$,

$$O(n^2) + O(n^2) = O(n^2)$$

$$n \cdot O(n) = O(n)$$
""", ok(lambda: same_order(2 * n ** 2, n ** 2, n, sp.oo)),
        bad(lambda: same_order(n * n, n, n, sp.oo)),
        note="n O(n) = O(n^2)"),

    case("log_of_exponential", "topics", "complexity", r"""
As $n \to \infty$,

$$\log(n^2) = O(\log n)$$

$$\log(2^n) = O(\log n)$$
""", ok(lambda: big_o(sp.log(n ** 2), sp.log(n), n, sp.oo)),
        bad(lambda: big_o(sp.log(2 ** n), sp.log(n), n, sp.oo)),
        note="log 2^n = n log 2, which is not O(log n)"),

    case("exponential_base_change", "topics", "complexity", r"""
As $n \to \infty$,

$$2^{n+1} = O(2^n)$$

$$4^n = O(2^n)$$
""", ok(lambda: big_o(2 ** (n + 1), 2 ** n, n, sp.oo)),
        bad(lambda: big_o(4 ** n, 2 ** n, n, sp.oo)),
        note="4^n / 2^n = 2^n is unbounded"),

    case("two_sizes_growing", "topics", "complexity", r"""
Both the sequence length $n$ and the width $d$ grow:

$$n^2 d + n d^2 = O(n^2 d)$$
""", bad(lambda: big_o((n ** 2 * d + n * d ** 2).subs(n, t), (n ** 2 * d).subs(n, t), t, sp.oo) and big_o((n ** 2 * d + n * d ** 2).subs(d, t), (n ** 2 * d).subs(d, t), t, sp.oo)),
        note="along d -> infinity with n fixed, n d^2 is not O(n^2 d)"),

    case("square_of_sum_sizes", "topics", "complexity", r"""
For sizes $n$ and $d$,

$$(n + d)^2 = O(n^2 + d^2)$$

$$\sqrt{n} = O(\log n)$$
""", ok(lambda: always(lambda u, v: (u + v) ** 2 <= 2 * (u * u + v * v) + 1e-9, 2, low=0, high=1e3)),
        bad(lambda: big_o(sp.sqrt(n), sp.log(n), n, sp.oo)),
        note="sqrt(n) / log n is unbounded"),

    case("kv_cache_total", "topics", "complexity", r"""
Decoding $n$ tokens with a KV cache, step $t$ reads $t \, d$ numbers:

$$\sum_{t=1}^{n} t \, d = \frac{d \, n (n + 1)}{2}$$

$$\frac{d \, n (n + 1)}{2} = O(n d)$$
""", ok(lambda: same(sp.summation(t * d, (t, 1, n)), d * n * (n + 1) / 2)),
        bad(lambda: big_o((d * n * (n + 1) / 2).subs(d, 3), (n * d).subs(d, 3), n, sp.oo)),
        note="the total grows like n^2 d"),

    case("rational_cost_order", "topics", "complexity", r"""
As $n \to \infty$,

$$\frac{n^3}{n^2 + 1} = O(n)$$

$$\frac{n^3 + n}{n^2} = O(1)$$
""", ok(lambda: big_o(n ** 3 / (n ** 2 + 1), n, n, sp.oo)),
        bad(lambda: big_o((n ** 3 + n) / n ** 2, sp.Integer(1), n, sp.oo)),
        note="(n^3 + n)/n^2 = n + 1/n grows like n"),
]
