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
