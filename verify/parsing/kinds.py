"""Which capitals may be matrices: read from how the formulas multiply them, never from the letter.

The document is first read with every capital not commuting (a *probe*), so that
``U \\Lambda U^{-1}`` keeps its order and its inverse. From the probe:

* a name is a matrix by its use when it is a factor of an inverted product
  (``(W_1 W_2)^{-1}``), of a determinant, of a norm, of a product with a known
  matrix, or of a product beside the identity ``I``; a lowercase name alone in a norm
  (``\\|x - y\\|``) is a vector, so Cauchy-Schwarz is never proved as an equality;
* a capital multiplied by another capital (``W_1 W_2``, ``(A + B)^2``,
  ``U \\Lambda U^{-1}``) with no such use, no declaration and no use as a size (in
  O(...), an exponent, a sum's bound) is of *open kind*: it is read as a symbol that
  does not commute, so a step that holds only if the factors commute is never proved,
  while ``(U \\Lambda U^{-1})^2 = U \\Lambda^2 U^{-1}`` still is.
A capital times numbers and lowercase scalars is left alone: scalars commute with anything.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import sympy
from sympy import Expr, MatrixSymbol, Symbol

IDENTITY_NAME = "I"


@dataclass(frozen=True)
class Kinds:
    """What the parser reads as what: matrices (name -> shape, None for the convention's),
    names that do not commute, the identity matrix ``I`` stands for (None: a plain name) and the
    names that are densities (None: every ``p``/``q`` at plain symbols, the first reading).
    ``kronecker``: ``\\delta`` with two indices is the Kronecker delta (see ``deltas``). ``probe``: every capital does not commute (the first reading, for ``uses``)."""

    matrices: dict = field(default_factory=dict)
    noncommuting: frozenset[str] = frozenset()
    identity: Expr | None = None
    probe: bool = False
    densities: frozenset[str] | None = None
    kronecker: bool = True  # \delta_{ij} is the Kronecker delta; False where the document defines delta itself
    words: frozenset[str] = frozenset()  # words the document gives a value (units = 50): one name each


_CAPITAL = re.compile(r"(?<!\\)[A-Z]|\\(?:Gamma|Delta|Theta|Lambda|Xi|Pi|Sigma|Upsilon|Phi|Psi|Omega)\b")


_NORM = re.compile(r"\\\||\\[lr]?Vert|\|\|")


def worth_probing(formula: str) -> bool:
    """Whether the probe can find anything: a formula that writes two capitals (or one twice) or a norm."""
    return len(_CAPITAL.findall(formula)) >= 2 or bool(_NORM.search(formula))


def is_capital(name: str) -> bool:
    return name[:1].isupper()


def _capitals(expr) -> set[str]:
    """Names of the capitals in ``expr`` that may be matrices: non-commuting symbols and matrices."""
    found = {s.name for s in expr.atoms(Symbol) if s.is_commutative is False and is_capital(s.name)}
    return found | {m.name for m in expr.atoms(MatrixSymbol)}


def _is_inverse(expr) -> bool:
    return isinstance(expr, sympy.Pow) and expr.exp.is_negative is True and bool(_capitals(expr.base))


def nodes(expr):
    """The nodes of ``expr``, not descending into a matrix symbol's shape."""
    stack = [expr]
    while stack:
        node = stack.pop()
        yield node
        if not isinstance(node, MatrixSymbol):
            stack.extend(node.args)


def _factors(node) -> list:
    """The factors of a product with capitals in at least two of them; [] for anything else."""
    if not isinstance(node, (sympy.Mul, sympy.MatMul)):
        return []
    carrying = [f for f in node.args if _capitals(f)]
    return carrying if len(carrying) >= 2 else []


def uses(probe_exprs) -> tuple[dict[str, str], set[str], list[set[str]]]:
    """(matrices by use: name -> why, capitals multiplied by capitals, the names of each such product)
    in the probe's expressions."""
    matrices: dict[str, str] = {}
    multiplied: set[str] = set()
    products: list[set[str]] = []

    def mark(names, why: str) -> None:
        for name in sorted(names):
            if name != IDENTITY_NAME:
                matrices.setdefault(name, why)

    for expr in probe_exprs:
        for node in nodes(expr):
            factors = _factors(node)
            if factors:
                names = set().union(*(_capitals(f) for f in factors))
                multiplied |= names
                products.append(names)
                if node.atoms(MatrixSymbol):
                    mark(names, "a product with a matrix")
                if IDENTITY_NAME in names:
                    mark(names, "a product with the identity I")
            if _is_inverse(node) and _factors(node.base):
                mark(_capitals(node.base), "an inverse of a product")
            if isinstance(node, sympy.Pow) and node.exp != 1 and len(_capitals(node.base)) >= 2:
                multiplied |= _capitals(node.base)  # (A + B)^2
            if isinstance(node, sympy.Determinant) or _applied(node, "det"):
                mark(_capitals(node), "\\det")
            if _applied(node, "norm"):
                mark(_capitals(node) | _alone(node.args[0]), "a norm")
    return matrices, multiplied, products


def _applied(node, name: str) -> bool:
    return isinstance(node, sympy.core.function.AppliedUndef) and node.func.__name__ == name


def _alone(expr) -> set[str]:
    """Names standing alone as terms of a norm's argument (x, y of ``\\|x - y\\|``): vectors, unlike
    the factors of a product (``\\|\\eta g\\|``: eta may well be a number)."""
    terms = [t.args[1] if isinstance(t, sympy.Mul) and len(t.args) == 2 and t.args[0] == -1 else t
             for t in sympy.Add.make_args(expr)]
    return {t.name for t in terms if isinstance(t, Symbol)}


def sizes(exprs) -> set[str]:
    """Names used as sizes: in an exponent (``n^{L}``), besides what ``context.evidence`` finds."""
    from .context import evidence

    found = set(evidence(exprs))
    for expr in exprs:
        for node in nodes(expr):
            if isinstance(node, sympy.Pow) and not node.exp.is_Number:
                found |= {s.name for s in node.exp.free_symbols}
    return found


def identity(found_shapes: dict) -> Expr:
    """The identity matrix ``I`` stands for: of the one square size the declarations give, else ``n``."""
    from ..vocabulary.linalg import size

    square = {shape[0] for shape in found_shapes.values() if shape and shape[0] == shape[1]}
    return sympy.Identity(square.pop() if len(square) == 1 else size("n"))


def _identity_only(expr) -> bool:
    """A matrix expression whose only matrices are identities (``I``, ``\\lambda I``): its size is free."""
    return getattr(expr, "is_Matrix", False) and expr.has(sympy.Identity) and not expr.atoms(MatrixSymbol)


def _resized(expr, n) -> Expr:
    return expr.xreplace({i: sympy.Identity(n) for i in expr.atoms(sympy.Identity)})


def fit_sum(a, b) -> tuple:
    """``X^T X + \\lambda I``: the identity takes the size of the square matrix it is added to."""
    if getattr(a, "is_Matrix", False) and getattr(b, "is_Matrix", False) and a.shape != b.shape:
        if _identity_only(a) and b.shape[0] == b.shape[1]:
            return _resized(a, b.shape[0]), b
        if _identity_only(b) and a.shape[0] == a.shape[1]:
            return a, _resized(b, a.shape[0])
    return a, b


def fit_product(a, b) -> tuple:
    """``A I``, ``I A``: the identity takes the size that makes the product defined."""
    if getattr(a, "is_Matrix", False) and getattr(b, "is_Matrix", False) and a.shape[1] != b.shape[0]:
        if _identity_only(a):
            return _resized(a, b.shape[0]), b
        if _identity_only(b):
            return a, _resized(b, a.shape[1])
    return a, b


def fit_sides(exprs: tuple) -> tuple:
    """``M = I``: a side that is only an identity takes the size of a square side."""
    square = [e.shape[0] for e in exprs if getattr(e, "is_Matrix", False) and not _identity_only(e)
              and e.shape[0] == e.shape[1]]
    if not square:
        return exprs
    return tuple(_resized(e, square[0]) if _identity_only(e) else e for e in exprs)
