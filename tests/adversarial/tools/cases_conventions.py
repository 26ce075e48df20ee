"""Conventions: empty sums are 0, odd roots of negatives are real, index ranges are respected."""
import numpy as np
import sympy as sp

from case import case, ok, bad
from labels import always, same

x = sp.Symbol("x", real=True)
RANGE = range(0, 12)


def for_all_n(left, right, start=0):
    """left(n) == right(n) for every integer n >= start in a range, by plain loops (an empty loop adds nothing)."""
    return all(np.isclose(left(n), right(n)) for n in range(start, 12))


def real_cbrt(w):
    return float(np.cbrt(w))


CASES = [
    case("empty_sum_is_zero", "conventions", "algebra", r"""
With no terms at all,

$$\sum_{i=1}^{0} i^2 = 0$$
""", ok(lambda: sum(i * i for i in range(1, 1)) == 0)),

    case("empty_inner_sum_pairs", "conventions", "complexity", r"""
Counting the pairs $j < i$ among $n$ tokens (the inner sum is empty for $i = 1$):

$$\sum_{i=1}^{n} \sum_{j=1}^{i-1} 1 = \sum_{i=1}^{n} (i - 1) = \frac{n(n-1)}{2}$$
""", ok(lambda: for_all_n(lambda n: sum(1 for i in range(1, n + 1) for _ in range(1, i)), lambda n: sum(i - 1 for i in range(1, n + 1)), 1)),
        ok(lambda: for_all_n(lambda n: sum(i - 1 for i in range(1, n + 1)), lambda n: n * (n - 1) / 2, 1))),

    case("inner_sum_pairs_off_by_one", "conventions", "complexity", r"""
Causal attention over $n$ tokens compares token $i$ with tokens $j = i, \ldots, n$:

$$\sum_{i=1}^{n} \sum_{j=i}^{n} 1 = \sum_{i=1}^{n} (n - i + 1) = \frac{n(n-1)}{2}$$
""", ok(lambda: for_all_n(lambda n: sum(1 for i in range(1, n + 1) for _ in range(i, n + 1)), lambda n: sum(n - i + 1 for i in range(1, n + 1)), 1)),
        bad(lambda: for_all_n(lambda n: sum(n - i + 1 for i in range(1, n + 1)), lambda n: n * (n - 1) / 2, 1)),
        note="sum_{i=1}^n (n - i + 1) = n(n+1)/2; the diagonal j = i is counted"),

    case("strict_upper_pairs_wrong_total", "conventions", "complexity", r"""
The pairs $i < j$ among $n$ items:

$$\sum_{i=1}^{n} \sum_{j=i+1}^{n} 1 = \sum_{i=1}^{n} (n - i) = \frac{n(n+1)}{2}$$
""", ok(lambda: for_all_n(lambda n: sum(1 for i in range(1, n + 1) for _ in range(i + 1, n + 1)), lambda n: sum(n - i for i in range(1, n + 1)), 1)),
        bad(lambda: for_all_n(lambda n: sum(n - i for i in range(1, n + 1)), lambda n: n * (n + 1) / 2, 1)),
        note="sum_{i=1}^n (n - i) = n(n-1)/2"),

    case("shifted_count_off_by_one", "conventions", "algebra", r"""
For an integer $m \ge 3$,

$$\sum_{k=3}^{m} 1 = m - 3$$
""", bad(lambda: for_all_n(lambda m: sum(1 for _ in range(3, m + 1)), lambda m: m - 3, 3)),
        note="the sum has m - 2 terms (k = 3, ..., m)"),

    case("real_cube_root_of_negative", "conventions", "algebra", r"""
Taking real cube roots,

$$\sqrt[3]{-8} = -2$$

$$\sqrt[3]{-8} + \sqrt[3]{8} = 0$$
""", ok(lambda: real_cbrt(-8) == -2.0), ok(lambda: real_cbrt(-8) + real_cbrt(8) == 0.0)),

    case("real_cube_root_sign_lost", "conventions", "algebra", r"""
Taking real cube roots,

$$\sqrt[3]{-27} = 3$$
""", bad(lambda: real_cbrt(-27) == 3.0),
        note="the real cube root of -27 is -3"),

    case("real_cube_root_of_cube", "conventions", "algebra", r"""
For real $x$, with the real cube root,

$$\sqrt[3]{-8 x^3} = -2 x$$
""", ok(lambda: always(lambda w: np.isclose(np.cbrt(-8 * w ** 3), -2 * w), 1))),

    case("real_cube_root_of_cube_abs", "conventions", "algebra", r"""
For real $x$, with the real cube root,

$$\sqrt[3]{x^3} = |x|$$
""", bad(lambda: always(lambda w: np.isclose(np.cbrt(w ** 3), abs(w)), 1)),
        note="the real cube root keeps the sign: cbrt(x^3) = x"),

    case("alternating_sum_parity", "conventions", "algebra", r"""
For an integer $n \ge 0$,

$$\sum_{k=0}^{n} (-1)^k = 1$$
""", bad(lambda: for_all_n(lambda n: sum((-1) ** k for k in range(0, n + 1)), lambda n: 1)),
        note="for odd n the terms cancel in pairs and the sum is 0"),

    case("sum_of_evens_off", "conventions", "algebra", r"""
For integers $n \ge 1$,

$$\sum_{i=1}^{n} (2 i - 1) = n^2$$

$$\sum_{i=1}^{n} 2 i = n^2 + 1$$
""", ok(lambda: for_all_n(lambda n: sum(2 * i - 1 for i in range(1, n + 1)), lambda n: n * n, 1)),
        bad(lambda: for_all_n(lambda n: sum(2 * i for i in range(1, n + 1)), lambda n: n * n + 1, 1)),
        note="sum 2i = n(n+1) = n^2 + n; n^2 + 1 agrees only at n = 1"),

    case("sum_of_squares_wrong_denominator", "conventions", "algebra", r"""
For integers $n \ge 1$,

$$\sum_{i=1}^{n} i^2 = \frac{n (n + 1)(2 n + 1)}{3}$$
""", bad(lambda: for_all_n(lambda n: sum(i * i for i in range(1, n + 1)), lambda n: n * (n + 1) * (2 * n + 1) / 3, 1)),
        note="the denominator is 6"),

    case("integer_range_inequality", "conventions", "algebra", r"""
For every integer $n \ge 1$,

$$n^2 \ge 2 n - 1$$

$$n^2 \ge 2 n$$
""", ok(lambda: for_all_n(lambda n: n * n >= 2 * n - 1, lambda n: True, 1)),
        bad(lambda: for_all_n(lambda n: n * n >= 2 * n, lambda n: True, 1)),
        note="at n = 1 the left is 1 and the right 2"),

    case("cosine_at_integers", "conventions", "algebra", r"""
For an integer $n$,

$$\cos(\pi n) = (-1)^n$$

$$\sin(\pi n) = 1$$
""", ok(lambda: for_all_n(lambda n: np.cos(np.pi * n), lambda n: (-1) ** n)),
        bad(lambda: for_all_n(lambda n: np.sin(np.pi * n), lambda n: 1)),
        note="sin(pi n) = 0 at every integer n"),

    case("geometric_sum_index_shift", "conventions", "algebra", r"""
For $r \ne 1$ and an integer $n \ge 1$,

$$\sum_{k=0}^{n-1} r^k = \frac{1 - r^n}{1 - r}$$

$$\sum_{k=1}^{n} r^k = \frac{1 - r^n}{1 - r}$$
""", ok(lambda: all(for_all_n(lambda n: sum(r ** k for k in range(0, n)), lambda n: (1 - r ** n) / (1 - r), 1) for r in (0.5, -2.0, 3.0))),
        bad(lambda: all(for_all_n(lambda n: sum(r ** k for k in range(1, n + 1)), lambda n: (1 - r ** n) / (1 - r), 1) for r in (0.5, -2.0, 3.0))),
        note="shifting the index multiplies by r: sum_{k=1}^n r^k = r (1 - r^n) / (1 - r)"),

    case("sum_of_cubes_square", "conventions", "algebra", r"""
For integers $n \ge 1$,

$$\sum_{i=1}^{n} i^3 = \left(\frac{n (n+1)}{2}\right)^2$$

$$\sum_{i=1}^{n} i^3 = \frac{n^2 (n+1)^2}{2}$$
""", ok(lambda: for_all_n(lambda n: sum(i ** 3 for i in range(1, n + 1)), lambda n: (n * (n + 1) / 2) ** 2, 1)),
        bad(lambda: for_all_n(lambda n: sum(i ** 3 for i in range(1, n + 1)), lambda n: n * n * (n + 1) ** 2 / 2, 1)),
        note="the square of n(n+1)/2 has denominator 4"),

    case("sum_from_zero_off_by_one", "conventions", "algebra", r"""
For an integer $n \ge 0$,

$$\sum_{k=0}^{n} k = \frac{n (n - 1)}{2}$$
""", bad(lambda: for_all_n(lambda n: sum(range(0, n + 1)), lambda n: n * (n - 1) / 2)),
        note="the sum is n(n+1)/2; starting at k = 0 adds nothing"),
]
