"""A shorthand the prose declares ("writes $q_\\phi$ for $q_\\phi(z \\mid x)$") is written out in the chains."""
import pytest

from tests.documents import check_statuses
from verify.parsing import read_document
from verify.parsing.randomness.shorthand import shorthands
from verify.verdict import Status
from verify.vocabulary import Density

PROSE = "The source writes $q$ for $q(z \\mid x)$ and $p$ for $p(z \\mid x)$.\n\n"


def test_each_declared_shorthand_is_read_with_its_formula():
    forms = shorthands(PROSE)
    assert set(forms) == {"q", "p"} and all(isinstance(f, Density) for f in forms.values())


def test_a_name_given_two_meanings_is_no_shorthand():
    assert shorthands("We write $a$ for $b + c$ and $a$ for $b - c$.") == {}


def test_without_the_word_for_nothing_is_declared():
    assert shorthands("The source writes $q$ and $q(z \\mid x)$.") == {}


def test_the_chain_holds_the_written_out_density():
    document = read_document(PROSE + "$$ \\log q - \\log p = \\log \\frac{q}{p} $$\n")
    assert {d.name for d in document.chains[0].start.atoms(Density)} == {"p", "q"}


def test_a_log_ratio_of_the_written_out_densities_is_proved():
    assert check_statuses(PROSE + "$$ \\log \\frac{q}{p} = \\log q - \\log p $$\n") == [Status.PROVED]


@pytest.mark.parametrize("step", ["\\log p - \\log q", "\\log q + \\log p", "2 \\log q - \\log p"])
def test_broken_log_ratios_of_the_written_out_densities_are_never_proved(step):
    assert Status.PROVED not in check_statuses(PROSE + f"$$ \\log \\frac{{q}}{{p}} = {step} $$\n")


def test_without_the_declaration_a_bare_name_is_not_a_density():
    document = read_document("$$ \\log q - \\log p = \\log \\frac{q}{p} $$\n")
    assert not document.chains[0].start.atoms(Density)


def test_an_application_declared_a_shorthand_is_written_out():
    from verify.parsing.randomness.shorthand import applied_shorthands
    forms = applied_shorthands("The source writes $H(P)$ for the entropy $H(X)$ of $X \\sim P$.")
    assert {str(k): str(v) for k, v in forms.items()} == {"H(P)": "H(X)"}


def test_an_application_given_two_meanings_is_no_shorthand():
    from verify.parsing.randomness.shorthand import applied_shorthands
    assert applied_shorthands("We write $f(a)$ for $b + c$ and $f(a)$ for $b - c$.") == {}


_SAME = "The source writes $Q(z)$ and $Q(z|X)$ for the same distribution.\n\n"


def test_two_forms_the_prose_calls_one_distribution_are_read_as_one():
    from verify.parsing.randomness.shorthand import same_forms
    assert {k: str(v) for k, v in same_forms(_SAME).items()} == {"Q(z)": "Q(z | X)"}


def test_without_the_same_distribution_two_forms_stay_two():
    from verify.parsing.randomness.shorthand import same_forms
    assert same_forms("The source writes $Q(z)$ and $Q(z|X)$ for two distributions.") == {}


def test_an_expectation_under_a_bare_law_is_under_its_one_written_density():
    text = _SAME + ("$$ E_{z \\sim Q}[\\log Q(z|X) - \\log P(z|X)] $$\n\n"
                    "$$ = \\int Q(z) \\log \\frac{Q(z)}{P(z|X)} dz $$\n")
    assert check_statuses(text) == [Status.PROVED]


def test_a_bare_law_written_in_two_forms_is_not_resolved():
    text = ("$$ E_{z \\sim Q}[\\log Q(z|X) - \\log Q(z)] $$\n\n"
            "$$ = \\int Q(z|X) \\log \\frac{Q(z|X)}{Q(z)} dz $$\n")
    assert Status.PROVED not in check_statuses(text)


_ENTROPY = ("Assume:\n\n- $D_{\\textrm{KL}}(P\\|Q) = E_{x \\sim P} \\left[ \\log \\frac{p(x)}{q(x)} \\right]$\n"
            "- $H(X) = - E_{x \\sim P} [\\log p(x)]$\n"
            "- The source writes $H(P)$ for the entropy $H(X)$ of $X \\sim P$.\n\nThen:\n\n")


def _entropy_chain(step: str) -> str:
    return _ENTROPY + f"$$ - E_{{x \\sim P}} [\\log(q(x))] $$\n\n$$ = {step} $$\n"


def test_a_shorthand_for_a_premised_name_is_its_premised_value():
    assert check_statuses(_entropy_chain("H(P) + D_{\\textrm{KL}}(P\\|Q)")) == [Status.PROVED]


@pytest.mark.parametrize("step", ["H(P) - D_{\\textrm{KL}}(P\\|Q)", "H(P) + D_{\\textrm{KL}}(Q\\|P)"])
def test_broken_decompositions_with_the_shorthand_are_refuted(step):
    assert check_statuses(_entropy_chain(step)) == [Status.REFUTED]
