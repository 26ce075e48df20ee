"""What both lexers share: the token record, bracket matching and call detection.

Lexing is a plain loop (no recursion), so depth and size are checked here,
before lark or the transformer could recurse on hostile nesting.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from lark import Token

from ..errors import ParseError
from .diagnostics import limit_error, parse_error
from .lexicon import APPLIED_NAMES
from .limits import Limits

OPENERS = {"LPAR": "RPAR", "CALL_LPAR": "RPAR", "LBRACK": "RBRACK", "CALL_LBRACK": "RBRACK", "LBRACE": "RBRACE",
           "BEGIN_MATRIX": "END_MATRIX", "LABS": "RABS", "LNORM": "RNORM", "LANGLE": "RANGLE",
           "LFLOOR": "RFLOOR", "LCEIL": "RCEIL", "LEVAL": "REVAL", "BEGIN_CASES": "END_CASES"}
CLOSERS = {v: k for k, v in OPENERS.items() if not k.startswith("CALL_")}
CALL_HEADS = frozenset({"FUNC", "BIGO", "KL", "JS", "DIVERGENCE", "NORMAL", "SQRT"})


@dataclass
class TokenStream:
    """Tokens with, for each, whether white space came before it; ``text`` is what they were read from."""

    text: str
    origin: tuple[int, int]
    limits: Limits
    tokens: list[Token] = field(default_factory=list)
    spaced: list[bool] = field(default_factory=list)

    def add(self, kind: str, value: str, pos: int, spaced: bool) -> None:
        if len(self.tokens) >= self.limits.max_tokens:
            raise limit_error("max_tokens", f"more than {self.limits.max_tokens} tokens in one formula",
                              self.text, pos, self.origin)
        self.tokens.append(Token(kind, value, start_pos=pos))
        self.spaced.append(spaced)

    def error(self, label: str, pos: int) -> ParseError:
        return parse_error(label, self.text, pos, self.origin)


def match_brackets(stream: TokenStream) -> dict[int, int]:
    """For every opening bracket, the index of its closer; refuses unbalanced or too deep nesting."""
    stack: list[int] = []
    partner: dict[int, int] = {}
    for i, token in enumerate(stream.tokens):
        if token.type in OPENERS:
            stack.append(i)
            if len(stack) > stream.limits.max_depth:
                raise limit_error("max_depth", f"brackets nested more than {stream.limits.max_depth} deep",
                                  stream.text, token.start_pos, stream.origin)
        elif token.type in CLOSERS:
            if not stack:
                raise stream.error(f"{token.value} closes nothing", token.start_pos)
            opener = stream.tokens[stack[-1]]
            if OPENERS[opener.type] != token.type:
                raise stream.error(f"{token.value} does not close the {opener.value} opened before it",
                                   token.start_pos)
            partner[stack.pop()] = i
    if stack:
        opener = stream.tokens[stack[-1]]
        raise stream.error(f"unclosed {opener.value}", opener.start_pos)
    return partner


def _is_call_head(stream: TokenStream, i: int, partner_of: dict[int, int]) -> bool:
    """Token ``i`` ends a name (or a function word) that an adjacent '(' applies to."""
    if i < 0:
        return False
    token = stream.tokens[i]
    if token.type == "NAME" and i > 0 and stream.tokens[i - 1].type == "CARET":
        return _superscript_applies(stream, i)
    if token.type in CALL_HEADS or token.type == "NAME":
        return True
    if token.type == "RBRACE":  # the end of a subscript group: q_{\phi}(z)
        opener = partner_of.get(i)
        return opener is not None and opener > 0 and stream.tokens[opener - 1].type == "UNDERSCORE"
    if token.type == "NUMBER" and i >= 2 and stream.tokens[i - 1].type == "UNDERSCORE" \
            and stream.tokens[i - 2].type == "NAME":  # f_1(x): a one-digit subscript, as f_{1}(x) is
        return True
    return False


def _superscript_applies(stream: TokenStream, i: int) -> bool:
    """An unbraced one-token superscript ends at that token, so ``X^T(Xw - y)`` and ``e^x(1 - x)`` are
    products, as they print. ``e^f(x)`` prints the same way but is often meant as ``e^{f(x)}``: a bracket
    holding one name stays a call there, which the grammar then refuses, rather than a silent guess."""
    if str(stream.tokens[i].value) == "T":
        return False
    j = i + 1
    inside = stream.tokens[j + 1:j + 3]
    return len(inside) == 2 and inside[0].type in ("NAME", "NUMBER") and inside[1].type == "RPAR"


def mark_calls(stream: TokenStream) -> list[Token]:
    """Turn '(' into CALL_LPAR where it applies a function, and unwrap SymPy's ``f{\\left(x\\right)}``."""
    pairs = match_brackets(stream)
    closing = {v: k for k, v in pairs.items()}
    tokens, drop = list(stream.tokens), set()
    for i, token in enumerate(tokens):
        if token.type == "LBRACE" and i + 1 < len(tokens) and tokens[i + 1].type == "LPAR":
            inner_close = pairs[i + 1]
            if pairs[i] == inner_close + 1 and _is_call_head(stream, i - 1, closing):
                drop.update((i, pairs[i]))
                tokens[i + 1] = Token("CALL_LPAR", tokens[i + 1].value, start_pos=tokens[i + 1].start_pos)
        elif token.type == "LPAR" and _is_call_head(stream, i - 1, closing):
            head = tokens[i - 1]
            if head.type in CALL_HEADS or not stream.spaced[i] or str(head.value) in APPLIED_NAMES \
                    or _conditional_inside(tokens, i, pairs[i]) or _density_at_a_name(stream, i, pairs, closing):
                tokens[i] = Token("CALL_LPAR", token.value, start_pos=token.start_pos)
        elif token.type == "LBRACK" and _bracket_applies(stream, i, closing):
            tokens[i] = Token("CALL_LBRACK", token.value, start_pos=token.start_pos)
    return [t for i, t in enumerate(tokens) if i not in drop]


_DENSITY_LETTERS = frozenset("pqPQ")


def _density_at_a_name(stream: TokenStream, i: int, pairs: dict[int, int], closing: dict[int, int]) -> bool:
    """``q_{\\phi} (z)``, ``p (x)``: a density's letter (p, q, P, Q, subscripted or not) before a spaced
    bracket holding one name (``z``, ``z_1``, ``\\mathbf{x}``) is that density at the name, as OCR'd and
    hand-typed notes space it; ``p (1 - p)`` and ``q (x + y)`` stay products."""
    tokens = stream.tokens
    head = i - 1
    if tokens[head].type == "RBRACE":
        head = closing[head] - 2
    elif head >= 2 and tokens[head - 1].type == "UNDERSCORE":  # p_\\theta (z)
        head -= 2
    if head < 0 or tokens[head].type != "NAME" or str(tokens[head].value) not in _DENSITY_LETTERS:
        return False
    inside = tokens[i + 1:pairs[i]]
    if not inside or inside[0].type != "NAME":
        return False
    if len(inside) == 1:
        return True
    if inside[1].type != "UNDERSCORE":
        return False
    if len(inside) == 3:
        return inside[2].type in ("NAME", "NUMBER")
    return inside[2].type == "LBRACE" and pairs.get(i + 3) == pairs[i] - 1


def _conditional_inside(tokens: list[Token], start: int, end: int) -> bool:
    """``p (x|z)``, ``p_{\\theta} (x \\mid z)``: one bar at the top level of the bracket is a conditional,
    so the name before it is applied even across a space (a product ``p \\cdot (x|z)`` means nothing);
    two bars there (``a (|x| + 1)``) are an absolute value, and the space keeps the product. A comma at the
    top level (OCR's ``p ( x , z )``) is a list of arguments for the same reason."""
    depth, bars = 0, 0
    for token in tokens[start + 1:end]:
        if token.type in OPENERS:
            depth += 1
        elif token.type in CLOSERS:
            depth -= 1
        elif depth == 0 and token.type == "PIPE":
            bars += 1
        elif depth == 0 and token.type == "COMMA":
            return True
    return bars == 1


def _bracket_applies(stream: TokenStream, i: int, closing: dict[int, int]) -> bool:
    """``Var[X]``, ``KL[q || p]``, ``V[aX]``, ``P_\\theta[A]``: a name right before '[' applies to it.
    A product ``V [aX]`` is never taken silently: with a space between, the reading is refused."""
    head = stream.tokens[i - 1] if i > 0 else None
    if head is None:
        return False
    if head.type in ("KL", "JS", "DIVERGENCE") or (head.type == "NAME" and str(head.value) in APPLIED_NAMES):
        return True
    if not _names_bracket_head(stream, i - 1, closing):
        return False
    if stream.spaced[i]:
        raise stream.error("a name followed by [...] with a space: write f[x] or f(x) for an application, "
                           "a \\cdot b or a (b) for a product", stream.tokens[i].start_pos)
    return True


def _names_bracket_head(stream: TokenStream, i: int, closing: dict[int, int]) -> bool:
    """Token ``i`` ends a name: ``V``, ``P_A`` or ``p_{\\theta}`` (not ``E_p``, ``\\sum_j`` or ``x^2``)."""
    tokens = stream.tokens
    token = tokens[i]
    if token.type == "RBRACE":
        opener = closing.get(i)
        return opener is not None and opener > 1 and tokens[opener - 1].type == "UNDERSCORE" \
            and tokens[opener - 2].type == "NAME"
    if token.type != "NAME":
        return False
    if i > 0 and tokens[i - 1].type == "CARET":
        return False
    return not (i > 0 and tokens[i - 1].type == "UNDERSCORE" and (i < 2 or tokens[i - 2].type != "NAME"))


_BARS = {"PIPE": ("LABS", "RABS"), "DPIPE": ("LNORM", "RNORM")}


def pair_bars(tokens: list[Token]) -> list[Token]:
    """``|x|`` -> LABS x RABS and ``\\|v\\|`` -> LNORM v RNORM, pairing bars at the same bracket depth.
    A bar directly inside a name's call (``p(x|z)``) or KL's (``KL(q || p)``) separates arguments,
    ``\\mid`` always does, and a bar left without a partner stays what it was."""
    out = list(tokens)
    open_bars: list[int | None] = []  # per bracket level: the index of an unclosed bar, or None
    calls: list[bool] = [False]  # per bracket level: directly inside a call of a name or KL
    for i, token in enumerate(tokens):
        if token.type in OPENERS:
            calls.append(token.type in ("CALL_LPAR", "CALL_LBRACK") and i > 0
                         and tokens[i - 1].type in ("NAME", "KL", "JS", "DIVERGENCE", "RBRACE"))
            open_bars.append(None)
        elif token.type in CLOSERS and len(calls) > 1:
            calls.pop(), open_bars.pop()
        elif token.type in _BARS and not calls[-1] and str(token.value) != "\\mid":
            _pair(out, open_bars, i)
    return out


def _pair(out: list[Token], open_bars: list, i: int) -> None:
    if not open_bars:
        open_bars.append(None)
    opener = open_bars[-1]
    if opener is not None and out[opener].type == out[i].type:
        left, right = _BARS[out[i].type]
        out[opener] = Token(left, out[opener].value, start_pos=out[opener].start_pos)
        out[i] = Token(right, out[i].value, start_pos=out[i].start_pos)
        open_bars[-1] = None
    else:
        open_bars[-1] = i


def script_unit_end(tokens: list, i: int) -> int:
    """The end of the script unit at ``i`` (after ``_`` or ``^``): one token, or a braced group."""
    if i >= len(tokens):
        return i
    if tokens[i].type != "LBRACE":
        return i + 1
    depth = 0
    for j in range(i, len(tokens)):
        depth += {"LBRACE": 1, "RBRACE": -1}.get(tokens[j].type, 0)
        if depth == 0:
            return j + 1
    return len(tokens)
