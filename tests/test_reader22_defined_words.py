r"""A word a document gives a value (``$units = 10$``) is one name in all its formulas: code comments and
Q&A answers write variables as words, which TeX would set as a product of letters (with e taken for
Euler's number). Function words, moments and words after a backslash never are; the report names them."""
from __future__ import annotations

import pytest

from verify.parsing import read_document
from verify.parsing.defined_words import defined_words
from verify.verdict import Status
from tests.documents import check_statuses

RNN = ("Assume:\n\n- $units = 10$\n- $features = 1$\n\nThen:\n\n"
       "$$units * (units + features + 1) = 10 * (10 + 1 + 1)$$\n\n$$= RIGHT$$\n")


@pytest.mark.parametrize("formulas, words", [
    (["units = 10", "features = 1"], {"units", "features"}),
    (["ELBO = \\log p(x) - KL"], {"ELBO"}),
    (["\\log x = 2", "max = 3", "Var = 1", "x = 2", "ab = 1"], set()),   # function words, moments, short names
    (["\\alpha = 1", "d_model = 512", "x^abc = 1"], set()),              # after a backslash, underscore or caret
])
def test_the_words_a_document_gives_a_value(formulas, words):
    assert defined_words(formulas) == words


def test_a_parameter_count_with_defined_words_is_proved():
    assert check_statuses(RNN.replace("RIGHT", "120")) == [Status.PROVED, Status.PROVED]


@pytest.mark.parametrize("wrong", ["110", "130", "100"])
def test_a_wrong_parameter_count_with_defined_words_is_refuted(wrong):
    assert check_statuses(RNN.replace("RIGHT", wrong)) == [Status.PROVED, Status.REFUTED]


def test_the_report_names_the_words_read_as_one_name():
    notes = " ".join(read_document(RNN.replace("RIGHT", "120")).derivation().context.notes)
    assert "read as one name each" in notes and "features, units" in notes


def test_an_undefined_word_keeps_its_refusal():
    text = "Then:\n\n$$units * (units + features + 1) = 120$$\n"
    assert check_statuses(text) == []
