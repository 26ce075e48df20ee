"""What the prose states a name is (verify/parsing/stated.py): the identity, an integer, the imaginary
unit, a size, a value under "Assume:". The correct step under the stated reading is accepted; each
broken variant (sign, factor, exponent, the statement dropped) is never proved."""
from __future__ import annotations

import pytest

from tests.documents import check_statuses
from verify.config import CheckConfig
from verify.parsing import read_document
from verify.parsing import stated
from verify.verdict import Status

CONFIG = CheckConfig(seed=3, samples=6)
ACCEPTED = {Status.PROVED, Status.CONSISTENT}


def statuses(text: str) -> list[Status]:
    return check_statuses(text, CONFIG)


def assumed(text: str) -> str:
    return read_document(text).context.notes[-1] if read_document(text).context.notes else ""


# the identity

IDENTITY = "Let $A$ be an $n \\times n$ matrix and $I$ the identity.\n\n$$(I - A)(I + A) = {rhs}$$\n"


def test_I_called_the_identity_is_the_identity():
    assert statuses(IDENTITY.format(rhs="I - A^2")) and set(statuses(IDENTITY.format(rhs="I - A^2"))) <= ACCEPTED


@pytest.mark.parametrize("rhs", ["I + A^2", "I - 2 A^2", "I - A", "A^2 - I"])
def test_a_wrong_product_with_the_identity_is_not_proved(rhs):
    assert Status.PROVED not in statuses(IDENTITY.format(rhs=rhs))


@pytest.mark.parametrize("prose", ["$I$ is the identity matrix", "and $I$ the $n \\times n$ identity",
                                   "the identity matrix $I$", "Let $I$ be the identity"])
def test_the_ways_of_saying_I_is_the_identity(prose):
    assert stated.identity(prose) is not None


@pytest.mark.parametrize("prose", ["$I$ is not the identity", "Let $A$ and $I$ be matrices", "the identity holds"])
def test_prose_that_does_not_say_I_is_the_identity(prose):
    assert stated.identity(prose) is None


# integers

INTEGER = "{prose}\n\n$$\\cos(\\pi n) = {rhs}$$\n"


def test_for_an_integer_n_cosine_of_pi_n_is_a_power_of_minus_one():
    assert statuses(INTEGER.format(prose="For an integer $n$,", rhs="(-1)^n")) == [Status.PROVED]


@pytest.mark.parametrize("rhs", ["(-1)^{n+1}", "1", "-(-1)^n", "(-1)^{2n}"])
def test_a_wrong_value_of_cosine_at_integers_is_not_proved(rhs):
    assert Status.PROVED not in statuses(INTEGER.format(prose="For an integer $n$,", rhs=rhs))


def test_without_the_statement_n_is_no_integer():
    assert Status.PROVED not in statuses(INTEGER.format(prose="For a number $n$,", rhs="(-1)^n"))


@pytest.mark.parametrize("prose, kind", [
    ("For an integer $n$,", stated.ANY_INTEGER), ("Let $n \\in \\mathbb{Z}$.", stated.ANY_INTEGER),
    ("Let $n \\in \\mathbb{N}$.", stated.INDEX), ("Let $n$ be a positive integer.", stated.INTEGER),
    ("For a nonnegative integer $n$,", stated.INDEX), ("Let $n \\in \\mathbb{Z}_{>0}$.", stated.INTEGER)])
def test_what_kind_of_integer_the_prose_states(prose, kind):
    assert stated.integers(prose)["n"][0] == kind


def test_an_integer_of_either_sign_is_not_read_as_positive():
    text = INTEGER.format(prose="For an integer $n$,", rhs="(-1)^n") + "\n$$\\sqrt{n^2} = n$$\n"
    assert statuses(text)[1] is not Status.PROVED


def test_an_integer_stated_positive_too_is_a_positive_integer():
    text = "For an integer $n \\ge 1$,\n\n$$\\sqrt{n^2} = n$$\n"
    assert "n positive integer" in assumed(text) and statuses(text) == [Status.PROVED]


def test_a_claimed_membership_is_not_assumed():
    assert "n" not in stated.integers("Hence $n \\in \\mathbb{Z}$.", claim_at=lambda offset: True)


# the imaginary unit

IMAGINARY = "{prose}\n\n$$(1 - 2 i \\eta)^2 + 4 i \\eta = {rhs}$$\n"


@pytest.mark.parametrize("prose", ["Here $i$ is the imaginary unit.", "Let the imaginary unit $i$ be given.",
                                   "where $i^2 = -1$."])
def test_i_stated_to_be_the_imaginary_unit_is_sqrt_minus_one(prose):
    assert statuses(IMAGINARY.format(prose=prose, rhs="1 - 4\\eta^2")) == [Status.PROVED]


@pytest.mark.parametrize("rhs", ["1 + 4\\eta^2", "1 - 2\\eta^2", "1 - 4 i \\eta^2"])
def test_a_wrong_value_with_the_imaginary_unit_is_not_proved(rhs):
    assert Status.PROVED not in statuses(IMAGINARY.format(prose="Here $i$ is the imaginary unit.", rhs=rhs))


def test_without_the_statement_i_is_a_name():
    assert Status.PROVED not in statuses(IMAGINARY.format(prose="Here $i$ is a number.", rhs="1 - 4\\eta^2"))


# sizes named in the prose

SIZES = ("Assume:\n\n- $K$ is the kernel size; $C_{{in}}$, $C_{{out}}$ the channel counts; $H$, $W$ the output size.\n\n"
         "Then:\n\n$$K \\times K \\times C_{{in}} \\times H \\times W + C_{{in}} \\times H \\times W \\times C_{{out}}"
         " = {rhs}$$\n")


def test_sizes_named_in_prose_are_numbers_that_commute():
    assert statuses(SIZES.format(rhs="C_{in} \\times H \\times W \\times (K \\times K + C_{out})")) == [Status.PROVED]


@pytest.mark.parametrize("rhs", ["C_{in} \\times H \\times W \\times (K + C_{out})",
                                 "C_{in} \\times H \\times W \\times K \\times K \\times C_{out}",
                                 "C_{out} \\times H \\times W \\times (K \\times K + C_{in})"])
def test_a_wrong_cost_in_sizes_named_in_prose_is_not_proved(rhs):
    assert Status.PROVED not in statuses(SIZES.format(rhs=rhs))


@pytest.mark.parametrize("prose, name", [("$h$ heads", "h"), ("with $C$ input channels", "C"),
                                         ("$d_k$ is the key dimension", "d_k"), ("the batch size $B$", "B"),
                                         ("one of $g$ groups", "g"), ("$K$ filters", "K"), ("$n$ tokens", "n")])
def test_the_ways_of_naming_a_size(prose, name):
    assert name in stated.sizes(prose)


@pytest.mark.parametrize("prose", ["$\\eta$ is the step size", "$W$ is the weight matrix of size $n$",
                                   "$x$ is a vector of dimension $d$"])
def test_a_step_size_or_a_matrix_is_no_count(prose):
    assert not ({"eta", "W", "x"} & set(stated.sizes(prose)))


# a value stated in a list under "Assume:"

HEADS = "Assume:\n\n- In this work we employ $h=8$ parallel attention layers.\n- $d = 512$\n\nThen:\n\n$$d/h = {rhs}$$\n"


def test_a_value_in_a_list_item_under_assume_is_a_definition():
    assert statuses(HEADS.format(rhs="64")) == [Status.PROVED]


@pytest.mark.parametrize("rhs", ["32", "65", "4096"])
def test_a_wrong_value_from_a_stated_value_is_refuted(rhs):
    assert statuses(HEADS.format(rhs=rhs)) == [Status.REFUTED]


def test_a_claim_in_a_list_item_under_assume_stays_a_claim():
    text = "Assume:\n\n- $y$ is a one-hot vector, so $s = 1$.\n\nThen:\n\n$$s + 1 = 2$$\n"
    assert Status.PROVED not in statuses(text)


# standard deviations and variances: the names next to the words, not every name of the sentence

SCALES = ("$P$ and $Q$ are normal distributions with means $\\mu_p, \\mu_q$ and standard deviations "
          "$\\sigma_p, \\sigma_q$.\n\n$${lhs} = {rhs}$$\n")


def test_a_name_called_a_standard_deviation_is_positive():
    assert statuses(SCALES.format(lhs="\\sqrt{\\sigma_p^2}", rhs="\\sigma_p")) == [Status.PROVED]


@pytest.mark.parametrize("lhs, rhs", [("\\sqrt{\\mu_p^2}", "\\mu_p"), ("\\sqrt{\\sigma_p^2}", "-\\sigma_p"),
                                      ("|\\mu_q|", "\\mu_q"), ("\\sqrt{P^2}", "P")])
def test_a_mean_or_a_distribution_in_the_same_sentence_is_not_positive(lhs, rhs):
    assert Status.PROVED not in statuses(SCALES.format(lhs=lhs, rhs=rhs))


@pytest.mark.parametrize("prose, names", [
    ("Let $\\sigma > 0$ be the standard deviation of the encoder", {"sigma"}),
    ("Each score has variance $d_k$", {"d_k"}),
    ("Let $\\sigma$ be any real number (it is a shift, not a standard deviation)", set()),
    ("Two Gaussians with means $\\mu_1, \\mu_2$ and the same standard deviation $\\sigma > 0$", {"sigma"})])
def test_which_names_the_prose_calls_a_scale(prose, names):
    assert set(stated.scales(prose)) == names


@pytest.mark.parametrize("prose", ["$A$ has two layers", "$W$ maps between layers", "$x$ is the input of the layers"])
def test_a_name_beside_a_size_word_is_no_size(prose):
    assert stated.sizes(prose) == {}


def test_an_integer_multiple_states_nothing_of_the_name():
    assert "x" not in stated.integers("Let $x$ be an integer multiple of $\\pi$.")


def test_i_used_as_an_index_stays_an_index_whatever_the_prose_says():
    text = "Here $i$ is the imaginary unit.\n\n$$\\sum_{i=1}^{n} x_i + 0 = \\sum_{i=1}^{n} x_i$$\n"
    assert statuses(text) == [Status.PROVED]
