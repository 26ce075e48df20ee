"""A small, safe reader for the mathematics a rubric and its answers need.

It is the fallback used until (and wherever) the project parser in
``verify.parsing`` cannot be imported. Recursive descent over tokens: no text
ever reaches eval, sympify or parse_expr. Symbols come from a namespace so they
carry the context's assumptions (``Symbol("t", positive=True)`` is not ``t``).

>>> from sympy import Symbol
>>> read_math(r"O(t \\cdot n^2)", {})
BigO(n**2*t)
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import sympy
from sympy import Expr, Function, Integer, Integral, Rational, Symbol

from ..errors import LimitExceeded, ParseError
from ..vocabulary import BigO, BigOmega, Density, Expectation, Theta

MAX_LENGTH = 4000
MAX_DEPTH = 60
MAX_EXPONENT = 64

_TOKEN = re.compile(r"\s*(\\[A-Za-z]+|\\.|\d+(?:\.\d+)?|[A-Za-z]|[-+*/^_(){}\[\]|,=<>'!])")
_SKIP = {r"\left", r"\right", r"\quad", r"\qquad", r"\,", r"\;", r"\!", r"\big", r"\Big", r"\bigg",
         r"\Bigg", r"\displaystyle", r"\ "}
_GREEK = {"alpha", "beta", "gamma", "delta", "epsilon", "eta", "theta", "lambda", "mu", "sigma", "tau",
          "phi", "psi", "xi", "nu", "rho", "omega", "pi", "varepsilon", "kappa", "zeta", "chi"}
_FUNCS = {"log": sympy.log, "ln": sympy.log, "exp": sympy.exp, "sqrt": sympy.sqrt}
_CLASSES = {"O": BigO, "Theta": Theta, "Omega": BigOmega}
_TRANSPOSE = {"T", r"\top", r"\intercal"}


@dataclass(frozen=True)
class Namespace:
    """How names are read: assumptions, which letters are densities, which are matrices."""

    symbols: dict = field(default_factory=dict)
    densities: frozenset = frozenset({"p", "q"})
    matrices: frozenset = frozenset()
    ascii: bool = False  # multi-letter names (``eta``) instead of one letter per symbol


def tokens(text: str) -> list[str]:
    if len(text) > MAX_LENGTH:
        raise LimitExceeded(f"expression longer than {MAX_LENGTH} characters")
    out, position = [], 0
    text = text.replace("\\{", "(").replace("\\}", ")")
    while position < len(text):
        match = _TOKEN.match(text, position)
        if match is None:
            if text[position:].strip() == "":
                break
            raise ParseError(f"unexpected character {text[position]!r}", 1, position + 1)
        position = match.end()
        if match.group(1) not in _SKIP:
            out.append(match.group(1))
    return out


class _Reader:
    def __init__(self, text: str, names: Namespace):
        self.items = tokens(text)
        self.names = names
        self.at = 0
        self.depth = 0

    def peek(self, ahead: int = 0) -> str | None:
        index = self.at + ahead
        return self.items[index] if index < len(self.items) else None

    def take(self, expected: str | None = None) -> str:
        token = self.peek()
        if token is None or (expected is not None and token != expected):
            raise ParseError(f"expected {expected or 'more input'}, found {token or 'the end'}", 1, self.at + 1)
        self.at += 1
        return token

    def accept(self, *options: str) -> str | None:
        return self.take() if self.peek() in options else None

    # expression := term (('+' | '-') term)*
    def expression(self) -> Expr:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise LimitExceeded(f"nesting deeper than {MAX_DEPTH}")
        value = self.term()
        while (sign := self.accept("+", "-")) is not None:
            value = value + self.term() if sign == "+" else value - self.term()
        self.depth -= 1
        return value

    def term(self) -> Expr:
        value = self.unary()
        while True:
            if self.accept("*", r"\cdot", r"\times") is not None:
                value = value * self.unary()
            elif self.accept("/") is not None:
                value = value / self.unary()
            elif self.starts_atom():
                value = value * self.unary()
            else:
                return value

    def starts_atom(self) -> bool:
        token = self.peek()
        if token is None or token in {"+", "-", ")", "]", "}", "|", ",", "=", "<", ">", "^", "_"}:
            return False
        return not (token == "d" and self._is_differential())

    def _is_differential(self) -> bool:
        return self.peek(1) is not None and self.peek(1).isalpha() and len(self.peek(1)) == 1 and self.in_integral

    in_integral = 0

    def unary(self) -> Expr:
        if self.accept("-") is not None:
            return -self.unary()
        if self.accept("+") is not None:
            return self.unary()
        return self.power(self.atom())

    def power(self, base: Expr) -> Expr:
        if self.accept("^") is None:
            return base
        if self.peek() in _TRANSPOSE or (self.peek() == "{" and self.peek(1) in _TRANSPOSE and self.peek(2) == "}"):
            braced = self.accept("{") is not None
            self.take()
            if braced:
                self.take("}")
            return Symbol(f"{base}^T", commutative=False)
        exponent = self.group() if self.peek() == "{" else self.small_atom()
        if exponent.is_Number and abs(exponent) > MAX_EXPONENT:
            raise LimitExceeded(f"exponent {exponent} larger than {MAX_EXPONENT}")
        return base ** exponent

    def group(self) -> Expr:
        opener = self.take()
        closer = {"{": "}", "(": ")", "[": "]"}.get(opener)
        if closer is None:
            raise ParseError(f"expected a group, found {opener}", 1, self.at)
        value = self.expression()
        self.take(closer)
        return value

    def small_atom(self) -> Expr:
        token = self.take()
        if re.fullmatch(r"\d+(\.\d+)?", token):
            return Rational(token) if "." in token else Integer(token)
        return self.symbol(token)

    def atom(self) -> Expr:
        token = self.peek()
        if token in ("(", "{", "["):
            return self.group()
        if token == r"\frac":
            self.take()
            return self.group() / self.group()
        if token in (r"\text", r"\mathrm", r"\operatorname", r"\mathbb", r"\mathcal", r"\mathbf"):
            return self.named()
        if token == r"\int":
            return self.integral()
        if token is not None and token.startswith("\\") and token[1:] in _FUNCS:
            return self.function(self.take()[1:])
        return self.name_or_number()

    def named(self) -> Expr:
        self.take()
        self.take("{")
        name = ""
        while self.peek() != "}":
            name += self.take()
        self.take("}")
        if name == "E":
            return self.expectation()
        return self.function(name)

    def function(self, name: str) -> Expr:
        if name == "sqrt" and self.peek() == "{":
            return sympy.sqrt(self.group())
        if name in ("log", "ln", "exp") and self.peek() not in ("(", "{", "["):
            return _FUNCS[name](self.term_for_log())
        if name in _CLASSES:
            return _CLASSES[name](self.group())
        argument = self.group()
        return _FUNCS[name](argument) if name in _FUNCS else Function(name)(argument)

    def term_for_log(self) -> Expr:
        """``\\log p(x|z) p(z)`` reads as ``log(p(x|z)) p(z)``: the argument is one factor."""
        return self.power(self.atom())

    def integral(self) -> Expr:
        self.take(r"\int")
        self.in_integral += 1
        body = self.expression()
        self.in_integral -= 1
        self.take("d")
        variable = self.symbol(self.take())
        return Integral(body, variable)

    def expectation(self) -> Expr:
        self.take("_")
        dist = self.group() if self.peek() == "{" else self.atom()
        body = self.group()
        if not isinstance(dist, Density):
            raise ParseError("an expectation needs a density such as q(z|x) as subscript", 1, self.at)
        return Expectation(body, dist)

    def name_or_number(self) -> Expr:
        token = self.take()
        if re.fullmatch(r"\d+(\.\d+)?", token):
            return Rational(token) if "." in token else Integer(token)
        if token.startswith("\\") and token[1:] in _CLASSES:
            return _CLASSES[token[1:]](self.group())
        name = self.ascii_name(token) if self.names.ascii and token.isalpha() else token
        if name in _CLASSES and self.peek() == "(":
            return _CLASSES[name](self.group())
        if name == "E" and self.peek() == "_":
            return self.expectation()
        if name in self.names.densities and self.peek() == "(":
            return self.density(name)
        if self.names.ascii and name in _FUNCS and self.peek() == "(":
            return _FUNCS[name](self.group())
        return self.symbol(name)

    def ascii_name(self, first: str) -> str:
        name = first
        while self.peek() is not None and re.fullmatch(r"[A-Za-z]|\d+", self.peek()):
            name += self.take()
        return name

    def density(self, name: str) -> Expr:
        self.take("(")
        variables, given = [self.symbol(self.take())], []
        target = variables
        while (token := self.take()) != ")":
            if token == "|":
                target = given
            elif token != ",":
                target.append(self.symbol(token))
        return Density(name, tuple(variables), tuple(given))

    def symbol(self, token: str) -> Expr:
        if token.startswith("\\"):
            if token[1:] not in _GREEK:
                raise ParseError(f"unknown macro {token}", 1, self.at)
            token = token[1:]
        if not re.fullmatch(r"[A-Za-z]\w*", token):
            raise ParseError(f"expected a name, found {token}", 1, self.at)
        if self.accept("_") is not None:
            token = f"{token}_{self.subscript()}"
        if token in self.names.symbols:
            return self.names.symbols[token]
        return Symbol(token, commutative=token not in self.names.matrices)

    def subscript(self) -> str:
        if self.accept("{") is None:
            return self.take().lstrip("\\")
        parts = []
        while self.peek() != "}":
            parts.append(self.take().lstrip("\\"))
        self.take("}")
        return "".join(parts)


def read_math(text: str, names: Namespace | dict) -> Expr:
    """Read one expression (LaTeX, or ASCII when ``names.ascii``); raises ParseError."""
    names = names if isinstance(names, Namespace) else Namespace(symbols=dict(names))
    reader = _Reader(text, names)
    value = reader.expression()
    if reader.peek() is not None:
        raise ParseError(f"unexpected {reader.peek()!r} after the expression", 1, reader.at + 1)
    return value
