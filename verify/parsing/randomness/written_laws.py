r"""Normal laws the premises write as a law: ``p(x) = N(\mu, v)``, ``P(x) \sim \mathcal{N}(\mu, v)``.

The second parameter of N is the variance: that is the standard reading, and it is kept. A
document may mean a standard deviation there (``N(\mu_1, \sigma_1)`` with ``\sigma_1^2`` in its
later steps); the reader does not guess which. Prose that calls the name a standard deviation
settles it (the variance is its square). Otherwise, when the parameter is a bare name whose
square the document also writes, the two readings are both in play: the law is not used, and a
note names the parametrisation so the author can say which, and both readings go to the context
(``Reading``): either may stop a refutation, neither proves. Any other second parameter is the
variance as written.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from sympy import Expr, Pow, Symbol
from sympy.core.function import AppliedUndef

from ...model import Reading
from ...theories.probability.gaussian import normal_pdf
from ...vocabulary import Density, Normal
from .laws import StatedLaw, with_context_symbols
from .prose_laws import as_written


@dataclass(frozen=True)
class WrittenLaws:
    """The laws read, and a note for each law left out because its parametrisation is in doubt;
    ``densities`` names each such law's density and variable: ``P(x) \\sim N(m, s)`` says P is a
    density of x (positive, integrating to one) whichever parameter s is."""

    laws: dict[str, StatedLaw]
    notes: tuple[str, ...]
    densities: dict[str, Symbol] = field(default_factory=dict)
    readings: tuple[Reading, ...] = ()


def _density_of(left: Expr) -> tuple[str, Symbol] | None:
    """``p(x)`` (a density or a function of one plain variable): its name and variable."""
    if isinstance(left, Density) and not left.given and len(left.variables) == 1:
        return left.name, left.variables[0]
    if isinstance(left, AppliedUndef) and len(left.args) == 1 and isinstance(left.args[0], Symbol):
        return left.func.__name__, left.args[0]
    return None


def _normal(right: Expr, relation: str) -> tuple[Expr, Expr] | None:
    """The two parameters of ``\\mathcal{N}(m, v)``, or of ``N(m, v)`` as the value of a density."""
    if isinstance(right, Normal):
        return right.mean, right.variance
    if relation == "=" and isinstance(right, AppliedUndef) and right.func.__name__ == "N" and len(right.args) == 2:
        return right.args[0], right.args[1]
    return None


def _squared(name: str, exprs) -> bool:
    return any(isinstance(p.base, Symbol) and p.base.name == name and p.exp == 2
               for e in exprs for p in e.atoms(Pow))


def _both_readings(left: Density, variable: Symbol, mean: Expr, scale: Symbol) -> tuple[Reading, Reading]:
    """``left`` as ``N(mean, scale)`` with ``scale`` a variance, and with ``scale`` a standard deviation;
    a scale either way, so positive in both (the name as the context holds it is replaced too)."""
    density, positive = Density(left.name, (variable,)), Symbol(scale.name, positive=True)
    return (Reading(f"{left} is N({mean}, {scale}) with {scale} its variance",
                    ((density, normal_pdf(variable, mean, positive)), (scale, positive))),
            Reading(f"{left} is N({mean}, {scale}^2) with {scale} its standard deviation",
                    ((density, normal_pdf(variable, mean, positive**2)), (scale, positive))))


def written_laws(statements, exprs, symbols: dict[str, Symbol], scales: dict[str, str]) -> WrittenLaws:
    """name -> its normal law for the premises ``p(x) = N(m, v)`` and ``P(x) \\sim N(m, v)``.

    ``exprs`` are the document's formulas (to see whether a bare second parameter is also written
    squared), ``scales`` the names the prose calls a standard deviation or a variance.
    """
    laws: dict[str, StatedLaw] = {}
    notes: list[str] = []
    densities: dict[str, Symbol] = {}
    readings: list[Reading] = []
    for statement in statements:
        if statement.lead or list(statement.relations) not in (["="], ["~"]) or len(statement.exprs) != 2:
            continue
        left, right = statement.exprs
        density = _density_of(left)
        if density is None or (statement.relations[0] == "=" and not isinstance(left, Density)):
            continue
        parameters = _normal(right, statement.relations[0])
        if parameters is None:
            continue
        (name, variable), (mean, scale) = density, parameters
        variance = scale
        if isinstance(scale, Symbol):
            if "standard deviation" in scales.get(scale.name, ""):
                variance = scale**2
            elif _squared(scale.name, exprs):
                sign = "~" if statement.relations[0] == "~" else "="
                notes.append(f"{left} {sign} N({mean}, {scale}) is not used: the second parameter of a normal is its "
                             f"variance, but the document also writes {scale}^2 as if {scale} were a standard "
                             f"deviation (write N({mean}, {scale}^2), or call {scale} a standard deviation); "
                             f"{name} is read as a density of {variable} only")
                densities.setdefault(name, as_written(exprs, variable.name, symbols))
                if isinstance(left, Density):
                    readings += _both_readings(left, densities[name], with_context_symbols(mean, symbols, frozenset()),
                                               symbols.get(scale.name, scale))
                continue
        law = with_context_symbols(Normal(mean, variance), symbols, frozenset(
            {variance.base.name} if isinstance(variance, Pow) and isinstance(variance.base, Symbol) else
            {variance.name} if isinstance(variance, Symbol) else ()))
        variable = as_written(exprs, variable.name, symbols)
        laws.setdefault(name, StatedLaw(name, variable, normal_pdf(variable, law.mean, law.variance), law))
    return WrittenLaws(laws, tuple(notes), {n: v for n, v in densities.items() if n not in laws}, tuple(readings))
