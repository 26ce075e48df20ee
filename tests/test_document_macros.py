"""Macros a document defines are expanded before its formulas are read (issue 10, section 3).

A use reads as the formula its definition spells out; a use that cannot be expanded (defined in terms
of itself, too few arguments, unbounded growth) is a positioned refusal of that formula only.
"""
from __future__ import annotations

import pytest

from verify.parsing import parse_latex_expr, read_document
from verify.parsing.macro_definitions import MAX_EXPANSIONS, expand, find_definitions


def first_step(document_text: str):
    """The start and first step of the document's first chain."""
    document = read_document(document_text)
    assert not document.errors, document.errors
    chain = document.chains[0]
    return chain.start, chain.steps[0].expr


EXPANSIONS = [  # (definitions, formula using them, the formula it stands for)
    (r"\newcommand{\E}{\mathbb{E}}", r"\E[x] + a", r"\mathbb{E}[x] + a"),
    (r"\newcommand{\kl}[2]{D_{\mathrm{KL}}(#1 \| #2)}", r"\kl{q}{p}", r"D_{\mathrm{KL}}(q \| p)"),
    (r"\newcommand\kl[2]{D_{KL}(#1\|#2)}", r"\kl qp", r"D_{KL}(q\|p)"),
    (r"\renewcommand{\vec}[1]{\mathbf{#1}}", r"\vec{x}^T \vec{x}", r"\mathbf{x}^T \mathbf{x}"),
    (r"\providecommand{\half}{\frac12}", r"\half a", r"\frac12 a"),
    (r"\def\sq#1{#1^2}", r"\sq{a} + \sq b", r"a^2 + b^2"),
    (r"\def\e{\exp}", r"\e(x)", r"\exp(x)"),
    (r"\DeclareMathOperator{\tr}{tr}", r"\tr(A)", r"\operatorname{tr}(A)"),
    (r"\DeclareMathOperator*{\argmax}{arg\,max}", r"\argmax_x", r"\operatorname{argmax}_x"),  # a thin space
    (r"\DeclareMathOperator{\sg}{\mathrm{sg}}", r"\sg(x)", r"\sg(x)"),  # a body with TeX in it: not read
    (r"\newcommand{\f}[2][1]{f_{#1}(#2)}", r"\f{z} + \f[2]{z}", r"f_{1}(z) + f_{2}(z)"),
    (r"\newcommand{\kl}[2]{D(#1\|#2)}", r"\kl{\kl{a}{b}}{c}", r"D(D(a\|b)\|c)"),
    (r"\newcommand{\E}{\mathbb{E}} \newcommand{\Eq}[1]{\E_{q}[#1]}", r"\Eq{x}", r"\mathbb{E}_{q}[x]"),
    (r"\newcommand{\hash}{a##}", r"\hash", r"a#"),
]


@pytest.mark.parametrize("definitions, written, meant", EXPANSIONS)
def test_a_macro_use_expands_to_its_definition(definitions, written, meant):
    found = find_definitions(definitions)
    assert expand(written, found.at(len(definitions)), definitions, (1, 1), 20_000).text == meant


def test_a_longer_name_is_not_a_use_of_a_shorter_macro():
    found = find_definitions(r"\newcommand{\E}{\mathbb{E}}")
    assert expand(r"\Exp", found.at(99), "", (1, 1), 20_000).text == r"\Exp"


def test_a_definition_applies_only_after_it_and_the_last_one_wins():
    text = ("$$\\newcommand{\\c}{2}$$\n$$\\c a = a + a$$\n"
            "$$\\renewcommand{\\c}{3}$$\n$$\\c a = a + a + a$$\n")
    document = read_document(text)
    assert not document.errors
    assert [str(chain.start) for chain in document.chains] == ["2*a", "3*a"]


def test_a_macro_defined_in_a_tex_preamble_is_used_in_the_body():
    text = ("\\documentclass{article}\n\\newcommand{\\kl}[2]{D_{\\mathrm{KL}}(#1 \\| #2)}\n"
            "\\begin{document}\n\\[ \\kl{q}{p} = \\kl{q}{p} \\]\n\\end{document}\n")
    start, step = first_step(text)
    assert str(start) == str(step) == str(parse_latex_expr(r"D_{\mathrm{KL}}(q \| p)"))


def test_the_arguments_keep_their_order():
    """A definition that swaps its arguments reads swapped: the reading follows the definition, never
    the usual order of the name."""
    text = "$\\newcommand{\\kl}[2]{D_{KL}(#2 \\| #1)}$\n\n$$\\kl{q}{p} = a$$\n"
    start, _ = first_step(text)
    assert str(start) == str(parse_latex_expr(r"D_{KL}(p \| q)")) != str(parse_latex_expr(r"D_{KL}(q \| p)"))


def test_a_definition_alone_in_a_formula_is_neither_a_step_nor_an_error():
    document = read_document("$\\newcommand{\\E}{\\mathbb{E}}$ and $$\\def\\two{2}$$\n$$a + a = \\two a$$\n")
    assert not document.errors
    assert len(document.chains) == 1


@pytest.mark.parametrize("definition, use, reason", [
    (r"\newcommand{\r}{\r + 1}", r"x = \r", "defined in terms of itself"),
    (r"\newcommand{\a}{\b} \newcommand{\b}{\a}", r"x = \a", "defined in terms of itself"),
    (r"\newcommand{\kl}[2]{D(#1\|#2)}", r"x = \kl{q}", "takes 2 argument(s)"),
    (r"\def\x{\y\y\y\y} \def\y{\z\z\z\z} \def\z{\w\w\w\w} \def\w{\v\v\v\v} \def\v{\u\u\u\u} "
     r"\def\u{\t\t\t\t} \def\t{aaaa}", r"\x", "macro expansions"),
])
def test_a_use_that_cannot_be_expanded_is_refused_where_it_is_written(definition, use, reason):
    text = f"$${definition}$$\n\n$${use}$$\n$$a = a$$\n"
    document = read_document(text)
    assert len(document.errors) == 1
    error = document.errors[0]
    assert reason in error.message
    assert (error.line, error.column) == (3, 3 + use.index("\\"))
    assert len(document.chains) == 1  # the other formula is still read


def test_the_expansion_count_is_bounded():
    assert MAX_EXPANSIONS < 4 ** 7


def test_an_error_after_an_expansion_points_at_the_formula_as_written():
    text = "$$\\newcommand{\\E}{\\mathbb{E}}$$\n\n$$\\E[x] = a + )$$\n"
    error = read_document(text).errors[0]
    assert (error.line, error.column) == (3, 15)
    assert "\\E[x] = a + )" in error.context


def test_a_malformed_definition_is_refused_not_guessed():
    document = read_document("$$\\newcommand{\\E}[2$$\n$$a = a$$\n")
    assert document.errors and "newcommand" in document.errors[0].message


def test_a_struck_out_definition_defines_nothing():
    document = read_document("~~$\\newcommand{\\c}{2}$~~\n\n$$\\c a = a + a$$\n")
    assert document.errors and "unknown macro \\c" in document.errors[0].message
