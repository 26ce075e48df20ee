"""A function defined at its variables and then written bare: papers define
``\\mathcal{L}(\\theta, \\phi; x) = ...`` and go on with ``\\mathcal{L}``. The bare name abbreviates the
function at the variables of its definition. Read as a fresh unknown instead, a right step about it
would be refuted at an arbitrary value, so the reader expands it (and the report says so), unless the
document gives the bare name a meaning of its own."""
from __future__ import annotations

from sympy import Expr, Symbol

from ..printing.plain import plain_math


def bare_uses(defined: dict, exprs: list[Expr], own: set[str]) -> dict[Symbol, Expr]:
    """Each bare symbol in ``exprs`` named as a function of ``defined`` (function -> (variables,
    value)), with the function applied at those variables; names in ``own`` (defined or declared as
    themselves) are left alone."""
    applied = {f.__name__: f(*variables) for f, (variables, _) in defined.items() if variables}
    return {s: applied[s.name] for e in exprs for s in e.free_symbols
            if isinstance(s, Symbol) and s.name in applied and s.name not in own}


def note(found: dict[Symbol, Expr]) -> str | None:
    """What the report says of the expansions, so a misreading is visible."""
    if not found:
        return None
    return "read bare as the function defined: " + "; ".join(sorted(
        f"{plain_math(name, unicode=False)} as {plain_math(value, unicode=False)}" for name, value in found.items()))
