"""Read plain ASCII math (``log(p(x|z)*p(z)/q(z|x))``, ``sqrt(1+eta^2)``) into the same tokens as LaTeX.

Identifiers are whole words (``eta``, ``d_k`` is ``d`` sub ``k``); function words
and Greek names mean what their LaTeX macros mean, so both notations give the
same SymPy objects.
"""
from __future__ import annotations

import re

from .diagnostics import limit_error
from .limits import Limits
from .tokens import TokenStream, mark_calls, pair_bars
from . import lexicon

_IDENT = re.compile(r"[A-Za-z][A-Za-z0-9]*'*")
_NUMBER = re.compile(r"[0-9]+(?:\.[0-9]+)?|\.[0-9]+")
_AHEAD = re.compile(r"\s*(\S)")
_OPS = [("**", "CARET"), ("||", "DPIPE"), ("<=", "LE"), (">=", "GE"), ("!=", "NE"), ("==", "EQ"),
        ("~=", "APPROX"), (":=", "DEFEQ"), ("+-", "PM"), ("+", "PLUS"), ("-", "MINUS"), ("*", "TIMES"),
        ("/", "DIV"), ("^", "CARET"), ("_", "UNDERSCORE"), ("(", "LPAR"), (")", "RPAR"), ("[", "LBRACK"),
        ("]", "RBRACK"), ("{", "LBRACE"), ("}", "RBRACE"), ("|", "PIPE"), (",", "COMMA"), (";", "SEMI"),
        ("=", "EQ"), ("<", "LT"), (">", "GT"), ("!", "BANG"), ("~", "SIM")]
_WORDS = {"sqrt": "SQRT", "KL": "KL", "inf": "NAME", "oo": "NAME"}


def _word_kind(word: str, following: str) -> tuple[str, str]:
    if word in ("O", "Theta", "Omega") and following == "(":
        return "BIGO", word
    if word == "E" and following in "_[":
        return "EXPECT", word
    if word == "N" and following == "(":
        return "NORMAL", word
    if word in ("inf", "infinity", "oo"):
        return "NAME", "infty"
    if word in lexicon.MOMENT_SPELLINGS and following and following in "([":  # var(X): the variance, as in LaTeX
        return "NAME", lexicon.MOMENT_SPELLINGS[word]
    if word in _WORDS:
        return _WORDS[word], word
    if word in lexicon.FUNCTIONS:
        return "FUNC", word
    if word in lexicon.OPERATORS:
        return "OPER", word
    return "NAME", word


_UNICODE_KINDS = {"-": "MINUS", "pm": "PM", "mp": "MP", "cdot": "TIMES", "times": "TIMES", "le": "LE", "ge": "GE",
                  "neq": "NE", "approx": "APPROX", "sqrt": "SQRT", "|": "DPIPE", "sim": "SIM"}


def _unicode_token(char: str) -> tuple[str, str] | None:
    """``η``, ``−``, ``≤``, ``√`` typed in an ASCII formula: the token its ASCII spelling gives."""
    macro = lexicon.UNICODE_MACROS[char]
    if macro in lexicon.GREEK:
        return "NAME", macro
    if macro == "infty":
        return "NAME", "infty"
    kind = _UNICODE_KINDS.get(macro)
    return (kind, char) if kind else None


def lex_ascii(text: str, limits: Limits, origin: tuple[int, int] = (1, 1)) -> list:
    """Tokens of one ASCII formula, ready for the grammar."""
    out, pos, spaced = TokenStream(text, origin, limits), 0, False
    while pos < len(text):
        char = text[pos]
        if char.isspace():
            pos, spaced = pos + 1, True
            continue
        if lexicon.typed_times(text, pos):
            out.add("TIMES", "x", pos, spaced)
            found = re.compile("x").match(text, pos)
        elif char.isascii() and char.isalpha():
            found = _IDENT.match(text, pos)
            ahead = _AHEAD.match(text, found.end())
            out.add(*_word_kind(found.group(), ahead.group(1) if ahead else ""), pos, spaced)
        elif char in "0123456789" or char == "." and _NUMBER.match(text, pos):
            found = _NUMBER.match(text, pos)
            if len(found.group()) - found.group().count(".") > limits.max_digits:
                raise limit_error("max_digits", f"a number with more than {limits.max_digits} digits",
                                  text, pos, origin)
            out.add("NUMBER", found.group(), pos, spaced)
        elif char in lexicon.UNICODE_MACROS and _unicode_token(char):
            out.add(*_unicode_token(char), pos, spaced)
            found = re.compile(re.escape(char)).match(text, pos)
        else:
            op = next(((sym, kind) for sym, kind in _OPS if text.startswith(sym, pos)), None)
            if op is None:
                raise out.error(f"unexpected character {char!r}", pos)
            out.add(op[1], op[0], pos, spaced)
            found = re.compile(re.escape(op[0])).match(text, pos)
        pos, spaced = found.end(), False
    return pair_bars(mark_calls(out))
