"""What each LaTeX macro becomes: a token, a name, nothing (spacing), or an error."""
from __future__ import annotations

import re

from . import lexicon, words

_ENV = re.compile(r"\s*\{([A-Za-z*]+)\}")
_DELIMITER = re.compile(r"\s*(\\\||\\\{|\\\}|\\[lr]?[vV]ert|\\langle|\\rangle|\\[lr]floor|\\[lr]ceil|\\lbrace|\\rbrace|[.()\[\]|/])")
_GROUP = re.compile(r"\s*\{([^{}]*)\}")
_IDENT = re.compile(r"[A-Za-z][A-Za-z0-9]*")
_AHEAD_CALL = re.compile(r"\s*(?:\\(?:left|big|Big|bigg|Bigg|bigl|Bigl)\s*)?\(")
_AHEAD_APPLIED = re.compile(r"\s*(?:\\(?:left|big|Big|bigg|Bigg|bigl|Bigl)\s*)?[(\[]")
_DELIM_TOKENS = {"(": "LPAR", ")": "RPAR", "[": "LBRACK", "]": "RBRACK", "|": "PIPE", "\\|": "DPIPE",
                 "\\{": "LPAR", "\\}": "RPAR", "\\lbrace": "LPAR", "\\rbrace": "RPAR", "\\vert": "PIPE",
                 "\\lvert": "PIPE", "\\rvert": "PIPE", "\\Vert": "DPIPE", "\\lVert": "DPIPE", "\\rVert": "DPIPE",
                 "/": "DIV", "\\langle": "LANGLE", "\\rangle": "RANGLE",
                 "\\lfloor": "LFLOOR", "\\rfloor": "RFLOOR", "\\lceil": "LCEIL", "\\rceil": "RCEIL"}


def handle_macro(lexer, name: str, start: int) -> None:
    """Emit what ``\\name`` means; ``lexer.pos`` is just after the macro's name."""
    if name in lexicon.PRIMITIVES:
        raise lexer.out.error(f"TeX primitive \\{name} is not allowed in a formula", start)
    for handler in (_spacing, _sizing, _braces, _simple, _greek, _words, _text, _fonts, _environment):
        if handler(lexer, name, start):
            return
    if name == "lim":
        lexer.emit("LIM", "\\lim", start)
        return
    if name in ("to", "rightarrow") and _in_limit_subscript(lexer):  # \lim_{n \to \infty}
        lexer.emit("TO", f"\\{name}", start)
        return
    if name in ("boxed", "mathop"):  # \boxed{x = 1}: the result a writer frames is the formula inside;
        from .latex_lexer import group_end  # \mathop{\mathbb{E}}: spacing of an operator, which it is already

        opening = re.compile(r"\s*").match(lexer.text, lexer.pos).end()
        closing = group_end(lexer.text, opening)
        if closing is None:
            raise lexer.out.error(f"\\{name} must be followed by {{...}}", start)
        lexer.dropped_braces.add(closing - 1)
        lexer.pos = opening + 1
        return
    if name in ("overset", "stackrel"):
        _annotated_relation(lexer, name, start)
        return
    if name == "over":
        _over(lexer, start)
        return
    if name == "_":  # d\_model (Markdown escapes the underscore): the letters after it are the subscript
        _escaped_subscript(lexer, start)
        return
    if name == "%":  # 50\% is 50/100
        lexer.emit("DIV", "/", start)
        lexer.emit("NUMBER", "100", start)
        return
    if name == "lg":
        raise lexer.out.error("\\lg: base 2 or base 10 is not standard; write \\log_2 or \\log_{10}", start)
    if name in ("dots", "ldots", "cdots", "dotsb", "dotsm", "dotsc"):  # read (or refused) by ellipses.py
        lexer.emit("ELLIPSIS", f"\\{name}", start)
        return
    if name == "in" and _in_sum_bounds(lexer):  # \sum_{x \in X}: the index ranges over a set
        listed = _SET_OPENING.match(lexer.text, lexer.pos)  # \sum_{x \in \{0, 1\}}: over the values listed
        lexer.emit("IN_SET" if listed else "IN", "\\in", start)
        return
    if name in ("vdots", "ddots"):
        raise lexer.out.error(f"\\{name}: an ellipsis cannot be checked; write the terms out", start)
    raise lexer.out.error(f"unknown macro \\{name}", start)


_SCRIPT_RUN = re.compile(r"[A-Za-z0-9]+")
_TWO_GROUPS = re.compile(r"\s*\{((?:[^{}]|\{[^{}]*\})*)\}\s*\{\s*([^{}]*?)\s*\}")
_RELATIONS = {"=": "EQ", "<": "LT", ">": "GT", "\\le": "LE", "\\leq": "LE", "\\ge": "GE", "\\geq": "GE",
              "\\sim": "SIM", "\\approx": "APPROX", "\\ne": "NE", "\\neq": "NE", "\\leqslant": "LE",
              "\\geqslant": "GE"}
_DEFINING = re.compile(r"^\s*(?:\\(?:text|mathrm|textrm|rm)\s*\{\s*)?(?:def|\\triangle|:)\s*\}?\s*\.?\s*$")


def _annotated_relation(lexer, name: str, start: int) -> None:
    """``\\stackrel{\\text{def}}{=}`` defines (as ``:=``); ``\\overset{\\text{iid}}{\\sim}``, ``\\overset{(a)}{=}``,
    ``\\stackrel{\\text{Jensen}}{\\ge}``: the relation below, its label above being a justification or a
    qualifier; anything else under the mark (a vector arrow over a name) is refused."""
    found = _TWO_GROUPS.match(lexer.text, lexer.pos)
    relation = _RELATIONS.get(found.group(2)) if found else None
    if relation is None:
        raise lexer.out.error(f"\\{name}: only a relation (=, \\le, \\sim, ...) under a label is read", start)
    if relation == "EQ" and _DEFINING.match(found.group(1)):
        relation = "DEFEQ"
    lexer.emit(relation, found.group(2), start)
    lexer.pos = found.end()



_CODE_IDENTIFIER = re.compile(r"([A-Za-z][A-Za-z0-9]*)_([A-Za-z0-9]+(?:_[A-Za-z0-9]+)*)")


def _identifier(lexer, base: str, rest: str, start: int) -> None:
    """``hidden_size`` written in a text macro: one name, as the lexer reads ``hidden\\_size``; with a
    one-letter base (``\\mathrm{d\\_model}``) the letter with its subscript, as ``d\\_model`` is read."""
    if len(base) > 1:
        lexer.emit("NAME", f"{base}_{rest}", start)
        return
    lexer.emit("NAME", base, start)
    lexer.emit("UNDERSCORE", "_", start)
    _braced_letters(lexer, rest.replace("_", ""), lambda offset: start)


def _over(lexer, start: int) -> None:
    """TeX's ``{a \\over b}``: the group it stands in is the fraction a/b, read as ``\\frac{a}{b}``. Outside
    a group (``x = a \\over b`` is (x = a)/b to TeX), or across an open ``\\left``, it is refused."""
    if not lexer.groups:
        raise lexer.out.error("\\over outside braces: write {a \\over b} or \\frac{a}{b}", start)
    opening = lexer.groups[-1]
    tokens = lexer.out.tokens
    if any(index > opening for _, index in lexer.lefts) or any(
            t.type in lexicon.RELATION_TOKENS for t in tokens[opening + 1:]):
        raise lexer.out.error("\\over with an open \\left or a relation in its group: write \\frac{a}{b}", start)
    tokens.insert(opening, type(tokens[opening])("FRAC", "\\over", start_pos=tokens[opening].start_pos))
    lexer.out.spaced.insert(opening, lexer.out.spaced[opening])  # each token keeps its own spacing
    lexer.groups[-1] = opening + 1
    lexer.emit("RBRACE", "}", start)
    lexer.emit("LBRACE", "{", start)


def _escaped_subscript(lexer, start: int) -> None:
    """``d\\_model``, ``W\\_{q}``: Markdown writes ``\\_`` so that its own emphasis leaves the underscore
    alone, and it renders as ``d_model``; a run of letters and digits after it is the whole subscript."""
    lexer.emit("UNDERSCORE", "_", start)
    run = _SCRIPT_RUN.match(lexer.text, lexer.pos)
    if run is None:
        return  # \_{...} or \_\theta: the script that follows is read as after _
    _braced_letters(lexer, run.group(), lambda offset: run.start() + offset)
    lexer.pos = run.end()


def _braced_letters(lexer, letters: str, at) -> None:
    """``{m o d e l}``: the letters of a subscript one by one (digits as numbers), as in ``_{model}``;
    ``at(offset)`` is where the character at that offset of ``letters`` stands in the formula."""
    lexer.emit("LBRACE", "{", at(0))
    for part in re.finditer(r"[0-9]+|[A-Za-z]", letters):
        lexer.emit("NUMBER" if part.group().isdigit() else "NAME", part.group(), at(part.start()))
    lexer.emit("RBRACE", "}", at(len(letters)))


_SET_OPENING = re.compile(r"\s*(?:\\left\s*)?(?:\\\{|\\lbrace\b)")


def _after_subscript_name(lexer, heads: tuple[str, ...]) -> bool:
    """Right after ``\\sum_{x`` (or whichever head ``heads`` names): the name a bound opens with."""
    kinds = [t.type for t in lexer.out.tokens[-4:]]
    return len(kinds) == 4 and kinds[0] in heads and kinds[1:] == ["UNDERSCORE", "LBRACE", "NAME"]


def _in_limit_subscript(lexer) -> bool:
    """Right after ``\\lim_{n``: the only place an arrow is read (elsewhere it maps or implies)."""
    return _after_subscript_name(lexer, ("LIM",))


def _in_sum_bounds(lexer) -> bool:
    """Right after ``\\sum_{x`` or ``\\prod_{i``: the only place ``\\in`` is read in a formula (elsewhere it
    states a membership, which the premise readers take from the prose)."""
    return _after_subscript_name(lexer, ("SUM", "PROD"))


_LENGTH = re.compile(r"\s*\*?\s*\{\s*-?[0-9.]*\s*(?:em|ex|pt|mm|cm|in|mu|bp|pc)?\s*\}")


def _spacing(lexer, name: str, start: int) -> bool:
    if name in lexicon.SPACING or name in lexicon.IGNORED:
        lexer.spaced = True
        return True
    if name in ("hspace", "mspace", "hskip"):  # \hspace*{7em}: a space of the length given
        found = _LENGTH.match(lexer.text, lexer.pos)
        if found is None:
            raise lexer.out.error(f"\\{name} must be followed by a length, as {{1em}}", start)
        lexer.pos = found.end()
        lexer.spaced = True
        return True
    if name in lexicon.IGNORED_WITH_GROUP:
        _group(lexer, name, start)
        return True
    return False


def _sizing(lexer, name: str, start: int) -> bool:
    """``\\left(`` is ``(``; ``\\left.`` is nothing; ``\\middle\\|`` is ``\\|``."""
    if name not in lexicon.SIZING and name != "middle":
        return False
    found = _DELIMITER.match(lexer.text, lexer.pos)
    if not found:
        raise lexer.out.error(f"\\{name} must be followed by a delimiter", start)
    lexer.pos = found.end()
    delimiter = found.group(1)
    if name in ("left", "right") and _evaluation_bar(lexer, name, delimiter, start):
        return True
    if delimiter == ".":
        return True
    kind = _DELIM_TOKENS[delimiter]
    if kind in ("PIPE", "DPIPE") and name in ("left", "right"):  # \left| x \right|: an absolute value
        kind = {"PIPE": "ABS", "DPIPE": "NORM"}[kind]
        kind = ("L" if name == "left" else "R") + kind
    lexer.emit(kind, f"\\{name}{delimiter}", start)
    return True


def _evaluation_bar(lexer, name: str, delimiter: str, start: int) -> bool:
    """``\\left. f \\right|_{x=0}``: an evaluation bar, the tokens LEVAL ... REVAL. ``\\left.`` opens one
    tentatively; closed by another delimiter than ``|`` (``\\left. x \\right\\}``) it is nothing, as before.
    True when the delimiter was taken here (``\\left.`` and the ``|`` that closes it)."""
    tokens = lexer.out.tokens
    if name == "left":
        lexer.lefts.append((delimiter, len(tokens)))
        if delimiter != ".":
            return False
        lexer.emit("LEVAL", "\\left.", start)
        return True
    opened, index = lexer.lefts.pop() if lexer.lefts else (None, -1)
    if opened != ".":
        return False
    if delimiter == "|":
        lexer.emit("REVAL", "\\right|", start)
        return True
    if 0 <= index < len(tokens) and tokens[index].type == "LEVAL":  # \left. ... \right): no bar after all
        del tokens[index]
        del lexer.out.spaced[index]
        lexer.depth -= 1
    if _DELIM_TOKENS.get(delimiter) == "DPIPE":  # D_{KL}(\left. q \right\Vert p): the divergence bar, scaled
        lexer.emit("DPIPE", f"\\right{delimiter}", start)
        return True
    return False


def _braces(lexer, name: str, start: int) -> bool:
    """``\\underbrace{X}_{\\text{note}}`` and ``\\overbrace{X}^{...}`` are X; the note is skipped."""
    if name not in ("underbrace", "overbrace"):
        return False
    from .latex_lexer import group_end

    opening = len(lexer.text) - len(lexer.text[lexer.pos:].lstrip())
    end = group_end(lexer.text, opening)
    if end is None:
        raise lexer.out.error(f"\\{name} must be followed by {{...}}", start)
    lexer.braced_notes.add(end - 1)
    lexer.pos = opening
    return True


_ONE_TOKEN = re.compile(r"\s*([0-9]|[A-Za-z])")


def _tex_arguments(lexer, start: int) -> None:
    """``\\frac12``, ``\\tfrac1{18}``: as in TeX, an argument without braces is one digit or letter."""
    for _ in range(2):
        found = _ONE_TOKEN.match(lexer.text, lexer.pos)
        if not found:
            return
        kind = "NUMBER" if found.group(1).isdigit() else "NAME"
        lexer.emit("LBRACE", "{", found.start(1))
        lexer.emit(kind, found.group(1), found.start(1))
        lexer.emit("RBRACE", "}", found.start(1))
        lexer.pos = found.end()


def _simple(lexer, name: str, start: int) -> bool:
    kind = lexicon.SIMPLE_MACROS.get(name)
    if kind is None:
        if name in lexicon.NAMED_SYMBOLS:
            lexer.emit("NAME", lexicon.NAMED_SYMBOLS[name], start)
            return True
        return False
    if kind == "TIMES" and lexer.out.tokens and lexer.out.tokens[-1].type == "NABLA":
        nabla = lexer.out.tokens.pop()  # \\nabla \\times F, \\nabla \\cdot F: one operator on the field after it
        lexer.emit("CURL" if name == "times" else "DIVG", f"\\nabla \\{name}", nabla.start_pos)
        return True
    if kind in ("PM", "MP") and lexer.out.tokens and lexer.out.tokens[-1].type == "UNDERSCORE":
        lexer.emit("NAME", name, start)  # \\lambda_\\pm: a name for the pair of branches, no operation
        return True
    if kind == "INT":
        lexer.integrals.append(lexer.depth)
    lexer.emit(kind, f"\\{name}", start)
    if kind == "FRAC":
        _tex_arguments(lexer, start)
    return True


def _greek(lexer, name: str, start: int) -> bool:
    if name not in lexicon.GREEK:
        return False
    if name in ("Theta", "Omega") and _AHEAD_CALL.match(lexer.text, lexer.pos):
        lexer.emit("BIGO", name, start)
    else:
        lexer.emit("NAME", name, start)
    return True


def _words(lexer, name: str, start: int) -> bool:
    if name in lexicon.FUNCTIONS:
        lexer.emit("FUNC", name, start)
    elif name in lexicon.OPERATORS or name in ("arg",):
        lexer.emit("OPER", _argmin(lexer, name), start)
    else:
        return False
    return True


def _argmin(lexer, name: str) -> str:
    """``\\arg\\min`` is one operator."""
    if name != "arg":
        return name
    found = re.compile(r"\s*(?:\\[,;! ]\s*)*\\(min|max)").match(lexer.text, lexer.pos)
    if not found:
        raise lexer.out.error("\\arg must be followed by \\min or \\max", lexer.pos)
    lexer.pos = found.end()
    return "arg" + found.group(1)


_BARE_ARGUMENT = re.compile(r"\s*(\\[A-Za-z]+|[A-Za-z])")
_BARE_LETTER = re.compile(r"\s*([A-Za-z])")


def _group(lexer, name: str, start: int) -> str:
    found = _GROUP.match(lexer.text, lexer.pos)
    if not found and (name in lexicon.ACCENTS or name in _FONTS):  # ``\dot p``, ``\hat\theta``: one letter without braces
        found = _BARE_ARGUMENT.match(lexer.text, lexer.pos)
    if not found and name in lexicon.TEXT_MACROS:  # ``\mathrm d z``: as in TeX, the argument is one letter
        found = _BARE_LETTER.match(lexer.text, lexer.pos)
    if not found:
        raise lexer.out.error(f"\\{name} must be followed by {{...}} holding plain text", start)
    lexer.pos = found.end()
    return found.group(1).strip()


_MATH_FONTS = frozenset("mathrm mathit mathsf operatorname".split())  # math mode inside: spaces are dropped
_SPACED_LETTERS = re.compile(r"[A-Za-z](?: +[A-Za-z])+")


def _text(lexer, name: str, start: int) -> bool:
    """``\\text{softmax}``, ``\\operatorname{KL}``, ``\\mathrm{d}z``: a word, classified."""
    if name not in lexicon.TEXT_MACROS:
        return False
    written = _group(lexer, name, start)
    word = written.replace("\\,", "").replace(" ", "")
    if words.is_blank(written):  # \text{ }: a space
        lexer.spaced = True
        return True
    identifier = _CODE_IDENTIFIER.fullmatch(word.replace("\\_", "_"))
    if identifier:  # \mathrm{hidden\_size}: a code identifier, one name, as hidden\_size is
        _identifier(lexer, identifier.group(1), identifier.group(2), start)
        return True
    if name in _MATH_FONTS and _SPACED_LETTERS.fullmatch(written):
        written = word  # \mathrm{K L}: math mode drops the spaces, so TeX prints one word, KL
    if lexer.cases and lexer.out.tokens and lexer.out.tokens[-1].type == "AMP" and _case_words(lexer, written, start):
        return True
    if words.is_prose(written) and not _in_subscript(lexer):
        return _prose(lexer, name, written, start)
    if not _IDENT.fullmatch(word) and _in_subscript(lexer) and re.fullmatch(r"[A-Za-z0-9][-A-Za-z0-9_,.;:/'()]*", word):
        # T_{\text{self-attn}}, EU_{\text{Friend 1, Chinese}}: a label, one name
        lexer.emit("NAME", re.sub(r"[^A-Za-z0-9]+", "_", word).strip("_"), start)
        return True
    if not _IDENT.fullmatch(word):
        raise lexer.out.error(f"\\{name}{{{word}}}: only a single word can stand in a formula", start)
    if word == "d" and lexer.integrals and lexer.integrals[-1] == lexer.depth:
        return _mathrm_d(lexer, start)
    if word == "i" and name == "mathrm":  # the upright i is the imaginary unit; a plain i stays a name
        lexer.emit("NAME", "imath", start)
        return True
    known = lexicon.FUNCTIONS | lexicon.OPERATORS
    if word not in known and word[:1].isupper() and word[1:].islower() and word.lower() in known:
        word = word.lower()  # \mathrm{Log}, \text{Exp}: the function, as \log and \exp are
    kind = {"KL": "KL", "E": "EXPECT"}.get(word)
    if kind is None:
        kind = "FUNC" if word in lexicon.FUNCTIONS else "OPER" if word in lexicon.OPERATORS else "NAME"
    if word in ("O",) and _AHEAD_CALL.match(lexer.text, lexer.pos):
        kind = "BIGO"
    if word in lexicon.BARE_APPLIED and not _in_subscript(lexer) and _AHEAD_ARGUMENT.match(lexer.text, lexer.pos):
        kind = "FUNC"  # \operatorname{tr} A B: the trace of what follows, never the product tr*A*B
    if word in lexicon.MOMENT_SPELLINGS and _AHEAD_APPLIED.match(lexer.text, lexer.pos):
        word = lexicon.MOMENT_SPELLINGS[word]  # \mathrm{var}(X): the variance, as \mathrm{Var}(X) is
    lexer.emit(kind, word, start)
    return True


_CONDITION_LEAD = re.compile(r"\s*(?:if|for|when|whenever|where)\s*", re.I)
_OTHERWISE = re.compile(r"\s*(?:otherwise|else|elsewhere|sonst|sinon)\s*[.,;]?\s*", re.I)


def _case_words(lexer, written: str, start: int) -> bool:
    """The words that open a condition in ``cases`` (``& \\text{if } i = j``: the condition follows), or
    that are one (``& \\text{otherwise}``); any other words there are not read."""
    if _OTHERWISE.fullmatch(written):
        lexer.emit("OTHERWISE", "otherwise", start)
        return True
    return bool(_CONDITION_LEAD.fullmatch(written))


_TRAILING = re.compile(r"[\s.,;:!?]*(?:\\(?:quad|qquad|,|;|text\{[^{}]*\})[\s.,;:!?]*)*$")


def _prose(lexer, name: str, written: str, start: int) -> bool:
    """Prose that trails the whole formula (``= y \\quad \\text{(by a change of variables)}``) annotates it and
    is skipped; prose inside one would be read as a name (``\\text{some words} b`` as somewords times b) or
    dropped, both silent misreads, so it is refused with the fix."""
    if _TRAILING.fullmatch(lexer.text, lexer.pos):
        lexer.pos = len(lexer.text)
        return True
    raise lexer.out.error(f"\\{name}{{{written}}}: words inside a formula are read only where they trail it; "
                          "write them outside the formula, or one word as a name", start)


def _in_subscript(lexer) -> bool:
    """Right after ``_`` or ``_{``: where words are the name of an index, never prose."""
    tokens = lexer.out.tokens
    return bool(tokens) and (tokens[-1].type == "UNDERSCORE" or (
        tokens[-1].type == "LBRACE" and len(tokens) > 1 and tokens[-2].type == "UNDERSCORE"))


_BOLD_VARIABLE = re.compile(r"\s*\\(?:mathbf|boldsymbol|bm)\s*(?:\{\s*\\?([A-Za-z]+)\s*\}|\\?([A-Za-z]))")


def _mathrm_d(lexer, start: int) -> bool:
    """``\\mathrm{d}z``, ``\\mathrm{d}\\theta``, ``\\mathrm{d}\\mathbf{z}``: the differential of the open integral."""
    bold = _BOLD_VARIABLE.match(lexer.text, lexer.pos)
    if bold and (len(bold.group(1) or "") == 1 or (bold.group(1) or "") in lexicon.GREEK or bold.group(2)):
        lexer.emit("DIFF", (bold.group(1) or bold.group(2)) + "bold", start)
        lexer.integrals.pop()
        lexer.pos = bold.end()
        return True
    found = re.compile(r"\s*(?:([A-Za-z])(?![A-Za-z])|\\([A-Za-z]+))").match(lexer.text, lexer.pos)
    if not found or (found.group(2) and found.group(2) not in lexicon.GREEK):
        raise lexer.out.error("\\mathrm{d} must be followed by the variable of integration", start)
    lexer.emit("DIFF", found.group(1) or found.group(2), start)
    lexer.integrals.pop()
    lexer.pos = found.end()
    return True


_NESTED = re.compile(r"\s*\{\s*\\([A-Za-z]+)\s*(?:\{\s*([^{}]*?)\s*\}|(\\[A-Za-z]+|[A-Za-z]))\s*\}")
_FONTS = ("mathcal", "mathbb", "mathscr", "mathfrak")


def _fonts(lexer, name: str, start: int) -> bool:
    """``\\mathcal{N}`` is the normal distribution, ``\\mathbb{E}`` the expectation, ``\\hat{x}`` a name;
    ``\\hat{\\mathbf{y}}`` is one name with both marks; bold 0 is zero (it adds and scales as 0 does)."""
    if name not in _FONTS and name not in lexicon.ACCENTS:
        return False
    nested = _NESTED.match(lexer.text, lexer.pos) if name in lexicon.ACCENTS else None
    if nested and nested.group(1) in lexicon.ACCENTS:
        lexer.pos = nested.end()
        letter = _one_letter(lexer, name, (nested.group(2) or nested.group(3)).strip(), start)
        lexer.emit("NAME", letter + lexicon.ACCENTS[nested.group(1)] + lexicon.ACCENTS[name], start)
        return True
    if _subscripted_inside(lexer, name, start) or _emphasis(lexer, name):
        return True
    inner = _group(lexer, name, start)
    if _font_over_a_list(lexer, name, inner, start):
        return True
    if lexicon.ACCENTS.get(name) == "bold" and inner in ("0", "I"):
        lexer.emit("NUMBER" if inner == "0" else "NAME", inner, start)
        return True
    if lexicon.ACCENTS.get(name) == "bold" and _BOLD_NUMBER.fullmatch(inner.strip()) and inner.strip() != "1":
        lexer.emit("NUMBER", inner.strip(), start)  # \mathbf{18496}: an answer set in bold (bold 1 is the ones vector)
        return True
    lexer.emit(*_font_token(lexer, name, _one_letter(lexer, name, inner, start)), start)
    return True


def _emphasis(lexer, name: str) -> bool:
    """``\\mathbf{2T^2D}``: a bold formula that starts with a digit is an answer set in bold, read as the formula
    (its letters plain, as it writes them); a bold number alone is read by ``_fonts``."""
    from .latex_lexer import group_end

    found = _BOLD_FORMULA.match(lexer.text, lexer.pos)
    if lexicon.ACCENTS.get(name) != "bold" or found is None:
        return False
    opening = lexer.text.index("{", lexer.pos)
    closing = group_end(lexer.text, opening)
    if closing is None or _BOLD_NUMBER.fullmatch(lexer.text[opening + 1:closing - 1].strip()):
        return False
    lexer.dropped_braces.add(closing - 1)
    lexer.pos = opening + 1
    return True


_BOLD_FORMULA = re.compile(r"\s*\{\s*\d+(?:\.\d+)?\s*[A-Za-z\\(^]")
_SUBSCRIPTED = re.compile(r"\s*\{\s*(\\[A-Za-z]+|[A-Za-z])\s*_\s*")
_BOLD_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_SCRIPT_UNIT = re.compile(r"\\[A-Za-z]+|[A-Za-z0-9]")


def _subscripted_inside(lexer, name: str, start: int) -> bool:
    """``\\boldsymbol{\\mu_p}``, ``\\mathbf{W_{q}}``, ``\\hat{x_i}``: the mark over a subscripted name is the
    marked name subscripted, one symbol as ``\\boldsymbol{\\mu}_p`` is. Only when the subscript is all that
    follows the letter inside the braces (``\\mathbf{W_q x}`` is not read this way)."""
    from .latex_lexer import group_end

    if name not in lexicon.ACCENTS and name not in ("mathcal", "mathscr", "mathfrak"):
        return False
    found = _SUBSCRIPTED.match(lexer.text, lexer.pos)
    if not found:
        return False
    closing = group_end(lexer.text, lexer.text.index("{", lexer.pos))
    script = group_end(lexer.text, found.end())
    if script is None:
        unit = _SCRIPT_UNIT.match(lexer.text, found.end())
        script = unit.end() if unit else None
    if closing is None or script is None or lexer.text[script:closing - 1].strip():
        return False
    kind, value = _font_token(lexer, name, _one_letter(lexer, name, found.group(1), start))
    if kind != "NAME":
        return False
    lexer.emit(kind, value, start)
    lexer.dropped_braces.add(closing - 1)
    lexer.pos = found.end() - len(found.group()) + found.group().rindex("_")
    return True


_LISTED_LETTERS = re.compile(r"\s*(\\?[A-Za-z]+)\s*((?:(?:,|;|\||\\vert|\\mid)\s*\\?[A-Za-z]+\s*)+)")
_LIST_PART = re.compile(r"(,|;|\||\\vert|\\mid)\s*(\\?[A-Za-z]+)\s*")
_SEPARATORS = {",": "COMMA", ";": "SEMI", "|": "PIPE", "\\vert": "PIPE", "\\mid": "PIPE"}


def _font_over_a_list(lexer, name: str, inner: str, start: int) -> bool:
    """``\\mathbf{x,z}``, ``\\mathbf{z\\vert x}``, ``\\boldsymbol{\\theta,\\phi}``: a bold (or accented) list
    of letters is each letter bold, the separators kept (x, z; z | x), as papers abbreviate
    ``\\mathbf{x},\\mathbf{z}``. Only letters (or Greek names) between commas, semicolons and bars."""
    if lexicon.ACCENTS.get(name) != "bold":
        return False
    found = _LISTED_LETTERS.fullmatch(inner)
    if found is None:
        return False
    letters = [found.group(1)] + [m.group(2) for m in _LIST_PART.finditer(found.group(2))]
    separators = [m.group(1) for m in _LIST_PART.finditer(found.group(2))]
    for k, letter in enumerate(letters):
        if k:
            lexer.emit(_SEPARATORS[separators[k - 1]], separators[k - 1], start)
        lexer.emit(*_font_token(lexer, name, _one_letter(lexer, name, letter, start)), start)
    return True


def _one_letter(lexer, name: str, inner: str, start: int) -> str:
    letter = inner[1:] if inner.startswith("\\") else inner
    if not (len(letter) == 1 and letter.isalpha() or letter in lexicon.GREEK):
        raise lexer.out.error(f"\\{name}{{{inner}}}: expected one letter", start)
    return letter


# what can start the argument of a word applied without brackets: a letter, a bold or accented name, a Greek
# letter, a written matrix (a closing brace, a relation, an operator: the word is a label, a name)
_AHEAD_ARGUMENT = re.compile(r"(?:\s|\\[,;!])*(?:[A-Za-z]|\\(?:begin|mathbf|boldsymbol|bm|mathcal|hat|tilde|bar|"
                             r"widehat|widetilde|overline|" + "|".join(sorted(lexicon.GREEK)) + r")(?![A-Za-z]))")
_KL_SCRIPT = re.compile(r"\s*" + lexicon.KL_SUBSCRIPT)


def _font_token(lexer, name: str, letter: str) -> tuple[str, str]:
    if name == "mathcal" and letter == "N":
        return "NORMAL", "N"
    if name == "mathcal" and letter == "O":
        return "BIGO", "O"
    if name == "mathcal" and letter == "D":
        kl = _KL_SCRIPT.match(lexer.text, lexer.pos)  # \mathcal{D}_{KL}(q \| p): the KL divergence, as D_{KL} is
        if kl and _AHEAD_APPLIED.match(lexer.text, kl.end()):
            lexer.pos = kl.end()
            return "KL", "KL"
        if _AHEAD_APPLIED.match(lexer.text, lexer.pos):
            return "DIVERGENCE", "D"
    if name == "mathbb" and letter == "E":
        return "EXPECT", "E"
    if name == "mathbb" and letter == "V" and _AHEAD_APPLIED.match(lexer.text, lexer.pos):  # \mathbb{V}[X]: variance
        return "NAME", "Var"
    if name == "mathbb":
        return "NAME", letter
    suffix = {"mathcal": "cal", "mathscr": "scr", "mathfrak": "frak"}.get(name) or lexicon.ACCENTS[name]
    return "NAME", letter + suffix


def _environment(lexer, name: str, start: int) -> bool:
    if name not in ("begin", "end"):
        return False
    found = _ENV.match(lexer.text, lexer.pos)
    if not found:
        raise lexer.out.error(f"\\{name} must name an environment", start)
    lexer.pos = found.end()
    env = found.group(1)
    if env in lexicon.MATRIX_ENVIRONMENTS:
        lexer.emit("BEGIN_MATRIX" if name == "begin" else "END_MATRIX", f"\\{name}{{{env}}}", start)
        return True
    if env == "vmatrix":  # |a b; c d|: the determinant of the matrix, bracketed so nothing after joins it
        if name == "begin":
            lexer.emit("FUNC", "det", start)
            lexer.emit("LPAR", "(", start)
            lexer.emit("BEGIN_MATRIX", "\\begin{vmatrix}", start)
        else:
            lexer.emit("END_MATRIX", "\\end{vmatrix}", start)
            lexer.emit("RPAR", ")", start)
        return True
    if env == "cases":  # a value by cases: value & condition rows (``transform.cases``)
        if name == "begin":
            lexer.cases.append(lexer.depth)
        elif lexer.cases:
            lexer.cases.pop()
        lexer.emit("BEGIN_CASES" if name == "begin" else "END_CASES", f"\\{name}{{cases}}", start)
        return True
    if env in lexicon.ALIGN_ENVIRONMENTS:
        raise lexer.out.error(f"environment {env} inside a formula: give one step per line", start)
    raise lexer.out.error(f"unknown environment {env}", start)
