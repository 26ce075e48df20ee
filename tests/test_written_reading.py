"""Reading keeps each step and chain start as written (unevaluated), beside the form the checker reads."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from sympy import Integral, Mul, Symbol, preorder_traversal

from verify.parsing import parse, read_document
from verify.parsing.written import WrittenStatement, evaluated, written_forms

q, x = Symbol("q"), Symbol("x")


def _written(text: str) -> tuple:
    return written_forms([parse(text)])[0]


def test_a_factor_divided_by_itself_is_kept_as_written():
    read, written = parse(r"x \cdot \frac{q}{q} = x").exprs[0], _written(r"x \cdot \frac{q}{q} = x")[0]
    assert read == x and written != x and written.has(q)


def test_a_square_of_a_root_is_kept_as_written():
    written = _written(r"\frac{1}{(\sqrt{d_k})^2} d_k = 1")[0]
    assert written != 1 and written.free_symbols


def test_terms_keep_the_order_they_were_written_in():
    left, right = _written("(a+b) = b+a")
    assert left != right and evaluated(left) == evaluated(right)


def test_a_written_form_evaluates_back_to_what_the_checker_reads():
    statement = parse(r"\log \int q(z|x) \frac{p(x, z)}{q(z|x)} dz = 3/4 - \frac{1}{2} \cdot \frac{7}{8}")
    assert [evaluated(w) for w in written_forms([statement])[0]] == list(statement.exprs)


@settings(max_examples=30, deadline=None)
@given(st.lists(st.sampled_from(["x", "q", "2", "(x + q)", r"\frac{x}{q}", "x^2", r"\sqrt{q}"]), min_size=1, max_size=4),
       st.lists(st.sampled_from([" + ", " - ", r" \cdot ", " "]), min_size=3, max_size=3))
def test_every_written_form_that_is_kept_reads_back_as_the_formula(factors, operators):
    text = factors[0] + "".join(op + f for op, f in zip(operators, factors[1:]))
    statement = parse(f"{text} = {text}")
    for written, read in zip(written_forms([statement])[0], statement.exprs):
        assert written is None or evaluated(written) == read


def test_an_integral_as_written_has_no_factor_nobody_wrote():
    written = _written(r"\int p(x, z) dz = 1")[0]
    body = next(n for n in preorder_traversal(written) if isinstance(n, Integral)).function
    assert not (isinstance(body, Mul) and 1 in body.args)


def test_a_power_of_numbers_has_a_written_form():
    assert _written("10000^{10} = 10^{40}")[0] is not None


def test_a_construct_that_cannot_be_read_unevaluated_keeps_no_written_form(monkeypatch):
    monkeypatch.setattr("verify.parsing.written._AsWritten.transform", lambda self, tree: 1 / 0)
    assert _written("x + x = 2 x") == (None, None)


def test_a_document_still_reads_when_no_formula_can_be_read_unevaluated(monkeypatch):
    monkeypatch.setattr("verify.parsing.written._AsWritten.transform", lambda self, tree: 1 / 0)
    chain = read_document("$$x + x = 2 x$$\n").chains[0]
    assert (chain.written, chain.steps[0].written) == (None, None) and str(chain.steps[0].expr) == "2*x"


def test_a_statement_without_its_tree_has_no_written_form():
    statement = parse("x = x")
    plain = WrittenStatement(statement.exprs, statement.relations)
    assert written_forms([plain]) == [(None, None)]


def test_a_chain_carries_its_start_and_each_step_as_written():
    chain = read_document("$$x \\cdot \\frac{q}{q} = x$$\n\n$$= x + 0$$\n").chains[0]
    assert chain.written.has(chain.start, Symbol("q"))
    assert [s.written is not None for s in chain.steps] == [True, True]


def test_a_chain_opened_by_a_definition_has_its_start_as_written():
    chain = read_document("$$L = \\frac{q}{q} y$$\n\n$$= y$$\n").chains[0]
    assert chain.written is not None and chain.written.has(Symbol("q"))


def test_written_links_pair_each_step_with_the_line_before_as_written():
    chain = read_document("$$a + b = b + a = a + b$$\n").chains[0]
    befores = [before for before, _ in chain.written_links()]
    assert befores == [chain.written, chain.steps[0].written]
