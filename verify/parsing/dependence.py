"""Which names move with a variable (time, usually): read from what the document writes.

A name depends on ``t`` when the document writes its time derivative (``\\dot p``,
``\\frac{dp}{dt}``, ``\\frac{d}{dt} p``), writes it at ``t`` (``p(t)``, ``\\theta = \\theta(t)``),
or differentiates with respect to ``t`` a name subscripted by ``t`` (``x_t``). Such a name
is read as a function of ``t`` in every formula, and ``\\dot p`` as its derivative, so
``\\frac{d}{dt}(p q)`` is never 0 by treating ``p`` as a constant. A name with no such
evidence stays a constant under the derivative.

A name the document defines (``p_i = \\exp(o_i) / \\sum_j \\exp(o_j)``, ``L = -\\sum_i y_i \\log p_i``)
does not move by having its derivative in ``v`` written when its definition (unfolded through
the others) shows ``v`` (for an entry ``o_k``, any entry of ``o``) and reaches no name that
moves: its dependence is its definition's, which the checker substitutes before
differentiating. Otherwise it moves as before: a definition that would not be substituted
(circular, a name defined twice or bound elsewhere), one that does not show ``v``, or one
that reaches a name moving with something would make the derivative silently 0 or partial.
"""
from __future__ import annotations

from sympy import Derivative, Expr, Function, Indexed, Integral, Product, Sum, Symbol
from sympy.core.function import AppliedUndef

from ..vocabulary import Density
from .context import integrated_variables
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


def _bound(exprs) -> set:
    """Symbols used as variables (integrated, averaged over, summed, a density's argument): the reader
    makes no fact of a definition of such a name (``document.facts``)."""
    found = set(integrated_variables(exprs))
    found |= {limit[0] for e in exprs for node in e.atoms(Sum, Integral, Product) for limit in node.limits}
    found |= {v for e in exprs for node in e.atoms(Density) for v in (*node.variables, *node.given)}
    return found


def family(name: Expr) -> str:
    """``o_k``, ``o[k]`` -> "o"; ``L`` -> "L": the entries of one family are one dependence."""
    if isinstance(name, Indexed):
        return str(name.base.label)
    return str(name).split("_", 1)[0]


def _names(expr: Expr) -> set[str]:
    return {family(s) for s in expr.free_symbols if isinstance(s, Symbol)} | {family(n) for n in expr.atoms(Indexed)}


def defining(definitions, exprs=()) -> dict[str, set[str]]:
    """Name or family -> the families its definition reaches (through the other definitions), for the
    names (``L``) and families (``p_i`` at a symbol index) whose one definition (``(name, value)`` pairs)
    the checker will substitute: the value does not reach
    the name, and the name is bound (summed, integrated) in none of ``exprs``."""
    values: dict[str, Expr] = {}
    twice = set()
    for lhs, rhs in definitions:
        if isinstance(lhs, Symbol) or isinstance(lhs, Indexed) and all(isinstance(i, Symbol) for i in lhs.indices):
            twice |= {family(lhs)} if family(lhs) in values else set()
            values[family(lhs)] = rhs
    bound = {family(b) for b in _bound([*exprs, *values.values()])}
    reached: dict[str, set[str]] = {}
    for name, value in values.items():
        seen, frontier = set(), [value]
        while frontier:
            for found in _names(frontier.pop()) - seen:
                seen.add(found)
                frontier.extend([values[found]] if found in values else [])
        reached[name] = seen
    return {name: seen for name, seen in reached.items() if name not in seen | bound | twice}


def moving(exprs, definitions=()) -> dict[str, tuple[Symbol, str]]:
    """name -> (the variable it moves with, why), for every name the formulas ``exprs`` show moving.
    A name written at a variable (``p(t)``) moves only with a variable some formula differentiates
    by: ``L(q)`` says nothing about a number of layers ``L``. A name ``definitions`` define does not
    move by its derivative in ``v`` being written when its definition shows ``v`` and reaches no name
    that moves: then the definition is its whole dependence (module docstring)."""
    defined = defining(definitions, exprs)
    found: dict[str, tuple[Symbol, str]] = {}
    written: list[tuple[Symbol, Symbol]] = []  # (a plain name, the variable its derivative is written in)
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
                    written.append((derivative.expr, variable))
                for symbol in derivative.expr.atoms(Symbol):
                    if symbol.name.endswith(f"_{variable.name}") or symbol.name.endswith(f"_{{{variable.name}}}"):
                        found.setdefault(symbol.name, (variable, f"subscripted by {variable} under d/d{variable}"))
    for name, variable in written:
        if family(name) not in defined:
            found.setdefault(name.name, (variable, f"its derivative in {variable} written"))
    moves = {family(Symbol(n)) for n in found}
    for name, variable in written:
        reach = defined.get(family(name))
        if reach is not None and not (family(variable) in reach and not reach & moves):
            found.setdefault(name.name, (variable, f"its derivative in {variable} written"))
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
