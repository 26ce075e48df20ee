r"""The plain letter V as the variance, where the document makes that the only reading.

Sources that write ``\mathrm{Var}[X]`` in one line often write ``V[aX]`` in the next (the
blackboard ``\mathbb{V}`` is read by the macro layer already). A letter V is also a value
function, a volume or a matrix, so it is read as the variance only when all of these hold:

* the document writes the variance operator itself (``Var``) somewhere, so "variance" is a
  notion it uses;
* every application of V has one argument, and each holds a declared random variable;
* no premise defines V (``V(s) = ...``) and no expectation or variance is taken of V
  (``E[V(S)]`` is a value function's average, not a moment of a moment).

Otherwise V is left as written, and a step about it stays undecided with its own reason.
"""
from __future__ import annotations

from sympy import IndexedBase, MatrixSymbol, Symbol
from sympy.core.function import AppliedUndef

LETTER = "V"
OPERATORS = frozenset({"E", "Var", "Cov"})


def _applications(expr, name: str) -> list:
    return [a for a in expr.atoms(AppliedUndef) if a.func.__name__ == name]


def _holds_random(expr, keys: set[str]) -> bool:
    names = {s.name for s in expr.free_symbols if isinstance(s, Symbol)}
    names |= {str(b.label) for b in expr.atoms(IndexedBase)} | {m.name for m in expr.atoms(MatrixSymbol)}
    return bool(names & keys) or any(n.split("_")[0] in keys for n in names)


def _inside_operator(expr) -> bool:
    """True when some E, Var or Cov (or E_p) takes an argument that applies V."""
    for node in expr.atoms(AppliedUndef):
        name = node.func.__name__
        if (name in OPERATORS or name.startswith("E_")) and any(_applications(a, LETTER) for a in node.args):
            return True
    return False


def _defines(statement) -> bool:
    return any(isinstance(e, AppliedUndef) and e.func.__name__ == LETTER for e in statement.exprs[:1])


def reads_variance(written, premised, keys: set[str]) -> bool:
    """True when the letter V in ``written`` (the chains' expressions) is the variance (module doc);
    ``premised`` are the premise formulas, ``keys`` the declared random variables' names."""
    every = list(written) + [e for f in premised for e in f.statement.exprs]
    uses = [a for e in written for a in _applications(e, LETTER)]
    if not uses or not keys:
        return False
    if not any(_applications(e, "Var") for e in every):
        return False
    if any(len(a.args) != 1 or not _holds_random(a.args[0], keys) for e in every for a in _applications(e, LETTER)):
        return False
    if any(_defines(f.statement) for f in premised):
        return False
    return not any(_inside_operator(e) for e in every)


def as_variance(expr):
    """Each one-argument application of V written as the undefined operator Var (read on as Var)."""
    from sympy import Function

    var = Function("Var")
    return expr.replace(lambda e: isinstance(e, AppliedUndef) and e.func.__name__ == LETTER and len(e.args) == 1,
                        lambda e: var(e.args[0]))
