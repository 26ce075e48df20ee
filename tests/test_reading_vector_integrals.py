"""An integral over a vector z (declared in R^d) is read over R^d, its variable the vector, when z only
names a point (densities of z, f(z)); z used as a vector (z^T z, A z, limits) is refused with the reason.
Whatever is read, a broken step over a vector is never proved."""
import pytest
import sympy

from tests.documents import check_statuses
from verify.parsing import read_document
from verify.theories.probability.coordinate_free import coordinate_free
from verify.verdict import Status

DECLARED = "Let $z \\in \\mathbb{R}^d$.\n"


def _start(formula: str):
    return read_document(DECLARED + f"$${formula}$$\n$$= 1$$").derivation().chains[0].start


@pytest.mark.parametrize("formula", [r"\int q(z) \log \frac{q(z)}{p(z)} dz", r"\int q(z|x) f(z) dz",
                                     r"\int q_\phi(z|x) \log \frac{p(x,z)}{q_\phi(z|x)} dz"])
def test_an_integral_of_functions_of_the_point_is_over_the_vector(formula):
    integral = _start(formula)
    variable, low, high = integral.limits[0]
    assert isinstance(variable, sympy.MatrixSymbol) and (low, high) == (-sympy.oo, sympy.oo)


def _refusals(formula: str) -> list[str]:
    return [str(e) for e in read_document(DECLARED + f"$${formula}$$\n$$= 1$$").errors if "\\int" in str(e)]


@pytest.mark.parametrize("formula", [r"\int z^\top z \, q(z) dz", r"\int q(z) \|z\|^2 dz", r"\int f(2 z) dz"])
def test_an_integral_using_the_vector_structure_is_refused_with_the_reason(formula):
    assert "vector used as one" in _refusals(formula)[0]


def test_limits_on_a_vector_integral_are_refused():
    assert "with limits" in _refusals(r"\int_0^1 q(z) dz")[0]


def test_a_vector_naming_only_a_point_becomes_a_number():
    z = sympy.MatrixSymbol("z", sympy.Symbol("d"), 1)
    q = sympy.Function("q")
    read = coordinate_free(sympy.Integral(q(z), (z, -sympy.oo, sympy.oo)))
    assert not read.has(z) and read.limits[0][0] == sympy.Symbol("z", real=True)


def test_a_vector_used_as_one_is_kept():
    z = sympy.MatrixSymbol("z", sympy.Symbol("d"), 1)
    q = sympy.Function("q")
    body = q(z) * (z.T * z)[0, 0]
    assert coordinate_free(sympy.Integral(body, (z, -sympy.oo, sympy.oo))).has(z)


MUTANTS = [r"\int q(z) \log \frac{q(z)}{p(z)} dz = D_{KL}(p(z) \| q(z))",  # swapped KL arguments
           r"\int q(z) \log \frac{q(z)}{p(z)} dz = -D_{KL}(q(z) \| p(z))",  # sign
           r"\int q(z) (f(z) + 2) dz = \int q(z) f(z) dz + 1",  # wrong factor
           r"\int q(z) (f(z) + g(z)) dz = \int q(z) f(z) dz",  # dropped term
           r"\int q(z|x) \log \frac{p(x,z)}{q(z|x)} dz = \log p(x)",  # the ELBO is not the evidence
           r"\int q(z|x) dz = 2",
           r"\int q(z|x) \log \frac{p(x|z) p(z)}{q(z|x)} dz = \mathbb{E}_{q(z|x)}[\log p(x|z)] - D_{KL}(p(z) \| q(z|x))",
           r"\int q(z|x) \log \frac{p(x|z) p(z)}{q(z|x)} dz = \mathbb{E}_{q(z|x)}[\log p(x|z)] + D_{KL}(q(z|x) \| p(z))"]


@pytest.mark.parametrize("step", MUTANTS)
def test_a_broken_step_over_a_vector_is_never_proved(step):
    left, right = step.split(" = ")
    assert Status.PROVED not in check_statuses(DECLARED + f"$${left}$$\n$$= {right}$$")


@pytest.mark.parametrize("left, right", [(r"\int q(z|x) dz", "1"),
                                         (r"\int q(z|x) (f(z) + 2) dz", r"\int q(z|x) f(z) dz + 2"),
                                         (r"\int q(z|x) \log \frac{p(x,z)}{q(z|x)} dz",
                                          r"\mathbb{E}_{q(z|x)}[\log p(x,z) - \log q(z|x)]")])
def test_a_right_step_over_a_vector_is_proved_as_over_a_number(left, right):
    assert check_statuses(DECLARED + f"$${left}$$\n$$= {right}$$") == [Status.PROVED]
