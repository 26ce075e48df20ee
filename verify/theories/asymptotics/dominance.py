"""Does one monomial grow at most like a sum of others? Decided exactly, with a witness when not.

With every size variable ``x = N^y`` along a direction ``y >= 0`` (inside the cone the
assumptions allow, e.g. ``r <= t`` gives ``y_r <= y_t``), a monomial grows like
``N^(a.y)``. A monomial ``s`` is O(sum of T) exactly when ``s.y <= max_t t.y`` for every
direction: ``s`` lies in the convex hull of T pushed down (so ``n m`` is O(n^2 + m^2)
although neither monomial dominates it). This is one small linear programme, solved in
exact rational arithmetic; when it fails its optimum is a direction along which the
ratio grows like a power of N, a witness a student can try. Logarithms only break ties:
they are decided by per-variable dominance or along a ray, otherwise left undecided.
"""
from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Sequence

from .terms import Monomial

Vector = tuple[Fraction, ...]


@dataclass(frozen=True)
class Cone:
    """Directions of growth allowed: ``y >= 0`` and ``row . y <= 0`` for each row (over ``names``)."""

    names: tuple[str, ...]
    rows: tuple[Vector, ...] = ()

    def contains(self, y: Vector) -> bool:
        return all(v >= 0 for v in y) and all(_dot(row, y) <= 0 for row in self.rows)


@dataclass(frozen=True)
class Decision:
    """``holds`` True/False, or None when undecided (``reason`` says why).

    ``direction`` (when ``holds`` is False) is a growth direction ``y`` along which the
    ratio grows like ``N^gap`` (or like ``(log N)^gap`` when ``in_logs``).
    """

    holds: bool | None
    reason: str = ""
    direction: Vector | None = None
    gap: Fraction = Fraction(0)
    in_logs: bool = False


def _dot(a: Sequence[Fraction], b: Sequence[Fraction]) -> Fraction:
    return sum((x * y for x, y in zip(a, b)), Fraction(0))


def vector(monomial: Monomial, names: Sequence[str]) -> Vector:
    return tuple(monomial.power(x) for x in names)


def log_vector(monomial: Monomial, names: Sequence[str]) -> Vector:
    return tuple(monomial.log(x) for x in names)


def _pivot(table: list[list[Fraction]], row: int, col: int) -> None:
    pivot = table[row][col]
    table[row] = [v / pivot for v in table[row]]
    for i, other in enumerate(table):
        if i != row and other[col] != 0:
            factor = other[col]
            table[i] = [a - factor * b for a, b in zip(other, table[row])]


def maximise(c: Sequence[Fraction], rows: Sequence[Sequence[Fraction]], bounds: Sequence[Fraction]):
    """Exact simplex (Bland's rule): max ``c.x`` s.t. ``rows x <= bounds``, ``x >= 0``, ``bounds >= 0``.

    The origin is feasible (bounds >= 0) so no first phase is needed; callers keep the
    problem bounded. Returns ``(optimum, x)``.
    """
    m, n = len(rows), len(c)
    table = [[Fraction(v) for v in row] + [Fraction(int(i == j)) for j in range(m)] + [Fraction(b)]
             for i, (row, b) in enumerate(zip(rows, bounds))]
    table.append([-Fraction(v) for v in c] + [Fraction(0)] * (m + 1))
    basis = [n + i for i in range(m)]
    while True:
        col = next((j for j in range(n + m) if table[-1][j] < 0), None)
        if col is None:
            break
        candidates = [(table[i][-1] / table[i][col], basis[i], i) for i in range(m) if table[i][col] > 0]
        _, _, row = min(candidates)
        _pivot(table, row, col)
        basis[row] = col
    x = [Fraction(0)] * n
    for i, var in enumerate(basis):
        if var < n:
            x[var] = table[i][-1]
    return table[-1][-1], tuple(x)


def power_gap(s: Vector, others: Sequence[Vector], cone: Cone) -> tuple[Fraction, Vector]:
    """``max over y in cone, sum(y) <= 1`` of ``min_t (s - t).y``: positive iff s is not O(others)."""
    d = len(s)
    rows = [[-(a - b) for a, b in zip(s, t)] + [Fraction(1)] for t in others]
    rows += [list(row) + [Fraction(0)] for row in cone.rows]
    rows.append([Fraction(1)] * d + [Fraction(0)])
    bounds = [Fraction(0)] * (len(rows) - 1) + [Fraction(1)]
    optimum, x = maximise([Fraction(0)] * d + [Fraction(1)], rows, bounds)
    return optimum, x[:d]


def _growth_along(monomial: Monomial, names: Sequence[str], y: Vector) -> tuple[Fraction, Fraction]:
    """Along ``x = N^y``: (power of N, power of log N) of the monomial."""
    logs = sum((monomial.log(x) for x, v in zip(names, y) if v > 0), Fraction(0))
    return _dot(vector(monomial, names), y), logs


def _rays(cone: Cone) -> list[Vector]:
    d = len(cone.names)
    units = [tuple(Fraction(int(i == j)) for j in range(d)) for i in range(d)]
    return [y for y in units + [tuple([Fraction(1)] * d)] if cone.contains(y)]


def _ray_witness(s: Vector, others: Sequence[Vector], cone: Cone) -> Decision | None:
    """The cheap refutation first: one size growing alone (or all together) already separates s."""
    for y in _rays(cone):
        gap = _dot(s, y) - max(_dot(t, y) for t in others)
        if gap > 0:
            return Decision(False, "", y, gap)
    return None


def _log_witness(s: Monomial, others: Sequence[Monomial], cone: Cone) -> Decision | None:
    """A ray along which ``s`` outgrows every other monomial by a power of log N, if a simple one exists."""
    for y in _rays(cone):
        mine = _growth_along(s, cone.names, y)
        best = max(_growth_along(t, cone.names, y) for t in others)
        if mine[0] == best[0] and mine[1] > best[1]:
            return Decision(False, "", y, mine[1] - best[1], in_logs=True)
    return None


def _logs_dominated(s: Monomial, others: Sequence[Monomial], cone: Cone) -> bool:
    """The same test one level down: among monomials of s's very powers, compare the log exponents.

    ``log x`` of sizes growing in the cone are themselves sizes growing in the cone.
    """
    same = [t for t in others if vector(t, cone.names) == vector(s, cone.names)]
    if not same:
        return False
    gap, _ = power_gap(log_vector(s, cone.names), [log_vector(t, cone.names) for t in same], cone)
    return gap <= 0


def dominated(s: Monomial, others: Sequence[Monomial], cone: Cone) -> Decision:
    """Is ``s`` O(sum of ``others``) for all sizes >= some N, growing in ``cone``?"""
    if not others:
        return Decision(False, "nothing to dominate it", tuple(Fraction(1) for _ in cone.names), Fraction(1))
    if any(s.grows_at_most_like(t) for t in others):
        return Decision(True, "dominated by a single monomial")
    mine, theirs = vector(s, cone.names), [vector(t, cone.names) for t in others]
    witness = _ray_witness(mine, theirs, cone)
    if witness is not None:
        return witness
    gap, y = power_gap(mine, theirs, cone)
    if gap > 0:
        return Decision(False, "", y, gap)
    if not (s.has_logs or any(t.has_logs for t in others)):
        return Decision(True, "dominated by a convex combination of the monomials")
    if _logs_dominated(s, others, cone):
        return Decision(True, "dominated, up to log factors, by monomials of the same power")
    witness = _log_witness(s, others, cone)
    if witness is not None:
        return witness
    return Decision(None, f"{s} is dominated up to logarithmic factors, which this theory does not decide "
                          "off a single dominating monomial")
