"""Which names move with a variable (time, usually): read from what the document writes.

A name depends on ``t`` when the document writes its time derivative (``\\dot p``,
``\\frac{dp}{dt}``, ``\\frac{d}{dt} p``), writes it at ``t`` (``p(t)``, ``\\theta = \\theta(t)``),
or differentiates with respect to ``t`` a name subscripted by ``t`` (``x_t``). Such a name
is read as a function of ``t`` in every formula, and ``\\dot p`` as its derivative, so
``\\frac{d}{dt}(p q)`` is never 0 by treating ``p`` as a constant. A name with no such
evidence stays a constant under the derivative.
"""
from __future__ import annotations

from sympy import Derivative, Expr, Function, Symbol
from sympy.core.function import AppliedUndef

from .lexicon import GREEK

ACCENT_ORDERS = {"ddot": 2, "dot": 1}


def dotted(name: str) -> tuple[str, int] | None:
    """``pdot`` -> ("p", 1), ``thetaddot`` -> ("theta", 2): the name an accent ``\\dot`` was put on."""
    for suffix, order in ACCENT_ORDERS.items():
        base = name[: -len(suffix)]
        if name.endswith(suffix) and (len(base) == 1 and base.isalpha() or base in GREEK):
            return base, order
    return None


def _time(exprs) -> Symbol:
    """The variable of the document's derivatives when there is one, else ``t``."""
    variables = {v for e in exprs for d in e.atoms(Derivative) for v in d.variables if isinstance(v, Symbol)}
    return variables.pop() if len(variables) == 1 else Symbol("t")


def moving(exprs) -> dict[str, tuple[Symbol, str]]:
    """name -> (the variable it moves with, why), for every name the formulas ``exprs`` show moving.
    A name written at a variable (``p(t)``) moves only with a variable some formula differentiates
    by: ``L(q)`` says nothing about a number of layers ``L``."""
    found: dict[str, tuple[Symbol, str]] = {}
    time = _time(exprs)
    differentiated = {v for e in exprs for d in e.atoms(Derivative) for v in d.variables}
    for expr in exprs:
        for symbol in expr.atoms(Symbol):
            accent = dotted(symbol.name)
            if accent is not None:
                found.setdefault(accent[0], (time, f"\\{'d' * (accent[1] - 1)}dot written"))
        for applied in expr.atoms(AppliedUndef):
            if len(applied.args) == 1 and applied.args[0] in differentiated:
                variable = applied.args[0]
                found.setdefault(applied.func.__name__, (variable, f"written at {variable}"))
        for derivative in expr.atoms(Derivative):
            for variable in derivative.variables:
                if isinstance(derivative.expr, Symbol):
                    found.setdefault(derivative.expr.name, (variable, f"its derivative in {variable} written"))
                for symbol in derivative.expr.atoms(Symbol):
                    if symbol.name.endswith(f"_{variable.name}") or symbol.name.endswith(f"_{{{variable.name}}}"):
                        found.setdefault(symbol.name, (variable, f"subscripted by {variable} under d/d{variable}"))
    return found


def _function(name: str, written: dict[str, object]):
    """The function ``name`` as the document writes it (``x(t)``), so that ``\\dot x``, ``x`` and ``x(t)``
    are one function; a real function when it is never written applied."""
    return written.get(name) or Function(name, real=True)


def written_functions(exprs) -> dict[str, object]:
    """name -> the function applied under that name to one argument (``x(t)``) in ``exprs``."""
    return {a.func.__name__: a.func for e in exprs for a in e.atoms(AppliedUndef) if len(a.args) == 1}


def as_functions(plain: set[Symbol], found: dict[str, tuple[Symbol, str]], mapping: dict,
                 exprs=()) -> dict[Expr, Expr]:
    """The plain parsed symbols that move, as functions of their variable (``p`` -> ``p(t)``), and
    their dotted names as derivatives (``pdot`` -> ``d p(t)/dt``); ``mapping`` gives the variable's
    assumptions (``t`` real). A dotted name written at the variable (``\\dot x(t)``, parsed as a function
    ``xdot``) is the derivative of ``x`` at it too. ``exprs``: the formulas, for the functions written."""
    written = written_functions(exprs)
    replaced: dict[Expr, Expr] = {}
    for symbol in plain:
        if symbol.name in found:
            variable, _ = found[symbol.name]
            replaced[symbol] = _function(symbol.name, written)(mapping.get(variable, variable))
        accent = dotted(symbol.name)
        if accent is not None and accent[0] in found:
            variable, _ = found[accent[0]]
            variable = mapping.get(variable, variable)
            replaced[symbol] = Derivative(_function(accent[0], written)(variable), (variable, accent[1]))
    for expr in exprs:
        for applied in expr.atoms(AppliedUndef):
            accent = dotted(applied.func.__name__)
            if accent is None or len(applied.args) != 1 or not isinstance(applied.args[0], Symbol):
                continue
            variable = mapping.get(applied.args[0], applied.args[0])
            replaced[applied] = Derivative(_function(accent[0], written)(variable), (variable, accent[1]))
    return replaced


def note(found: dict[str, tuple[Symbol, str]], written: set[str]) -> dict[str, tuple[str, str]]:
    """For the "assumed" line: name -> ("moving with t", why), for the names written as plain symbols."""
    return {name: (f"moving with {variable}", why) for name, (variable, why) in found.items() if name in written}
