"""Which names of a document are matrices: the evidence is gathered document-wide.

A name is a matrix in every formula of the document when anywhere in it

* a declaration says so: ``A, B \\in \\mathbb{R}^{n \\times n}`` (which also gives the shape);
* a declaration says so, inline or in a display block;
* a prose sentence calls it one: ``Let $A$ and $B$ be $n \\times n$ matrices.`` (shape
  from a ``$a \\times b$`` in the same sentence); the words "weights", "Jacobian",
  "Hessian" and "covariance" name matrices too, "vectors" names column vectors;
* a formula built it as a matrix: a transpose ``X^T``, softmax or Concat (``parse``
  reads the capitals of such a formula as matrices); how a formula uses it (an inverse
  of a product, ``\\det``, a norm: see ``kinds``).

Each name comes with the evidence for it (``Found``), which the "assumed" line reports.

Without this, ``A B = B A`` would be read as a product of commuting scalars and proved.
"""
from __future__ import annotations

import re

import sympy
from sympy import Expr, Integer, MatrixSymbol, Symbol

from ..errors import ParseError
from ..vocabulary.linalg import SIZE_NAMES, size

Shape = tuple[Expr, Expr] | None

_DECLARATION = re.compile(r"^(?P<names>[^$]*?)\\in\s*\\mathbb\s*\{?\s*R\s*\}?\s*\^\s*"
                          r"(?:\{(?P<rows>[^{}]*?)(?:\\times(?P<cols>[^{}]*))?\}|(?P<single>[A-Za-z0-9]))")
_TIMES = re.compile(r"^(?P<rows>[^$]*?)\\times(?P<cols>[^$]*)$")
_DISPLAY = re.compile(r"\$\$.*?\$\$|\\\[.*?\\\]", re.S)
_SENTENCE = re.compile(r"[^.!?\n]*(?:\n(?!\s*\n)[^.!?\n]*)*")
_MATRIX_WORD = re.compile(r"\b(?:matri(?:x|ces)|weights?|jacobians?|hessians?|covariances?)\b", re.I)
_VECTOR_WORD = re.compile(r"\b(?:be|are)\s+(?:(?:two|some|any|real|column|row|unit|nonzero|arbitrary)\s+)*vectors?\b",
                          re.I)  # "Let $u, v$ be vectors", "$x$ and $y$ are column vectors"
_INLINE = re.compile(r"(?<![\\$])\$([^$\n]+?)\$")
_DERIVATIVE_WORD = re.compile(r"^(?:jacobians?|hessians?)$", re.I)
# "the Jacobian $J$", "Jacobian matrix $J$" / "$J$ is the Jacobian": the name the word gives, and only it
_NAMED_AFTER = re.compile(r"\b(?:jacobians?|hessians?)(?:\s+matri(?:x|ces))?\s*\$([^$\n]+)\$", re.I)
_NAMED_BEFORE = re.compile(r"\$([^$\n]+)\$\s*(?:is|be|denotes?|as)\s+(?:the|its|a)\s+(?:jacobian|hessian)", re.I)


def _expression(text: str) -> Expr | None:
    from .expressions import parse_latex_expr

    try:
        return parse_latex_expr(text)
    except (ParseError, ValueError):
        return None


def _name(text: str) -> str | None:
    """``A``, ``W_1``, ``W^O`` as the name the parser gives it, or None for anything else."""
    expr = _expression(text.strip())
    return expr.name if isinstance(expr, (Symbol, MatrixSymbol)) else None


def _size(text: str) -> Expr | None:
    """``n``, ``d_k``, ``2n``: a size, its symbols positive integers."""
    expr = _expression(text.strip())
    if expr is None or not expr.free_symbols or not all(isinstance(s, Symbol) for s in expr.free_symbols):
        return expr if expr is not None and expr.is_Integer and expr > 0 else None
    return expr.xreplace({s: size(s.name) for s in expr.free_symbols})


def _shape(rows: str, cols: str) -> Shape:
    shape = (_size(rows), _size(cols))
    return None if None in shape else shape


def declared(formula: str) -> dict[str, Shape]:
    """``A, B \\in \\mathbb{R}^{n \\times m}`` -> {"A": (n, m), "B": (n, m)}."""
    found = _DECLARATION.search(formula.strip())
    if not found:
        return {}
    rows = found["rows"] if found["rows"] is not None else found["single"]
    shape = _shape(rows, found["cols"] if found["cols"] is not None else "1")  # R^d: a column vector
    names = [_name(part) for part in re.split(r",|\\,|\band\b", found["names"]) if part.strip()]
    return {n: shape for n in names if n is not None}


def _sentence_matrices(sentence: str, vectors: int | None) -> dict[str, Shape]:
    """The capitals of the sentence's inline formulas; when the sentence says they "are vectors",
    the lowercase names written before the word (``vectors``: its position) are column vectors."""
    names: list[str] = []
    shape: Shape = None
    for inline in _INLINE.finditer(sentence):
        times = _TIMES.match(inline[1].strip())
        if times:
            shape = _shape(times["rows"], times["cols"]) or shape
            continue
        lowercase = vectors is not None and inline.start() < vectors
        names.extend(n for part in inline[1].split(",") if (n := _name(part)) is not None
                     and (n[:1].isupper() or (lowercase and n not in SIZE_NAMES)))
    return {n: shape if n[:1].isupper() else (size("n"), Integer(1)) for n in names}


def _derivative_named(sentence: str, word: str) -> dict[str, tuple[Shape, str]]:
    """"$F$ is smooth with Jacobian $J$": J is a matrix, F a function (its Jacobian is what the word
    names). Only the name just after the word, or just before "is the Jacobian", is read."""
    found: dict[str, tuple[Shape, str]] = {}
    for pattern in (_NAMED_AFTER, _NAMED_BEFORE):
        for match in pattern.finditer(sentence):
            name = _name(match.group(1))
            if name is not None and name[:1].isupper():
                found[name] = (None, f'"{word.rstrip("s")}" in the prose')
    return found


def derivative_functions(text: str) -> set[str]:
    """"$F$ is smooth with Jacobian $J(F(x))$": F is vector-valued and J(F(x)) a matrix, so neither commutes
    with the other in a product (``J(F(x)) F(x)`` is no ``F(x) J(F(x))``). The capitals such a sentence
    writes, bare or applied, other than the matrix it names."""
    from sympy.core.function import AppliedUndef

    prose = _DISPLAY.sub(" ", text)
    found: set[str] = set()
    for sentence in _SENTENCE.findall(prose):
        words = {w.group(0).lower() for w in _MATRIX_WORD.finditer(sentence)}
        if not words or not all(_DERIVATIVE_WORD.match(w) for w in words):
            continue
        named = set(_derivative_named(sentence, "jacobian"))
        for inline in _INLINE.finditer(sentence):
            expr = _expression(inline[1].strip())
            if expr is None:
                continue
            names = {a.func.__name__ for a in expr.atoms(AppliedUndef)} | {s.name for s in expr.atoms(Symbol)}
            found |= {n for n in names if n[:1].isupper() and n not in named}
    return found


def named_in_prose(text: str) -> dict[str, tuple[Shape, str]]:
    """Names that a sentence of prose calls matrices (``Let $A$ and $B$ be matrices``, "the weights
    $W_1$", "the Jacobian $J$"): its capitals, since a lowercase name in such a sentence is more likely
    a size; the lowercase names that a sentence says are vectors (``Let $u, v$ be vectors``)."""
    prose = _DISPLAY.sub(" ", text)
    found: dict[str, tuple[Shape, str]] = {}
    for sentence in _SENTENCE.findall(prose):
        matrix_word, vector_word = _MATRIX_WORD.search(sentence), _VECTOR_WORD.search(sentence)
        if not (matrix_word or vector_word):
            continue
        words = {w.group(0).lower() for w in _MATRIX_WORD.finditer(sentence)}
        if matrix_word and all(_DERIVATIVE_WORD.match(w) for w in words) and not vector_word:
            found.update(_derivative_named(sentence, matrix_word.group(0).lower()))
            continue
        read = _sentence_matrices(sentence, vector_word.start() if vector_word else None)
        for name, shape in read.items():
            word = matrix_word if name[:1].isupper() and matrix_word else vector_word
            if word is not None and (word is vector_word or name[:1].isupper()):
                found[name] = (shape, f'"{word.group(0).split()[-1].lower()}" in the prose')
    return found


def built(exprs) -> dict[str, Shape]:
    """Matrices a formula built by itself (a transpose, softmax, Concat): capitals with the convention's
    shape, lower-case names (column vectors, ``transposed.py``) with the shape they were built with."""
    return {m.name: None if m.name[:1].isupper() else m.shape  # I is the identity, no MatrixSymbol
            for expr in exprs for m in expr.atoms(MatrixSymbol)}


def transposed(formulas) -> dict[str, Shape]:
    """Names written with a transpose (``x^T``, ``w_1^T``): matrices, or column vectors when
    lowercase, in every formula of the document."""
    found: dict[str, Shape] = {}
    for formula in formulas:
        for name in _transposed_names(formula):
            found[name] = None if name[:1].isupper() else (size("n"), Integer(1))
    return found


def _transposed_names(formula: str) -> list[str]:
    from .latex_lexer import lex_latex
    from .limits import DEFAULT_LIMITS

    try:
        tokens = [(t.type, str(t.value)) for t in lex_latex(formula, DEFAULT_LIMITS)]
    except ParseError:
        return []
    names = []
    for i, (kind, value) in enumerate(tokens):
        after = [v for _, v in tokens[i + 1:i + 4]]
        if kind != "CARET" or not (after[:1] == ["T"] or after[:3] == ["{", "T", "}"]):
            continue
        if i >= 3 and tokens[i - 2][0] == "UNDERSCORE" and tokens[i - 3][0] == "NAME" and tokens[i - 1][0] in ("NAME", "NUMBER"):
            names.append(f"{tokens[i - 3][1]}_{tokens[i - 1][1]}")
        elif i >= 1 and tokens[i - 1][0] == "NAME" and (i < 2 or tokens[i - 2][0] not in ("UNDERSCORE", "CARET")):
            names.append(tokens[i - 1][1])
    return names


def beside_identity(formulas) -> dict[str, str]:
    """``A^{-1} A = I``: capitals inverted in a formula that writes the identity ``I`` are matrices
    (read from the tokens: ``A^{-1} A`` is gone once multiplied out)."""
    from .latex_lexer import lex_latex
    from .limits import DEFAULT_LIMITS

    found: dict[str, str] = {}
    for formula in formulas:
        try:
            tokens = [(t.type, str(t.value)) for t in lex_latex(formula, DEFAULT_LIMITS)]
        except ParseError:
            continue
        if ("NAME", "I") not in tokens:
            continue
        for i, (kind, value) in enumerate(tokens):
            inverse = [v for _, v in tokens[i + 1:i + 6]] == ["^", "{", "-", "1", "}"]
            subscripted = tokens[i + 1:i + 2] == [("UNDERSCORE", "_")] and [v for _, v in tokens[i + 3:i + 8]] == [
                "^", "{", "-", "1", "}"]
            if kind == "NAME" and value[:1].isupper() and value != "I" and (inverse or subscripted):
                name = f"{value}_{tokens[i + 2][1]}" if subscripted else value
                found.setdefault(name, "inverted beside the identity I")
    return found


def evidence(text: str, declarations, exprs, formulas=(), used=None) -> dict[str, tuple[Shape, str]]:
    """Every matrix name of the document with its evidence; a written shape beats the naming
    convention's default. ``declarations``: the formulas that may declare (inline and display);
    ``formulas``: every formula's text, for the names written with a transpose; ``used``: names that
    a formula uses as matrices (``kinds.matrices_by_use``), name -> why."""
    found = {name: (shape, "built as a matrix") for name, shape in built(exprs).items()}
    for name, shape in transposed(formulas).items():
        found.setdefault(name, (shape, "a transpose"))
    for name, why in {**beside_identity(formulas), **(used or {})}.items():
        found.setdefault(name, (None if name[:1].isupper() else (size("n"), Integer(1)), why))
    sources = [named_in_prose(text)] + [{n: (shape, "declared in R^...") for n, shape in declared(f).items()}
                                        for f in declarations]
    for source in sources:
        for name, (shape, why) in source.items():
            if shape is not None or name not in found:
                found[name] = (shape, why)
    return found


def defined_as_matrices(statements, texts: list[str] = ()) -> dict[str, tuple[Shape, str]]:
    """``M = \\begin{bmatrix} ... \\end{bmatrix}``: M is a matrix of that shape in every formula, so that
    ``\\lambda(M)``, ``\\det M``, ``M^2`` read as what they are of a matrix."""
    found: dict[str, tuple[Shape, str]] = {}
    tuples: dict[str, tuple[str, int]] = {}
    for statement, source in statements:
        exprs, relations = statement.exprs, statement.relations
        if statement.lead is None and len(exprs) >= 2 and relations[:1] in (("=",), (":=",)) \
                and isinstance(exprs[0], Symbol) and isinstance(exprs[1], sympy.ImmutableMatrix):
            rows, cols = exprs[1].shape
            found.setdefault(exprs[0].name, ((Integer(rows), Integer(cols)), "defined as a matrix"))
            written = _TUPLE_DEFINITION.match(source)
            if written and cols == 1 and rows > 1:
                tuples[exprs[0].name] = (written.group(1).strip(), rows)
    for name, (written, length) in tuples.items():
        if _before_a_matrix(written, length, found, list(texts) or [source for _, source in statements]):
            found[name] = ((Integer(1), Integer(length)), "a tuple multiplied with a matrix as a row")
    return found


_TUPLE_DEFINITION = re.compile(r"^\s*([^=]+?)\s*(?::=|=)\s*\(\s*[^()]*,[^()]*\)\s*$")


def _before_a_matrix(written: str, length: int, found: dict, sources: list[str]) -> bool:
    """``\\sigma_r B`` with B defined with as many rows as the tuple ``\\sigma_r = (a, b)`` has entries, or
    ``A \\sigma_c^T`` with as many columns: the tuple, which has no orientation, is the row the product needs
    (a mixed strategy in game theory)."""
    after = re.compile(re.escape(written) + r"\s*(?:\\cdot\s*)?([A-Z])(?![A-Za-z_])")
    transposed = re.compile(r"(?<![A-Za-z\\])([A-Z])\s*(?:\\cdot\s*)?" + re.escape(written)
                            + r"\s*\^\s*(?:\{\s*)?(?:T|\\top|\\intercal)\b")  # A \sigma_c^T: the row, transposed
    for source in sources:
        for match in after.finditer(source):
            shape = found.get(match.group(1), (None,))[0]
            if shape is not None and shape[0] == length and shape[1] != 1:
                return True
        for match in transposed.finditer(source):
            shape = found.get(match.group(1), (None,))[0]
            if shape is not None and shape[1] == length and shape[0] != 1:
                return True
    return False


def shapes(found: dict[str, tuple[Shape, str]]) -> dict[str, Shape]:
    """name -> shape (None: by the naming convention), as the parser takes them."""
    return {name: shape for name, (shape, _) in found.items()}


def shape_symbols(found: dict[str, tuple[Shape, str]]) -> set[str]:
    """The sizes written in declarations: they occur in the file."""
    return {s.name for shape, _ in found.values() if shape for side in shape for s in side.free_symbols}
