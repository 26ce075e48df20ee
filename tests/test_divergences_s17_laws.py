r"""KL, entropy, cross entropy and JSD of laws the document leaves open (issue 11 §1).

Each divergence is read as its defining integral (``probability.divergences``); a correct definitional
step is proved, and each broken variant (swapped arguments, sign, dropped 1/2 of the JSD, a mixture
without its 1/2) is never proved -- the gridded laws refute it or the check stays unknown."""
from __future__ import annotations

import pytest
from sympy import Symbol

from verify.engine.checker import check_step
from verify.model import Context, Fact
from verify.parsing import parse_latex_expr as read
from verify.theories.probability.canonical import canonical
from verify.verdict import Status

P, Q, M, X, Y = (Symbol(n) for n in "PQMXY")
LAWS = Context(symbols=(P, Q), theories=("probability", "algebra"))
MIXTURE = Context(symbols=(P, Q, M), theories=("probability", "algebra"), facts=(Fact("M", M, P / 2 + Q / 2),))
NO_MIXTURE = Context(symbols=(P, Q, M), theories=("probability", "algebra"), facts=(Fact("M", M, P + Q),))
JSD_SPLIT = r"\frac{1}{2} D_{KL}(P \| M) + \frac{1}{2} D_{KL}(Q \| M)"


def status(lhs: str, relation: str, rhs: str, context: Context = LAWS) -> Status:
    return check_step(read(lhs), relation, read(rhs), context).status


@pytest.mark.parametrize("lhs, rhs", [
    (r"D_{KL}(P \| Q)", r"H(P, Q) - H(P)"),
    (r"\mathrm{CE}(P, Q)", r"H(P) + D_{KL}(P \| Q)"),
    (r"\mathrm{CE}(P, Q)", r"H(P, Q)"),
    (r"\mathrm{JSD}(P \| Q)", r"\mathrm{JSD}(Q \| P)"),
    (r"\mathrm{JSD}(P \| Q)", r"\frac{1}{2} D_{KL}(P \| \frac{1}{2}(P + Q)) + \frac{1}{2} D_{KL}(Q \| \frac{1}{2}(P + Q))"),
])
def test_definitions_of_divergences_of_laws_known_by_name_are_proved(lhs, rhs):
    assert status(lhs, "=", rhs) is Status.PROVED


@pytest.mark.parametrize("lhs, rhs", [
    (r"D_{KL}(P \| Q)", r"H(Q, P) - H(P)"),           # swapped arguments of the cross entropy
    (r"D_{KL}(Q \| P)", r"H(P, Q) - H(P)"),           # swapped arguments of the KL
    (r"D_{KL}(P \| Q)", r"H(P, Q) + H(P)"),           # sign
    (r"\mathrm{CE}(P, Q)", r"H(P) + D_{KL}(Q \| P)"),  # swapped KL
    (r"\mathrm{CE}(P, Q)", r"H(Q) + D_{KL}(P \| Q)"),  # entropy of the wrong law
    (r"D_{KL}(P \| Q)", r"D_{KL}(Q \| P)"),           # KL is not symmetric
])
def test_broken_divergence_identities_are_refuted_by_drawn_laws(lhs, rhs):
    assert status(lhs, "=", rhs) is Status.REFUTED


def test_the_jensen_shannon_divergence_with_its_premised_mixture_is_proved():
    assert status(r"\mathrm{JSD}(P \| Q)", "=", JSD_SPLIT, MIXTURE) is Status.PROVED


def test_the_jensen_shannon_divergence_without_its_halves_is_refuted():
    assert status(r"\mathrm{JSD}(P \| Q)", "=", r"D_{KL}(P \| M) + D_{KL}(Q \| M)", MIXTURE) is Status.REFUTED


def test_a_mixture_without_its_half_is_no_law_and_nothing_is_proved_of_it():
    assert status(r"\mathrm{JSD}(P \| Q)", "=", JSD_SPLIT, NO_MIXTURE) is not Status.PROVED
    assert status(r"\mathrm{JSD}(P \| Q)", "=", r"\frac{1}{2} D_{KL}(P \| P + Q) + \frac{1}{2} D_{KL}(Q \| P + Q)") \
        is not Status.PROVED


def test_a_premised_mixture_is_evaluated_through_its_definition_not_drawn_as_a_law():
    from verify.config import CheckConfig
    from verify.engine.numeric import numeric_check

    found = numeric_check(read(r"\mathrm{JSD}(P \| Q)"), "=", read(JSD_SPLIT), MIXTURE, CheckConfig())
    assert found.status is Status.CONSISTENT


def test_h_of_two_names_never_used_as_laws_stays_an_undefined_function():
    """H(X, Y) may be the joint entropy of random variables: no KL or expectation says they are laws."""
    form, used = canonical(read("H(X, Y)"), LAWS)
    assert form == read("H(X, Y)") and not used


def test_h_of_two_names_is_the_cross_entropy_once_a_kl_is_taken_of_them():
    _, used = canonical(read(r"H(P, Q) - D_{KL}(P \| Q)"), LAWS)
    assert "cross entropy definition" in [rule.name for rule in used]


X_LINE = Symbol("x")
LINE = Context(symbols=(X_LINE,), theories=("probability", "algebra"), integration_variables=(X_LINE,))


@pytest.mark.parametrize("lhs, rhs", [
    (r"H(p(x), q(x))", r"-\int p(x) \log q(x) dx"),
    (r"H(p(x))", r"-\int p(x) \log p(x) dx"),
    (r"D_{KL}(p(x) \| q(x))", r"H(p(x), q(x)) - H(p(x))"),
    (r"\mathrm{JSD}(p(x), q(x))", r"\mathrm{JSD}(q(x), p(x))"),
])
def test_divergences_of_densities_are_their_integrals(lhs, rhs):
    assert status(lhs, "=", rhs, LINE) is Status.PROVED


@pytest.mark.parametrize("lhs, rhs", [
    (r"H(p(x), q(x))", r"-\int q(x) \log p(x) dx"),      # swapped arguments
    (r"H(p(x), q(x))", r"\int p(x) \log q(x) dx"),       # sign
    (r"D_{KL}(p(x) \| q(x))", r"H(q(x), p(x)) - H(p(x))"),
    (r"H(p(x))", r"-\int p(x) \log q(x) dx"),
])
def test_broken_divergences_of_densities_are_refuted(lhs, rhs):
    assert status(lhs, "=", rhs, LINE) is Status.REFUTED


@pytest.mark.parametrize("lhs, rhs", [
    (r"D_{KL}(P \| Q)", r"\mathbb{E}_{P}[\log P - \log Q]"),
    (r"D_{KL}(P \| Q)", r"\mathbb{E}_{P}\left[\log \frac{P}{Q}\right]"),
    (r"D_{KL}(P \| Q)", r"\mathbb{E}_{x \sim P}[\log P(x) - \log Q(x)]"),
    (r"H(P, Q)", r"-\mathbb{E}_{P}[\log Q]"),
    (r"H(P)", r"-\mathbb{E}_{P}[\log P]"),
])
def test_averages_under_laws_known_by_name_are_their_integrals(lhs, rhs):
    assert status(lhs, "=", rhs) is Status.PROVED


@pytest.mark.parametrize("lhs, rhs", [
    (r"D_{KL}(P \| Q)", r"\mathbb{E}_{P}[\log Q - \log P]"),                  # sign
    (r"D_{KL}(P \| Q)", r"\mathbb{E}_{Q}[\log P - \log Q]"),                  # averaged under the wrong law
    (r"D_{KL}(P \| Q)", r"\mathbb{E}_{x \sim P}[\log Q(x) - \log P(x)]"),
    (r"H(P, Q)", r"-\mathbb{E}_{Q}[\log P]"),                                 # swapped
    (r"H(P)", r"\mathbb{E}_{P}[\log P]"),                                     # sign
])
def test_broken_averages_under_laws_known_by_name_are_refuted(lhs, rhs):
    assert status(lhs, "=", rhs) is Status.REFUTED


def test_an_average_of_a_name_that_is_no_law_stays_unread():
    """E_P[X] of a random variable X: the shorthand 'a law stands for its density' does not apply."""
    form, used = canonical(read(r"\mathbb{E}_{P}[X] - D_{KL}(P \| Q)"), LAWS)
    assert form.has(read(r"\mathbb{E}_{P}[X]"))


def test_a_law_outside_a_logarithm_is_a_random_variable_and_its_average_stays_unread():
    """E_X[X^2] is the second moment of X, not an integral of its density squared."""
    form, _ = canonical(read(r"\mathbb{E}_{X}[X^2] - D_{KL}(X \| Y)"), LAWS)
    assert form.has(read(r"\mathbb{E}_{X}[X^2]"))


def test_a_declared_random_variable_is_never_read_as_a_law():
    from verify.model import RandomVariable

    declared = Context(symbols=(X, Y), theories=("probability", "algebra"), random_variables=(RandomVariable(X),))
    form, _ = canonical(read(r"H(X) + \mathbb{E}_{X}[\log X] + H(X, Y)"), declared)
    assert form == read(r"H(X) + \mathbb{E}_{X}[\log X] + H(X, Y)")


def _as_densities(expr):
    """The reader writes P(x) as a density once the document says so; here by hand."""
    from sympy.core.function import AppliedUndef

    from verify.vocabulary import Density

    return expr.replace(lambda e: isinstance(e, AppliedUndef) and e.func.__name__ in ("P", "Q"),
                        lambda e: Density(e.func.__name__, e.args))


def test_a_kl_of_names_beside_their_densities_is_the_integral_at_their_variable():
    rhs = _as_densities(read(r"\int P(x) \log \frac{P(x)}{Q(x)} dx"))
    assert check_step(read(r"D_{KL}(P \| Q)"), "=", rhs, LINE).status is Status.PROVED


def test_a_kl_of_names_beside_the_swapped_integral_is_refuted():
    rhs = _as_densities(read(r"\int Q(x) \log \frac{Q(x)}{P(x)} dx"))
    assert check_step(read(r"D_{KL}(P \| Q)"), "=", rhs, LINE).status is Status.REFUTED


def test_an_entropy_of_a_density_that_is_no_law_stays_unread():
    """q(z | z) has its variable on both sides of the bar: no law of z, no entropy."""
    from verify.vocabulary import Density

    z = Symbol("z")
    node = read("H(p)").func(Density("q", (z,), (z,)))
    form, used = canonical(node, LINE)
    assert form == node and not used


def test_a_name_written_as_two_densities_is_not_guessed_for_its_bare_kl():
    """Beside P(z) and P(z | x), KL(Q || P) may mean the prior or the posterior: no integral is chosen."""
    from verify.theories.probability.divergences import at_written_variable, bare_kl
    from verify.vocabulary import KL, Density

    z, x = Symbol("z"), Symbol("x")
    written = KL(Q, P) + Density("P", (z,)) + Density("P", (z,), (x,)) + Density("Q", (z,))
    read_kl = bare_kl(KL(Q, P), frozenset())[0]
    assert at_written_variable(read_kl, written) == read_kl
