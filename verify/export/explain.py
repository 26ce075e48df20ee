"""Why a step does not hold, typeset: the argument, the residual and a counterexample with its sides named."""
from __future__ import annotations

from sympy import Add, Expr, Mul, S

from ..model import Relation
from ..printing import Math, counterexample_prose, verdict_argument
from ..verdict import Verdict
from .prose import prose_latex


def difference(lhs, rhs) -> Expr | None:
    """``left − right`` as written (unevaluated), when both sides are expressions."""
    try:
        return Add(lhs, Mul(S.NegativeOne, rhs, evaluate=False), evaluate=False)
    except (TypeError, ValueError):
        return None


def argument_latex(verdict: Verdict, relation: Relation = Relation.EQ) -> str:
    """The verdict's argument as a sentence (from its tier, status and rules; never its reason text)."""
    sentence = prose_latex(verdict_argument(verdict, relation))
    return sentence[:1].upper() + sentence[1:] + "."


def failure_lines(verdict: Verdict, lhs=None, rhs=None, relation: Relation = Relation.EQ,
                  residual: Expr | None = None, sides: tuple[str, str] = ("the line before", "this line"),
                  as_written: bool = False) -> list[str]:
    """The argument; the residual (canonical when known, else the plain difference); the counterexample
    (``as_written``: ``lhs`` and ``rhs`` are forms as written, shown in their author's order)."""
    lines = [argument_latex(verdict, relation)]
    if verdict.residual is not None or residual is not None:
        if residual is not None and residual != 0:
            lines.append(prose_latex(("The residual, left minus right in canonical form, is ", Math(residual), ".")))
        elif residual is None and lhs is not None and rhs is not None:
            shown = difference(lhs, rhs)
            if shown is not None:
                lines.append(prose_latex(("The residual, left minus right, is ", Math(shown, True), ".")))  # in that order
    if verdict.counterexample is not None:
        sentence = prose_latex(counterexample_prose(verdict.counterexample, lhs, rhs, *sides, as_written=as_written))
        lines.append("A counterexample: " + sentence + ".")
    return lines
