r"""Differentials, the KL separator, decorated subscripted names and sums over a set, as the world
writes them (issue 10 section 3): LaTeX in, the expression it means out, or a refusal with the reason."""
from __future__ import annotations

import pytest
import sympy
from hypothesis import given, settings, strategies as st
from sympy import Function, Integral, Sum, Symbol, oo

from verify.errors import ParseError
from verify.parsing import parse_latex_expr
from verify.verdict import Status
from verify.vocabulary import KL
from tests.documents import check_statuses

x, z, n, i, p, q = (Symbol(name) for name in ("x", "z", "n", "i", "p", "q"))
zbold, thetabold = Symbol("zbold"), Symbol("thetabold")
hf = Function("h")

DIFFERENTIALS = [
    (r"\int_0^1 x^2 \mathrm{d}x", Integral(x**2, (x, 0, 1))),
    (r"\int_0^1 x^2 \mathrm d x", Integral(x**2, (x, 0, 1))),
    (r"\int_0^1 x^2 \mathrm dx", Integral(x**2, (x, 0, 1))),
    (r"\int_0^1 x^2 \,dx", Integral(x**2, (x, 0, 1))),
    (r"\int_0^1 x^2 \operatorname{d}x", Integral(x**2, (x, 0, 1))),
    (r"\int_0^1 x^2 \, \mathrm{d} x", Integral(x**2, (x, 0, 1))),
    (r"\int h(\mathbf{z}) d\mathbf{z}", Integral(hf(zbold), (zbold, -oo, oo))),
    (r"\int h(\mathbf{z}) \mathrm{d}\mathbf{z}", Integral(hf(zbold), (zbold, -oo, oo))),
    (r"\int h(\boldsymbol{\theta}) \,\mathrm d\boldsymbol{\theta}", Integral(hf(thetabold), (thetabold, -oo, oo))),
]

SEPARATORS = [
    (r"D_{KL}(q \parallel p)", KL(q, p)),
    (r"\mathrm{KL}(q \parallel p)", KL(q, p)),
    (r"D_{KL}(q \Vert p)", KL(q, p)),
    (r"D_{KL}(q \| p)", KL(q, p)),
    (r"D_{\mathrm{KL}}(q \,\|\, p)", KL(q, p)),
    (r"\langle u, v \rangle", Function("inner")(Symbol("u"), Symbol("v"))),
]

DECORATED = [
    (r"\boldsymbol{\mu_p}", r"\boldsymbol{\mu}_p"),
    (r"\mathbf{W_q}", r"\mathbf{W}_q"),
    (r"\mathbf{W_{q}}", r"\mathbf{W}_{q}"),
    (r"\bm{x_{t+1}}", r"\bm{x}_{t+1}"),
    (r"\hat{x_i}", r"\hat{x}_i"),
    (r"\mathbf{W_q}^T \mathbf{x}", r"\mathbf{W}_q^T \mathbf{x}"),
]

SETS = [
    (r"\sum_{i \in [n]} a_i", Sum(sympy.Indexed(sympy.IndexedBase("a"), i), (i, 1, n))),
    (r"\sum_{x \in X} f(x)", Function(r"sum_{x \in X}")(Function("f")(x))),
    (r"\sum_{z \in \mathcal{Z}} g(z)", Function(r"sum_{z \in \mathcal{Z}}")(Function("g")(z))),
    (r"\prod_{i \in [n]} x_i", sympy.Product(sympy.Indexed(sympy.IndexedBase("x"), i), (i, 1, n))),
    (r"\sum_{x \in \{0, 1\}} f(x)", Function("f")(0) + Function("f")(1)),  # over the values listed
    (r"\sum_{i \in \left\{1, 2\right\}} i^2", 5),
    (r"\sum_{i \in \{1, 2\}} a_i", sympy.Indexed(sympy.IndexedBase("a"), 1) + sympy.Indexed(sympy.IndexedBase("a"), 2)),
    (r"\prod_{k \in \{1, 2\}} (1 + y_k)", (1 + sympy.Indexed(sympy.IndexedBase("y"), 1))
     * (1 + sympy.Indexed(sympy.IndexedBase("y"), 2))),
]


@pytest.mark.parametrize("latex, meaning", DIFFERENTIALS + SEPARATORS + SETS)
def test_the_notation_reads_as_what_it_means(latex, meaning):
    assert parse_latex_expr(latex) == meaning


@pytest.mark.parametrize("inside, outside", DECORATED)
def test_a_decoration_around_a_subscripted_name_is_the_decorated_name_subscripted(inside, outside):
    assert parse_latex_expr(inside) == parse_latex_expr(outside)


def test_both_spellings_of_a_bold_subscripted_name_are_one_symbol():
    both = parse_latex_expr(r"\boldsymbol{\mu_p} - \boldsymbol{\mu}_p + \mathbf{W_q} + \mathbf{W}_q")
    assert both == 2 * Symbol("Wbold_q")


LETTERS = st.sampled_from(list("abcxyzWQK") + [r"\mu", r"\theta", r"\Sigma"])
SCRIPTS = st.sampled_from(list("ijpq012") + ["{t}", "{k}"])
MARKS = st.sampled_from([r"\mathbf", r"\boldsymbol", r"\bm", r"\hat", r"\tilde", r"\bar"])


@settings(max_examples=40, deadline=None)
@given(MARKS, LETTERS, SCRIPTS)
def test_every_mark_over_a_subscripted_letter_reads_as_the_marked_letter_subscripted(mark, letter, script):
    assert parse_latex_expr(f"{mark}{{{letter}_{script}}}") == parse_latex_expr(f"{mark}{{{letter}}}_{script}")


@pytest.mark.parametrize("latex, reason", [
    (r"\mathbf{W_q x}", "one letter"),  # the mark covers a product: not read as one name
    (r"\langle x \rangle", "average"),  # an average over what? not guessed
    (r"x \in X", "unknown macro"),  # a membership is read from the prose, never as a factor
    (r"\sum_{x \in \{a, b\}} x", "may coincide"),  # {a, b} has one member when a = b
    (r"\sum_{x \in \{0, 0\}} x", "twice"),
])
def test_an_ambiguous_form_is_refused_with_its_reason(latex, reason):
    with pytest.raises(ParseError, match=reason):
        parse_latex_expr(latex)


def test_a_density_summed_over_listed_values_is_kept_whole():
    assert not parse_latex_expr(r"\sum_{z \in \{0, 1\}} q(z) \log p(x, z)").has(sympy.Add)


def test_a_sum_over_a_set_is_never_a_sum_over_integers():
    assert not parse_latex_expr(r"\sum_{x \in X} f(x)").has(Sum)


def statuses(claim: str) -> list[Status]:
    return check_statuses(f"Then:\n\n$${claim}$$\n")


MUTATIONS = [
    (r"\int_0^1 x^2 \mathrm d x = \frac{1}{3}", [r"\int_0^1 x^2 \mathrm d x = \frac{1}{2}",
                                                r"\int_0^1 x^3 \mathrm d x = \frac{1}{3}",
                                                r"\int_0^1 x^2 \mathrm d x = -\frac{1}{3}"]),
    (r"\sum_{i \in [n]} 1 = n", [r"\sum_{i \in [n]} 1 = n + 1", r"\sum_{i \in [n]} 2 = n"]),
    (r"\sum_{i \in [3]} i = 6", [r"\sum_{i \in [3]} i = 3", r"\sum_{i \in [3]} i^2 = 6"]),
    (r"\sum_{i \in \{1, 2, 3\}} a_i = a_1 + a_2 + a_3", [r"\sum_{i \in \{1, 2, 3\}} a_i = a_1 + a_2",
                                                          r"\sum_{i \in \{1, 2\}} a_i = a_1 + a_2 + a_3",
                                                          r"\sum_{i \in \{1, 2, 3\}} a_i = a_1 - a_2 + a_3"]),
]


@pytest.mark.parametrize("correct, broken", MUTATIONS)
def test_the_correct_form_is_accepted(correct, broken):
    assert statuses(correct) in ([Status.PROVED], [Status.CONSISTENT])  # an integral may be settled numerically


@pytest.mark.parametrize("wrong", [w for _, variants in MUTATIONS for w in variants])
def test_a_broken_variant_is_never_proved(wrong):
    assert Status.PROVED not in statuses(wrong) and Status.CONSISTENT not in statuses(wrong)


@pytest.mark.parametrize("claim", [r"\sum_{x \in X} f(x) = f(x)", r"\sum_{x \in X} 1 = 1",
                                   r"\sum_{z \in \mathcal{Z}} q(z) = 1"])
def test_a_sum_over_a_set_the_reader_cannot_value_is_never_proved(claim):
    assert Status.PROVED not in statuses(claim)


def test_kl_with_parallel_keeps_its_argument_order():
    assert parse_latex_expr(r"D_{KL}(q \parallel p)") != parse_latex_expr(r"D_{KL}(p \parallel q)")
