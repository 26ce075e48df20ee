"""Macros a document names in prose ("$\\expect$ is the expectation") read as that operator, as a
\\newcommand would make them; a letter the reader knows, or a meaning outside the table, defines nothing."""
from __future__ import annotations

import pytest

from verify.parsing import parse_latex_expr, read_document
from verify.parsing.macro_meanings import named_in_prose


def first_chain(text: str):
    document = read_document(text)
    assert not document.errors, document.errors
    chain = document.chains[0]
    return chain.start, chain.steps[0].expr


NAMED = [  # (prose, the macro, what it stands for)
    (r"$\expect$ is the expectation", "expect", r"\mathbb{E}"),
    (r"$\E$ denotes the expected value", "E", r"\mathbb{E}"),
    (r"and $\dkl$ the KL divergence", "dkl", r"\mathrm{KL}"),
    (r"$\KL$ stands for the Kullback-Leibler divergence", "KL", r"\mathrm{KL}"),
    (r"$\Var$ is the variance", "Var", r"\mathrm{Var}"),
    (r"$\cov$, the covariance", "cov", r"\mathrm{Cov}"),
    (r"$\Tr$ is the trace", "Tr", r"\operatorname{tr}"),
]


@pytest.mark.parametrize("prose, name, body", NAMED)
def test_a_macro_named_in_prose_stands_for_its_operator(prose, name, body):
    assert [(m.name, m.body, m.parameters) for m in named_in_prose(prose)] == [(name, body, 0)]


@pytest.mark.parametrize("prose", [
    r"$\sigma$ is the variance",  # a letter the reader knows stays that letter
    r"$\log$ is the expectation",
    r"$\expect$ is the expected loss",  # not a meaning in the table
    r"$\expect$ is an expectation-maximisation step",
    r"$\expect_q$ is the expectation",  # not a macro alone
    r"$\dkl$ is not the KL divergence here",
])
def test_a_near_miss_names_nothing(prose):
    assert named_in_prose(prose) == ()


def test_the_named_macro_reads_in_every_formula_of_the_document():
    text = ("$$\\expect_{q}[a] = \\expect_{q}[a]$$\n\n"
            "Here $\\expect$ is the expectation and $\\dkl$ the KL divergence.\n\n"
            "$$\\dkl(q \\| p) = \\dkl(q \\| p)$$\n")
    document = read_document(text)  # the inline $\\dkl$ alone is no formula; the displays read
    assert not [f.error for f in document.formulas if f.error is not None and f.display]
    assert [str(c.start) for c in document.chains] == [str(parse_latex_expr(r"\mathbb{E}_{q}[a]")),
                                                       str(parse_latex_expr(r"\mathrm{KL}(q \| p)"))]


def test_a_newcommand_wins_over_the_prose():
    text = ("$\\newcommand{\\expect}{2}$ Here $\\expect$ is the expectation.\n\n"
            "$$\\expect a = a + a$$\n")
    start, _ = first_chain(text)
    assert str(start) == "2*a"


def test_without_the_prose_the_macro_is_refused_where_it_stands():
    document = read_document("$$\\expect[a] = b$$\n")
    assert document.errors and "unknown macro \\expect" in document.errors[0].message


def test_a_step_s_source_is_the_formula_as_written_not_its_expansion():
    text = "$$\\newcommand{\\E}{\\mathbb{E}}$$\n\n$$\\E[a + a] = \\E[2 a]$$\n"
    chain = read_document(text).chains[0]
    assert chain.steps[0].source == "\\E[a + a] = \\E[2 a]"
