"""Hostile text gets a clear error in bounded time, and nothing it says is executed."""
import time

import pytest

from verify.errors import LimitExceeded, ParseError
from verify.parsing import parse, read_document

SECONDS = 2.0

HOSTILE = [
    ("__import__('os').system('touch /tmp/pwned')", "'"),
    ("eval(\"1+1\")", "Euler"),  # refused at its first problem: the e of a word (then the quote)
    ("x.__class__.__bases__", "unexpected character"),
    ("lambda: 0", "unexpected character"),
    (r"\input{/etc/passwd}", r"TeX primitive \input"),
    (r"\write18{rm -rf /}", r"TeX primitive \write"),
    (r"\immediate\write18{ls}", r"TeX primitive \immediate"),
    (r"\csname foo\endcsname", r"TeX primitive \csname"),
    (r"\def\x{1} \x", r"TeX primitive \def"),
    (r"\catcode`\^=7", r"TeX primitive \catcode"),
    (r"9^{9^{9^{9}}}", "max_exponent"),
    (r"2^{10^{6}}", "max_exponent"),
    (r"1000!", "max_factorial"),
    ("1" * 500, "max_digits"),
    (r"\sum_{i=1}^{10^{12}} i", "max_sum_terms"),
    ("{" * 10_000 + "x" + "}" * 10_000, "limit max_expression_chars"),
    ("(" * 10_000 + "x" + ")" * 10_000, "limit max_expression_chars"),
    ("{" * 100 + "x" + "}" * 100, "limit max_depth"),
    ("\\sqrt{" * 100 + "x" + "}" * 100, "limit max_depth"),
    ("- " * 9_000 + "x", "limit max_tokens"),
    ("x" * 10_000_000, "max_expression_chars"),
]


@pytest.mark.parametrize("text, label", HOSTILE, ids=[h[1] + str(i) for i, h in enumerate(HOSTILE)])
@pytest.mark.parametrize("notation", ["latex", "ascii"])
def test_hostile_formula_is_refused_quickly(text, label, notation):
    start = time.perf_counter()
    with pytest.raises(ParseError) as info:
        parse(text, notation)
    assert time.perf_counter() - start < SECONDS
    assert info.value.line >= 1 and info.value.column >= 1 and info.value.message


@pytest.mark.parametrize("text, label", HOSTILE, ids=[h[1] + str(i) for i, h in enumerate(HOSTILE)])
def test_latex_refusal_names_the_problem(text, label):
    with pytest.raises(ParseError) as info:
        parse(text, "latex")
    assert label in info.value.message


def test_limit_refusal_is_a_limit_exceeded_with_position():
    with pytest.raises(LimitExceeded) as info:
        parse(r"x + 9^{9^{9^{9}}}")
    assert (info.value.line, info.value.column) == (1, 8)  # the power 9^{9^{9}} that overflows


def test_nothing_was_executed(tmp_path):
    marker = tmp_path / "pwned"
    for text in (f"__import__('os').system('touch {marker}')", rf"\write18{{touch {marker}}}"):
        with pytest.raises(ParseError):
            parse(text)
    assert not marker.exists()


def test_a_ten_megabyte_line_in_a_document_is_refused():
    start = time.perf_counter()
    with pytest.raises(LimitExceeded) as info:
        read_document("$$" + "x+" * 5_000_000 + "x$$")
    assert "max_document_chars" in info.value.message or "max_line_chars" in info.value.message
    assert time.perf_counter() - start < SECONDS


def test_hostile_formulas_in_a_document_are_kept_as_errors():
    document = read_document("$$a = b$$\n\n$$= \\input{/etc/passwd}$$\n")
    assert [e.line for e in document.errors] == [3]
