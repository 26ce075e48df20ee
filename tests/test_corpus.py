"""The corpus of transcribed derivations is well-formed: enough chains and sources, labels, mutants."""
from __future__ import annotations

from collections import Counter

import pytest

from tests.corpus.load import CORPUS_DIR, LABELS, RELATIONS, TOPICS, corpus_files, load_corpus

CHAINS = load_corpus()
CHAIN_IDS = [chain.id for chain in CHAINS]
MUTANTS = [(chain, mutant) for chain in CHAINS for mutant in chain.mutants]
MUTANT_IDS = [f"{chain.id}#{mutant.step}:{mutant.kind}" for chain, mutant in MUTANTS]


def test_corpus_has_at_least_sixty_chains():
    assert len(CHAINS) >= 60


def test_corpus_has_at_least_fifteen_distinct_sources():
    assert len({chain.source.url for chain in CHAINS}) >= 15


def test_corpus_draws_on_at_least_fifteen_sites_or_repositories():
    assert len({chain.source.origin for chain in CHAINS}) >= 15


def test_corpus_covers_all_four_topics():
    assert set(TOPICS) <= {chain.topic for chain in CHAINS}


def test_every_source_file_holds_a_chain():
    assert all(any(chain.source.path == path for chain in CHAINS) for path in corpus_files())


def test_chain_ids_are_unique():
    assert [i for i, n in Counter(CHAIN_IDS).items() if n > 1] == []


@pytest.mark.parametrize("chain", CHAINS, ids=CHAIN_IDS)
def test_chain_topic_is_its_folder(chain):
    assert chain.topic == chain.source.path.parent.name


@pytest.mark.parametrize("chain", CHAINS, ids=CHAIN_IDS)
def test_chain_names_a_public_url_and_title(chain):
    assert chain.source.url.startswith("https://") and chain.source.title.strip()


@pytest.mark.parametrize("chain", CHAINS, ids=CHAIN_IDS)
def test_chain_states_its_premises(chain):
    assert chain.premises is not None and all(isinstance(p, str) and p.strip() for p in chain.premises)


@pytest.mark.parametrize("chain", CHAINS, ids=CHAIN_IDS)
def test_premise_sentences_close_their_inline_formulas(chain):
    assert all(p.count("$") % 2 == 0 for p in chain.premises or ())


@pytest.mark.parametrize("chain", CHAINS, ids=CHAIN_IDS)
def test_chain_has_a_start_and_steps(chain):
    assert chain.start.strip() and len(chain.steps) >= 1


@pytest.mark.parametrize("chain", CHAINS, ids=CHAIN_IDS)
def test_every_step_has_a_known_relation_and_text(chain):
    assert all(step.rel in RELATIONS and step.tex.strip() for step in chain.steps)


@pytest.mark.parametrize("chain", CHAINS, ids=CHAIN_IDS)
def test_every_step_is_labelled_correct_or_wrong(chain):
    assert all(step.label in LABELS for step in chain.steps)


@pytest.mark.parametrize("chain", CHAINS, ids=CHAIN_IDS)
def test_every_wrong_step_says_why(chain):
    assert all(step.note.strip() for step in chain.steps if step.is_wrong)


@pytest.mark.parametrize("chain", CHAINS, ids=CHAIN_IDS)
def test_chain_has_two_or_three_mutants(chain):
    assert 2 <= len(chain.mutants) <= 3


@pytest.mark.parametrize("chain, mutant", MUTANTS, ids=MUTANT_IDS)
def test_mutant_alters_an_existing_step(chain, mutant):
    assert 1 <= mutant.step <= len(chain.steps)


@pytest.mark.parametrize("chain, mutant", MUTANTS, ids=MUTANT_IDS)
def test_mutant_differs_from_the_step_it_replaces(chain, mutant):
    original = chain.steps[mutant.step - 1]
    assert (mutant.rel or original.rel, mutant.tex) != (original.rel, original.tex)


@pytest.mark.parametrize("chain, mutant", MUTANTS, ids=MUTANT_IDS)
def test_mutant_names_its_kind_and_a_known_relation(chain, mutant):
    assert mutant.kind.strip() and (mutant.rel is None or mutant.rel in RELATIONS)


@pytest.mark.parametrize("chain, mutant", MUTANTS, ids=MUTANT_IDS)
def test_mutated_chain_changes_exactly_the_mutant_step(chain, mutant):
    changed = [i for i, (a, b) in enumerate(zip(chain.steps, chain.mutated(mutant).steps), 1) if a != b]
    assert changed == [mutant.step]


@pytest.mark.parametrize("chain, mutant", MUTANTS, ids=MUTANT_IDS)
def test_mutated_chain_has_a_first_wrong_step_no_later_than_the_mutant(chain, mutant):
    assert chain.mutated(mutant).first_wrong <= mutant.step


def _listed(name: str) -> list[str]:
    lines = (CORPUS_DIR / name).read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


HELDOUT_IDS = _listed("heldout.txt")
HELDOUT2_IDS = _listed("heldout2.txt")
HELDOUT3_IDS = _listed("heldout3.txt")
HELDOUT4_IDS = _listed("heldout4.txt")
HELDOUT5_IDS = _listed("heldout5.txt")
HELDOUT6_IDS = _listed("heldout6.txt")
HELDOUT7_IDS = _listed("heldout7.txt")
HELDOUT8_IDS = _listed("heldout8.txt")
HELDOUT9_IDS = _listed("heldout9.txt")
HELDOUT10_IDS = _listed("heldout10.txt")
HELDOUT11_IDS = _listed("heldout11.txt")
HELDOUT12_IDS = _listed("heldout12.txt")
HELDOUT13_IDS = _listed("heldout13.txt")
HELDOUT14_IDS = _listed("heldout14.txt")
HELDOUT15_IDS = _listed("heldout15.txt")
DEVELOPMENT_IDS = _listed("development.txt")
LISTS = {"heldout.txt": HELDOUT_IDS, "heldout2.txt": HELDOUT2_IDS, "heldout3.txt": HELDOUT3_IDS,
         "heldout4.txt": HELDOUT4_IDS, "heldout5.txt": HELDOUT5_IDS,
         "heldout6.txt": HELDOUT6_IDS, "heldout7.txt": HELDOUT7_IDS, "heldout8.txt": HELDOUT8_IDS,
         "heldout9.txt": HELDOUT9_IDS, "heldout10.txt": HELDOUT10_IDS, "heldout11.txt": HELDOUT11_IDS,
         "heldout12.txt": HELDOUT12_IDS, "heldout13.txt": HELDOUT13_IDS, "heldout14.txt": HELDOUT14_IDS,
         "heldout15.txt": HELDOUT15_IDS,
         "development.txt": DEVELOPMENT_IDS}


@pytest.mark.parametrize("name", sorted(LISTS))
def test_chain_list_names_only_corpus_chains(name):
    assert [i for i in LISTS[name] if i not in set(CHAIN_IDS)] == []


@pytest.mark.parametrize("name", sorted(LISTS))
def test_chain_list_names_each_chain_once(name):
    assert [i for i, n in Counter(LISTS[name]).items() if n > 1] == []


def test_every_chain_is_in_exactly_one_of_development_and_the_heldout_lists():
    """The lists partition the corpus: figures on each are comparable across stops."""
    assert sorted(chain for listed in LISTS.values() for chain in listed) == sorted(CHAIN_IDS)
