r"""Normal laws the prose states: "$P$ and $Q$ are univariate normal distributions with means
$\mu_p, \mu_q$ and standard deviations $\sigma_p, \sigma_q$".

A sentence that calls named laws normal (or Gaussian) distributions and gives, in the same
order, their means and either their standard deviations or their variances states each law:
N(m, s^2) for a standard deviation s, N(m, v) for a variance v. The lists must be as long as
the names; a negated sentence, a missing list or a formula that does not read states nothing.

A law named by a capital letter has its density written with the small letter (P has the
density p): that is how such prose names them, and it is used only as far as the document
allows it. The small letter must be a density the document writes (``p(x)``, ``E_p``) and no
other law; a closed-form density the premises give it (``randomness.laws``) must be the same
normal, else the two disagree and neither is used. The variable of the densities is the one
variable at which the document writes the densities of the laws of the sentence (``q(x)``);
without one, the law is not placed on any variable.
"""
from __future__ import annotations

import re

from sympy import Expr, Symbol, simplify
from sympy.core.function import AppliedUndef

from ...errors import ParseError
from ...theories.probability.gaussian import normal_pdf
from ...vocabulary import Density, Normal
from ..expressions import parse_latex_expr
from .laws import StatedLaw, with_context_symbols
from .sentences import INLINE, sentences, top_level

_MATH_LIST = r"((?:\$[^$\n]+\$(?:\s*,\s*(?:and\s+)?|\s+and\s+)?)+)"
_SENTENCE = re.compile(
    _MATH_LIST + r"\s+(?:is|are)\s+(?:both\s+|two\s+)?(?:an?\s+)?(?:(?:univariate|one-dimensional|scalar)\s+)?"
    r"(?:normal|gaussian)\s+(?:distributions?|laws?|densities|density)\s+with\s+(?:the\s+)?means?\s+"
    + _MATH_LIST + r"\s*,?\s*and\s+(?:the\s+)?(standard\s+deviations?|variances?)\s+" + _MATH_LIST,
    re.I)
_NEGATED = re.compile(r"\b(?:not|no|never|neither|nor)\b", re.I)


def _formulas(listed: str) -> list[Expr] | None:
    """The formulas of a list of inline maths (``$a, b$``, ``$a$ and $b$``), in order; None if one does not read."""
    found = []
    for math in INLINE.findall(listed):
        for part in top_level(math, ","):
            try:
                found.append(parse_latex_expr(part.strip()))
            except (ParseError, ValueError):
                return None
    return found


def prose_normals(text: str) -> list[dict[str, Normal]]:
    """For each sentence stating normal laws: law name -> N(mean, variance), in the sentence's groups."""
    groups = []
    for sentence in sentences(text):
        match = _SENTENCE.search(sentence)
        if match is None or _NEGATED.search(INLINE.sub(" ", sentence[:match.end()])):
            continue
        names, means, scales = (_formulas(match.group(k)) for k in (1, 2, 4))
        if names is None or means is None or scales is None:
            continue
        if not (len(names) == len(means) == len(scales)) or not all(isinstance(n, Symbol) for n in names):
            continue
        deviation = match.group(3).lower().startswith("standard")
        groups.append({n.name: Normal(m, s**2 if deviation else s) for n, m, s in zip(names, means, scales)})
    return groups


def _written_at(exprs, name: str) -> set[Symbol]:
    """The variables at which the formulas write the density ``name`` (``q(x)``, as a density or a function)."""
    found: set[Symbol] = set()
    for expr in exprs:
        for d in expr.atoms(Density):
            if d.name == name and not d.given and len(d.variables) == 1:
                found.add(d.variables[0])
        for f in expr.atoms(AppliedUndef):
            if f.func.__name__ == name and len(f.args) == 1 and isinstance(f.args[0], Symbol):
                found.add(f.args[0])
    return found


def as_written(exprs, name: str, symbols: dict[str, Symbol]) -> Symbol:
    """The symbol ``name`` as the chains hold it (the first formulas given are the chains'), else the context's."""
    for expr in exprs:
        for s in expr.free_symbols:
            if isinstance(s, Symbol) and s.name == name:
                return s
    return symbols.get(name, Symbol(name, real=True))


def _density_name(law_name: str) -> str:
    """The small letter of a capital law name (P -> p); any other name is its own density."""
    if len(law_name) == 1 and law_name.isupper():
        return law_name.lower()
    return law_name


def _in_context(law: Normal, symbols: dict[str, Symbol]) -> Normal:
    """The law with each name as the context holds it; a name the chains never write is real, and the
    scale (a bare name the prose calls a standard deviation or a variance) positive."""
    scale = law.variance.base if law.variance.is_Pow and law.variance.exp == 2 else law.variance
    scales = frozenset({scale.name} if isinstance(scale, Symbol) else ())
    return with_context_symbols(law, symbols, scales)


def _same_law(a: Normal, b: Normal) -> bool:
    return simplify(a.mean - b.mean) == 0 and simplify(a.variance - b.variance) == 0


def prose_laws(text: str, exprs, stated: dict[str, StatedLaw], symbols: dict[str, Symbol]) -> dict[str, StatedLaw]:
    """density name -> its law stated by the prose, as the closed-form laws of ``randomness.laws``.

    ``exprs`` are all the document's formulas, ``stated`` the closed-form densities of the premises;
    a name whose stated density is another law is left out (and reported by ``conflicts``).
    """
    found: dict[str, StatedLaw] = {}
    for group in prose_normals(text):
        densities = {law: _density_name(law) for law in group}
        at = set().union(*(_written_at(exprs, d) for d in densities.values()))
        if len({v.name for v in at}) != 1:
            continue
        variable = as_written(exprs, next(iter(at)).name, symbols)
        for law, name in densities.items():
            normal = _in_context(group[law], symbols)
            if name in stated and not _same_law(stated[name].law, normal):
                continue
            if name in found:
                continue
            found[name] = StatedLaw(name, variable, normal_pdf(variable, normal.mean, normal.variance), normal)
            if law != name:
                found.setdefault(law, StatedLaw(law, variable, found[name].formula, normal))
    return found


def conflicts(text: str, stated: dict[str, StatedLaw], symbols: dict[str, Symbol]) -> set[str]:
    """Density names whose closed form in the premises is not the normal law the prose states."""
    clashing = set()
    for group in prose_normals(text):
        for law, normal in group.items():
            name = _density_name(law)
            normal = _in_context(normal, symbols)
            if name in stated and not _same_law(stated[name].law, normal):
                clashing.add(name)
    return clashing
