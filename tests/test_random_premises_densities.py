"""``E_{p}[f]`` written with a density's bare name is the expectation under that density
(``E_{p(x)}[f]``, the integral of p(x) f over x), so its linearity and its integral are decided."""
from __future__ import annotations

from sympy import Symbol

from tests.documents import check_statuses
from verify.config import CheckConfig
from verify.parsing.document import read_document
from verify.verdict import Status
from verify.vocabulary import Density, Expectation

CONFIG = CheckConfig(seed=2, samples=4, budget=None)
DENSITIES = "Let $p$ and $q$ be densities.\n\n"


def statuses(text: str) -> list[Status]:
    return check_statuses(text, CONFIG)


def test_e_with_a_density_name_becomes_the_expectation_under_that_density():
    text = DENSITIES + r"$$E_{p}[\log p(x)] = \int p(x) \log p(x) dx$$"
    (chain,) = read_document(text).chains
    (expectation,) = chain.start.atoms(Expectation)
    assert isinstance(expectation.dist, Density) and expectation.var == Symbol("x", real=True)


def test_the_expectation_under_a_named_density_is_its_integral():
    assert statuses(DENSITIES + r"$$\int p(x) \log \frac{p(x)}{q(x)} dx = E_{p}\left[\log \frac{p(x)}{q(x)}\right]$$") \
        == [Status.PROVED]


def test_linearity_of_the_expectation_under_a_named_density():
    text = DENSITIES + r"$$E_{p}[\log p(x) - \log q(x)] = E_{p}[\log p(x)] - E_{p}[\log q(x)]$$"
    assert statuses(text) == [Status.PROVED]


def test_a_sign_error_under_the_named_density_is_never_proved():
    text = DENSITIES + r"$$E_{p}[\log p(x) - \log q(x)] = E_{p}[\log p(x)] + E_{p}[\log q(x)]$$"
    assert Status.PROVED not in statuses(text)


def test_a_name_written_of_two_variables_is_left_as_written():
    text = DENSITIES + r"$$E_{p}[\log p(x)] = E_{p}[\log p(y)]$$"
    (chain,) = read_document(text).chains
    assert not chain.start.has(Expectation)


def test_a_kl_between_names_that_are_no_densities_is_undecided_not_a_crash():
    text = DENSITIES + r"$$D_{\text{KL}}(P||Q) = \int p(x) \log \frac{p(x)}{q(x)} dx$$"
    assert statuses(text) == [Status.UNKNOWN]


def test_a_document_whose_context_lists_a_power_among_its_symbols_is_still_read():
    text = ("- $p(x,z) = p(x \\mid z) p(z)$\n- The source writes $q_\\phi$ for $q_{\\phi}(z \\mid x)$.\n\nThen:\n\n"
            r"$$D_{\text{KL}}(q_\phi || p) = \int q_\phi \log \frac{q_\phi}{p(xx \mid z) p(z)} \, dx$$" + "\n\n"
            r"$$= \log p(x) - \mathbb{E}_{q_\phi}(p(x \mid z))$$" + "\n")
    document = read_document(text)
    assert any(not isinstance(s, Symbol) for s in document.context.symbols) and document.chains
