"""A numeric refutation that rests on names a step writes for the first time, defined nowhere the reader
could use (``= \\text{evidence} - \\text{ELBO}`` after a definition the reader dropped), gave those names
arbitrary values: unknown, naming them; never proved. A step over names seen before is refuted as ever."""
from __future__ import annotations

from tests.documents import check_statuses
from verify.config import CheckConfig
from verify.engine.checker import check_derivation, fresh_names
from verify.parsing import read_document
from verify.verdict import Status

CONFIG = CheckConfig(seed=3, samples=4, budget=None)


def test_a_step_that_ends_in_names_defined_nowhere_is_unknown_naming_them():
    text = "$$a^2 - 2 a b = \\text{evidence} - \\text{ELBO}$$"
    verdict = check_derivation(read_document(text).derivation(), CONFIG).results[0].verdict
    assert verdict.status is Status.UNKNOWN and "ELBO, evidence" in verdict.reason


def test_a_wrong_step_over_names_seen_before_is_still_refuted():
    assert check_statuses("$$(x + 1)^2 = x^2 + 1$$", CONFIG) == [Status.REFUTED]
    assert check_statuses("$$(x + y)^2 = x^2 + y^2$$\n\n$$= x^2 - y^2$$", CONFIG) == [Status.REFUTED, Status.REFUTED]


def test_a_name_the_start_of_the_chain_shows_is_not_fresh():
    assert check_statuses("$$c (x + 1) = c x + 1$$", CONFIG) == [Status.REFUTED]


def test_a_step_with_a_fresh_name_is_never_proved():
    assert Status.PROVED not in check_statuses("$$x + 1 = x + c$$", CONFIG)


def test_an_entry_of_a_family_seen_with_a_letter_index_is_not_fresh():
    assert fresh_names({"sigma_1", "sigma_2"}, {"sigma_i"}) == ()
    assert fresh_names({"sigma_1", "tau"}, {"sigma_i"}) == ("tau",)


def test_a_name_only_the_written_form_shows_is_seen():
    text = "$$\\det M = 1 - \\eta^2 + \\eta^2$$\n\n$$= 1 - 2 \\eta^2$$"
    assert check_statuses(text, CONFIG)[-1] is Status.REFUTED
