"""Where notation maps to our vocabulary: densities versus functions, linear-algebra objects.

A name applied to arguments is a *density* when the arguments hold a bar
(``f(a|b)`` is always a density), or when every argument is a plain symbol and the
document gives evidence that the name is a density (``premises.density_names``: ``P(z)``
once ``P(z|X)`` is written, or the prose calls P a distribution); before that evidence is
read, every ``p`` or ``q``, possibly subscripted (``p_\\theta``, ``q_\\phi``).
Anything else applied to arguments (``f(p, q)``, ``L(q)``, ``D(q; \\xi)``) is an
undefined SymPy function of that name.
"""
from __future__ import annotations

import sympy
from sympy import Expr, Function, Symbol

from ..vocabulary import Density, linalg

CONSTANTS = {"pi": sympy.pi, "e": sympy.E, "infty": sympy.oo, "imath": sympy.I}
CONSTANT_NAMES = {value: key for key, value in CONSTANTS.items()}
DENSITY_HEADS = ("p", "q")
SYMPY_FUNCTIONS = {"log": sympy.log, "ln": sympy.log, "exp": sympy.exp, "sin": sympy.sin, "cos": sympy.cos,
                   "tan": sympy.tan, "tanh": sympy.tanh, "coth": sympy.coth, "sinh": sympy.sinh, "cosh": sympy.cosh,
                   "arctan": sympy.atan, "arcsin": sympy.asin, "arccos": sympy.acos}


def symbol(name: str) -> Expr:
    """A plain symbol, or the constant the name stands for (``\\pi``, ``e``, ``\\infty``)."""
    return CONSTANTS.get(name) or Symbol(name)


def head_name(head: Expr) -> str:
    return CONSTANT_NAMES.get(head) or str(head)


def is_density_name(name: str) -> bool:
    return name in DENSITY_HEADS or any(name.startswith(h + "_") for h in DENSITY_HEADS)


def apply(head: Expr, arguments: tuple, given: tuple | None, densities: frozenset[str] | None = None) -> Expr:
    """``name(arguments | given)`` as a Density or an undefined function (see the module docstring).
    ``densities``: the names the document gives evidence of being densities; None: every ``p``/``q``."""
    name = head_name(head)
    if given is not None:
        return Density(name, arguments, given)
    if all(isinstance(a, Symbol) for a in arguments) and (
            (densities is None and is_density_name(name)) or (densities is not None and name in densities)):
        return Density(name, arguments, ())
    if name in ("tr", "Tr") and len(arguments) == 1 and getattr(arguments[0], "is_Matrix", False):
        return sympy.Trace(arguments[0])  # of a scalar or a name of open kind: an undefined tr
    if len(arguments) == 1 and getattr(arguments[0], "is_Matrix", False) and arguments[0].shape[0] != 1:
        spectral = _spectral(name)
        if spectral is not None:
            return spectral(arguments[0])
    return Function(name)(*arguments)


_ALL_EIGENVALUES = ("lambda", "eig", "spec", "sigma_{spec}", "\\lambda_{1, 2}", "\\lambda_{1,2}", "lambda_pm")


def _spectral(name: str):
    """``\\lambda(J)``, ``\\mathrm{eig}(M)``, ``\\lambda_{1,2}(M)`` (the two eigenvalues of a 2 x 2): the
    spectrum of the matrix, a multiset; ``\\rho(M)`` its spectral radius. ``\\lambda_i(M)``, ``\\lambda_1(M)``
    (one eigenvalue, by an order or an index the formula does not fix) stay undefined functions."""
    if name in _ALL_EIGENVALUES:
        return linalg.Spectrum
    if name == "rho":
        return linalg.SpectralRadius
    return None


def named_function(name: str, arguments: tuple) -> Expr:
    """``\\log``, ``\\exp``, ... as SymPy functions; ``softmax`` and ``Concat`` from the linear-algebra vocabulary."""
    if name in SYMPY_FUNCTIONS:
        if len(arguments) != 1:
            raise ValueError(f"\\{name} takes one argument, got {len(arguments)}")
        return SYMPY_FUNCTIONS[name](arguments[0])
    if name in ("tr", "Tr") and len(arguments) == 1 and getattr(arguments[0], "is_Matrix", False):
        return sympy.Trace(arguments[0])  # \\mathrm{tr}\\begin{pmatrix}...: of a written matrix, its trace
    if name == "det" and len(arguments) == 1 and getattr(arguments[0], "is_Matrix", False):
        return sympy.Determinant(arguments[0])  # of a scalar or a name of open kind: an undefined det
    try:
        if name == "softmax" and len(arguments) == 1:
            return linalg.Softmax(arguments[0])
        if name.lower() == "concat":
            return linalg.Concat(*arguments)
    except TypeError:  # not matrices: an undefined function of scalars
        pass
    return Function("Concat" if name.lower() == "concat" else name)(*arguments)


def is_matrix_name(name: str) -> bool:
    """Under the linear-algebra convention: capitals (``Q``, ``W^O``, ``W^O_1``) and ``head_i`` are matrices."""
    return name[:1].isupper() or name.startswith("head")


def is_vector_name(name: str) -> bool:
    """Under the linear-algebra convention: a bold lower-case name (``\\mathbf{q}``, ``\\mathbf{k}_i``) is a vector."""
    stem = name.split("_", 1)[0]
    return stem.endswith("bold") and stem[:1].islower()


def vector(name: str) -> Expr:
    """A column vector of the formula's common length n."""
    return linalg.matrix(name, linalg.size("n"), 1)


def matrix(name: str, shape=None) -> Expr:
    return linalg.matrix(name, *(shape or (None, None)))


def size_or_symbol(name: str) -> Expr:
    """Inside matrix formulas, the sizes of the linear-algebra convention (t, d_k, ...) are positive integers."""
    return linalg.size(name) if name in linalg.SIZE_NAMES else symbol(name)


def size(name: str) -> Expr:
    """A sum's bound inside a matrix formula (``T`` in ``\\sum_{t=1}^{T}``): a positive integer."""
    return linalg.size(name)


def transpose(base: Expr) -> Expr:
    if getattr(base, "is_Matrix", False):
        return base.T
    return Function("transpose")(base)
