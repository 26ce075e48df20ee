"""A premise the reader cannot read still assumes something: a refutation about a name it mentions may
rest on a value it excludes (``$a, b \\geq 0$`` before lists of names were read let ``\\sqrt{a^2 b^2} = ab``
be refuted at a < 0). Such a refutation is unknown, naming the premise; other steps are untouched."""
from __future__ import annotations

from verify.parsing import read_document
from verify.parsing.unread import mentioned, states_something
from verify.verdict import Status
from tests.documents import check_statuses

UNREADABLE = r"\alpha \mathbin{\natural} a"  # no notation of ours: a premise the reader cannot read


def _assuming(premise: str, chain: str) -> str:
    return f"Assume:\n\n- ${premise}$.\n\nThen:\n\n$${chain}$$\n"


def test_an_unreadable_premise_is_kept_with_the_names_it_mentions():
    document = read_document(_assuming(UNREADABLE, "a = a"))
    [premise] = document.context.unread
    assert {"a", "alpha"} <= premise.mentions and premise.line == 3  # the set errs on the large side


def test_a_refutation_about_a_name_an_unread_premise_mentions_is_unknown():
    assert check_statuses(_assuming(UNREADABLE, r"\sqrt{a^2} = a")) == [Status.UNKNOWN]


def test_a_refutation_about_other_names_still_stands():
    assert check_statuses(_assuming(UNREADABLE, "b + 1 = b")) == [Status.REFUTED]


def test_a_refutation_reaching_the_name_through_a_definition_is_unknown():
    document = f"Assume:\n\n- ${UNREADABLE}$.\n- Let $s = a + 1$.\n\nThen:\n\n$$s - 1 = 2 a$$\n"
    assert check_statuses(document) == [Status.UNKNOWN]


def test_a_proof_is_untouched_by_an_unread_premise():
    assert check_statuses(_assuming(UNREADABLE, "(a + 1)^2 = a^2 + 2a + 1")) == [Status.PROVED]


def test_an_unreadable_claim_guards_nothing():
    document = read_document(f"Then:\n\n$${UNREADABLE}$$\n\n$$\\sqrt{{a^2}} = a$$\n")
    assert document.context.unread == ()


def test_the_names_are_found_piece_by_piece():
    assert mentioned(r"d_{model}, \eta \geq 0") == {"d_{m o d e l}", "eta"}


def test_a_list_of_names_assumes_nothing():
    assert not states_something(r"\mu_p, \mu_q")


def test_a_shape_declaration_is_read_elsewhere():
    assert not states_something(r"q, k \in \mathbb{R}^d")


def test_a_law_of_a_declared_random_variable_is_read_elsewhere():
    assert not states_something(r"q_i, k_i \sim \mathcal{N}(0, \sigma^2)", frozenset({"q", "k"}))


def test_a_law_of_an_undeclared_name_may_assume_more():
    assert states_something(r"y \sim \mathrm{Bern}(\pi)", frozenset({"q"}))


def test_a_bound_assumes_something():
    assert states_something(r"D = D(x) \in [0, 1]")


def test_unknown_notation_may_be_a_relation():
    assert states_something(UNREADABLE)


def test_an_independence_the_randomness_reader_took_is_read():
    assert not states_something(r"X \perp Y", independent=frozenset({"X", "Y"}))


def test_a_conditional_independence_it_did_not_take_may_assume_more():
    assert states_something(r"X \perp Y \mid Z", independent=frozenset({"X", "Y"}))
