"""Read LaTeX math into tokens: macros are looked up in a table, never expanded.

Unknown macros and TeX primitives are errors naming the macro and its position.
Letters are single-letter names (``pq`` is p times q), except a few words people
write without a backslash (``log``, ``softmax``) and the heads ``E_``, ``O(``, ``KL(``.
"""
from __future__ import annotations

import re

from .bars import trailing_bars
from .diagnostics import limit_error
from .ellipses import read_ellipses
from .expectation_heads import is_subscripted_name
from .implicit_differentials import supply_differentials
from .limits import Limits
from .tokens import TokenStream, mark_calls, pair_bars
from . import lexicon

_MACRO = re.compile(r"\\([A-Za-z]+|.)", re.S)
_STAR = re.compile(r"\^\s*(?:\{\s*(?:\*|\\ast|\\star)\s*\}|\*|\\ast(?![A-Za-z])|\\star(?![A-Za-z]))")
_NUMBER = re.compile(r"[0-9]+(?:\.[0-9]+)?|\.[0-9]+")
_INDICATOR = re.compile(
    r"(?:\\(?:mathbb|mathbf|mathds|bm|boldsymbol)\s*\{\s*1\s*\}|\\mathbb\s*1|1(?![0-9.]))\s*"
    r"(?:_\s*\{\s*(?:\\\{\s*)?(?P<a>[A-Za-z])\s*(?P<rel>=|\\neq?(?![A-Za-z])|\\not\s*=)\s*(?P<b>[A-Za-z])\s*(?:\\\}\s*)?\}"
    r"|\[\s*(?P<c>[A-Za-z])\s*(?P<rel2>=|\\neq?(?![A-Za-z]))\s*(?P<d>[A-Za-z])\s*\])")
_GROUP = re.compile(r"\s*\{([^{}]*)\}")
_RUN = re.compile(r"[A-Za-z]+")
_ESCAPED_IDENTIFIER = re.compile(r"(?:\\_[A-Za-z0-9]+)+")
_BARE_JS = re.compile(r"JSD?(?![A-Za-z])")
_SUPERSCRIPT_PRIME = re.compile(r"\^\s*\{\s*((?:'|\\prime(?![A-Za-z])\s*)+)\s*\}|\^\s*(\\prime)(?![A-Za-z])")
_RANGE_SUBSCRIPT = re.compile(r"_\{\s*([A-Za-z0-9]+(?:\s*[+-]\s*[0-9]+)?)\s*:\s*([A-Za-z0-9]+(?:\s*[+-]\s*[0-9]+)?)\s*\}")
_SUPERSCRIPT_INDEX = re.compile(r"\^\s*\{\s*([(\[])\s*([A-Za-z](?:\s*[+-]\s*[0-9]+)?|[0-9]+)\s*[)\]]\s*\}")
_GLUED_LOG = re.compile(r"(log|ln)[A-Za-z]")
_CODE_TAIL = re.compile(r"(?:_[A-Za-z][A-Za-z0-9]+)+(?![A-Za-z0-9_{\\])")
_UNBRACED_SUBSCRIPT = re.compile(r"_([A-Za-z]{2,})(?![A-Za-z0-9_{])")
_KL_SUB = re.compile("D" + lexicon.KL_SUBSCRIPT)
_JS_SUB = re.compile(r"D_\{?\s*(?:\\(?:mathrm|text|textrm|operatorname|mathit)\s*\{\s*(JSD?)\s*\}|(JSD?))\s*\}?")
_AHEAD_CALL = re.compile(r"\s*(?:\\(?:left|big|Big|bigg|Bigg|bigl|Bigl)\s*)?\(")
_AHEAD_APPLIED = re.compile(r"\s*(?:\\(?:left|big|Big|bigg|Bigg|bigl|Bigl)\s*)?[(\[]")
_AHEAD_EXPECT = re.compile(r"\s*(?:_|\[|\\(?:left|big|Big|bigg|Bigg|bigl|Bigl)\s*\[)")
_DIFF_VAR = re.compile(r"d\s*(?:\\[,;: !]\s*)*(?:([A-Za-z])(?![A-Za-z])|\\([A-Za-z]+))")
_DIFF_BOLD = re.compile(r"d\s*(?:\\[,;: !]\s*)*(?:\\(?:mathbf|boldsymbol|bm)\s*\{\s*(\\?[A-Za-z]+)\s*\}"
                        r"|\{\s*\\bf\s+(\\?[A-Za-z]+)\s*\})")
_SINGLE = {"+": "PLUS", "-": "MINUS", "*": "TIMES", "/": "DIV", "^": "CARET", "_": "UNDERSCORE", "(": "LPAR",
           ")": "RPAR", "[": "LBRACK", "]": "RBRACK", "{": "LBRACE", "}": "RBRACE", "|": "PIPE", ",": "COMMA",
           ";": "SEMI", "=": "EQ", "<": "LT", ">": "GT", "!": "BANG", "&": "AMP"}
_SUPERSCRIPT_CHARS = "⁰¹²³⁴⁵⁶⁷⁸⁹⁻"
_SUPERSCRIPTS = str.maketrans(_SUPERSCRIPT_CHARS, "0123456789-")
_DOUBLE = {"||": "DPIPE", ":=": "DEFEQ", "<=": "LE", ">=": "GE", "!=": "NE", ">>": "GT", "<<": "LT"}


class LatexLexer:
    """One pass over the text; keeps the bracket depth so ``dz`` is recognised only where an integral is open."""

    def __init__(self, text: str, limits: Limits, origin: tuple[int, int] = (1, 1), words: frozenset = frozenset()):
        self.text, self.pos, self.spaced = text, 0, False
        self.words = words  # words the document gives a value (``defined_words``): one name each
        self.out = TokenStream(text, origin, limits)
        self.depth = 0
        self.integrals: list[int] = []  # bracket depth at each open \int
        self.cases: list[int] = []  # bracket depth at each open cases environment
        self.braced_notes: set[int] = set()  # positions of the '}' closing \underbrace{X}: its note follows
        self.lefts: list[tuple[str, int]] = []  # each open \left: its delimiter and the index of its token
        self.dropped_braces: set[int] = set()  # positions of the '}' closing \mathbf{W_q}: read as \mathbf{W}_q
        self.groups: list[int] = []  # the token index of each open '{', innermost last (for TeX's \over)

    def emit(self, kind: str, value: str, pos: int) -> None:
        if kind in ("LPAR", "LBRACK", "LBRACE", "BEGIN_MATRIX", "LABS", "LNORM", "LANGLE", "LFLOOR", "LCEIL", "LEVAL",
                    "BEGIN_CASES"):
            self.depth += 1
            if self.depth > self.out.limits.max_depth:
                raise limit_error("max_depth", f"brackets nested more than {self.out.limits.max_depth} deep",
                                  self.text, pos, self.out.origin)
        elif kind in ("RPAR", "RBRACK", "RBRACE", "END_MATRIX", "RABS", "RNORM", "RANGLE", "RFLOOR", "RCEIL", "REVAL",
                      "END_CASES"):
            self.depth -= 1
        if kind == "LBRACE":
            self.groups.append(len(self.out.tokens))
        elif kind == "RBRACE" and self.groups:
            self.groups.pop()
        self.out.add(kind, value, pos, self.spaced)
        self.spaced = False

    def run(self) -> list:
        text = self.text
        while self.pos < len(text):
            char = text[self.pos]
            if char.isspace() or char == "~":
                self.spaced, self.pos = True, self.pos + 1
            elif char in "1\\" and self.indicator():
                continue
            elif char == "\\":
                self.macro()
            elif char in _SUPERSCRIPT_CHARS:
                self.superscript()
            elif char in "0123456789" or (char == "." and _NUMBER.match(text, self.pos)):
                self.number()
            elif char.isalpha() and char.isascii():
                self.letter()
            elif char == "'":
                self.prime()
            elif char in lexicon.UNICODE_MACROS:
                self.unicode(char)
            elif char == "^" and (self.starred() or self.superscript_index() or self.superscript_prime()):
                continue
            elif char == "_" and self.range_subscript():
                continue
            else:
                self.symbol(char)
        return mark_calls(self.out)

    def indicator(self) -> bool:
        """``1_{i=j}``, ``\\mathbb{1}_{\\{i=j\\}}``, ``\\mathbb{1}[i=j]``: the indicator of two indices being equal,
        the Kronecker delta (of ``\\neq``: one minus it). Only between two one-letter indices."""
        found = _INDICATOR.match(self.text, self.pos)
        if found is None:
            return False
        start = self.pos
        first, relation, second = (found.group("a"), found.group("rel"), found.group("b")) if found.group("a") \
            else (found.group("c"), found.group("rel2"), found.group("d"))
        unequal = relation != "="
        if unequal:
            for kind, value in (("LPAR", "("), ("NUMBER", "1"), ("MINUS", "-")):
                self.emit(kind, value, start)
        for kind, value in (("NAME", lexicon.INDICATOR), ("UNDERSCORE", "_"), ("LBRACE", "{"),
                            ("NAME", first), ("NAME", second), ("RBRACE", "}")):
            self.emit(kind, value, start)
        if unequal:
            self.emit("RPAR", ")", start)
        self.pos = found.end()
        return True

    def superscript_index(self) -> bool:
        """``x^{(i)}``, ``\\mathbf{x}^{(i)}``, ``z^{(l+1)}``, ``W^{[l]}``: a bracketed superscript on a name is an index
        (the i-th example, the l-th layer; of a function, its n-th derivative), never a power: x^{(i)} is read as
        the entry i of a family named x^{()} (W^{[l]} of W^{[]}), as x_i is of x. They were x**i: silent misreads."""
        found = _SUPERSCRIPT_INDEX.match(self.text, self.pos)
        tokens = self.out.tokens
        if found is None or not tokens or tokens[-1].type != "NAME" or tokens[-1].value == "e":
            return False  # e^{(x)} is a power of Euler's number
        if (found.group(1) == "(") != found.group(0).rstrip("} ").endswith(")"):
            return False  # ^{(l]}: unbalanced, no index
        head = tokens[-1]
        marks = "()" if found.group(1) == "(" else "[]"  # x^{(i)} the i-th example, W^{[l]} the l-th layer
        tokens[-1] = type(head)("NAME", f"{head.value}^{marks}", start_pos=head.start_pos)
        at = found.start(2)
        self.emit("UNDERSCORE", "_", at)
        self.emit("LBRACE", "{", at)
        for part in re.finditer(r"[A-Za-z]|[0-9]+|[+-]", found.group(2)):
            kind = {"+": "PLUS", "-": "MINUS"}.get(part.group()) or ("NUMBER" if part.group().isdigit() else "NAME")
            self.emit(kind, part.group(), at + part.start())
        self.emit("RBRACE", "}", found.end(2))
        self.pos = found.end()
        return True

    def superscript_prime(self) -> bool:
        """``\\mathcal{G}^{'}``, ``f^{\\prime}``, ``g^{''}``: primes written as a superscript are the primes
        ``G'``, ``f'``, ``g''`` (a derivative's name), never a power."""
        found = _SUPERSCRIPT_PRIME.match(self.text, self.pos)
        tokens = self.out.tokens
        if found is None or not tokens or tokens[-1].type != "NAME":
            return False
        written = found.group(1) or found.group(2)
        count = written.count("'") + written.count("prime")
        last = tokens[-1]
        tokens[-1] = type(last)("NAME", last.value + "'" * count, start_pos=last.start_pos)
        self.pos = found.end()
        return True

    def range_subscript(self) -> bool:
        """``x_{1:T}``, ``\\mathbf{x}_{0:T}``: the sequence x_1, ..., x_T, one object of its own (a trajectory,
        a joint density's variable), named as ``x_{\\text{1:T}}`` is; its members are not read from it."""
        found = _RANGE_SUBSCRIPT.match(self.text, self.pos)
        tokens = self.out.tokens
        if found is None or not tokens or tokens[-1].type not in ("NAME", "DIFF"):  # d\mathbf{x}_{1:T} too
            return False
        self.emit("UNDERSCORE", "_", self.pos)
        self.emit("LBRACE", "{", found.start(1))
        self.emit("NAME", f"{found.group(1).replace(' ', '')}_{found.group(2).replace(' ', '')}", found.start(1))
        self.emit("RBRACE", "}", found.end() - 1)
        self.pos = found.end()
        return True

    def starred(self) -> bool:
        """``D^*``, ``\\theta^{*}``, ``x^\\star``: a star on a name marks another object (an optimum, a
        conjugate), so it is part of the name, never a power."""
        found = _STAR.match(self.text, self.pos)
        tokens = self.out.tokens
        if found is None or not tokens or tokens[-1].type != "NAME":
            return False
        tokens[-1] = type(tokens[-1])("NAME", f"{tokens[-1].value}^*", start_pos=tokens[-1].start_pos)
        self.pos = found.end()
        return True

    def unicode(self, char: str) -> None:
        """``η``, ``−``, ``≤``, ``∑`` as people and OCR tools type them: the macro each stands for."""
        start, macro = self.pos, lexicon.UNICODE_MACROS[char]
        self.pos += 1
        if macro == "-":
            self.emit("MINUS", char, start)
            return
        from .latex_macros import handle_macro

        handle_macro(self, macro, start)

    def number(self) -> None:
        found = _NUMBER.match(self.text, self.pos)
        tokens = self.out.tokens
        if tokens and tokens[-1].type in ("CARET", "UNDERSCORE") and len(found.group()) > 1:
            script = tokens[-1].value
            raise self.out.error(f"{script}{found.group()}: TeX takes only the first digit as the script "
                                 f"({script}{found.group()[0]} then {found.group()[1:]}); write {script}{{{found.group()}}}",
                                 self.pos)
        digits = len(found.group()) - found.group().count(".")
        if digits > self.out.limits.max_digits:
            raise limit_error("max_digits", f"a number with {digits} digits (at most "
                              f"{self.out.limits.max_digits})", self.text, self.pos, self.out.origin)
        self.emit("NUMBER", found.group(), self.pos)
        self.pos = found.end()

    def superscript(self) -> None:
        """``x²``, ``A⁻¹`` as people type them: the run of superscript characters is ``^{...}``."""
        start, end = self.pos, self.pos
        while end < len(self.text) and self.text[end] in _SUPERSCRIPT_CHARS:
            end += 1
        run = self.text[start:end].translate(_SUPERSCRIPTS)
        if not re.fullmatch(r"-?\d+", run):
            raise self.out.error(f"cannot read the superscript {self.text[start:end]!r} as a whole number", start)
        self.emit("CARET", "^", start)
        self.emit("LBRACE", "{", start)
        if run.startswith("-"):
            self.emit("MINUS", "-", start)
        self.pos = start
        digits = run.lstrip("-")
        if len(digits) > self.out.limits.max_digits:
            raise limit_error("max_digits", f"a number with {len(digits)} digits (at most "
                              f"{self.out.limits.max_digits})", self.text, start, self.out.origin)
        self.emit("NUMBER", digits, start)
        self.emit("RBRACE", "}", start)
        self.pos = end

    def symbol(self, char: str) -> None:
        pair = self.text[self.pos:self.pos + 2]
        if pair in _DOUBLE:
            self.emit(_DOUBLE[pair], pair, self.pos)
            self.pos += 2
        elif char == "}" and self.pos in self.dropped_braces:
            self.pos += 1
        elif char == "_" and self.unbraced_subscript():
            return
        elif char in _SINGLE:
            self.emit(_SINGLE[char], char, self.pos)
            self.pos += 1
            if char == "}" and self.pos - 1 in self.braced_notes:
                self.skip_note()
        else:
            raise self.out.error(f"unexpected character {char!r}", self.pos)

    def skip_note(self) -> None:
        """The ``_{...}`` (or ``^{...}``) note under ``\\underbrace{X}``: words about X, no part of it."""
        found = re.compile(r"\s*[_^]\s*").match(self.text, self.pos)
        if not found:
            return
        end = group_end(self.text, found.end())
        if end is None:
            found_token = re.compile(r"\\[A-Za-z]+|[A-Za-z0-9]").match(self.text, found.end())
            end = found_token.end() if found_token else found.end()
        self.pos = end

    def prime(self) -> None:
        tokens = self.out.tokens
        if tokens and tokens[-1].type in ("RPAR", "RBRACK") and not self.spaced:
            self.emit("PRIMED", "'", self.pos)  # \left(\frac{1}{1+e^{-x}}\right)': the derivative of the bracket
            self.pos += 1
            return
        if not tokens or tokens[-1].type != "NAME" or self.spaced:
            raise self.out.error("a prime (') must follow a name", self.pos)
        last = tokens[-1]
        tokens[-1] = type(last)("NAME", last.value + "'", start_pos=last.start_pos)
        self.pos += 1

    def letter(self) -> None:
        text, pos = self.text, self.pos
        if lexicon.typed_times(text, pos):
            self.emit("TIMES", "x", pos)
            self.pos = pos + 1
            return
        if self.integrals and self.integrals[-1] == self.depth and text[pos] == "d" and self.diff():
            return
        kl = _KL_SUB.match(text, pos) if text[pos] == "D" else None
        if kl or (text.startswith("KL", pos) and _AHEAD_APPLIED.match(text, pos + 2)):
            self.emit("KL", "KL", pos)
            self.pos = kl.end() if kl else pos + 2
            return
        js = _JS_SUB.match(text, pos) if text[pos] == "D" else None
        if js and _AHEAD_APPLIED.match(text, js.end()):
            self.emit("JS", "JS", pos)
            self.pos = js.end()
            return
        bare_js = _BARE_JS.match(text, pos) if text[pos] == "J" and (pos == 0 or not text[pos - 1].isalpha()) else None
        if bare_js and _AHEAD_APPLIED.match(text, bare_js.end()):  # JSD(P || Q), JS(P || Q): as D_{JS} is
            self.emit("JS", "JS", pos)
            self.pos = bare_js.end()
            return
        if (pos == 0 or not text[pos - 1].isalpha()) and self.applied_name(pos):
            return
        run = _RUN.match(text, pos).group() if pos == 0 or not text[pos - 1].isalpha() else ""
        if run in self.words:
            self.emit("NAME", run, pos)
            self.pos = pos + len(run)
            return
        if len(run) >= 2 and (self.escaped_identifier(run, pos) or self.code_identifier(run, pos)):
            return
        word = bare_word(run)
        if word and text[pos + len(run):].lstrip()[:1] == "}":  # C_{exp}, \theta_{max}: letters of a name
            word = None
        if word:
            kind = "OPER" if word in lexicon.OPERATORS else "FUNC"
            self.emit(kind, word, pos)
            self.pos = pos + len(run)
            return
        glued = _GLUED_LOG.fullmatch(run)
        if glued:  # logp(x), lnq as typed in plain text: the logarithm of the letter, never l o g p
            self.emit("FUNC", "log", pos)
            self.pos = pos + len(glued.group(1))
            return
        if run in lexicon.NAMED_WORDS and self.named_word(run, pos):
            return
        if run == "sqrt" and _AHEAD_CALL.match(text, pos + 4):  # sqrt(x) without a backslash: the root
            self.emit("SQRT", run, pos)
            self.pos = pos + 4
            return
        if _looks_like_a_word(run) and _AHEAD_CALL.match(text, pos + len(run)) \
                and text[pos + len(run):].lstrip()[:1] != "}":
            raise self.out.error(f"cannot tell whether {run}(...) is one function's name or the product of its "
                                 f"letters: write \\operatorname{{{run}}}(...) for a function", pos)
        if text[pos] == "e":
            self.refuse_e_in_a_word(pos)
        self.emit(self.letter_kind(text[pos], pos + 1), text[pos], pos)
        self.pos = pos + 1

    def unbraced_subscript(self) -> bool:
        """``d_model``, ``x_ij``, ``W_qkv``: letters after ``_`` without braces are the whole subscript, as
        written in code and notes; TeX would take only the first (d_m o d e l), which nobody means. Only
        a run of two or more letters that ends the name (not ``a_ib_j``, which TeX and the writer read alike)."""
        found = _UNBRACED_SUBSCRIPT.match(self.text, self.pos)
        tokens = self.out.tokens
        if found is None or not tokens or tokens[-1].type != "NAME":
            return False
        from .latex_macros import _braced_letters

        self.emit("UNDERSCORE", "_", self.pos)
        _braced_letters(self, found.group(1), lambda offset: found.start(1) + offset)
        self.pos = found.end()
        return True

    def code_identifier(self, run: str, pos: int) -> bool:
        """``in_channels``, ``kernel_size``, ``num_attention_heads``: a word joined by underscores to more
        words is a code identifier, one name, as its escaped form ``kernel\\_size`` is (never the letters
        k e r n e l with e Euler's number). Two letters before two (``xy_ab``) stay TeX's reading."""
        found = _CODE_TAIL.match(self.text, pos + len(run))
        if not found:
            return False
        parts = [run] + found.group().split("_")[1:]
        if len(run) < 3 and len(parts[1]) < 3:
            return False
        self.emit("NAME", "_".join(parts), pos)
        self.pos = found.end()
        return True

    def escaped_identifier(self, run: str, pos: int) -> bool:
        """``hidden\\_size``, ``input\\_dim``: a word joined to more by Markdown's escaped underscore is a
        code identifier, one name (as ``\\mathrm{hidden}_{\\mathrm{size}}``), never i*n*p*u*t_{size}.
        A one-letter base (``d\\_model``) is a subscripted letter, read by the macro table; a two-letter
        base before digits (``xy\\_1``: x y_1 or one name?) is refused."""
        found = _ESCAPED_IDENTIFIER.match(self.text, pos + len(run))
        if not found:
            return False
        parts = [run] + found.group().split("\\_")[1:]
        if len(run) == 2 and not re.match(r"[A-Za-z]{2}", parts[1]):
            raise self.out.error(f"cannot tell whether {found.string[pos:found.end()]} is one name or {run[0]} "
                                 f"times {run[1]}_{parts[1]}: write \\mathrm{{{run}}} or {run[0]} {run[1]}_{{{parts[1]}}}",
                                 pos)
        self.emit("NAME", "_".join(parts), pos)
        self.pos = found.end()
        return True

    def refuse_e_in_a_word(self, pos: int) -> None:
        """``seq``, ``len``: an e inside a run of letters, not raised to a power, is a letter of a word far
        more often than Euler's number (``x e^{-x}``, ``te^t`` and a lone ``e`` stay Euler's number); the
        product s*e*q would be a silent misread. A script's letters (``W_{enc}``) are a name's, not this."""
        text = self.text
        start, end = pos, pos + 1
        while start > 0 and text[start - 1].isalpha():
            start -= 1
        while end < len(text) and text[end].isalpha():
            end += 1
        if end - start < 2 or text[end:end + 1] == "^" and end == pos + 1:
            return
        if text[start - 1:start] == "\\" or re.search(r"[_^]\s*\{?\s*$", text[:start]):
            return
        word = text[start:end]
        raise self.out.error(f"the e in {word} is either Euler's number or a letter of a word: write "
                             f"\\mathrm{{{word}}} for one name, or e^{{...}} / \\exp for Euler's number", pos)

    def applied_name(self, pos: int) -> bool:
        """``Var[X]``, ``Cov(X, Y)``, ``tr(AB)``: an italic run naming a standard operator, applied,
        is that operator's name, never the product V*a*r; ``Var`` not applied is refused."""
        run = _RUN.match(self.text, pos).group()
        if run not in lexicon.APPLIED_NAMES:
            return False
        if _AHEAD_APPLIED.match(self.text, pos + len(run)):
            self.emit("NAME", lexicon.MOMENT_SPELLINGS.get(run, run), pos)
            self.pos = pos + len(run)
            return True
        if run in lexicon.NEVER_LETTERS:
            raise self.out.error(f"{run} must be applied to (...) or [...], as in {run}[X]", pos)
        return False

    def named_word(self, run: str, pos: int) -> bool:
        """``relu(x)``, ``ReLU(z)``, ``sgn(x)``: applied, one undefined function's name; a subscript's letters
        (``W_{relu}``) stay letters; otherwise refused, since the product r*e*l*u is never what is meant."""
        if self.text[pos + len(run):].lstrip()[:1] == "}":
            return False
        if not _AHEAD_CALL.match(self.text, pos + len(run)):
            raise self.out.error(f"{run} must be applied to (...), as in {run}(x)", pos)
        self.emit("NAME", run, pos)
        self.pos = pos + len(run)
        return True

    def letter_kind(self, char: str, after: int) -> str:
        if char == "E" and _AHEAD_EXPECT.match(self.text, after):
            return "NAME" if is_subscripted_name(self.text, after) else "EXPECT"
        if char == "O" and _AHEAD_CALL.match(self.text, after):
            return "BIGO"
        return "NAME"

    def diff(self) -> bool:
        """``dz`` (or ``d\\theta``, ``\\, dz``) closing the innermost open integral."""
        bold = _DIFF_BOLD.match(self.text, self.pos)
        if bold:  # d\mathbf{z}, d{\bf z}: the bold variable, named as \mathbf{z} is
            letter = (bold.group(1) or bold.group(2)).lstrip("\\")
            if len(letter) == 1 or letter in lexicon.GREEK:
                self.emit("DIFF", letter + "bold", self.pos)
                self.integrals.pop()
                self.pos = bold.end()
                return True
        found = _DIFF_VAR.match(self.text, self.pos)
        if not found or (found.group(2) and found.group(2) not in lexicon.GREEK):
            return False
        self.emit("DIFF", found.group(1) or found.group(2), self.pos)
        self.integrals.pop()
        self.pos = found.end()
        return True

    def macro(self) -> None:
        found = _MACRO.match(self.text, self.pos)
        if not found:
            raise self.out.error("a lone backslash", self.pos)
        name, start = found.group(1), self.pos
        self.pos = found.end()
        from .latex_macros import handle_macro

        handle_macro(self, name, start)


def _looks_like_a_word(run: str) -> bool:
    """``Logit``, ``LogSoftmax``, ``LOG``: letters a person writes as one word (a capital, then more
    letters with a lower-case one or all capitals). Applied, such a run is a function the lexicon does
    not know, and reading it as the product of its letters would be a silent misread."""
    if len(run) < 3 or not run[0].isupper():
        return False
    return run.isupper() or any(c.islower() for c in run[1:])


def bare_word(run: str) -> str | None:
    """The function word a whole run of letters is (``log``; ``Log`` and ``Exp`` as ``log`` and ``exp``,
    ``Max`` as ``max``), or None: its letters are then single-letter names."""
    if run in lexicon.BARE_WORDS:
        return run
    if len(run) > 1 and run[0].isupper() and run[1:].islower() and run.lower() in lexicon.BARE_WORDS:
        return run.lower()
    return None


def group_end(text: str, pos: int) -> int | None:
    """Just after the ``{...}`` group opening at ``pos`` (braces balanced, ``\\{`` skipped); None if none."""
    if pos >= len(text) or text[pos] != "{":
        return None
    depth, i = 0, pos
    while i < len(text):
        if text[i] == "\\":
            i += 2
            continue
        depth += {"{": 1, "}": -1}.get(text[i], 0)
        if depth == 0:
            return i + 1
        i += 1
    return None


def lex_latex(text: str, limits: Limits, origin: tuple[int, int] = (1, 1), words: frozenset = frozenset()) -> list:
    """Tokens of one LaTeX formula, ready for the grammar; ``words`` are read as one name each."""
    tokens = subscript_first(trailing_bars(unbrace_subscripted(braced_scripts(LatexLexer(text, limits, origin,
                                                                                     words).run()))))
    return pair_bars(read_ellipses(supply_differentials(tokens, text, origin), text, origin))


def _script_span(tokens: list, i: int) -> int:
    """The index after the script starting at ``i`` (one token, or a braced group); -1 if none."""
    if i >= len(tokens):
        return -1
    if tokens[i].type != "LBRACE":
        return i + 1 if tokens[i].type in ("NAME", "NUMBER") else -1
    depth = 0
    for j in range(i, len(tokens)):
        depth += {"LBRACE": 1, "RBRACE": -1}.get(tokens[j].type, 0)
        if depth == 0:
            return j + 1
    return -1


def _named_superscript(tokens: list, i: int) -> bool:
    """``W^O_1``, ``W^Q_i``: a capital with a capital superscript is a name (the output projection of
    head 1), kept as the vocabulary spells it."""
    base, sup = tokens[i], tokens[i + 2]
    return (base.type == "NAME" and str(base.value)[:1].isupper() and sup.type == "NAME"
            and len(str(sup.value)) == 1 and str(sup.value).isupper())


def subscript_first(tokens: list) -> list:
    """``\\sigma^2_2`` is ``\\sigma_2^2``, ``\\int^b_a`` is ``\\int_a^b`` and ``\\nabla^2_{xx}`` is ``\\nabla_{xx}^2``, as
    TeX typesets them: the
    subscript moves before the superscript (read the other way, ``^b_a`` would be the name b_a)."""
    out, i = list(tokens), 0
    while i < len(out) - 3:
        if out[i].type in ("NAME", "INT", "SUM", "PROD", "NABLA", "REVAL") and out[i + 1].type == "CARET":
            sup_end = _script_span(out, i + 2)
            if sup_end > 0 and sup_end < len(out) and out[sup_end].type == "UNDERSCORE" \
                    and not _named_superscript(out, i):
                sub_end = _script_span(out, sup_end + 1)
                if sub_end > 0:
                    out[i + 1:sub_end] = out[sup_end:sub_end] + out[i + 1:sup_end]
        i += 1
    return out


_WORD_TOKENS = ("KL", "JS", "FUNC", "OPER")


def braced_scripts(tokens: list) -> list:
    """``\\theta{_k}``, ``{y}{_{k}}`` (as some editors write a subscript) are ``\\theta_k``, ``y_{k}``: a group that
    only holds a script, right after a name or a group, scripts it. A word alone in a subscript
    (``L_{\\text{KL}}``, ``T_{\\mathrm{softmax}}``) is part of the name, never the divergence or the function."""
    out, drop = list(tokens), set()
    for i, token in enumerate(out[:-1]):
        if token.type == "LBRACE" and out[i + 1].type in ("UNDERSCORE", "CARET") and i > 0 \
                and out[i - 1].type in ("NAME", "RBRACE"):
            end = _script_span(out, i) - 1  # the group's closing brace
            if end >= 0 and _script_span(out, i + 2) == end:
                drop |= {i, end}
    for i in range(len(out) - 3):
        if [t.type for t in out[i:i + 2]] == ["UNDERSCORE", "LBRACE"] and out[i + 2].type in _WORD_TOKENS \
                and out[i + 3].type == "RBRACE":
            out[i + 2] = type(out[i + 2])("NAME", str(out[i + 2].value), start_pos=out[i + 2].start_pos)
    return [t for i, t in enumerate(out) if i not in drop] if drop else out


def unbrace_subscripted(tokens: list) -> list:
    """``{\\alpha}_{i}`` (how SymPy prints an indexed entry) is ``\\alpha_{i}``."""
    kinds = [t.type for t in tokens]
    drop = {i for i in range(len(tokens) - 3) if kinds[i:i + 4] == ["LBRACE", "NAME", "RBRACE", "UNDERSCORE"]}
    return [t for i, t in enumerate(tokens) if i not in drop and i - 2 not in drop] if drop else tokens
