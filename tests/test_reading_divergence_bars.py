r"""Two laws written with the divergence bar: the named KL in every spelling, any other letter an undefined
functional of the two (a document may define it), never taken for KL."""
import pytest
import sympy

from verify.parsing.expressions import parse
from verify.vocabulary import KL

P, Q = sympy.symbols("P Q")


def _read(text: str):
    return parse(text).exprs[0]


@pytest.mark.parametrize("text", [r"\mathcal{D}_{KL}(P \| Q)", r"\mathcal{D}_{\mathrm{KL}}[P \| Q]", r"D_{KL}(P \| Q)",
                                  r"\mathrm{KL}(P \parallel Q)"])
def test_the_kl_divergence_in_its_spellings(text):
    assert _read(text) == KL(P, Q)


@pytest.mark.parametrize("text, name", [(r"D(P \| Q)", "D"), (r"H(P \| Q)", "H"), (r"D_f(P \| Q)", "D_f"),
                                        (r"H[P \| Q]", "H")])
def test_another_letter_is_an_undefined_functional_of_both_laws(text, name):
    read = _read(text)
    assert not isinstance(read, KL) and read == sympy.Function(name)(P, Q)


def test_the_order_of_the_laws_is_kept():
    assert _read(r"D(P \| Q)") != _read(r"D(Q \| P)")


def test_a_normal_density_at_a_point_is_read_with_a_bar_as_with_a_semicolon():
    assert parse(r"\mathcal{N}(z | \mu, \sigma^2)").exprs == parse(r"\mathcal{N}(z; \mu, \sigma^2)").exprs


def test_the_law_of_a_normal_density_with_an_even_parameter_is_recognised():
    from verify.parsing.randomness.laws import normal_law
    from verify.vocabulary import Normal

    formula = parse(r"\mathcal{N}(z; \mu, \sigma^2)").exprs[0]
    real = {s: sympy.Symbol(s.name, real=True) for s in formula.free_symbols}
    z, mu, sigma = (real[s] for s in sorted(real, key=lambda s: ["z", "mu", "sigma"].index(s.name)))
    assert normal_law(formula.xreplace(real), z) == Normal(mu, sigma**2)
