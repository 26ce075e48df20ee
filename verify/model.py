"""The model: a derivation is a context, chains of steps, and claims.

A *step* says ``previous RELATION expr``; the first expression of a chain is its
start and is not itself checked. A *claim* states a property that is not a
rewrite (eigenvalues, a bound for all parameters, a Theta-class) and is checked
by the claim handler registered for its ``kind``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any, Callable, Iterable, Iterator

from sympy import Basic, Expr, IndexedBase, Symbol

from .display import latex_of


class Relation(str, Enum):
    """How a step relates to the expression before it; the one table of relations.

    The value is the ASCII text (what reports and JSON print); the member's name is the
    grammar's token; ``latex``, ``sympy`` and ``direction`` are derived here so that the
    reader, the grader and the exporters never keep tables of their own.
    """

    EQ = "="
    LE = "<="
    GE = ">="
    LT = "<"
    GT = ">"
    APPROX = "~="

    @property
    def token(self) -> str:
        """The grammar's token for the relation (``math.lark``)."""
        return self.name

    @property
    def latex(self) -> str:
        return _RELATION_LATEX[self]

    @property
    def direction(self) -> int:
        """+1 for >= and >, -1 for <= and <, 0 for = and ~= (what a chain of them establishes)."""
        return {Relation.GE: 1, Relation.GT: 1, Relation.LE: -1, Relation.LT: -1}.get(self, 0)

    @property
    def strict(self) -> bool:
        return self in (Relation.LT, Relation.GT)

    @property
    def sympy(self) -> type:
        """SymPy's relational class (Eq, Le, Ge, Lt, Gt); ~= has none and raises."""
        import sympy

        classes = {Relation.EQ: sympy.Eq, Relation.LE: sympy.Le, Relation.GE: sympy.Ge,
                   Relation.LT: sympy.Lt, Relation.GT: sympy.Gt}
        if self not in classes:
            raise ValueError(f"{self.value!r} has no SymPy relational")
        return classes[self]

    @staticmethod
    def compose(relations: "Iterable[Relation]") -> "Relation | None":
        """What a chain of these links establishes between its first and last expression.

        ``a < b <= c = d`` gives ``<``: one strict link makes the whole strict; links that point
        both ways (``a < b > c``) relate nothing, nor does ``~=`` exactly; no link at all is ``=``.
        """
        relations = list(relations)
        if Relation.APPROX in relations:
            return None
        directions = {r.direction for r in relations} - {0}
        if len(directions) > 1:
            return None
        if not directions:
            return Relation.EQ
        strict = any(r.strict for r in relations)
        if directions == {1}:
            return Relation.GT if strict else Relation.GE
        return Relation.LT if strict else Relation.LE

    @classmethod
    def of_text(cls, text: str) -> "Relation | None":
        """The relation written as ``text`` (its ASCII value), or None."""
        try:
            return cls(text)
        except ValueError:
            return None


_RELATION_LATEX = {Relation.EQ: "=", Relation.LE: r"\le", Relation.GE: r"\ge", Relation.LT: "<",
                   Relation.GT: ">", Relation.APPROX: r"\approx"}

# Relations a written statement may hold but a checked step never does: text -> (token, LaTeX).
STATEMENT_ONLY_RELATIONS = {"!=": ("NE", r"\ne"), ":=": ("DEFEQ", r"\coloneqq"), "~": ("SIM", r"\sim")}


# Every relation a statement may hold, by the grammar's token: token -> text.
STATEMENT_RELATIONS: dict[str, str] = {**{r.token: r.value for r in Relation},
                                       **{token: text for text, (token, _) in STATEMENT_ONLY_RELATIONS.items()}}


def relation_latex(text: str) -> str | None:
    """The LaTeX of any relation as a statement writes it (``<=``, ``:=``, ...), or None."""
    relation = Relation.of_text(text)
    if relation is not None:
        return relation.latex
    only = STATEMENT_ONLY_RELATIONS.get(text)
    return only[1] if only else None


@dataclass(frozen=True)
class Fact:
    """A known identity ``lhs = rhs`` of the context, used as a rewrite from left to right."""

    name: str
    lhs: Expr
    rhs: Expr


@dataclass(frozen=True)
class Reading:
    """A standard reading of what the document leaves open: a name (``i`` the imaginary unit) or a
    premise the reader could not settle (``N(mu, s)`` with ``s^2`` also written: ``s`` a variance or a
    standard deviation). ``substitution`` puts it in place; its first pair is what the reading is
    about (a step not holding it is untouched by it). A reading can stop a refutation, never prove."""

    says: str
    substitution: tuple[tuple[Expr, Expr], ...]


@dataclass(frozen=True)
class UnreadPremise:
    """A formula the document states as a premise that the reader could not read (``source``, at
    ``line``:``column``). What it assumes is unknown, so no refutation may rest on a value of a name it
    ``mentions``: the counterexample could be one the premise excludes."""

    mentions: frozenset[str]
    source: str
    line: int
    column: int
    why: str = "could not be read"  # or: stated among the premises as a consequence, and not used
    absorbed_by: frozenset[str] = frozenset()  # names any one of which, left free, can satisfy it whatever
    # the others are (an equation of odd degree in it, with a numeric leading coefficient)


class Family(str, Enum):
    """The shape of a declared law. Each named family is a location-scale family of a symmetric
    standard law (mean 0, variance 1), so mean and variance fix the law; ``UNSPECIFIED``
    knows only the moments the document states."""

    NORMAL = "normal"
    RADEMACHER = "Rademacher"
    UNIFORM = "uniform"
    UNSPECIFIED = "unspecified"


@dataclass(frozen=True)
class Law:
    """What is known of one random variable's distribution: family, mean, variance (None: not stated)."""

    family: Family = Family.UNSPECIFIED
    mean: Expr | None = None
    variance: Expr | None = None


@dataclass(frozen=True)
class RandomVariable:
    """A declared random variable: a scalar (``name`` a Symbol) or a family of components
    ``name[i]`` (``name`` an IndexedBase), each component with ``law``.

    ``iid``: the components are mutually independent (so, sharing ``law``, i.i.d.).
    ``length``: the components run over 1..length (a vector; ``q^T k`` sums over them).
    """

    name: Symbol | IndexedBase
    law: Law = Law()
    iid: bool = False
    length: Expr | None = None

    @property
    def key(self) -> str:
        """The name a variable is known by: a reader's symbols may carry other assumptions."""
        return str(self.name.label) if isinstance(self.name, IndexedBase) else self.name.name

    @property
    def is_family(self) -> bool:
        return isinstance(self.name, IndexedBase)


@dataclass(frozen=True)
class Independence:
    """The members (declared variables, by Symbol or IndexedBase) are mutually independent."""

    members: tuple[Symbol | IndexedBase, ...]

    @property
    def keys(self) -> frozenset[str]:
        return frozenset(str(m.label) if isinstance(m, IndexedBase) else m.name for m in self.members)


@dataclass(frozen=True)
class Context:
    """What a derivation may assume.

    ``symbols`` carry their SymPy assumptions (positive, real, integer);
    ``integration_variables`` are the variables integrated out (the latent z);
    ``theories`` name the canonicalisers and instantiators that apply, cheapest first;
    ``relations`` are the relations the document states between quantities (``n < d``,
    ``r <= n`` as SymPy relationals): premises a decider may use, never steps to check;
    ``random_variables`` and ``independence`` are the declared random variables and the
    independence statements among them (the moments theory reads them); ``readings`` are what a
    premise the reader could not settle may mean (``Reading``); ``unread`` the premises it could not
    read at all (``UnreadPremise``); ``constants`` the names the prose calls constants ("$k$ is a small
    constant").
    """

    symbols: tuple[Symbol, ...] = ()
    facts: tuple[Fact, ...] = ()
    theories: tuple[str, ...] = ("algebra",)
    integration_variables: tuple[Symbol, ...] = ()
    notes: tuple[str, ...] = ()
    relations: tuple[Expr, ...] = ()
    random_variables: tuple[RandomVariable, ...] = ()
    independence: tuple[Independence, ...] = ()
    readings: tuple[Reading, ...] = ()
    unread: tuple[UnreadPremise, ...] = ()
    constants: tuple[Symbol, ...] = ()  # names the prose calls constants: in O, Theta and Omega no size grows in them


_ATOM, _BUILT, _RAW = 0, 1, 2


def portable(expr: Expr | None):
    """A form as written, for pickling: SymPy rebuilds a pickled expression with evaluation on, so
    ``x q/q`` would come back as ``x``. Each node is marked as evaluated (rebuilt the usual way) or
    unevaluated (rebuilt as it is), with ``srepr`` to confirm what came back."""
    if expr is None:
        return None
    from sympy import srepr

    return (_encoded(expr), srepr(expr))


def _encoded(node):
    if not isinstance(node, Basic) or not node.args:
        return (_ATOM, node)
    try:
        kept = node.func(*node.args) == node
    except Exception:  # noqa: BLE001 -- a node that does not rebuild: kept as it is
        kept = False
    return (_BUILT if kept else _RAW, node.func, tuple(_encoded(a) for a in node.args))


def restored(data) -> Expr | None:
    """The form ``portable`` made, as it was; None when it does not come back exactly."""
    if data is None:
        return None
    from sympy import srepr

    try:
        expr = _decoded(data[0])
        return expr if srepr(expr) == data[1] else None
    except Exception:  # noqa: BLE001 -- (RecursionError, a class that does not rebuild): not known
        return None


def _decoded(data):
    if data[0] == _ATOM:
        return data[1]
    kind, func, args = data
    args = tuple(_decoded(a) for a in args)
    if kind == _BUILT:
        return func(*args)
    from sympy.core.logic import fuzzy_and
    from sympy.core.operations import AssocOp

    if isinstance(func, type) and issubclass(func, AssocOp):
        return func._from_args(args)
    node = Basic.__new__(func, *args)
    try:
        node.is_commutative
    except AttributeError:  # set by the class's constructor, which evaluates: set here as it does
        node.is_commutative = fuzzy_and(a.is_commutative for a in args)
    return node


class KeepsWritten:
    """Pickles its ``written`` field (a form as written, or a tuple of them) with ``portable``,
    so that it survives the trip to and from a worker process."""

    def __getstate__(self) -> dict:
        state = dict(self.__dict__)
        value = state["written"]
        state["written"] = ("several", tuple(portable(e) for e in value)) if isinstance(value, tuple) \
            else ("one", portable(value))
        return state

    def __setstate__(self, state: dict) -> None:
        state = dict(state)
        kind, value = state["written"]
        state["written"] = tuple(restored(e) for e in value) if kind == "several" else restored(value)
        self.__dict__.update(state)


@dataclass(frozen=True)
class Step(KeepsWritten):
    """``previous relation expr``, justified by a named rule (or by nothing)."""

    expr: Expr
    relation: Relation = Relation.EQ
    justification: str | None = None
    source: str | None = None  # the text the step was read from, when parsed
    written: Expr | None = None  # ``expr`` as written, unevaluated (``x q/q``, not ``x``), when read from text
    decimals: tuple = ()  # the numbers its right side writes in decimals, each (value, unit of its last place)


@dataclass(frozen=True)
class Chain(KeepsWritten):
    """A start expression and the steps that rewrite it (``written``: the start as written, when known)."""

    start: Expr
    steps: tuple[Step, ...]
    title: str = ""
    source: str | None = None
    written: Expr | None = None

    def links(self) -> Iterator[tuple[Expr, Step]]:
        """Each step with the expression it rewrites: ``(previous, step)``, in order."""
        previous = self.start
        for step in self.steps:
            yield previous, step
            previous = step.expr

    def written_links(self) -> Iterator[tuple[Expr | None, Step]]:
        """Each step with the expression before it as written (None where not known), in order."""
        previous = self.written
        for step in self.steps:
            yield previous, step
            previous = step.written

    @property
    def end(self) -> Expr:
        return self.steps[-1].expr if self.steps else self.start


@dataclass(frozen=True)
class Claim:
    """A property checked by the handler registered for ``kind``.

    ``subject`` and ``value`` are SymPy objects whose meaning the handler defines,
    e.g. kind ``eigenvalues``: subject a Matrix, value a tuple of expected eigenvalues.
    """

    statement: str
    kind: str
    subject: Basic
    value: Any = None
    justification: str | None = None
    assumptions: tuple[Expr, ...] = ()


@dataclass(frozen=True)
class TwinCheck:
    """A cross-check of symbolic results against a numpy implementation (numeric: never ``proved``).

    ``run(config)`` returns a Verdict: ``consistent`` with the sample count, or ``refuted``.
    """

    statement: str
    run: Callable[[Any], Any]


@dataclass(frozen=True)
class Derivation:
    """A named, titled unit of mathematics: context, chains and claims."""

    name: str
    title: str
    context: Context
    chains: tuple[Chain, ...] = ()
    claims: tuple[Claim, ...] = ()
    conventions: tuple[str, ...] = field(default=())
    twins: tuple[TwinCheck, ...] = ()

    @property
    def size(self) -> int:
        return sum(len(c.steps) for c in self.chains) + len(self.claims)

    def _repr_latex_(self) -> str | None:
        """Jupyter shows the chains as typeset math (the formatter ``verify.export`` registers)."""
        return latex_of(self)
