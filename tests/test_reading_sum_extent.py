r"""Where a sum ends: a term after ``\sum_i`` that writes the sum's own index belongs to the summand (outside
the sum the index names nothing), unless brackets or a factor closed the sum, which is then refused."""
import pytest
import sympy
from sympy import IndexedBase, Sum

from tests.documents import check_statuses
from verify.errors import ParseError
from verify.parsing.expressions import parse
from verify.verdict import Status


def _read(text: str):
    return parse(text).exprs[0]


def test_a_term_writing_the_index_goes_on_in_the_summand():
    read = _read(r"\sum_{i=1}^n a_i + b_i")
    assert isinstance(read, Sum) and len(read.function.atoms(IndexedBase)) == 2  # one sum over both families


def test_a_term_without_the_index_ends_the_sum():
    assert not isinstance(_read(r"\sum_{i=1}^n a_i + b"), Sum)


def test_two_sums_over_one_index_stay_two_sums():
    assert isinstance(_read(r"\sum_{i=1}^n a_i + \sum_{i=1}^n b_i"), sympy.Add)


@pytest.mark.parametrize("text", [r"(\sum_{i=1}^n a_i) + b_i", r"\sum_{i=1}^n (a_i + c) + b_i",
                                  r"-\sum_{i=1}^n a_i + b_i", r"2\sum_{i=1}^n a_i - b_i"])
def test_a_closed_sum_whose_index_is_written_after_it_is_refused(text):
    with pytest.raises(ParseError, match="written again after the sum ends"):
        parse(text)


def test_the_log_likelihood_of_bernoulli_labels_is_one_sum():
    """d2l's binary log-likelihood writes both terms after one \\sum; a wrong sign is still refuted."""
    step = ("$$\\log \\prod_{i=1}^n \\pi_i^{y_i} (1-\\pi_i)^{1-y_i}$$\n"
            "$$= \\sum_{i=1}^n y_i \\log \\pi_i {} (1-y_i)\\log(1-\\pi_i)$$")
    assert Status.REFUTED not in check_statuses(step.replace("{}", "+"))
    assert Status.PROVED not in check_statuses(step.replace("{}", "-"))
