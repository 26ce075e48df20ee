"""Read a whole document: its formulas, its derivation chains, and the context they imply.

A chain is a run of display formulas in which each new block continues the one
before by starting with a relation (``= ...``). A block that restates the chain's
first expression (``L(q) = ...`` again) opens a new chain at the same start, so each
restated step is checked as written (``x <= x + 1`` then ``x = x + 1`` checks
``x = x + 1``, not ``x + 1 = x + 1``). Any other block starts a new chain; so does
a long stretch of prose. A chain that starts with a bare name or an undefined
function (``L(q) = \\int ...``) *defines* it: the chain starts at the definition's
right side, unless the name occurs on that side too (``x = x + 1`` is an equation). Prose just before a step that names a known rule
(``Applying Bayes's theorem``) becomes that step's justification.
Per-formula parse errors are kept in ``Document.errors``, never raised.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

import sympy
from sympy import Expr, Indexed, MatrixSymbol, Symbol
from sympy.core.function import AppliedUndef

from ..errors import LimitExceeded, ParseError
from ..model import Chain, Claim, Context, Derivation, Fact, Relation, Step
from ..vocabulary import KL, Density, Normal
from .context import assumed_note, infer_context, integrated_variables, loose_names, rewrite, symbol_map
from .diagnostics import line_column
from . import index_instances
from .expressions import parse, parse_latex_expr
from . import (abbreviations, bounds, deltas, dependence, directions, implications, kinds, named_laws, objects,
               premises, unnamed_averages, written)
from .defined_words import defined_words, note as words_note
from .kinds import Kinds
from .transform import AT_POINT
from .latex_lexer import lex_latex
from .limits import DEFAULT_LIMITS, Limits
from .macro_definitions import Definitions, Expanded, as_written, blank_definitions, expand, find_definitions
from .macro_meanings import known_macro, named_in_prose
from .markdown import Gap, Piece, blank_struck, segments
from .name_lists import each_bounded
from .radius_words import radius_bounds
from .randomness import NEVER_DEFINED, with_randomness, writes_averages
from .randomness.rewriting import rewrite_chain
from .reading import Reading, read_names
from .roles import Introduced, Role, in_premise_list, introduced, prose_only, within_premise
from .tokens import CLOSERS, OPENERS
from .transform import Statement
from .named_spectra import named_spectra
from .unread import case_conditions, set_aside, unread_premises, unused_equations
from ..theories.linalg.ranges import unstated_size
from .lexicon import RELATION_TOKENS

MAX_GAP_CHARS = 240
CHAIN_RELATIONS = {relation.value: relation for relation in Relation}  # text -> relation


@dataclass(frozen=True)
class Formula:
    """One formula of the document, parsed (``statement``) or not (``error``)."""

    text: str
    line: int
    column: int
    display: bool
    statement: Statement | None = None
    error: ParseError | None = None
    implication: tuple | None = None  # (premise, conclusion, both) of ``a \\Rightarrow b`` / ``a \\iff b``


@dataclass(frozen=True)
class Document:
    filename: str | None
    chains: tuple[Chain, ...]
    context: Context
    formulas: tuple[Formula, ...] = ()
    definitions: tuple[tuple[Expr, Expr], ...] = ()
    definition_sources: tuple[str, ...] = ()  # the text each definition was read from
    skipped: tuple[tuple[str, str], ...] = ()  # (formula, why) read but part of no chain
    starts: tuple[str, ...] = ()  # each chain's start as written
    step_positions: tuple[tuple[tuple[int, int], ...], ...] = ()  # (line, column) of each chain's steps' formula
    claims: tuple[Claim, ...] = ()  # the displays relating two relations (``implications``)

    @property
    def errors(self) -> tuple[ParseError, ...]:
        return tuple(f.error for f in self.formulas if f.error is not None)

    def derivation(self, name: str | None = None) -> Derivation:
        """The chains as a Derivation the engine checks."""
        label = name or self.filename or "document"
        return Derivation(label, f"derivations read from {label}", self.context, self.chains, self.claims)


@dataclass
class _Builder:
    """Accumulates chains while walking the display formulas in order."""

    chains: list[Chain] = field(default_factory=list)
    definitions: list[tuple[Expr, Expr]] = field(default_factory=list)
    definition_sources: list[str] = field(default_factory=list)
    identities: list[tuple[Expr, Expr, str]] = field(default_factory=list)  # stated results, relations: lhs, rhs, source
    applications: dict = field(default_factory=dict)  # premise f(x) = value: f(x) -> value (a fact, not a definition)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    averages: bool = False  # the document's E is an expectation (``writes_averages``): E(X) = ... is a claim
    unused: list = field(default_factory=list)  # premise equations no reader uses (``_premise_equation``)
    spectra: dict = field(default_factory=dict)  # names the prose gives a matrix's eigenvalues (``named_spectra``)
    starts: list[str] = field(default_factory=list)
    start_text: str = ""
    start: Expr | None = None
    first: Expr | None = None  # the expression the chain was opened with (restating it reopens the chain)
    steps: list[Step] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    justification: str | None = None
    local: tuple | None = None  # (name, value, source) of a value given to a fresh name in this chain
    after_unreadable: bool = False  # the block before could not be read: a continuation resumes the chain
    where: tuple[int, int] = (1, 1)  # line and column of the formula being added
    positions: list[tuple[int, int]] = field(default_factory=list)  # of each step of the open chain
    chain_positions: list[tuple[tuple[int, int], ...]] = field(default_factory=list)

    def _step(self, step: Step) -> None:
        self.steps.append(step)
        self.positions.append(self.where)

    def close(self) -> None:
        if self.local is not None and not self.steps:  # ``x = 1`` and nothing computed on: an equation
            name, value, source, where = self.local
            self.definition_sources.remove(source)
            self.start, self.steps = name, [Step(value, CHAIN_RELATIONS["="], None, source)]
            self.positions = [where]
            self.start_text = written_pieces(source)[0]
        self.local = None
        if self.start is not None and not self.steps and self.sources and not self._was_definition():
            self.skipped.append((self.sources[0], "no relation: nothing to check"))
        if self.start is not None and self.steps:
            self.starts.append(self.start_text)
            self.chain_positions.append(tuple(self.positions))
            self.chains.append(Chain(self.start, tuple(self.steps), f"chain {len(self.chains) + 1}",
                                     "\n".join(self.sources)))
        self.start, self.first, self.steps, self.sources, self.positions = None, None, [], [], []

    def add(self, statement: Statement, source: str) -> None:
        if any(r not in CHAIN_RELATIONS for r in statement.relations + ((statement.lead,) if statement.lead else ())):
            self._definition(statement, source)
            return
        pairs = list(zip(statement.relations, statement.exprs[1:]))
        if statement.lead is not None:
            if self.start is None and self.after_unreadable:
                self._resume(statement, source, pairs)
                return
            if self.start is None:
                self.skipped.append((source, "it starts with a relation but continues no chain"))
                return
            pairs = [(statement.lead, statement.exprs[0])] + pairs
        elif self.first is not None and statement.exprs[0] == self.first and pairs:
            self._reopen()  # restates the chain's left side: a new chain from the same start
        else:
            self.close()
            self.start = self.first = statement.exprs[0]
            pieces = written_pieces(source)
            pairs = self._defined(pairs, source)
            self.start_text = pieces[min(len(pieces) - 1, len(statement.exprs) - 1 - len(pairs))] or source
        self.sources.append(source)
        self._steps(pairs, source)

    def _steps(self, pairs: list, source: str) -> None:
        """One step per (relation, expression) of a formula; the last ``len(pairs)`` pieces as written are theirs."""
        pieces = written_pieces(source)
        written = pieces[-len(pairs):] if len(pieces) >= len(pairs) else [None] * len(pairs)
        for (relation, expr), text in zip(pairs, written):
            self._step(Step(expr, CHAIN_RELATIONS[relation], self.justification, source,
                            decimals=written_decimals(text)))
            self.justification = None

    def _resume(self, statement: Statement, source: str, pairs: list) -> None:
        """``= c`` after a block that could not be read: its own step (from the unreadable side) is lost,
        and the chain resumes at c, so every later step is still checked as written."""
        self.skipped.append((source, "the formula before it could not be read: the chain resumes from its right side"))
        self.start = self.first = statement.exprs[0]
        self.start_text = written_pieces(source)[1 if len(written_pieces(source)) > 1 else 0]
        self.sources.append(source)
        self._steps(pairs, source)

    def _was_definition(self) -> bool:
        return bool(self.definition_sources) and self.definition_sources[-1] == self.sources[0]

    def _reopen(self) -> None:
        """``first rel expr`` again: the earlier steps may not all be ``=``, so the new steps are
        checked from the chain's start (the definition's right side), never from the last step."""
        first, start, text = self.first, self.start, self.start_text
        self.close()
        self.first, self.start, self.start_text = first, start, text

    def _defined(self, pairs: list, source: str) -> list:
        """``L(q) = rhs ...``: a definition of L(q); the chain starts at rhs; ``(x_{t+1}, y_{t+1}) = (a, b)``
        defines each name by its component (``_defined_componentwise``). A name defined
        before is not defined again: ``y = ...`` then checks a step from y. A value solved for
        (``x = 1``: no free symbols on the right) or a name already used in an earlier chain is
        an equation to check, never a definition; a fresh name given a value and then computed
        on (``p_1 = 1 - 1 \\cdot 1 = 0``) starts its chain at the value, but is no fact."""
        if pairs and pairs[0][0] == "=" and self._defined_componentwise(pairs[0][1], source):
            self.start = pairs[0][1]
            return pairs[1:]
        if not (pairs and pairs[0][0] == "=" and _is_definable(self.start) and not self._an_average(self.start)
                and self.start not in self.spectra
                and not _mentions(pairs[0][1], self.start)
                and not self._used(self.start)
                and _family(self.start) not in {_family(lhs) for lhs, _ in self.definitions}
                and not _permuted_member(self.start, pairs[0][1]) and not self._determined(self.start)
                and self.start not in self.applications):
            return pairs
        if pairs[0][1].free_symbols:
            self.definitions.append((self.start, pairs[0][1]))
            self.definition_sources.append(source)
        elif isinstance(self.start, Symbol):
            # ``p_1 = 1 - 1 \cdot 1``, ``= 0``: a fresh name given a value is computed on in this
            # chain; the value becomes no fact, so it can prove nothing elsewhere (``x = 1``)
            self.definition_sources.append(source)
            self.local = (self.start, pairs[0][1], source, self.where)
        else:
            return pairs
        self.start = pairs[0][1]
        return pairs[1:]

    def _defined_componentwise(self, value: Expr, source: str) -> bool:
        """``(x_{t+1}, y_{t+1}) = (x_t - \\eta y_t, y_t + \\eta x_t)``: a tuple of distinct fresh names given a
        tuple of values defines each name by its component, as one name given a value is defined; a
        component that mentions any of the names (an equation) defines nothing."""
        start = self.start
        if not (isinstance(start, sympy.MatrixBase) and isinstance(value, sympy.MatrixBase)
                and start.shape == value.shape and 1 in start.shape and len(start) > 1):
            return False
        names = list(start)
        defined = {_family(lhs) for lhs, _ in self.definitions}
        if len(set(names)) != len(names) or not all(
                isinstance(n, (Symbol, Indexed)) and _is_definable(n) and not self._used(n) and _family(n) not in defined
                for n in names) or any(_mentions(v, n) for v in value for n in names):
            return False
        for name, component in zip(names, value):
            self.definitions.append((name, component))
        self.definition_sources.append(source)
        return True

    def _an_average(self, name: Expr) -> bool:
        """``E(X)``, ``E_x(f)`` in a document whose E averages: a claim about an expectation."""
        return self.averages and isinstance(name, AppliedUndef) and (
            name.func.__name__ == "E" or name.func.__name__.startswith("E_"))

    def _determined(self, name: Expr) -> bool:
        """``\\rho(J)`` after ``J`` was defined: a function at defined names already has a value, so
        giving it one is a claim to check, never a definition."""
        defined = {lhs for lhs, _ in self.definitions}
        return isinstance(name, AppliedUndef) and any(a in defined for a in name.args)

    def _used(self, name: Expr) -> bool:
        """Whether ``name`` (or its function) already occurs in a chain of the document."""
        exprs = [e for c in self.chains for e in (c.start, *(s.expr for s in c.steps))]
        if isinstance(name, AppliedUndef):
            return any(a.func == name.func for e in exprs for a in e.atoms(AppliedUndef))
        return any(e.has(name) for e in exprs)

    def _definition(self, statement: Statement, source: str) -> None:
        self.close()
        if {">>", "<<"} & set(statement.relations + ((statement.lead,) if statement.lead else ())):
            self.skipped.append((source, "much greater or less than (\\gg, \\ll) is no relation a step is checked by"))
            return
        if statement.relations[:1] == (":=",) and statement.lead is None:
            self.definitions.append((statement.exprs[0], statement.exprs[1]))
            self.definition_sources.append(source)


ROUNDED_DIGITS = 3  # a decimal read as rounded shows at least this many significant digits (0.347, 4.67)
_DECIMAL = re.compile(r"(?<![\w.])(\d*)\.(\d+)(?![\w.])")


def written_decimals(text: str | None) -> tuple:
    """``-0.3466 + 1.5`` -> ((1733/5000, 1/10000, False), (3/2, 1/10, True)): the numbers a side writes in
    decimals, each with the unit of its last place and whether it is short (fewer than three significant
    digits, as likely exact as rounded): worked solutions put rounded values in (``\\sqrt{1 + 0.1716}``)."""
    found = []
    for match in _DECIMAL.finditer(text or ""):
        short = len((match.group(1) + match.group(2)).strip("0")) < ROUNDED_DIGITS  # 0.5, 2.0: maybe exact
        unit = sympy.Rational(1, 10 ** len(match.group(2)))
        value = int(match.group(1) or "0") * 10 ** len(match.group(2)) * unit + int(match.group(2)) * unit
        found.append((value, unit, short))
    return tuple(dict.fromkeys(found))


def written_pieces(source: str) -> list[str]:
    """``a = b \\le c`` -> ["a", "b", "c"]: the expressions as written, split at the relations
    outside brackets; the whole text when it cannot be split."""
    try:
        tokens = lex_latex(source, DEFAULT_LIMITS)
    except ParseError:
        try:  # a document's own macros, as written (\\expect[x]): blanked, the relations still show
            tokens = lex_latex(re.sub(r"\\[A-Za-z]+", lambda m: m.group() if known_macro(m.group()[1:])
                                      else " " * len(m.group()), source), DEFAULT_LIMITS)
        except ParseError:
            return [source.strip()]
    cuts, depth = [], 0
    for token in tokens:
        depth += token.type in OPENERS
        depth -= token.type in CLOSERS
        if depth == 0 and token.type in RELATION_TOKENS:
            cuts.append((token.start_pos, token.start_pos + len(token.value)))
    ends = [0] + [end for _, end in cuts]
    starts = [start for start, _ in cuts] + [len(source)]
    return [source[a:b].strip() for a, b in zip(ends, starts)]


def _is_definable(expr: Expr) -> bool:
    """A plain name, or a function at distinct plain symbols (``f(x)``, not ``f(2)``); never a
    derivative's name (``f'``) or a gradient (``nabla_x``), nor a variance or covariance
    (``Var(X)``): those are claims to check."""
    if isinstance(expr, AppliedUndef):
        args = expr.args
        return (all(isinstance(a, Symbol) for a in args) and len(set(args)) == len(args)
                and "'" not in expr.func.__name__ and not expr.func.__name__.startswith("nabla")
                and expr.func.__name__ not in NEVER_DEFINED and not _averaged_under_a_density(expr.func.__name__))
    return isinstance(expr, (Symbol, Indexed, MatrixSymbol))  # ``Q = X W^Q`` defines the matrix Q


def _averaged_under_a_density(name: str) -> bool:
    """``E_q``, ``E_{p_\theta}``: an expectation under a density's name heads a claim, as ``Var`` does."""
    return name.startswith("E_") and objects.is_density_name(name[2:])


def _subscript_letters(name: Expr) -> str:
    text = str(name)
    return "".join(sorted(text.split("_", 1)[1].strip("{}").split())) if "_" in text else ""


def _permuted_member(name: Expr, value: Expr) -> bool:
    """``alpha_{ij} = alpha_{ji}`` states a symmetry, not a definition: the right side holds a
    member of the same family whose subscript has the same letters in another order."""
    letters = _subscript_letters(name)
    return bool(letters) and any(
        _family(s) == _family(name) and s != name and _subscript_letters(s) == letters
        for s in value.free_symbols)


def _family(name: Expr) -> str:
    """``p_{t+1}`` and ``p_{t+2}`` are one family ``p``; ``sigma(z)`` and ``sigma(0)`` one ``sigma``."""
    if isinstance(name, Indexed):
        return str(name.base.label)
    if isinstance(name, AppliedUndef):
        return name.func.__name__
    return str(name).split("_", 1)[0].lstrip("\\")  # ``\\Sigma_{i i}`` and ``Sigma_12`` are one family


def facts(definitions, exprs) -> tuple[Fact, ...]:
    """Definitions of a name (``y = x^2 + 1``, ``p_{t+1} = p_t - \\eta q_t``) are facts the checker
    substitutes; a function's definition (``L(q) = ...``) only starts its chain. A name that is also
    a variable somewhere (integrated, summed, a density's argument: ``z`` of an attention section
    and ``z`` of an ELBO) is a different thing there, so its definition is no fact."""
    bound = variables(exprs)
    kinded = [(lhs, _of_its_kind(lhs, rhs)) for lhs, rhs in definitions]
    return tuple(Fact(_fact_name(lhs), lhs, rhs) for lhs, rhs in kinded
                 if rhs is not None
                 and (isinstance(lhs, (Symbol, Indexed, MatrixSymbol, sympy.Sum, Density)) or _is_time_derivative(lhs)
                      or _dot_written_out(lhs, rhs))
                 and not rhs.has(lhs) and lhs not in bound)


def _of_its_kind(lhs: Expr, rhs: Expr) -> Expr | None:
    """The value a definition gives, of the kind of its name: ``\\mu = 0`` of a vector is the zero vector;
    a matrix given another number is no fact (None). (A matrix's shape by the naming convention yields
    to the shape of its definition, ``Q = X W^Q``.)"""
    if not isinstance(lhs, MatrixSymbol):
        return rhs
    if rhs == 0:
        return sympy.ZeroMatrix(*lhs.shape)
    if getattr(rhs, "is_Matrix", False) and rhs.shape != lhs.shape and rhs.T.shape == lhs.shape and 1 in rhs.shape:
        return rhs.T  # ``\sigma_r = (a, b)`` read as the row it is before a matrix (``matrices.defined_as_matrices``)
    return rhs if getattr(rhs, "is_Matrix", False) else None


def functions_defined(definitions) -> dict:
    """function -> (its variables, its value), for the definitions of a function at distinct variables
    (``f(x) = x^2 + 1``, ``\\sigma(z) = 1/(1 + e^{-z})``) whose value does not mention it."""
    found = {}
    for lhs, rhs in definitions:
        if isinstance(lhs, AppliedUndef) and _is_definable(lhs) and not _mentions(rhs, lhs) and lhs.func not in found:
            found[lhs.func] = (lhs.args, rhs)
    return found


def unfold(expr: Expr, defined: dict) -> Expr:
    """``f(3)`` -> ``3^2 + 1`` for a defined ``f``: a definition used, never checked (issue 9 §3). Only an
    application with as many arguments as the definition has variables is unfolded."""
    if not defined or not expr.atoms(AppliedUndef):
        return expr
    return expr.replace(lambda e: isinstance(e, AppliedUndef) and e.func in defined
                        and len(e.args) == len(defined[e.func][0]),
                        lambda e: defined[e.func][1].xreplace(dict(zip(defined[e.func][0], e.args))))


def _fact_name(lhs: Expr) -> str:
    if _is_time_derivative(lhs):
        return f"the stated dynamics of {lhs.expr.func.__name__}"
    return f"definition of {lhs}"


def _is_time_derivative(expr: Expr) -> bool:
    """``\\dot p`` of a name that moves (``d p(t)/dt``): stated dynamics are facts, like definitions."""
    return isinstance(expr, sympy.Derivative) and isinstance(expr.expr, AppliedUndef)


def variables(exprs) -> set:
    """Symbols used as variables: integrated, averaged over, summed over, or a density's argument."""
    found = set(integrated_variables(exprs))
    for expr in exprs:
        for node in sympy.preorder_traversal(expr):
            if isinstance(node, (sympy.Sum, sympy.Product)):
                found.update(limit[0] for limit in node.limits)
            elif isinstance(node, Density):
                found.update((*node.variables, *node.given))
    return found


def _mentions(rhs: Expr, name: Expr) -> bool:
    """``x = x + 1``, ``f(x) = f(2x)``: the name on its own right side makes an equation to check."""
    if isinstance(name, AppliedUndef):
        return any(a.func == name.func for a in rhs.atoms(AppliedUndef))
    return rhs.has(name)


def _rule_named(prose: str) -> str | None:
    """A known rule named in the prose just before a step, e.g. "Applying Bayes's theorem"."""
    from ..rules import normalise_rule_name, rule_keys

    words = f" {normalise_rule_name(prose.replace('theorem', 'rule'))} "
    keys = dict(rule_keys())
    found = [key for key in keys if f" {key} " in words]
    return keys[max(found, key=len)].name if found else None


def _parse_piece(text: str, piece: Piece, limits: Limits, known: Kinds | None = None,
                 written: tuple[Expanded, str] | ParseError | None = None) -> Formula:
    """``written``: the formula as the document wrote it when its macros were expanded (or why they
    could not be), so that an error points at the text as written."""
    line, column = line_column(text, piece.offset)
    if isinstance(written, ParseError):
        return Formula(piece.text, line, column, piece.display, error=written)
    try:
        arrow = implications.arrow(piece.text) if piece.display and piece.notation == "latex" else None
        if arrow is not None:
            return _implication(text, piece, limits, known, arrow, (line, column))
        statement = parse(piece.text, piece.notation, limits, origin=(line, column), kinds=known)
        return Formula(piece.text, line, column, piece.display, statement)
    except ParseError as error:
        if written is not None:
            error = as_written(error, written[0], written[1], (line, column))
        return Formula(piece.text, line, column, piece.display, error=error)


def _implication(text: str, piece: Piece, limits: Limits, known: Kinds | None, arrow, origin) -> Formula:
    """``a \\Rightarrow b`` / ``a \\iff b``: each side read as one relation (``implications``)."""
    right_origin = line_column(text, piece.offset + arrow.right_at)
    sides = [implications.relation(parse(side, piece.notation, limits, origin=at, kinds=known), piece.text, where)
             for side, at, where in ((arrow.left, origin, 0), (arrow.right, right_origin, arrow.right_at))]
    return Formula(piece.text, *origin, piece.display, implication=(sides[0], sides[1], arrow.both))


def _claims(document: Document, premised: set = frozenset()) -> tuple[Claim, ...]:
    """The implication displays as claims, their names with the document's assumptions (a name the
    chains do not use is real) and the document's stated relations as premises; a display the prose
    introduces as a premise (``premised``: ids of formulas) is no claim."""
    known = {s.name: s for s in document.context.symbols if isinstance(s, Symbol)}
    found = []
    for formula in document.formulas:
        if formula.implication is None or id(formula) in premised:
            continue
        first, second, both = formula.implication
        subject = implications.claim_subject(first, second, both)
        mapping = {s: known.get(s.name, Symbol(s.name, real=True)) for s in subject.free_symbols
                   if isinstance(s, Symbol) and set(s.assumptions0) <= {"commutative"}}
        subject = subject.xreplace(mapping)
        found.append(Claim(" ".join(formula.text.split()), "implication", subject, None, None,
                           tuple(document.context.relations)))
    return tuple(found)


def _expanded(text: str, limits: Limits) -> tuple[str, list[Piece], list[Gap], list]:
    """The document with its macro definitions blanked out, its formulas with the macros expanded, and
    for each formula what it was as written (or the refusal to expand it)."""
    definitions = find_definitions(blank_struck(text))  # a struck-out definition defines nothing
    named = named_in_prose(blank_struck(text))  # "$\\expect$ is the expectation": first, so a \\newcommand wins
    if named:
        definitions = Definitions(named + definitions.macros, definitions.spans)
    if not definitions.macros:
        pieces, gaps = segments(text)
        return text, pieces, gaps, [None] * len(pieces)
    blanked = blank_definitions(text, definitions)
    pieces, gaps = segments(blanked)
    pieces = [piece for piece in pieces if piece.text.strip()]
    out, written = [], []
    for piece in pieces:
        macros = definitions.at(piece.offset)
        try:
            result = expand(piece.text, macros, text, line_column(text, piece.offset), limits.max_expression_chars)
        except ParseError as error:
            out.append(piece)
            written.append(error)
            continue
        out.append(replace(piece, text=result.text))
        written.append((result, piece.text) if result.text != piece.text else None)
    return blanked, out, gaps, written


def _check_size(text: str, limits: Limits) -> None:
    if len(text) > limits.max_document_chars:
        raise LimitExceeded(f"limit max_document_chars exceeded: a document of {len(text)} characters "
                            f"(at most {limits.max_document_chars})", 1, 1)
    for number, line in enumerate(text.split("\n"), 1):
        if len(line) > limits.max_line_chars:
            raise LimitExceeded(f"limit max_line_chars exceeded: line {number} has {len(line)} characters "
                                f"(at most {limits.max_line_chars})", number, limits.max_line_chars + 1)


def _build(formulas: list[Formula | None], pieces: list[Piece], gaps: dict[int, Gap], builder: _Builder,
           sources: list[str | None]) -> _Builder:
    """``sources``: each formula as the document wrote it, where its macros were expanded (a step's source
    is what the author wrote, ``\\expect[x]``, never the expansion read)."""
    block = 0
    for formula, piece, source in zip(formulas, pieces, sources):
        if not piece.display:
            continue
        if piece.block != block:
            block = piece.block
            prose = gaps[block].text if block in gaps else ""
            if len(prose) > MAX_GAP_CHARS:
                builder.close()
            builder.justification = _rule_named(prose) if prose else None
        if formula is None:  # a premise: part of no chain
            continue
        if formula.statement is None:
            builder.close()
            builder.after_unreadable = True
            continue
        builder.where = (formula.line, formula.column)
        builder.add(formula.statement, source or formula.text)
        builder.after_unreadable = False
    builder.close()
    return builder


def read_document(text: str, filename: str | None = None, limits: Limits = DEFAULT_LIMITS) -> Document:
    """Find and parse the derivation chains of a Markdown or LaTeX document (untrusted text).

    Raises LimitExceeded only for a document too large to read at all; errors in single
    formulas are kept in ``Document.formulas`` / ``Document.errors``.
    """
    _check_size(text, limits)
    blanked, pieces, gaps, as_written_ = _expanded(text, limits)
    kronecker = not deltas.own_delta(blanked)
    words = defined_words([piece.text for piece in pieces])
    first = None if kronecker and not words else Kinds(kronecker=kronecker, words=words)
    formulas = [_parse_piece(text, piece, limits, first, w) for piece, w in zip(pieces, as_written_)]
    probe = [_parse_piece(text, piece, limits, Kinds(probe=True, kronecker=kronecker, words=words), w)
             for piece, w in zip(pieces, as_written_) if kinds.worth_probing(piece.text)]
    visible = blank_struck(blanked)  # struck-out prose states nothing
    prose = prose_only(visible)
    roles = [introduced(prose, piece.offset, piece.display) for piece in pieces]
    stated = _stated_premises(formulas, roles)
    names = read_names(visible, [(f.text, f.display, f.statement) for f in formulas], _parsed(probe),
                       [(f.statement, f.text) for f in stated], lambda at: introduced(prose, at).role is Role.PREMISE,
                       lambda at: introduced(prose, at).role is Role.CLAIM,
                       [(f.statement, f.text) for f, role in zip(formulas, roles)
                        if f.statement is not None and role.role is Role.PREMISE])
    known = names.kinds(_parsed(formulas))
    if known is not None:
        known = replace(known, kronecker=kronecker, words=words)  # read again, each name as the document shows it
        formulas = [_parse_piece(text, piece, limits, known, w) for piece, w in zip(pieces, as_written_)]
    formulas = _refuse_directed(formulas, directions.stated(visible))
    formulas = _components_read(formulas, roles)
    listed = {id(f) for f in _listed(formulas, roles)}
    formulas = [replace(f, error=None) if id(f) in listed else f for f in formulas]  # read, as a bound on each name
    spectra = named_spectra(visible, lambda tex: parse_latex_expr(tex, kinds=known))
    builder = _Builder(averages=writes_averages([f.text for f in formulas], prose), spectra=spectra)
    restated = [not piece.display and within_premise(prose, piece.offset) for piece in pieces]
    _inline_definitions(builder, formulas, pieces, roles, restated)  # premises of the whole document: first
    premise_displays = {id(f) for f in stated + _listed(formulas, roles) if f.display}  # a list: no step
    conditions = {id(f) for f, piece in zip(formulas, pieces) if _trailing_condition(f, piece)}
    _build([None if id(f) in premise_displays | conditions else f for f in formulas], pieces,
           {g.block: g for g in gaps}, builder, [w[1] if isinstance(w, tuple) else None for w in as_written_])
    builder.skipped.extend((f.text, role.why) for f, role in zip(formulas, roles) if id(f) in premise_displays)
    builder.skipped.extend((f.text, "a condition trailing the statement before it (neither checked nor assumed)")
                           for f in formulas if id(f) in conditions and id(f) not in premise_displays)
    _named_in_prose(builder, formulas, visible, lambda at: introduced(prose, at).role is Role.PREMISE)
    _one_hot(builder, [_one_hot_family(n, formulas) for n in
                       premises.summing_to_one_in_prose(visible, lambda at: introduced(prose, at).role is Role.PREMISE)])
    headings = _case_headings(formulas, pieces, prose)  # "For $i \neq j$," heading a case's steps
    cases = _unequal_pairs(headings) & _equal_pairs(formulas)  # "for $i = j$ ... for $i \neq j$": two cases
    relations = [r for f in stated if not (f in headings and frozenset(f.statement.exprs) in cases)
                 for r in bounds.chained(f.statement)]
    relations += bounds.in_intervals(visible, lambda at: introduced(prose, at).role is Role.PREMISE)
    relations += premises.probabilities_in_prose(visible, lambda at: introduced(prose, at).role is Role.PREMISE)
    relations += radius_bounds(visible, lambda at: introduced(prose, at).role is Role.PREMISE)
    notes = "; ".join(n for n in (_role_note(formulas, roles), words_note(words)) if n) or None
    document = with_randomness(_with_context(filename, builder, formulas, names, notes, relations, visible), visible)
    document = replace(document, chains=written.attach(document.chains, document.step_positions, document.formulas))
    unread = unread_premises(formulas, lambda k: roles[k].role is Role.PREMISE,
                             frozenset(str(v.name) for v in document.context.random_variables),
                             frozenset(k for i in document.context.independence for k in i.keys))
    used = set(builder.definition_sources) | {source for _, _, source in builder.identities}
    unread += set_aside([(f, piece) for f, piece, role in zip(formulas, pieces, roles)
                         if f.text not in used and role.role is Role.CLAIM], lambda at: in_premise_list(prose, at))
    unread += unused_equations(builder.unused, names.imaginary is not None)
    unread += case_conditions([f for f in headings if frozenset(f.statement.exprs) in cases])  # both written
    if unread:
        document = replace(document, context=replace(document.context, unread=unread))
    constant = set(premises.constants_in_prose(visible)) | directions.fixed_names(visible)
    held = tuple(s for s in document.context.symbols if isinstance(s, Symbol) and s.name in constant)
    if held:  # "k is a small constant", "d held fixed": in O, Theta and Omega a fixed number, no size
        note = f"{', '.join(s.name for s in held)} held constant in O, Theta and Omega (the prose says so)"
        document = replace(document, context=replace(document.context, constants=held,
                                                     notes=document.context.notes + (note,)))
    premised = {id(f) for f, role in zip(formulas, roles) if role.role is Role.PREMISE}
    return replace(document, claims=_claims(document, premised))


def _trailing_condition(formula: Formula, piece: Piece) -> bool:
    """``x_{t+1} = x_t - \\eta g_t, \\quad t \\ge 0``: a bound after a statement in the same row qualifies
    it; it is no claim of its own."""
    return piece.display and piece.part > 0 and formula.statement is not None and premises.is_premise(formula.statement)


def _stated_premises(formulas: list[Formula], roles: list[Introduced]) -> list[Formula]:
    """Formulas that only bound names (``\\eta > 0``, ``d_k > 0``) and that the document introduces
    as premises: inline or displayed, they enter the context and are never checked as claims. A bound
    after a list of names (``a, b \\geq 0``) is one such formula per name (``name_lists``)."""
    found = [f for f, role in zip(formulas, roles)
             if f.statement is not None and role.role is Role.PREMISE and premises.is_bound(f.statement)]
    return found + [replace(f, statement=bound, error=None) for f in _listed(formulas, roles)
                    for bound in each_bounded(f.text)]


def _listed(formulas: list[Formula], roles: list[Introduced]) -> list[Formula]:
    """The premises our grammar could not read that bound a list of names (``a, b \\geq 0``)."""
    return [f for f, role in zip(formulas, roles)
            if f.statement is None and role.role is Role.PREMISE and each_bounded(f.text)]


def _role_note(formulas: list[Formula], roles: list[Introduced]) -> str | None:
    """Which inline bounds were not taken as premises, and why: a user can then write "Assume"."""
    left = [f"{' '.join(f.text.split())} ({role.why})" for f, role in zip(formulas, roles)
            if not f.display and f.statement is not None and role.role is not Role.PREMISE
            and premises.is_bound(f.statement)]
    return "not taken as premises: " + "; ".join(left) if left else None


def _inline_definitions(builder: _Builder, formulas: list[Formula], pieces: list[Piece],
                        roles: list[Introduced], restated: list[bool] = ()) -> None:
    """Definitions stated in the prose are used like displayed ones: ``Let $Q = X W^Q$`` (the words
    before it make it a premise, ``roles``; "then $y = ...$" is a claim), one written with ``:=``
    (``\\coloneqq``, ``\\triangleq``: a definition wherever it stands, as a displayed one is) and stated
    dynamics (``$\\dot x = -y$``). They hold in the whole document, so a display giving the name a value
    later is a claim checked against them."""
    defined = {lhs for lhs, _ in builder.definitions}
    cases = _unequal_pairs(formulas)
    for formula, role, within in zip(formulas, roles, list(restated) + [False] * (len(formulas) - len(restated))):
        statement = formula.statement
        if formula.display or statement is None or statement.lead or set(statement.relations) not in ({"="}, {":="}):
            continue
        if len(statement.exprs) == 2 and frozenset(statement.exprs) in cases:
            continue  # "for $i = j$ ... for $i \neq j$": a case of a statement, never i := j
        defining = set(statement.relations) == {":="}  # ``$\\text{ELBO} \\coloneqq \\ldots$``: a definition by its notation
        exprs = statement.exprs  # ``d_k = d_v = d/h``: each link defines its left side by what follows
        for lhs, rhs in zip(exprs, exprs[1:]):
            dynamics = isinstance(lhs, Symbol) and dependence.dotted(lhs.name) is not None
            stated = dynamics or ((role.role is Role.PREMISE or defining) and _is_definable(lhs)
                                  and not isinstance(lhs, AppliedUndef))
            if stated and lhs not in defined and not _mentions(rhs, lhs):
                _define(builder, defined, lhs, rhs, formula.text)
            elif stated and not dynamics and lhs in defined and not _mentions(rhs, lhs):
                _restated(builder, defined, lhs, rhs, formula.text)
            elif role.role is Role.PREMISE and isinstance(lhs, AppliedUndef) and _is_definable(lhs) \
                    and rhs.free_symbols and not _mentions(rhs, lhs) and lhs not in builder.applications:
                # ``Let $l(y, \hat y) = -\sum_j y_j \log \hat y_j$``: a display restating l(y, \hat y) is a
                # claim checked against it, never a new definition; the value holds for that application only
                builder.applications[lhs] = rhs
            elif role.role is Role.PREMISE and len(exprs) == 2 and _density_of_a_model(lhs, rhs) and lhs not in defined:
                _define(builder, defined, lhs, rhs, formula.text)
            elif role.role is Role.PREMISE and len(exprs) == 2 and _is_stated_result(lhs, rhs) \
                    and not (rhs.has(lhs) if _functional_of_laws(lhs) else _mentions(rhs, lhs)):
                builder.identities.append((lhs, rhs, formula.text))
            elif (role.role is Role.PREMISE or within) and len(exprs) == 2 and _is_data_constraint(lhs, rhs) \
                    and lhs not in defined:  # "Assume $y$ is one-hot, so $\sum_j y_j = 1$": the hypothesis restated
                _define(builder, defined, lhs, rhs, formula.text)  # ``\sum_i y_i = 1`` (one-hot labels): a fact about y
            elif role.role is Role.PREMISE and len(exprs) == 2 and not defining:
                used = _premise_equation(builder, defined, lhs, rhs, formula.text)
                if used is False or (used is None and _point_value(lhs, rhs)):
                    builder.unused.append(formula)


def _point_value(lhs: Expr, rhs: Expr) -> bool:
    """``P(H) = 0.5``: a law's or a function's value at a point, which no reader uses (a law drawn for P
    would not meet it), so it is kept as a premise no refutation about P may rest on."""
    if isinstance(lhs, AppliedUndef) and (lhs.func.__name__ in (*NEVER_DEFINED, "E")
                                          or _averaged_under_a_density(lhs.func.__name__)):
        return False  # Var(X) = 1, E_q[z] = 0: moments, which the moments' reader reads
    points = lhs.args if isinstance(lhs, AppliedUndef) else (lhs.variables + lhs.given if isinstance(lhs, Density) else ())
    return isinstance(lhs, (AppliedUndef, Density)) and isinstance(rhs, Expr) and rhs.is_number \
        and rhs.is_comparable and all(isinstance(p, (Symbol, sympy.Number)) for p in points) \
        and not str(getattr(lhs, "func", "")).startswith(("sum", "prod"))  # a number at a point, not a law or a sum


def _define(builder: _Builder, defined: set, lhs: Expr, rhs: Expr, source: str) -> None:
    """A premise's definition of ``lhs``, recorded with its source, and ``lhs`` counted as defined."""
    builder.definitions.append((lhs, rhs))
    builder.definition_sources.append(source)
    defined.add(lhs)


def _premise_equation(builder: _Builder, defined: set, lhs: Expr, rhs: Expr, source: str) -> bool | None:
    """A premise equation that defines no name (``x_1 + x_2 = 1``, ``2x = x + 3(1 - x)``, an indifference
    condition), solved for a name it holds to the first power with a numeric coefficient, defines that name
    (the last such, by name), which the premise implies. False when it cannot be solved so: the caller
    keeps it as a premise the checker does not use, on which no refutation may rest. Dropped, such
    equations let correct steps be refuted. None for moments, densities, sums, products and matrices,
    which other readers read (``q \\cdot k = \\sum_i q_i k_i`` gives a length)."""
    if _dot_written_out(lhs, rhs) and lhs not in defined:  # ``\\mathbf{q} \\cdot \\mathbf{k} = \\sum_i q_i k_i``
        _define(builder, defined, lhs, rhs, source)
        return True
    if not all(isinstance(side, Expr) and not getattr(side, "is_Matrix", False) and side.is_commutative
               and not side.has(AppliedUndef, sympy.Integral, sympy.Sum, sympy.Product, sympy.Derivative,
                                sympy.MatrixSymbol, Density, KL, Normal)
               for side in (lhs, rhs)):
        return None
    difference = sympy.expand(lhs - rhs)
    if difference == 0 or not difference.free_symbols:
        return None
    for name in sorted(_solvable_names(difference, defined), key=str, reverse=True):
        coefficient = difference.coeff(name)
        value = sympy.simplify(-(difference - coefficient * name) / coefficient)
        if not value.has(name):
            _define(builder, defined, name, value, source)
            return True
    return False


def _dot_written_out(lhs: Expr, rhs: Expr) -> bool:
    """``\\mathbf{q} \\cdot \\mathbf{k} = \\sum_{i=1}^{d} q_i k_i``: a product of two names (the vectors, read as
    numbers) that a premise writes as a sum of products of entries: a definition of that product."""
    return isinstance(lhs, sympy.Mul) and len(lhs.args) == 2 and all(isinstance(a, Symbol) for a in lhs.args) \
        and isinstance(rhs, sympy.Sum) and bool(rhs.function.atoms(Indexed)) and not rhs.has(*lhs.args)


def _solvable_names(difference: Expr, defined: set) -> list:
    """The plain names (or entries) ``difference`` is linear in, with a nonzero numeric coefficient."""
    found = []
    for name in difference.free_symbols | difference.atoms(Indexed):
        if name in defined or getattr(name, "is_integer", False) or not isinstance(name, (Symbol, Indexed)):
            continue
        try:
            poly = sympy.Poly(difference, name)
        except (sympy.polys.polyerrors.BasePolynomialError, ValueError, TypeError):
            continue
        if poly.degree() == 1 and poly.LC().is_number and poly.LC() != 0 \
                and not any(c.has(name) for c in poly.all_coeffs()):
            found.append(name)
    return found


def _unequal_pairs(formulas: list[Formula]) -> set[frozenset]:
    """The pairs of plain names some formula writes unequal (``i \\neq j``): with ``i = j`` elsewhere, the
    two are cases the writer distinguishes, so ``i = j`` defines neither name."""
    return _name_pairs(formulas, "!=")


def _equal_pairs(formulas: list[Formula]) -> set[frozenset]:
    """The pairs of plain names some formula writes equal (``i = j``)."""
    return _name_pairs(formulas, "=")


def _name_pairs(formulas: list[Formula], relation: str) -> set[frozenset]:
    return {frozenset(f.statement.exprs) for f in formulas if f.statement is not None
            and f.statement.relations == (relation,) and len(f.statement.exprs) == 2
            and all(isinstance(e, Symbol) for e in f.statement.exprs)}


def _components_read(formulas: list[Formula], roles: list[Introduced]) -> list[Formula]:
    """Each formula with the entries of a function whose components a premise defines read as those
    components (``index_instances.component_functions``)."""
    found = index_instances.component_functions([f.statement for f in formulas],
                                                [r.role is Role.PREMISE for r in roles])
    if not found:
        return formulas
    return [replace(f, statement=replace(f.statement, exprs=tuple(e.xreplace(found) if isinstance(e, Expr) else e
                                                                  for e in f.statement.exprs)))
            if f.statement is not None else f for f in formulas]


_CASE_WORD = re.compile(r"^\W*(?:for|case|if|when|whenever|in the case)\b", re.I)


def _case_headings(formulas: list[Formula], pieces: list[Piece], prose: str) -> list[Formula]:
    """The inline formulas that open their line after a case word ("Case $i \\neq j$:", "For $i = j$,"),
    which head the steps after them; one after another formula on its line (``$... = -p_i p_j$ for
    $i \\neq j$``) is that formula's own condition, and "Let $i \\neq j$" is a premise of the whole document."""
    opened = {}
    for f in formulas:
        opened[f.line] = min(opened.get(f.line, f.column), f.column)
    return [f for f, piece in zip(formulas, pieces) if not f.display and f.statement is not None
            and opened.get(f.line) == f.column
            and _CASE_WORD.match(prose[prose.rfind("\n", 0, piece.offset) + 1:piece.offset])]


def _restated(builder: _Builder, defined: set, lhs: Expr, rhs: Expr, source: str) -> None:
    """A premise giving a defined name a second value (``d_{attn} = d_k h``, then ``d_{attn} = d_{model}``)
    relates the two values. A fresh name on the right is defined by the left (``d_{model} = d_{attn}``),
    unless that would close a cycle of definitions; any other second value stays a premise relation
    (``Context.relations``), so a draw that violates it refutes nothing. Dropping it would let a step
    that holds only under it be refuted."""
    if isinstance(rhs, Symbol) and rhs not in defined and _is_definable(rhs) \
            and not _reaches(builder.definitions, lhs, rhs):
        builder.definitions.append((rhs, lhs))
        builder.definition_sources.append(source)
        defined.add(rhs)
    else:
        builder.identities.append((lhs, rhs, source))


def _reaches(definitions, start: Expr, target: Expr) -> bool:
    """Whether ``target`` occurs in ``start``'s value, followed through the definitions."""
    values, seen, todo = dict(definitions), set(), [start]
    while todo:
        name = todo.pop()
        if name in seen or name not in values:
            continue
        seen.add(name)
        value = values[name]
        if value.has(target):
            return True
        todo.extend(s for s in value.free_symbols if s in values)
    return False


def _named_in_prose(builder: _Builder, formulas: list[Formula], text: str, premise_at) -> None:
    """"$\\log p_\\theta(x)$ is the evidence" (``premises.named_in_prose``) defines the name ``\\text{evidence}``
    a chain writes and nothing defines by that inline formula, as a definition ``evidence = \\log p_\\theta(x)``."""
    names = {s.name: s for c in builder.chains for e in (c.start, *(s.expr for s in c.steps))
             for s in e.free_symbols if isinstance(s, Symbol) and len(s.name) > 1 and s.name.isalpha()}
    defined = {lhs for lhs, _ in builder.definitions}
    inline = {" ".join(f.text.split()): f for f in formulas if not f.display and f.statement is not None}
    for word, written_ in premises.named_in_prose(text, premise_at, set(names)):
        formula = inline.get(" ".join(written_.split()))
        if formula is None or names[word] in defined or formula.statement.relations or len(formula.statement.exprs) != 1:
            continue
        value = formula.statement.exprs[0]
        if _mentions(value, names[word]):
            continue
        builder.definitions.append((names[word], value))
        builder.definition_sources.append(f"{written_.strip()} is the {word}")
        defined.add(names[word])


def _one_hot_family(name: str, formulas: list[Formula]) -> str:
    """"where $y_i$ is one-hot" said of an entry of a family y the document indexes by one index only
    (``\\sum_i y_i \\log \\hat y_i``) is said of the family: its entries y_i sum to 1. Where y also has
    entries of two indices (``y_{ik}``), y_i is a row of its own, so the name is kept as written."""
    entries = [entry for f in formulas if f.statement is not None for symbol, entry in f.statement.indexed
               if symbol.name == name and len(entry.indices) == 1]
    if not entries and name.endswith("bold") and len(name) > len("bold"):
        # "$\mathbf{y}$ is one-hot" with its entries written y_i, as a bold vector's entries are
        entries = [entry for f in formulas if f.statement is not None for _, entry in f.statement.indexed
                   if str(entry.base.label) == name[:-len("bold")] and len(entry.indices) == 1]
    if not entries:
        return name
    base = entries[0].base
    written_ = [entry for f in formulas if f.statement is not None
                for entry in (*(x for e in f.statement.exprs for x in e.atoms(sympy.Indexed)),
                              *(x for _, x in f.statement.indexed))]
    return name if any(e.base == base and len(e.indices) > 1 for e in written_) else str(base.label)


def _one_hot(builder: _Builder, names: list[str]) -> None:
    """"where $y$ is one-hot": the entries of y sum to 1, a fact like a stated ``\\sum_j y_j = 1``; over the
    range a sum of y's entries in the document writes (``\\sum_{j=1}^q y_j``, in a chain first, else in a
    definition), else y's unstated one."""
    defined = {lhs for lhs, _ in builder.definitions}
    sides = [e for c in builder.chains for e in (c.start, *(s.expr for s in c.steps))]
    sides += [side for pair in builder.definitions for side in pair]  # ``L = -\\sum_{i=1}^C y_i \\log p_i``
    for name in names:
        base = sympy.IndexedBase(name)
        summed = [t.limits[0] for e in sides for t in e.atoms(sympy.Sum) if len(t.limits) == 1
                  and t.function.has(sympy.Indexed(base, t.limits[0][0])) and t.limits[0][1] in (0, 1)]
        # a sum from 2 (y_1 + y_2 + ... + y_n read as y_1 + sum_{k=2}^n y_k) runs over part of the entries only
        if any(isinstance(lhs, sympy.Sum) and lhs.has(base) for lhs in defined):
            continue  # the document states the sum itself
        j = Symbol("j")
        j, low, high = summed[0] if summed else (j, 1, unstated_size(name))
        total = sympy.Sum(sympy.Indexed(base, j), (j, low, high))
        builder.definitions.append((total, sympy.Integer(1)))
        builder.definition_sources.append(f"the entries of {name} sum to one")


def _is_data_constraint(lhs: Expr, rhs: Expr) -> bool:
    """``\\sum_i y_i = 1``: a premise that constrains free data (a sum of a family's entries, nothing
    the document defines otherwise) is a hypothesis, used as a fact like ``\\eta > 0`` is; unlike a
    stated integral or divergence (``_is_stated_result``) it cannot contradict a definition."""
    return (isinstance(lhs, sympy.Sum) and not lhs.has(sympy.Integral, KL, Density)
            and not rhs.free_symbols & lhs.free_symbols and not _mentions(rhs, lhs))


def _is_stated_result(lhs: Expr, rhs: Expr) -> bool:
    """``\\int q \\log p \\, dz = \\ldots``, ``D_{KL}(q \\| p) = \\ldots``: a premise giving the value of an
    integral or a divergence is a result the document states. It is never checked; it goes to
    ``Context.relations``, so a numeric instance that violates it refutes nothing, and a step holding
    its quantity is decided with the stated value in its place (``verify.engine.stated``). A name, a function
    at its variables, a density (its law is read by the probability reader), a number, or a law on
    the right (``p(z) = \\mathcal{N}(0, I)``) is no such result."""
    # a name, a function at its variables or a density never holds an integral; moments and dot products
    # are the random-variable reader's
    return isinstance(lhs, Expr) and (lhs.has(sympy.Integral, KL) or _functional_of_laws(lhs)) and not rhs.has(Normal)


def _density_of_a_model(lhs: Expr, rhs: Expr) -> bool:
    """``p(z|x) = p_\theta(x,z)/p_\theta(x)``, ``p_\theta(x_{1:T}|x_0) = p_\theta(x_{0:T}) / p_\theta(x_0)``: a
    density the premises tie to other densities (the posterior of a named model, a conditional of a joint)
    by a formula, not a law. Dropped, draws of independent laws refuted the steps that
    rest on the tie; as a definition (a fact, as Bayes' rule is) they respect it. A marginal written as an
    integral (``p(x) = \\int p(x, z) dz``) is the probability theory's own rule, not such a tie."""
    return isinstance(lhs, Density) and not isinstance(rhs, Density) and not rhs.has(lhs) \
        and not rhs.has(sympy.Integral, sympy.Sum, AppliedUndef, Normal) \
        and any(isinstance(d, Density) and d != lhs for d in rhs.atoms(Density))


def _functional_of_laws(lhs: Expr) -> bool:
    """``\\mathcal{D}[Q(z|X) \\| P(z)]``: a function no one defines, applied to densities (a divergence by
    another name). Its premise is a result like a KL's; what the function is stays unknown."""
    return isinstance(lhs, AppliedUndef) and any(isinstance(a, Density) for a in lhs.args)


def _refuse_directed(formulas: list[Formula], stated: dict[str, str]) -> list[Formula]:
    """O-statements about a name with a stated limit (``\\eta \\to 0``, "fixed d") become refusals."""
    if not stated:
        return formulas
    refused = []
    for formula in formulas:
        why = directions.refusal(formula.statement, stated) if formula.statement is not None else None
        refused.append(replace(formula, statement=None, error=ParseError(why, formula.line, formula.column))
                       if why else formula)
    return refused


def _parsed(formulas: list[Formula]) -> list[Expr]:
    return [e for f in formulas if f.statement is not None for e in f.statement.exprs]


def families(formulas: list[Formula], exprs) -> dict:
    """``alpha_{ij}`` written outside a sum is the same family as ``alpha_{ij}`` under one: when a
    family of that name and number of indices occurs anywhere, every such symbol is its entry."""
    known = {(str(i.base.label), len(i.indices)) for e in exprs for i in e.atoms(Indexed)}
    return {symbol: entry for f in formulas if f.statement is not None for symbol, entry in f.statement.indexed
            if (str(entry.base.label), len(entry.indices)) in known}


def _entries(builder: _Builder, formulas: list[Formula]) -> None:
    exprs = [e for c in builder.chains for e in (c.start, *(s.expr for s in c.steps))]
    premised = [side for pair in (*builder.definitions, *builder.applications.items()) for side in pair]
    found = families(formulas, exprs + premised)  # ``l(y, o) = ... y_j o_j``: y a family the step's y_j is of
    if found:
        builder.chains = [_rewrite_chain(c, found) for c in builder.chains]
        builder.definitions = [(a.xreplace(found), b.xreplace(found)) for a, b in builder.definitions]
        builder.applications = {a.xreplace(found): b.xreplace(found) for a, b in builder.applications.items()}
    builder.definitions = [(lhs, _at_the_entrys_index(lhs, rhs, formulas)) for lhs, rhs in builder.definitions]


def _at_the_entrys_index(lhs: Expr, rhs: Expr, formulas: list[Formula]) -> Expr:
    """``\\pi_i = 2 x_i``: a definition of an entry holds at every index, so a name on its right side written with
    the same index (x_i) is the entry of its family at that index, never one fixed number. Read as a fixed
    x_i, sum_i pi_i would be 2 n x_i (a wrong step was proved)."""
    if not isinstance(lhs, Indexed):
        return rhs
    index = set().union(*(i.free_symbols for i in lhs.indices))
    entries = {symbol: entry for f in formulas if f.statement is not None for symbol, entry in f.statement.indexed
               if symbol in rhs.free_symbols and set().union(*(i.free_symbols for i in entry.indices)) & index}
    return rhs.xreplace(entries) if entries else rhs


def _with_context(filename, builder: _Builder, formulas: list[Formula], names: Reading,
                  role_note: str | None = None, relations: list[Expr] = (), prose: str = "") -> Document:
    _entries(builder, formulas)
    relations = _spectra_read(builder, list(relations))
    relations, law_note = _named_laws_read(builder, list(relations), named_laws.named_in_prose(prose))
    relations, average_note = _unnamed_averages_read(builder, relations)
    relations = _points_read(builder, relations)
    role_note = "; ".join(n for n in (role_note, law_note, average_note) if n) or None
    exprs = [e for c in builder.chains for e in (c.start, *(s.expr for s in c.steps))]
    everything = exprs + [side for pair in builder.definitions for side in pair]
    loose = loose_names([(c.start, *(s.expr for s in c.steps)) for c in builder.chains] + builder.definitions)
    sizes, stated = names.sizes(), names.stated
    mapping = symbol_map(everything, sizes, loose, stated)
    spectral_i = not names.imaginary and _i_in_spectra(builder)
    if names.imaginary or spectral_i:
        # "i is the imaginary unit", or the values of a spectrum (\lambda(J) = \pm i): sqrt(-1), unless i is
        # also a variable (summed, an index)
        bound = {s.name for s in variables(everything)} | {s.name for e in everything for x in e.atoms(Indexed)
                                                            for i in x.indices for s in i.free_symbols}
        mapping.update({s: sympy.I for s in mapping if s.name == "i" and "i" not in bound})
    moves = dependence.moving(_parsed(formulas) + everything, builder.definitions)
    mapping.update(dependence.as_functions(set(mapping), moves, mapping, everything))
    kind_notes = {**names.notes(), **dependence.note(moves, {s.name for s in mapping})}
    if spectral_i and any(value == sympy.I for value in mapping.values()):
        kind_notes["i"] = ("the imaginary unit", "a claimed eigenvalue")
    defined = functions_defined(builder.definitions)
    applied = {c.func.__name__ for e in everything for c in e.atoms(AppliedUndef)} | {
        d.name for e in everything for d in e.atoms(Density)}
    stated_at = {lhs.func: (lhs.args, rhs) for lhs, rhs in builder.applications.items()  # ``Let $L(\theta) = ...$``
                 if isinstance(lhs, AppliedUndef) and lhs.func not in defined
                 and not {str(a) for a in lhs.args} & applied  # V(D, G) of functions D, G: no variables
                 and lhs.func.__name__ not in _bare_in_laws(everything)}  # KL(p || m): m a density, read as one
    bare = abbreviations.bare_uses({**stated_at, **defined}, exprs, {str(lhs) for lhs, _ in builder.definitions
                                                    if isinstance(lhs, (Symbol, Indexed, MatrixSymbol))} | sizes)
    chains = tuple(_unfold_chain(_rewrite_chain(_expanded_bare(c, bare), mapping), defined, mapping)
                   for c in builder.chains)
    role_note = "; ".join(n for n in (role_note, abbreviations.note(bare)) if n) or None
    rewritten = [rewrite(e, mapping) for e in exprs]
    definitions = tuple((rewrite(a, mapping), rewrite(b, mapping)) for a, b in builder.definitions)
    context = infer_context(rewritten, mapping, assumed_note(everything, sizes, loose, kind_notes, stated))
    results = [sympy.Eq(a, b, evaluate=False) for a, b, _ in builder.identities]
    stated = tuple(dict.fromkeys(r for r in (rewrite(r, mapping) for r in [*relations, *results])
                                 if isinstance(r, sympy.Rel)))
    applied = tuple(Fact(f"the premise {lhs}", rewrite(lhs, mapping), rewrite(rhs, mapping))
                    for lhs, rhs in builder.applications.items())
    written = [e for c in chains for e in (c.start, *(s.expr for s in c.steps))]
    applied += index_instances.at_other_indices(applied, written, {s.name: s for s in mapping.values()
                                                                   if isinstance(s, Symbol)})
    known = context.facts + facts(definitions, rewritten) + applied
    context = replace(context, facts=known + index_instances.recurrences_at(known, written, stated),
                      notes=context.notes + ((role_note,) if role_note else ()),
                      relations=context.relations + tuple(r for r in stated if r not in context.relations))
    return Document(filename, chains, context, tuple(formulas), definitions, tuple(builder.definition_sources),
                    tuple(builder.skipped), tuple(builder.starts), tuple(builder.chain_positions))


def _i_in_spectra(builder: _Builder) -> bool:
    """``\\lambda(J) = \\pm i``: i among the claimed eigenvalues of a matrix is the imaginary unit (their
    standard reading), when i occurs nowhere but in the values of spectra (no definition, no other step)."""
    from ..vocabulary.linalg import Spectrum

    i = Symbol("i")
    in_values, elsewhere = False, False
    for chain in builder.chains:
        sides = [chain.start, *(s.expr for s in chain.steps)]
        if isinstance(chain.start, Spectrum):
            in_values |= any(side.has(i) for side in sides[1:])
            elsewhere |= chain.start.has(i)
        else:
            elsewhere |= any(side.has(i) for side in sides)
    elsewhere |= any(side.has(i) for pair in builder.definitions for side in pair)
    return in_values and not elsewhere


def _unfold_chain(chain: Chain, defined: dict, mapping: dict) -> Chain:
    """The chain with each defined function applied unfolded to its value (``unfold``), the definitions
    read with the document's assumptions (``mapping``)."""
    if not defined:
        return chain
    rewritten = {f: (tuple(rewrite(a, mapping) for a in args), rewrite(value, mapping))
                 for f, (args, value) in defined.items()}
    return rewrite_chain(chain, lambda e: unfold(e, rewritten))


def _bare_in_laws(exprs: list[Expr]) -> set[str]:
    """The names written bare where a law goes (``KL(p_g, m)``) or inside an average (``E_p[\\log p / m]``):
    the densities' reader (``randomness``) reads them, not the abbreviation of a function."""
    places = [a for e in exprs for kl in e.atoms(KL) for a in kl.args] + [
        call.args[0] for _, call in named_laws.averages(exprs)]
    return {s.name for place in places for s in getattr(place, "free_symbols", ()) if isinstance(s, Symbol)}


def _everything(builder: _Builder, relations: list[Expr]) -> list[Expr]:
    """Every expression the document states: its chains, its definitions' sides, its premises' relations."""
    return [e for c in builder.chains for e in (c.start, *(s.expr for s in c.steps))] + [
        side for pair in builder.definitions for side in pair] + list(relations)


def _read_everywhere(builder: _Builder, relations: list[Expr], read) -> list[Expr]:
    """``read`` applied in every chain, definition, premise and stated result; the relations as read."""
    builder.chains[:] = [rewrite_chain(c, read) for c in builder.chains]
    builder.definitions[:] = [(read(a), read(b)) for a, b in builder.definitions]
    builder.applications = {read(a): read(b) for a, b in builder.applications.items()}
    builder.identities[:] = [(read(a), read(b), source) for a, b, source in builder.identities]
    return [read(r) for r in relations]


def _spectra_read(builder: _Builder, relations: list[Expr]) -> list[Expr]:
    """Each name the prose gives a matrix's eigenvalues (``named_spectra``) as that matrix's spectrum, in
    every chain, definition and premise, the matrix as the document holds it (a defined J is that J)."""
    if not builder.spectra:
        return relations
    from ..vocabulary.linalg import Spectrum

    held = {str(lhs): lhs for lhs, _ in builder.definitions if isinstance(lhs, MatrixSymbol)}
    spectra = {name: Spectrum(held.get(str(matrix), matrix)) for name, matrix in builder.spectra.items()}
    return _read_everywhere(builder, relations, lambda e: e.xreplace(spectra) if isinstance(e, Expr) else e)


def _named_laws_read(builder: _Builder, relations: list[Expr], stated: dict) -> tuple[list[Expr], str | None]:
    """``E_q[f]`` read under the one density q the document writes out, or the prose names (``named_laws``),
    in every chain, definition and premise; the relations as read, and the report's note. A q the document
    defines as a function (``q(z) = z^2``) is no law."""
    everything = _everything(builder, relations)
    functions = {lhs.func.__name__ for lhs, _ in builder.definitions if isinstance(lhs, AppliedUndef)}
    symbols = {s.name: s for e in everything for s in e.free_symbols if isinstance(s, Symbol)}
    stated = {name: law.xreplace({v: symbols[v.name] for v in law.free_symbols
                                  if isinstance(v, Symbol) and v.name in symbols}) for name, law in stated.items()}
    known = {**named_laws.laws(everything), **stated}
    known = {name: law for name, law in known.items() if name not in functions}
    note = named_laws.note(everything, known)
    if note is None:
        return relations, None
    written = named_laws.applications(everything, known)
    return _read_everywhere(builder, relations, lambda e: named_laws.expanded(e, known, written)), note


def _points_read(builder: _Builder, relations: list[Expr]) -> list[Expr]:
    """``\\frac{\\partial \\phi}{\\partial x}(x_t, y_t)`` with ``\\phi(x, y) = xy`` defined: the derivative of the
    definition at its variables, taken at the point, the point's entries matched to the variables in the
    order the definition writes them. A function defined at other variables, or not at all, leaves it an
    undefined value."""
    if not any(n.func.__name__ == AT_POINT for e in _everything(builder, relations) for n in e.atoms(AppliedUndef)):
        return list(relations)
    defined = {**dict(builder.definitions), **builder.applications}
    functions = {lhs.func: lhs for lhs in defined
                 if isinstance(lhs, AppliedUndef) and all(isinstance(a, Symbol) for a in lhs.args)}

    def read(expr: Expr) -> Expr:
        nodes = [n for n in expr.atoms(AppliedUndef) if n.func.__name__ == AT_POINT]
        mapping = {}
        for node in nodes:
            derivative, point = node.args[0], node.args[1:]
            head = derivative.expr
            name = head.func if isinstance(head, AppliedUndef) else sympy.Function(str(head))
            at = functions.get(name)
            if at is None or len(at.args) != len(point) or not set(derivative.variables) <= set(at.args):
                continue
            mapping[node] = sympy.Subs(sympy.Derivative(defined[at], *derivative.variable_count), at.args, point)
        return expr.xreplace(mapping) if mapping else expr

    return _read_everywhere(builder, relations, read)


def _unnamed_averages_read(builder: _Builder, relations: list[Expr]) -> tuple[list[Expr], str | None]:
    """A bare ``E[f(z)]`` read under the one law the document averages z under (``unnamed_averages``),
    in every chain, definition and premise; the relations as read, and the report's note."""
    found = unnamed_averages.readings(_everything(builder, relations))
    if not found:
        return list(relations), None
    return _read_everywhere(builder, relations, lambda e: e.xreplace(found)), unnamed_averages.note(found)


def _expanded_bare(chain: Chain, bare: dict) -> Chain:
    """The chain with each bare name of a defined function applied at its variables (``abbreviations``)."""
    if not bare:
        return chain
    return rewrite_chain(chain, lambda e: e.xreplace(bare))


def _rewrite_chain(chain: Chain, mapping: dict) -> Chain:
    return rewrite_chain(chain, lambda e: rewrite(e, mapping))
