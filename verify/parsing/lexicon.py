"""The lexicon of the notation: which LaTeX macros and ASCII words mean what (the `vocabulary`
package, by contrast, holds the SymPy objects they become).

Kept apart from the lexers so that adding a function or a Greek letter is a
one-line change, and so the LaTeX and ASCII readers agree on names.
"""
from __future__ import annotations

import re

from ..model import STATEMENT_RELATIONS

GREEK = frozenset("""alpha beta gamma delta epsilon varepsilon zeta eta theta vartheta iota kappa lambda mu nu xi
    pi varpi rho varrho sigma varsigma tau upsilon phi varphi chi psi omega Gamma Delta Theta Lambda Xi Pi Sigma
    Upsilon Phi Psi Omega ell""".split())

# functions SymPy knows, by the word people write
FUNCTIONS = frozenset("log ln exp sin cos tan tanh coth sinh cosh arctan arcsin arccos softmax Concat concat sigmoid det".split())
# names of standard operators, read as one name when written as an italic run applied to (...) or [...]
# (``Var[X]``, ``tr(AB)``); otherwise the letters would be a product V*a*r
APPLIED_NAMES = frozenset("Var Cov Corr tr Tr diag rank var cov".split())
# of those, upright words also applied without brackets to what follows (``\\mathrm{tr}\\, A B``), as \\det is
BARE_APPLIED = frozenset("tr Tr rank".split())
# lowercase spellings of the moments (``var(X)``, ``\\mathrm{cov}(X, Y)``): applied, the same operator as the
# capital one; not applied, a name as any other word
MOMENT_SPELLINGS = {"var": "Var", "cov": "Cov"}
# of those, the ones no product of letters is ever meant by: not applied, they are refused
NEVER_LETTERS = frozenset("Var Cov Corr".split())
# operators written with an optional subscript and applied to what follows
OPERATORS = frozenset("min max argmin argmax sup inf".split())
# function words people write without a backslash (``log p``, ``sin x``), read as the function; capitalised
# (``Log``, ``Exp``, ``Max``: Mathematica's spelling) they are the same function, never a product L*o*g
BARE_WORDS = frozenset("softmax Concat argmax argmin arctan arcsin arccos sigmoid log exp ln max min det tanh sinh "
                       "cosh sin cos tan".split())
# activation and sign functions no SymPy function stands for: one undefined function's name when applied
# (``relu(x)``, ``ReLU(z)``), refused otherwise; never the product of their letters
NAMED_WORDS = frozenset("relu ReLU gelu GELU elu ELU selu SELU softplus Softplus sgn sign erf sinc swish logit".split())

SPACING = frozenset(", ; : ! quad qquad enspace thinspace medspace thickspace negthinspace displaystyle "
                    "textstyle limits nolimits".split()) | {" "}
SIZING = frozenset("left right big Big bigg Bigg bigl bigr Bigl Bigr biggl biggr Biggl Biggr bigm Bigm".split())
IGNORED_WITH_GROUP = frozenset("label tag".split())
IGNORED = frozenset("nonumber notag".split())
INDICATOR = "1_if"  # the name the lexer gives the indicator 1_{i=j}: no author can write it as a name
TEXT_MACROS = frozenset("text textrm textit textsf mathrm mathit mathsf operatorname".split())
ACCENTS = {"hat": "hat", "widehat": "hat", "bar": "bar", "overline": "bar", "tilde": "tilde",
           "widetilde": "tilde", "vec": "vec", "dot": "dot", "ddot": "ddot", "check": "check",
           "breve": "breve", "mathbf": "bold", "boldsymbol": "bold", "bm": "bold", "bf": "bold",
           "pmb": "bold"}
MATRIX_ENVIRONMENTS = frozenset("bmatrix pmatrix matrix Bmatrix smallmatrix".split())
ALIGN_ENVIRONMENTS = frozenset("align align* aligned eqnarray eqnarray* gather gather* split".split())

# TeX commands that read files, write files, run programs or redefine the language
PRIMITIVES = frozenset("""input include write write18 immediate openout openin read csname endcsname def edef gdef
    xdef let futurelet catcode newcommand renewcommand providecommand usepackage special expandafter
    noexpand directlua outer long global afterassignment uppercase lowercase jobname shellescape
    ShellEscape loop repeat makeatletter""".split())

SIMPLE_MACROS = {
    "frac": "FRAC", "dfrac": "FRAC", "tfrac": "FRAC", "sqrt": "SQRT", "sum": "SUM", "prod": "PROD",
    "int": "INT", "cdot": "TIMES", "times": "TIMES", "ast": "TIMES", "div": "DIV", "pm": "PM", "mp": "MP",
    "mid": "PIPE", "vert": "PIPE", "Vert": "DPIPE", "|": "DPIPE", "parallel": "DPIPE", "le": "LE", "leq": "LE", "leqslant": "LE",
    "ge": "GE", "geq": "GE", "geqslant": "GE", "lt": "LT", "gt": "GT", "neq": "NE", "ne": "NE", "gg": "GT", "ll": "LT",
    "approx": "APPROX", "simeq": "APPROX", "sim": "SIM", "coloneqq": "DEFEQ", "equiv": "DEFEQ",
    "triangleq": "DEFEQ", "nabla": "NABLA", "partial": "PARTIAL", "\\": "ROWSEP", "{": "LPAR", "}": "RPAR",
    "lbrace": "LPAR", "rbrace": "RPAR", "lbrack": "LBRACK", "rbrack": "RBRACK",
    "lvert": "LABS", "rvert": "RABS", "lVert": "LNORM", "rVert": "RNORM",
    "langle": "LANGLE", "rangle": "RANGLE", "odot": "ODOT", "otimes": "OTIMES", "circ": "CIRC", "dim": "DIM", "binom": "BINOM", "dbinom": "BINOM",
    "tbinom": "BINOM", "lfloor": "LFLOOR", "rfloor": "RFLOOR", "lceil": "LCEIL", "rceil": "RCEIL",
}
# Unicode maths as people and OCR tools type it -> the LaTeX macro it stands for
UNICODE_MACROS = {
    "α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta", "ε": "epsilon", "ζ": "zeta", "η": "eta", "θ": "theta",
    "ι": "iota", "κ": "kappa", "λ": "lambda", "μ": "mu", "ν": "nu", "ξ": "xi", "π": "pi", "ρ": "rho", "σ": "sigma",
    "τ": "tau", "υ": "upsilon", "φ": "phi", "ϕ": "phi", "χ": "chi", "ψ": "psi", "ω": "omega", "Γ": "Gamma",
    "Δ": "Delta", "Θ": "Theta", "Λ": "Lambda", "Ξ": "Xi", "Π": "Pi", "Σ": "Sigma", "Φ": "Phi", "Ψ": "Psi",
    "Ω": "Omega", "ℓ": "ell", "−": "-", "–": "-", "±": "pm", "∓": "mp", "·": "cdot", "⋅": "cdot", "×": "times",
    "≤": "le", "≥": "ge", "≠": "neq", "≈": "approx", "∑": "sum", "∏": "prod", "∫": "int", "∞": "infty",
    "∈": "in", "→": "to", "‖": "|", "√": "sqrt", "∂": "partial", "∇": "nabla", "⊙": "odot", "⊗": "otimes", "∘": "circ", "∼": "sim",
    "⟨": "langle", "⟩": "rangle",
}
NAMED_SYMBOLS = {"infty": "infty", "top": "T", "intercal": "T", "emptyset": "emptyset"}
# ``n \\gg k``, ``n >> k``: lexed as > and <, read as the relation ">>" / "<<" by the token's text; a premise
# states an order with it (at least n > k), a step never claims one
MUCH_RELATIONS = {"\\gg": ">>", ">>": ">>", "\\ll": "<<", "<<": "<<"}
RELATION_TOKENS = tuple(STATEMENT_RELATIONS)

# the subscript that makes D (or \mathcal{D}) the KL divergence: _{KL}, _{\mathrm{KL}}, _\text{KL}, ...
KL_SUBSCRIPT = r"_\{?\s*(?:\\(?:mathrm|text|textrm|operatorname|mathit)\s*\{\s*KL\s*\}|KL)\s*\}?"

# 4096x4096, 3x3, (512x7x7)x4096: an x typed after a digit or a bracket and before a digit is the
# multiplication sign (x times 4096 would be written x \cdot 4096; a 3x3 kernel is never 9x)
TYPED_TIMES = re.compile(r"[0-9)]x[0-9]")
_SPACED_X = re.compile(r"(?<![A-Za-z\\])x(?![A-Za-z])")
_SPACED_TIMES = re.compile(r"[0-9)]\s+x\s+[0-9(]")


def typed_times(text: str, pos: int) -> bool:
    """Whether the x at ``pos`` is the multiplication sign as typed: between digits (``4096x4096``), or
    spaced between a number or bracket and a number or bracket (``4 x (d^2 + d)``, ``4 x 512 x 513``) in a
    formula where no x stands anywhere else (so x names no variable there: ``2 x (x + 1)`` keeps it)."""
    if pos and TYPED_TIMES.match(text, pos - 1):
        return True
    if not _spaced_times_at(text, pos):
        return False
    return all(_spaced_times_at(text, m.start()) for m in _SPACED_X.finditer(text))


def _spaced_times_at(text: str, pos: int) -> bool:
    before = len(text[:pos]) - len(text[:pos].rstrip())
    start = pos - before - 1
    return start >= 0 and before > 0 and bool(_SPACED_TIMES.match(text, start))
