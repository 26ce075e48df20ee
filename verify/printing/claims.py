"""Claims as statements and proof sketches, written from the claim's objects.

A claim's ``statement`` is the author's one-line summary, often in code
(``sqrt(1 + eta^2) > 1``); the solution sheet states the claim from its subject and value
instead, per kind (the encodings of ``verify.theories``), and sketches the argument
from the kind and the verdict's status (the export names the proof by the cited justification).
An unknown kind falls back to the author's statement, as words.
"""
from __future__ import annotations

from typing import Callable

from sympy import Eq, Ge, Gt, Le, Lt, Matrix, Pow, Symbol, Tuple, eye
from sympy.core.symbol import Str
from sympy.matrices import MatrixBase

from ..model import Claim
from ..verdict import Status, Verdict
from ..vocabulary import BigO, BigOmega, Theta
from .prose import Math, Prose, joined

Statement = Callable[[Claim], Prose]
_STATEMENTS: dict[str, Statement] = {}


def _states(kind: str) -> Callable[[Statement], Statement]:
    def register(write: Statement) -> Statement:
        _STATEMENTS[kind] = write
        return write
    return register


def _vector(values) -> Math:
    return Math(Tuple(*values)) if isinstance(values, (Tuple, tuple, list)) else Math(values)


def _map(subject) -> Prose:
    """A map: a matrix ``A`` (z ↦ A z) or a Tuple(exprs, vars)."""
    if isinstance(subject, MatrixBase):
        return ("the linear map ", Math(Symbol("z")), " ↦ ", Math(subject), Math(Symbol("z")))
    exprs, variables = subject
    return ("the map ", _vector(variables), " ↦ ", _vector(exprs))


def _primed(variable) -> Symbol:
    return Symbol(f"{variable}'")


@_states("gradient")
def _gradient(claim: Claim) -> Prose:
    f, variables = claim.subject
    return ("the gradient of ", Math(Eq(Symbol("f"), f, evaluate=False)), " with respect to ", _vector(variables),
            " is ", _vector(claim.value))


@_states("hessian")
def _hessian(claim: Claim) -> Prose:
    f, variables = claim.subject
    return ("the Hessian of ", Math(Eq(Symbol("f"), f, evaluate=False)), " is ", Math(claim.value))


@_states("eigenvalues")
def _eigenvalues(claim: Claim) -> Prose:
    return ("the eigenvalues of ", Math(claim.subject), " are ", *joined([(Math(v),) for v in claim.value]))


@_states("determinant")
def _determinant(claim: Claim) -> Prose:
    return ("the determinant of ", Math(claim.subject), " is ", Math(claim.value))


@_states("spectral_radius")
def _spectral_radius(claim: Claim) -> Prose:
    return ("the spectral radius of ", Math(claim.subject), " is ", Math(claim.value))


@_states("update_map")
def _update_map(claim: Claim) -> Prose:
    f, variables, signs, eta, rule = claim.subject
    name = rule.name if isinstance(rule, Str) else str(rule)
    if name == "flow":
        return ("under the gradient flow on ", Math(Eq(Symbol("f"), f, evaluate=False)), " the time derivatives of ",
                _vector(variables), " are ", _vector(claim.value))
    lead = (f"{name} gradient descent-ascent on ", Math(Eq(Symbol("f"), f, evaluate=False)), " with step size ",
            Math(eta), " updates ")
    pairs = [(Math(Eq(_primed(v), value, evaluate=False)),) for v, value in zip(variables, claim.value)]
    return (*lead, *joined(pairs, ", "))


@_states("jacobian")
def _jacobian(claim: Claim) -> Prose:
    return ("the Jacobian of ", *_map(claim.subject), " is ", Math(claim.value))


@_states("fixed_point")
def _fixed_point(claim: Claim) -> Prose:
    mapping, point = claim.subject
    return ("the point ", Math(point), " is a fixed point of ", *_map(mapping))


@_states("iterates")
def _iterates(claim: Claim) -> Prose:
    mapping, start, values = claim.subject[:3]
    given = joined([(Math(Eq(s, v, evaluate=False)),) for s, v in values])
    table = claim.value if isinstance(claim.value, MatrixBase) else Matrix([list(row) for row in claim.value])
    return ("with ", *given, ", the iterates of ", *_map(mapping), " from ", _vector(start),
            " are the rows of ", Math(table))


@_states("closed_form")
def _closed_form(claim: Claim) -> Prose:
    mapping, start, n = claim.subject
    if isinstance(start, MatrixBase) and isinstance(mapping, MatrixBase) and start == eye(start.rows):
        return ("for every ", Math(n), " ≥ 0, the power ", Math(Pow(Symbol("A"), n, evaluate=False)), " of ",
                Math(Eq(Symbol("A"), mapping, evaluate=False)), " is ", Math(claim.value))
    return ("for every ", Math(n), " ≥ 0, ", Math(n), " steps of ", *_map(mapping), " from ", _vector(start),
            " give ", _vector(claim.value))


@_states("inequality")
def _inequality(claim: Claim) -> Prose:
    ranges = [(Math(_range(s)),) for s in sorted(claim.subject.free_symbols, key=str) if _range(s) is not None]
    given = (" with ", *joined([(Math(a),) for a in claim.assumptions])) if claim.assumptions else ()
    return (("for every ", *joined(ranges), *given, ": ") if ranges or given else ()) + (Math(claim.subject),)


def _range(symbol):
    """What a symbol's assumptions say of its values, as a relation (``η > 0``), or None."""
    for test, relation in (("positive", Gt), ("nonnegative", Ge), ("negative", Lt), ("nonpositive", Le)):
        if getattr(symbol, f"is_{test}", False):
            return relation(symbol, 0, evaluate=False)
    return None


@_states("saddle")
def _saddle(claim: Claim) -> Prose:
    f, variables, point = claim.subject
    return (_vector(point), " is a saddle point of ", Math(Eq(Symbol("f"), f, evaluate=False)))


@_states("moments")
def _moments(claim: Claim) -> Prose:
    mean, variance = claim.value
    return (Math(claim.subject), " has mean ", Math(mean), " and variance ", Math(variance))


def _class(value, wrap) -> Math:
    return Math(value if isinstance(value, (BigO, BigOmega, Theta)) else wrap(value))


@_states("theta")
def _theta(claim: Claim) -> Prose:
    return (Math(claim.subject), " is in ", _class(claim.value, Theta))


@_states("big_o")
def _big_o(claim: Claim) -> Prose:
    return (Math(claim.subject), " is in ", _class(claim.value, BigO))


@_states("omega")
def _omega(claim: Claim) -> Prose:
    return (Math(claim.subject), " is in ", _class(claim.value, BigOmega))


@_states("same_class")
def _same_class(claim: Claim) -> Prose:
    return (Math(claim.subject), " and ", Math(claim.value), " grow alike: each is in the Θ-class of the other")


def _assuming(claim: Claim) -> Prose:
    if not claim.assumptions:
        return ()
    return (", assuming ", *joined([(Math(a),) for a in claim.assumptions]))


def _in_words(claim: Claim) -> Prose:
    """The author's statement, and what it is about when that is one formula."""
    if claim.subject is None or isinstance(claim.subject, Tuple):
        return (claim.statement,)
    return (claim.statement, ", about ", Math(claim.subject))


def claim_statement(claim: Claim) -> Prose:
    """The claim as a sentence with typeset formulas (capitalised, with a full stop)."""
    write = _STATEMENTS.get(claim.kind)
    try:
        body = write(claim) if write is not None else _in_words(claim)
    except (TypeError, ValueError, AttributeError):  # an encoding this writer does not know: the author's words
        body = _in_words(claim)
    assuming = _assuming(claim) if claim.kind != "inequality" else ()  # an inequality says it in its range
    return _capitalised((*body, *assuming, "."))


def _characteristic(matrix) -> Prose:
    """``det(λI − A) = …`` for a small square matrix (printed from the matrix, never from text)."""
    if not isinstance(matrix, MatrixBase) or not matrix.is_square or matrix.rows > 3:
        return ()
    lam = Symbol("lambda")
    polynomial = Matrix(matrix).charpoly(lam).as_expr()
    return ("its characteristic polynomial in ", Math(lam), " is ", Math(polynomial), "; ")


_SKETCHES: dict[str, str] = {
    "gradient": "differentiate f in each variable and compare entry by entry",
    "hessian": "differentiate twice and compare entry by entry",
    "eigenvalues": "the claimed values are the roots, with multiplicity, of the characteristic polynomial",
    "determinant": "expand the determinant exactly",
    "spectral_radius": "the largest modulus of the eigenvalues, computed exactly",
    "update_map": "one step of the rule, written out and compared entry by entry",
    "jacobian": "differentiate the map and compare entry by entry",
    "fixed_point": "the map sends the point to itself",
    "iterates": "iterate the map in exact arithmetic and compare with the table",
    "closed_form": "induction: the formula holds at 0 and one more step of the map gives the formula at the next step",
    "inequality": "both sides compared by signs: Sturm sequences count the sign changes of the difference on "
                  "the parameter's interval",
    "saddle": "the gradient vanishes and the Hessian's determinant is negative",
    "moments": "linearity of expectation over independent components with zero mean and unit variance",
    "theta": "monomial dominance: the highest-order monomials of both sides agree",
    "big_o": "monomial dominance: every highest-order monomial of the left side is dominated by the class",
    "omega": "monomial dominance: the class is dominated by a highest-order monomial of the left side",
    "same_class": "monomial dominance in both directions",
}


def _is_flow(claim: Claim) -> bool:
    try:
        rule = claim.subject[4]
    except (TypeError, IndexError):
        return False
    return (rule.name if isinstance(rule, Str) else str(rule)) == "flow"


_OUTCOMES = {Status.REFUTED: " This fails.", Status.UNKNOWN: " This could not be decided."}


def claim_sketch(claim: Claim, verdict: Verdict | None) -> Prose:
    """The argument behind the claim, as sentences: what was done and how far the check got (a proved
    claim's mark says the rest; the justification the author cited names the proof, in its heading)."""
    how: list = list(_characteristic(claim.subject)) if claim.kind == "eigenvalues" else []
    sketch = "the claimed values are its roots, with multiplicity" if how else _SKETCHES.get(claim.kind, "")
    if claim.kind == "update_map" and _is_flow(claim):
        sketch = "differentiate f and compare the vector field entry by entry"
    named, colon, rest = sketch.partition(": ")
    if colon and claim.justification and named.lower() == claim.justification.strip().lower():
        sketch = rest  # the proof is already named by the justification: "Proof sketch (monomial dominance)."
    if sketch:
        how.append(sketch)
    rules = [rule.name for rule in verdict.used] if verdict is not None else []
    tail = f"decided by {', '.join(rules)}" if not sketch and rules else ""
    body = _capitalised((*how, tail + ".")) if how or tail else ()
    if verdict is None:
        return (*body, " Not checked.") if body else ("Not checked.",)
    if verdict.status is Status.CONSISTENT:
        return (*body, f" Checked numerically only, on {verdict.samples} samples: not proved.")
    outcome = _OUTCOMES.get(verdict.status, "")
    return (*body, outcome) if body else (outcome.strip() or "Proved.",)


def _capitalised(body: Prose) -> Prose:
    first = body[0]
    return ((first[:1].upper() + first[1:],) + body[1:]) if isinstance(first, str) else body
