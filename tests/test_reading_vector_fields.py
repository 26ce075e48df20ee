r"""Vector calculus as it is written: ``\nabla \times F``, ``\nabla \cdot F``, ``u \times v`` of vectors and
components in brackets, read into the field operators the dynamics theory evaluates."""
import pytest
import sympy
from sympy import ImmutableMatrix, Symbol

from tests.documents import check_statuses
from verify.errors import ParseError
from verify.parsing.expressions import parse
from verify.verdict import Status
from verify.vocabulary.linalg import Cross, Curl, Divergence

F = Symbol("F")
a, b, c = sympy.symbols("a b c")
ROTATION = "Assume:\n\n- $F(x) = [x_2, -x_1, 0]^T$\n\nThen:\n\n"


def _read(text: str):
    return parse(text).exprs


def test_nabla_times_is_the_curl_and_nabla_dot_the_divergence():
    assert _read(r"\nabla \times F") == (Curl(F),)
    assert _read(r"\nabla \cdot F") == (Divergence(F),)


@pytest.mark.parametrize("text", [r"[a, b, c]", r"[a, b, c]^T"])
def test_a_bracketed_list_is_one_column_with_or_without_a_transpose(text):
    assert _read(text) == (ImmutableMatrix([a, b, c]),)


def test_times_beside_a_curl_is_a_cross_product_and_a_number_scales():
    assert _read(r"(\nabla \times F) \times F") == (Cross(Curl(F), F),)
    assert _read(r"-F \times (\nabla \times F)") == (-Cross(F, Curl(F)),)
    assert _read(r"2 \times (\nabla \times F)") == (2 * Curl(F),)


def test_times_between_scalars_stays_a_product():
    assert _read(r"a \times b") == (a * b,)


@pytest.mark.parametrize("text", [r"[a, b] \times [b, c]", r"\nabla \times (a + b)"])
def test_what_has_no_cross_product_or_curl_is_refused(text):
    with pytest.raises(ParseError):
        parse(text)


def test_the_curl_of_a_defined_field_is_proved_and_its_mutants_refuted():
    assert check_statuses(ROTATION + "$$\\nabla \\times F = [0, 0, -2]$$") == [Status.PROVED]
    for wrong in ("[0, 0, 2]", "[0, -2, 0]"):  # sign, swapped component
        assert check_statuses(ROTATION + f"$$\\nabla \\times F = {wrong}$$") == [Status.REFUTED]


def test_a_cross_product_with_the_curl_is_decided_through_the_definition():
    claim = "$$(\\nabla \\times F) \\times F = [{}]$$"
    assert check_statuses(ROTATION + claim.format("-2x_1, -2x_2, 0")) == [Status.PROVED]
    assert check_statuses(ROTATION + claim.format("2x_1, -2x_2, 0")) == [Status.REFUTED]


def test_anticommutativity_holds_for_an_undefined_field_and_its_sign_mutant_is_not_proved():
    step = "$$(\\nabla \\times F) \\times F$$\n$$= {}F \\times (\\nabla \\times F)$$"
    assert check_statuses(step.format("-")) == [Status.PROVED]
    assert Status.PROVED not in check_statuses(step.format(""))
