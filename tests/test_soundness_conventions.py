"""Conventions: an odd root of a negative number is the real root, as a student means it."""
import pytest

from verify.engine.checker import check_derivation
from verify.parsing import read_document
from verify.verdict import Status


def _status(text: str) -> Status:
    return check_derivation(read_document(text).derivation()).results[0].verdict.status


@pytest.mark.parametrize("text", ["$$\\sqrt[3]{-8} = -2$$", "$$\\sqrt[3]{-x} = -\\sqrt[3]{x}$$",
                                  "$$\\sqrt[5]{-32} = -2$$"])
def test_an_odd_root_of_a_negative_number_is_real(text):
    assert _status(text) is Status.PROVED


@pytest.mark.parametrize("text", ["$$\\sqrt[3]{-8} = 2$$", "$$\\sqrt[3]{x^3} = |x|$$", "$$\\sqrt[4]{x^4} = x$$"])
def test_a_wrong_root_is_not_proved(text):
    assert _status(text) is not Status.PROVED
