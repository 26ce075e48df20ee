"""Parse one formula: ``parse(text, notation)`` -> Statement; ``parse_latex_expr`` / ``parse_ascii_expr`` -> Expr.

The lark parser is built from ``math.lark`` on first use and cached. Text goes
through our own lexers and grammar only: never eval, exec, sympify or parse_expr.

>>> parse_latex_expr(r"\\log p(x|z) + \\log p(z)")
log(p(x | z)) + log(p(z))
>>> parse_ascii_expr("sqrt(1+eta^2)")
sqrt(eta**2 + 1)
"""
from __future__ import annotations

import functools
import hashlib
import os
from pathlib import Path

import lark
from lark import Lark, Token, Tree, UnexpectedInput
from lark.exceptions import UnexpectedToken, VisitError
from lark.lexer import Lexer
import sympy
from sympy import Basic, Expr
from sympy.core.function import AppliedUndef

from ..errors import ParseError
from .ascii_lexer import lex_ascii
from .diagnostics import limit_error, parse_error
from .kinds import Kinds
from .labels import blank_labels
from .latex_lexer import lex_latex
from .tokens import script_unit_end
from .transposed import transposed_vectors
from .limits import DEFAULT_LIMITS, Limits
from .transform import PM_BRANCH, Refusal, Statement, ToSympy, both_values
from .written import keeping_tree

_KEPT = frozenset({"TIMES", "NUMBER", "NAME", "FUNC", "OPER", "DIFF", "BIGO", "EQ", "NE", "LE", "GE", "LT", "GT",
                   "APPROX", "DEFEQ", "SIM"})
_READABLE = {"_RPAR": "')'", "_RBRACE": "'}'", "_RBRACK": "']'", "DIFF": "the differential dz of the integral",
             "_CALL_LPAR": "'(' right after the name", "_LBRACE": "'{'", "_DPIPE": "'||'", "_COMMA": "','",
             "NAME": "a name", "NUMBER": "a number", "_LPAR": "'('", "_LBRACK": "'['", "$END": "the end"}


class _TokenList(Lexer):
    """Lark's lexer slot: the tokens are already made; pass them through."""

    def __init__(self, conf):
        pass

    def lex(self, tokens):
        return iter(tokens)


@functools.lru_cache(maxsize=1)
def _parser() -> Lark:
    """The LALR parser. Building its tables takes about a second, so lark's own cache keeps them in
    the user's cache directory (never a shared temporary one: the cache is a pickle), in a file
    named by the grammar's hash; lark checks the hash again when it loads."""
    grammar = (Path(__file__).parent / "math.lark").read_text(encoding="utf-8")
    options = dict(parser="lalr", lexer=_TokenList, propagate_positions=True)
    cache = _cache_file(grammar)
    if cache is not None:
        try:
            return Lark(grammar, cache=str(cache), **options)
        except OSError:  # an unwritable or vanished cache directory: build the tables here
            pass
    return Lark(grammar, **options)


def _cache_file(grammar: str) -> Path | None:
    root = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    folder = Path(root) / "verify"
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError:
        return None
    digest = hashlib.sha256((grammar + lark.__version__).encode()).hexdigest()[:16]
    return folder / f"grammar-{digest}.lark-cache"


def _for_grammar(tokens: list) -> list:
    """Punctuation terminals are named with a leading underscore so the tree leaves them out."""
    return [t if t.type in _KEPT else Token("_" + t.type, t.value, start_pos=t.start_pos) for t in tokens]


def _describe(token: Token) -> str:
    if token.type == "$END":
        return "the end of the formula"
    return f"{token.value!r}"


def _expected(expected) -> str:
    names = sorted({_READABLE[e] for e in expected if e in _READABLE})
    return f" (expected {', '.join(names[:5])})" if names else ""


def _syntax_error(error: UnexpectedInput, text: str, origin) -> ParseError:
    token = getattr(error, "token", None)
    if isinstance(error, UnexpectedToken) and token is not None:
        at_end = token.type == "$END"
        pos = len(text.rstrip()) if at_end else token.start_pos
        label = f"unexpected {_describe(token)}{_expected(error.expected)}"
        if at_end and "DIFF" in error.expected:
            label = "integral without its differential (write \\int ... dz)"
        return parse_error(label, text, pos, origin)
    return parse_error(f"cannot read this formula: {error}", text, len(text), origin)


def _lex(text: str, notation: str, limits: Limits, origin, words: frozenset = frozenset()) -> list:
    if len(text) > limits.max_expression_chars:
        raise limit_error("max_expression_chars", f"a formula of {len(text)} characters (at most "
                          f"{limits.max_expression_chars})", text[:200], 0, origin)
    if notation == "latex":
        return lex_latex(text, limits, origin, words)
    if notation == "ascii":
        return lex_ascii(text, limits, origin)
    raise ValueError(f"unknown notation {notation!r}; known: latex, ascii")


def parse(text: str, notation: str = "latex", limits: Limits = DEFAULT_LIMITS,
          origin: tuple[int, int] = (1, 1), kinds: Kinds | None = None) -> Statement:
    """Read one formula, possibly a relation chain (``a = b \\le c``) or a continuation (``= b``).

    ``origin`` is the line and column where ``text`` starts in its document, for error positions;
    ``kinds`` says which names the document shows to be matrices (with their shape) or of open kind.
    The statement keeps its tree, so that ``written.written_forms`` can read it again as written.
    Raises ParseError (or LimitExceeded) with line, column and a caret.
    """
    if notation == "latex":
        text = blank_labels(text)  # ``(3) \\quad``, ``c3 \\quad``, ``\\tag{3}``: labels, not factors
    try:
        tokens = _lex(text, notation, limits, origin, kinds.words if kinds is not None else frozenset())
    except ParseError:
        raise
    except _INTERNAL as failure:  # a reader's own fault must refuse this formula, never stop the document
        raise parse_error(_READER_FAILED, text, 0, origin) from failure
    if not tokens:
        raise parse_error("empty formula", text, 0, origin)
    try:
        tree = _parser().parse(_for_grammar(tokens))
    except UnexpectedInput as error:
        raise _syntax_error(error, text, origin) from None
    except _INTERNAL as failure:
        raise parse_error(_READER_FAILED, text, 0, origin) from failure
    setup = (limits, _has_matrices(tokens), kinds or Kinds(), _bound_names(tokens), transposed_vectors(tokens),
             frozenset(_exponent_scalars(tokens)), _dimension_fractions(tokens))
    try:
        statement = ToSympy(*setup).transform(tree).children[0]
    except VisitError as error:
        raise _refusal(error, text, origin) from None
    if isinstance(statement, Statement) and any(
            isinstance(e, Basic) and any(a.func.__name__.startswith("_pending_") for a in e.atoms(AppliedUndef))
            for e in statement.exprs):  # a sum waiting for its index where no statement could tell it (transform)
        raise parse_error("a sum whose index the formula does not tell: write it, as in \\sum_j", text, 0, origin)
    return keeping_tree(statement, tree, setup)  # so that it can be read again as written (written.py)


_INTERNAL = (IndexError, KeyError, AttributeError, TypeError, ValueError, RecursionError)
_READER_FAILED = ("the reader failed on this formula (a fault of ours, not of the text): it is skipped and the rest "
                  "of the document is read; rewriting it more plainly may help")


def _has_matrices(tokens: list) -> bool:
    """Softmax, Concat or a transpose ``^T`` / ``^{T}`` in a formula: its capitals are matrices.
    ``^{T-1}`` (a sum's upper bound) is no transpose."""
    kinds = [(t.type, str(t.value)) for t in tokens]
    for i, (kind, value) in enumerate(kinds):
        if kind == "FUNC" and value in ("softmax", "Concat", "concat"):
            return True
        after = [v for _, v in kinds[i + 1:i + 4]]
        if kind == "CARET" and (after[:1] == ["T"] or after == ["{", "T", "}"]):
            return True
    return False


def _bound_names(tokens: list) -> frozenset[str]:
    """Names in the bounds of a sum or product (T in ``\\sum_{t=0}^{T-1}``): sizes, never matrices."""
    names: set[str] = set()
    for i, token in enumerate(tokens):
        if token.type in ("SUM", "PROD"):
            end = _script_end(tokens, i + 1, "UNDERSCORE")
            end = _script_end(tokens, end, "CARET")
            span = tokens[i + 1:end + 1]  # the index (the name before '=') is no size
            names.update(str(t.value) for t, after in zip(span, span[1:]) if t.type == "NAME" and after.type != "EQ")
    return frozenset(names)


def _exponent_scalars(tokens: list) -> set[str]:
    """Capitals in an exponent (``\\sqrt{2\\pi}^J``, ``(2\\pi)^{-J/2}``): numbers, never matrices (and no
    sign or integrality is assumed of them). Not ``^T``
    (a transpose) and not ``W^Q`` (a capital's capital superscript: the name of a matrix)."""
    names: set[str] = set()
    for i, token in enumerate(tokens):
        if token.type != "CARET" or i == 0:
            continue
        end = _script_end(tokens, i, "CARET")
        unit = tokens[i + 1:end]
        inner = unit[1:-1] if unit and unit[0].type == "LBRACE" else unit
        capitals = [str(t.value) for t in inner if t.type == "NAME" and str(t.value)[:1].isupper()]
        if not capitals or [str(t.value) for t in inner] == ["T"]:
            continue
        base = tokens[i - 1]
        if len(inner) == 1 and base.type == "NAME" and str(base.value)[:1].isupper():
            continue  # W^Q, W^O: a name
        names.update(name for name in capitals if name != "T" or len(inner) > 1)
    return names


def _dimension_fractions(tokens: list) -> frozenset[int]:
    """Where a ``\\frac`` starts whose denominator ends in ``d^n`` after another factor (``\\frac{k n d^2}{n d^2}``):
    d is a size there (a model dimension), never a differential, which Leibniz notation writes ``d x^n``."""
    found = set()
    for i, token in enumerate(tokens):
        if token.type != "FRAC":
            continue
        top_end = script_unit_end(tokens, i + 1)
        end = script_unit_end(tokens, top_end)
        inner = tokens[top_end + 1:end - 1] if top_end < len(tokens) and tokens[top_end].type == "LBRACE" else []
        kinds = [(t.type, str(t.value)) for t in inner]
        for k in range(1, len(kinds) - 1):
            if kinds[k] == ("NAME", "d") and kinds[k + 1][0] == "CARET" \
                    and script_unit_end(inner, k + 2) == len(inner) and kinds[k - 1][0] in ("NAME", "NUMBER", "TIMES"):
                found.add(token.start_pos)
    return frozenset(found)


def _script_end(tokens: list, i: int, mark: str) -> int:
    """The index just after ``_x`` / ``_{...}`` (``mark`` the script's sign) starting at ``i``; else ``i``."""
    if i + 1 >= len(tokens) or tokens[i].type != mark:
        return i
    if tokens[i + 1].type != "LBRACE":
        return i + 2
    depth = 0
    for j in range(i + 1, len(tokens)):
        depth += {"LBRACE": 1, "RBRACE": -1}.get(tokens[j].type, 0)
        if depth == 0:
            return j + 1
    return len(tokens)


def _refusal(error: VisitError, text: str, origin) -> ParseError:
    original = error.orig_exc
    meta = getattr(error.obj, "meta", None)
    pos = getattr(meta, "start_pos", 0) if meta is not None and not meta.empty else 0
    if isinstance(original, Refusal) and original.limit:
        return limit_error(original.limit, str(original), text, pos, origin)
    if isinstance(original, (Refusal, ParseError)):
        return parse_error(str(original), text, pos, origin)
    if _inside_pm(error.obj):
        return parse_error("cannot read \\pm or \\mp inside a larger expression yet: write each branch as its own "
                           "formula (or the pair as a whole side, 1 \\pm \\eta)", text, pos, origin)
    if isinstance(original, TypeError) and "Mix of Matrix and Scalar" in str(original):
        return parse_error("cannot add a matrix or vector and a number: the terms of this sum are read as objects of "
                           "different kinds (say which names are vectors or matrices)", text, pos, origin)
    return parse_error("cannot build this formula: its parts do not fit together as written (a matrix where a "
                       "number is expected, or an operation on objects that have none)", text, pos, origin)


_PM_RULES = {"plus_minus", "minus_plus", "pm_prefix"}


def _inside_pm(node) -> bool:
    """Whether the node that failed holds a ``\\pm`` below it (a set of values used in arithmetic)."""
    return isinstance(node, Tree) and any(t.data in _PM_RULES for t in node.iter_subtrees())


def _single(statement: Statement, text: str) -> Expr:
    """One expression; with \\pm in it, the set of its two values (a lone expression has no other side
    to pair its branches with)."""
    if statement.lead is not None or len(statement.exprs) != 1:
        raise parse_error("expected one expression, found a relation", text, 0)
    expr = statement.exprs[0]
    if isinstance(expr, sympy.Basic) and expr.has(PM_BRANCH):
        return both_values(expr)
    return expr


def parse_latex_expr(text: str, limits: Limits = DEFAULT_LIMITS, kinds: Kinds | None = None) -> Expr:
    """One LaTeX expression (no relation) as a SymPy expression of our vocabulary; ``kinds`` as ``parse``."""
    return _single(parse(text, "latex", limits, kinds=kinds), text)


def parse_ascii_expr(text: str, limits: Limits = DEFAULT_LIMITS) -> Expr:
    """One ASCII expression (no relation) as a SymPy expression of our vocabulary."""
    return _single(parse(text, "ascii", limits), text)
