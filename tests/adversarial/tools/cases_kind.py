"""Kind: names the document treats as matrices or vectors must not commute like scalars."""
import numpy as np

from case import case, ok, bad
from labels import inv, matrices_same, vectors_hold

T = np.transpose
I3 = np.eye(3)

CASES = [
    case("inverse_of_product_weights", "kind", "linalg", r"""
Let $W_1, W_2 \in \mathbb{R}^{d \times d}$ be the (invertible) weight matrices of two linear layers.
Undoing both layers:

$$(W_2 W_1)^{-1} = W_2^{-1} W_1^{-1}$$
""", bad(lambda: matrices_same(lambda a, b: inv(b @ a), lambda a, b: inv(b) @ inv(a), 2)),
        note="the inverse of a product reverses the order: (W_2 W_1)^{-1} = W_1^{-1} W_2^{-1}"),

    case("inverse_of_product_reversed", "kind", "linalg", r"""
Let $W_1, W_2 \in \mathbb{R}^{d \times d}$ be invertible weight matrices.

$$(W_2 W_1)^{-1} W_2 = W_1^{-1} W_2^{-1} W_2 = W_1^{-1}$$
""", ok(lambda: matrices_same(lambda a, b: inv(b @ a) @ b, lambda a, b: inv(a) @ inv(b) @ b, 2)),
        ok(lambda: matrices_same(lambda a, b: inv(a) @ inv(b) @ b, lambda a, b: inv(a), 2))),

    case("inverse_product_prose_matrices", "kind", "linalg", r"""
Let $X$ and $Y$ be invertible $n \times n$ matrices.

$$(X Y)^{-1} = X^{-1} Y^{-1}$$
""", bad(lambda: matrices_same(lambda x, y: inv(x @ y), lambda x, y: inv(x) @ inv(y), 2)),
        note="(XY)^{-1} = Y^{-1} X^{-1}; the order cannot be kept for matrices"),

    case("eigendecomposition_square", "kind", "linalg", r"""
Suppose $A$ is diagonalisable, $A = U \Lambda U^{-1}$ with $U$ invertible and $\Lambda$ diagonal.

$$(U \Lambda U^{-1})^2 = U \Lambda U^{-1} U \Lambda U^{-1}$$

$$= U \Lambda^2 U^{-1}$$
""", ok(lambda: matrices_same(lambda u, l: np.linalg.matrix_power(u @ l @ inv(u), 2),
                              lambda u, l: u @ l @ inv(u) @ u @ l @ inv(u), 2)),
        ok(lambda: matrices_same(lambda u, l: u @ l @ inv(u) @ u @ l @ inv(u), lambda u, l: u @ l @ l @ inv(u), 2))),

    case("eigendecomposition_drops_basis", "kind", "linalg", r"""
Suppose $A = U \Lambda U^{-1}$ with $U$ invertible and $\Lambda$ diagonal.

$$(U \Lambda U^{-1})^2 = U \Lambda U^{-1} U \Lambda U^{-1}$$

$$= \Lambda^2$$
""", ok(lambda: matrices_same(lambda u, l: np.linalg.matrix_power(u @ l @ inv(u), 2),
                              lambda u, l: u @ l @ inv(u) @ u @ l @ inv(u), 2)),
        bad(lambda: matrices_same(lambda u, l: u @ l @ inv(u) @ u @ l @ inv(u), lambda u, l: np.diag(np.diag(l)) @ np.diag(np.diag(l)), 2)),
        note="U Lambda U^{-1} U Lambda U^{-1} = U Lambda^2 U^{-1}; U does not cancel against itself around Lambda"),

    case("eigendecomposition_inverse", "kind", "linalg", r"""
Let $A = U \Lambda U^{-1}$ be an eigendecomposition with invertible $\Lambda$.

$$(U \Lambda U^{-1})^{-1} = U \Lambda^{-1} U^{-1}$$
""", ok(lambda: matrices_same(lambda u, l: inv(u @ l @ inv(u)), lambda u, l: u @ inv(l) @ inv(u), 2))),

    case("eigendecomposition_inverse_wrong_order", "kind", "linalg", r"""
Let $A = U \Lambda U^{-1}$ be an eigendecomposition with invertible $\Lambda$.

$$(U \Lambda U^{-1})^{-1} = U^{-1} \Lambda^{-1} U$$
""", bad(lambda: matrices_same(lambda u, l: inv(u @ l @ inv(u)), lambda u, l: inv(u) @ inv(l) @ u, 2)),
        note="the inverse is (U^{-1})^{-1} Lambda^{-1} U^{-1} = U Lambda^{-1} U^{-1}"),

    case("identity_trace", "kind", "linalg", r"""
Let $A$ be an $n \times n$ matrix and $I$ the $n \times n$ identity.

$$\operatorname{tr}(A + I) = \operatorname{tr}(A) + \operatorname{tr}(I)$$

$$= \operatorname{tr}(A) + 1$$
""", ok(lambda: matrices_same(lambda a: np.trace(a + I3), lambda a: np.trace(a) + np.trace(I3), 1)),
        bad(lambda: matrices_same(lambda a: np.trace(a) + np.trace(I3), lambda a: np.trace(a) + 1, 1)),
        note="tr(I) = n, not 1: the identity is a matrix"),

    case("identity_commutes", "kind", "linalg", r"""
Let $A$ be an $n \times n$ matrix and $I$ the identity.

$$(I + A)^2 = I + 2 A + A^2$$

$$(I - A)(I + A) = I - A^2$$
""", ok(lambda: matrices_same(lambda a: (I3 + a) @ (I3 + a), lambda a: I3 + 2 * a + a @ a, 1)),
        ok(lambda: matrices_same(lambda a: (I3 - a) @ (I3 + a), lambda a: I3 - a @ a, 1))),

    case("identity_inverse_expansion", "kind", "linalg", r"""
Let $A$ be a square matrix and $I$ the identity of the same size, with $I - A$ invertible.

$$(I - A)^{-1} (I - A) = I$$

$$(I - A)(I + A + A^2) = I - A^3$$
""", ok(lambda: matrices_same(lambda a: inv(I3 - a) @ (I3 - a), lambda a: I3, 1)),
        ok(lambda: matrices_same(lambda a: (I3 - a) @ (I3 + a + a @ a), lambda a: I3 - a @ a @ a, 1))),

    case("square_of_sum_matrices", "kind", "linalg", r"""
Let $A$ and $B$ be $n \times n$ matrices.

\begin{align*}
(A + B)^2 &= (A + B)(A + B) \\
&= A^2 + A B + B A + B^2 \\
&= A^2 + 2 A B + B^2
\end{align*}
""", ok(lambda: matrices_same(lambda a, b: (a + b) @ (a + b), lambda a, b: (a + b) @ (a + b), 2)),
        ok(lambda: matrices_same(lambda a, b: (a + b) @ (a + b), lambda a, b: a @ a + a @ b + b @ a + b @ b, 2)),
        bad(lambda: matrices_same(lambda a, b: a @ a + a @ b + b @ a + b @ b, lambda a, b: a @ a + 2 * a @ b + b @ b, 2)),
        note="AB + BA = 2AB only if A and B commute"),

    case("difference_of_squares_matrices", "kind", "linalg", r"""
Let $A, B \in \mathbb{R}^{n \times n}$.

$$(A + B)(A - B) = A^2 - A B + B A - B^2$$

$$= A^2 - B^2$$
""", ok(lambda: matrices_same(lambda a, b: (a + b) @ (a - b), lambda a, b: a @ a - a @ b + b @ a - b @ b, 2)),
        bad(lambda: matrices_same(lambda a, b: a @ a - a @ b + b @ a - b @ b, lambda a, b: a @ a - b @ b, 2)),
        note="-AB + BA vanishes only for commuting matrices"),

    case("transpose_of_product", "kind", "linalg", r"""
Let $A, B \in \mathbb{R}^{n \times n}$.

$$(A B)^T = A^T B^T$$
""", bad(lambda: matrices_same(lambda a, b: T(a @ b), lambda a, b: T(a) @ T(b), 2)),
        note="(AB)^T = B^T A^T"),

    case("transpose_of_triple_product", "kind", "linalg", r"""
Let $A, B, C$ be $n \times n$ matrices.

$$(A B C)^T = C^T B^T A^T$$

$$((A B C)^T)^T = A B C$$
""", ok(lambda: matrices_same(lambda a, b, c: T(a @ b @ c), lambda a, b, c: T(c) @ T(b) @ T(a), 3)),
        ok(lambda: matrices_same(lambda a, b, c: a @ b @ c, lambda a, b, c: a @ b @ c, 3))),

    case("square_of_product_matrices", "kind", "linalg", r"""
Let $A$ and $B$ be $n \times n$ matrices.

$$(A B)^2 = A B A B$$

$$= A^2 B^2$$
""", ok(lambda: matrices_same(lambda a, b: (a @ b) @ (a @ b), lambda a, b: a @ b @ a @ b, 2)),
        bad(lambda: matrices_same(lambda a, b: a @ b @ a @ b, lambda a, b: a @ a @ b @ b, 2)),
        note="ABAB = A^2 B^2 needs BA = AB"),

    case("cauchy_schwarz_as_equality", "kind", "linalg", r"""
Let $u, v \in \mathbb{R}^d$ be vectors.

$$(u^T v)^2 = (u^T u)(v^T v)$$
""", bad(lambda: vectors_hold(lambda u, v: np.isclose((u @ v) ** 2, (u @ u) * (v @ v)), 2)),
        note="Cauchy-Schwarz is an inequality; equality needs u, v parallel"),

    case("cauchy_schwarz_inequality", "kind", "linalg", r"""
Let $u, v \in \mathbb{R}^d$.

$$(u^T v)^2 \le (u^T u)(v^T v)$$
""", ok(lambda: vectors_hold(lambda u, v: (u @ v) ** 2 <= (u @ u) * (v @ v) + 1e-12, 2))),

    case("outer_products_commute", "kind", "linalg", r"""
Let $u, v \in \mathbb{R}^d$ be vectors.

$$u^T v = v^T u$$

$$u v^T = v u^T$$
""", ok(lambda: vectors_hold(lambda u, v: np.isclose(u @ v, v @ u), 2)),
        bad(lambda: vectors_hold(lambda u, v: np.allclose(np.outer(u, v), np.outer(v, u)), 2)),
        note="u v^T is a d x d matrix whose transpose is v u^T; they differ unless u, v are parallel"),

    case("weights_order_in_network", "kind", "linalg", r"""
A two-layer linear network has weights $W_1 \in \mathbb{R}^{d \times d}$ and $W_2 \in \mathbb{R}^{d \times d}$;
its output on $x \in \mathbb{R}^d$ is $W_2 W_1 x$.

$$W_2 W_1 x + W_2 W_1 x = 2 W_2 W_1 x$$

$$= 2 W_1 W_2 x$$
""", ok(lambda: matrices_same(lambda a, b, x: b @ a @ x + b @ a @ x, lambda a, b, x: 2 * b @ a @ x, 3)),
        bad(lambda: matrices_same(lambda a, b, x: 2 * b @ a @ x, lambda a, b, x: 2 * a @ b @ x, 3)),
        note="W_2 W_1 is not W_1 W_2"),

    case("jacobian_normal", "kind", "gda", r"""
Let $J$ be the Jacobian of the vector field $F$ at the fixed point, a $2 \times 2$ matrix.

$$(J^T J)^T = J^T J$$

$$= J J^T$$
""", ok(lambda: matrices_same(lambda j: T(T(j) @ j), lambda j: T(j) @ j, 1, n=2)),
        bad(lambda: matrices_same(lambda j: T(j) @ j, lambda j: j @ T(j), 1, n=2)),
        note="J^T J = J J^T only for normal matrices; a general Jacobian is not normal"),

    case("trace_cyclic", "kind", "linalg", r"""
Let $A, B, C \in \mathbb{R}^{n \times n}$.

$$\operatorname{tr}(A B C) = \operatorname{tr}(C A B)$$

$$= \operatorname{tr}(C B A)$$
""", ok(lambda: matrices_same(lambda a, b, c: np.trace(a @ b @ c), lambda a, b, c: np.trace(c @ a @ b), 3)),
        bad(lambda: matrices_same(lambda a, b, c: np.trace(c @ a @ b), lambda a, b, c: np.trace(c @ b @ a), 3)),
        note="the trace is invariant under cyclic shifts only; CBA is not a cyclic shift of CAB"),

    case("quadratic_form_transpose", "kind", "linalg", r"""
Let $A \in \mathbb{R}^{n \times n}$ and $x \in \mathbb{R}^n$.

$$x^T A x = (x^T A x)^T = x^T A^T x$$
""", ok(lambda: matrices_same(lambda a, x: x[:, :1].T @ a @ x[:, :1], lambda a, x: (x[:, :1].T @ a @ x[:, :1]).T, 2)),
        ok(lambda: matrices_same(lambda a, x: (x[:, :1].T @ a @ x[:, :1]).T, lambda a, x: x[:, :1].T @ a.T @ x[:, :1], 2))),

    case("norm_of_linear_map", "kind", "linalg", r"""
Let $W \in \mathbb{R}^{n \times n}$ and $x \in \mathbb{R}^n$.

$$(W x)^T (W x) = x^T W^T W x$$

$$= x^T W W^T x$$
""", ok(lambda: matrices_same(lambda w, x: (w @ x[:, :1]).T @ (w @ x[:, :1]), lambda w, x: x[:, :1].T @ w.T @ w @ x[:, :1], 2)),
        bad(lambda: matrices_same(lambda w, x: x[:, :1].T @ w.T @ w @ x[:, :1], lambda w, x: x[:, :1].T @ w @ w.T @ x[:, :1], 2)),
        note="W^T W and W W^T differ for a non-normal W"),

    case("symmetric_part", "kind", "linalg", r"""
Let $M \in \mathbb{R}^{n \times n}$ and $S = \frac{1}{2}(M + M^T)$ its symmetric part.

$$\left(\frac{1}{2}(M + M^T)\right)^T = \frac{1}{2}(M^T + M)$$

$$= \frac{1}{2}(M + M^T)$$
""", ok(lambda: matrices_same(lambda m: T(0.5 * (m + T(m))), lambda m: 0.5 * (T(m) + m), 1)),
        ok(lambda: matrices_same(lambda m: 0.5 * (T(m) + m), lambda m: 0.5 * (m + T(m)), 1))),

    case("attention_associativity", "kind", "attention", r"""
Let $Q, K, V \in \mathbb{R}^{n \times n}$ be the query, key and value matrices.

$$(Q K^T) V = Q (K^T V)$$

$$= Q V K^T$$
""", ok(lambda: matrices_same(lambda q, k, v: (q @ T(k)) @ v, lambda q, k, v: q @ (T(k) @ v), 3)),
        bad(lambda: matrices_same(lambda q, k, v: q @ (T(k) @ v), lambda q, k, v: q @ v @ T(k), 3)),
        note="K^T V is not V K^T"),

    case("inverse_of_sum_is_not_sum_of_inverses", "kind", "linalg", r"""
Let $A$ be an invertible $n \times n$ matrix and $I$ the identity.

$$(A + I)^{-1} (A + I) = I$$

$$A^{-1} (A + I) = I + A^{-1}$$
""", ok(lambda: matrices_same(lambda a: inv(a + I3) @ (a + I3), lambda a: I3, 1)),
        ok(lambda: matrices_same(lambda a: inv(a) @ (a + I3), lambda a: I3 + inv(a), 1))),

    case("commutator_vanishes", "kind", "linalg", r"""
Let $A$ and $B$ be $n \times n$ matrices.

$$A B - B A + B A = A B$$

$$A B - B A = 0$$
""", ok(lambda: matrices_same(lambda a, b: a @ b - b @ a + b @ a, lambda a, b: a @ b, 2)),
        bad(lambda: matrices_same(lambda a, b: a @ b - b @ a, lambda a, b: 0 * a, 2)),
        note="the commutator AB - BA of two general matrices is not zero"),

    case("undeclared_weights_inverse_order", "kind", "linalg", r"""
The layers' weights $W$ and $V$ are square and invertible.

$$W (V W)^{-1} = W W^{-1} V^{-1} = V^{-1}$$

$$W (W V)^{-1} = V^{-1}$$
""", ok(lambda: matrices_same(lambda w, v: w @ inv(v @ w), lambda w, v: w @ inv(w) @ inv(v), 2)),
        ok(lambda: matrices_same(lambda w, v: w @ inv(w) @ inv(v), lambda w, v: inv(v), 2)),
        bad(lambda: matrices_same(lambda w, v: w @ inv(w @ v), lambda w, v: inv(v), 2)),
        note="W (W V)^{-1} = W V^{-1} W^{-1}, which is V^{-1} only if W and V^{-1} commute"),

    case("jacobian_gram_inverse_order", "kind", "gda", r"""
Let $J$ be the (invertible) Jacobian of the update at the fixed point.

$$(J^T J)^{-1} = (J^T)^{-1} J^{-1}$$
""", bad(lambda: matrices_same(lambda j: inv(T(j) @ j), lambda j: inv(T(j)) @ inv(j), 1)),
        note="(J^T J)^{-1} = J^{-1} (J^T)^{-1}"),
]
