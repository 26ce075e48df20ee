"""A formula as its author wrote it, when that LaTeX is safe to typeset as it is.

The reader keeps each step's source text. Showing that text (``\\frac{1}{(\\sqrt{d_k})^2} d_k``)
shows the step as written, not as SymPy simplified it while reading. Source text is
untrusted: it is typeset only when every command is on a fixed list of math commands
that standard LaTeX with amsmath defines, braces and ``\\left``/``\\right`` balance,
and no character can start a TeX trick (``^^``, ``#``, ``%``, ``$``); otherwise the
caller prints the parsed expression instead.

>>> written_latex(r"\\frac{1}{(\\sqrt{d_k})^2} d_k")
'\\\\frac{1}{(\\\\sqrt{d_k})^2} d_k'
>>> written_latex(r"\\input{/etc/passwd}"), written_latex(r"x^^5c"), written_latex("sqrt(1 + eta^2)"), written_latex(">= 1")
(None, None, None, None)
"""
from __future__ import annotations

import re

_GREEK = """alpha beta gamma delta epsilon varepsilon zeta eta theta vartheta iota kappa lambda mu nu xi pi varpi
    rho varrho sigma varsigma tau upsilon phi varphi chi psi omega Gamma Delta Theta Lambda Xi Pi Sigma Upsilon
    Phi Psi Omega ell""".split()
_MATH = """frac dfrac tfrac sqrt sum prod int iint oint cdot times ast div pm mp mid vert Vert le leq leqslant ge geq
    geqslant neq ne approx simeq sim equiv nabla partial lbrace rbrace lbrack rbrack lvert rvert lVert rVert
    langle rangle infty top intercal emptyset log ln exp sin cos tan tanh sinh cosh arctan min max sup inf lim
    det dim ker Pr to mapsto lceil rceil lfloor rfloor in notin subset subseteq cup cap forall exists quad qquad left right big Big bigg
    Bigg bigl bigr Bigl Bigr biggl biggr Biggl Biggr displaystyle textstyle limits nolimits hat widehat bar
    overline tilde widetilde vec dot ddot check breve mathbf boldsymbol mathrm mathit mathsf mathcal mathbb
    text textrm textit textsf operatorname begin end ldots cdots dots prime star circ odot otimes oplus""".split()
_ENVIRONMENTS = {"pmatrix", "bmatrix", "matrix", "Bmatrix", "vmatrix", "smallmatrix"}
_ALLOWED = frozenset(_GREEK + _MATH)
_COMMAND = re.compile(r"\\([A-Za-z]+|.)")
_SAFE_CHARS = re.compile(r"[A-Za-z0-9\s+\-*/=<>()\[\]{}|,.;:!'^_&\\]*")
# a bare function or Greek name is ASCII notation (``sqrt(1 + eta^2)``), which LaTeX would set as letters
_BARE_WORD = re.compile(r"(?<![\\A-Za-z])(?:sqrt|log|ln|exp|sin|cos|tan|tanh|sum|int|inf|oo|%s)(?![A-Za-z])"
                        % "|".join(_GREEK))
# ASCII relations (``>=``, ``!=``, ``~=``) that LaTeX would set as two signs side by side
_ASCII_RELATION = re.compile(r"[<>!~=]=")
_ENV = re.compile(r"\\(begin|end)\s*\{([A-Za-z*]+)\}")
MAX_CHARS = 600


def _balanced(text: str) -> bool:
    depth = 0
    for match in re.finditer(r"\\[{}]|[{}]", text):
        token = match.group()
        if token in ("{", "}"):
            depth += 1 if token == "{" else -1
            if depth < 0:
                return False
    return depth == 0


def _environments_match(text: str) -> bool:
    stack = []
    for kind, name in _ENV.findall(text):
        if name not in _ENVIRONMENTS:
            return False
        if kind == "begin":
            stack.append(name)
        elif not stack or stack.pop() != name:
            return False
    return not stack


def _outside_environments(text: str) -> str:
    return re.sub(r"\\begin\s*\{[A-Za-z*]+\}.*?\\end\s*\{[A-Za-z*]+\}", " ", text, flags=re.S)


def written_latex(source: str | None) -> str | None:
    """``source`` when it is safe, plain math-mode LaTeX; None when it must not be typeset as it is."""
    if not source or len(source) > MAX_CHARS or not _SAFE_CHARS.fullmatch(source) or "^^" in source:
        return None
    if "*" in source or _BARE_WORD.search(source) or _ASCII_RELATION.search(source):
        return None
    for match in _COMMAND.finditer(source):
        name = match.group(1)
        if name.isalpha() and name not in _ALLOWED:
            return None
        if not name.isalpha() and name not in ",;:! {}|\\":
            return None
    rest = _outside_environments(source)
    if "&" in rest or "\\\\" in rest:
        return None
    lefts = len(re.findall(r"\\left(?![A-Za-z])", source))
    if lefts != len(re.findall(r"\\right(?![A-Za-z])", source)):
        return None
    if not (_balanced(source) and _environments_match(source)):
        return None
    if re.search(r"[_^]\s*$", source) or re.search(r"\\(?:frac|sqrt)\s*$", source):
        return None
    return " ".join(source.split())


def written_steps(chain) -> tuple[str | None, tuple[str | None, ...]]:
    """The chain's start and each step's expression as the author wrote them (None where unknown).

    A formula ``a = b \\le c`` is the source of two steps; its pieces after the relations
    are theirs, in order (the reader's ``written_pieces`` splits it).
    """
    from ..parsing.document import written_pieces

    start = None
    if chain.source:
        start = written_pieces(chain.source.split("\n")[0])[0] or None
    pieces: list[str | None] = []
    for n, step in enumerate(chain.steps):
        if not step.source:
            pieces.append(None)
            continue
        same = [i for i, s in enumerate(chain.steps) if s.source == step.source]
        split = written_pieces(step.source)
        at = len(split) - len(same) + same.index(n)
        pieces.append(split[at] or None if len(same) <= len(split) - 1 and at >= 1 else None)
    return start, tuple(pieces)
