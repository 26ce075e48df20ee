"""Read the corpus of transcribed derivations (one TOML file per source, see README.md).

The corpus is data, not code: each file names its source and lists chains of
steps with per-step labels and one-error mutants. This module turns the files
into frozen dataclasses so the tests and the benchmark read the same thing.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, replace
from pathlib import Path

CORPUS_DIR = Path(__file__).resolve().parent
TOPICS = ("elbo", "attention", "games", "complexity")
LABELS = ("correct", "wrong")
RELATIONS = ("=", "<", ">", r"\leq", r"\geq", r"\le", r"\ge", r"\approx")


@dataclass(frozen=True)
class Source:
    url: str
    title: str
    authors: str
    licence: str
    path: Path  # the TOML file it was read from

    @property
    def origin(self) -> str:
        """Who published it: the GitHub repository, else the web site (two d2l.ai pages are one origin)."""
        github = re.match(r"https://github\.com/([^/]+/[^/]+)", self.url)
        host = re.match(r"https?://([^/]+)", self.url)
        return github.group(1) if github else host.group(1) if host else self.url


@dataclass(frozen=True)
class Step:
    rel: str
    tex: str
    label: str
    note: str = ""

    @property
    def is_wrong(self) -> bool:
        return self.label == "wrong"


@dataclass(frozen=True)
class Mutant:
    """One step of a chain replaced by a step we made wrong on purpose."""

    step: int  # 1-based index of the altered step
    kind: str
    tex: str
    rel: str | None = None  # None: the original step's relation
    note: str = ""


@dataclass(frozen=True)
class Chain:
    id: str
    topic: str
    source: Source
    premises: tuple[str, ...]
    start: str
    steps: tuple[Step, ...]
    mutants: tuple[Mutant, ...] = ()
    note: str = ""
    mutation: Mutant | None = None  # set on a chain produced by `mutated`

    @property
    def first_wrong(self) -> int | None:
        """1-based index of the first step labelled wrong (ProcessBench's target), or None."""
        return next((i for i, s in enumerate(self.steps, 1) if s.is_wrong), None)

    def mutated(self, mutant: Mutant) -> "Chain":
        """A copy of the chain with the mutant's step replaced and labelled wrong."""
        original = self.steps[mutant.step - 1]
        altered = Step(mutant.rel or original.rel, mutant.tex, "wrong", f"mutant ({mutant.kind})")
        steps = self.steps[:mutant.step - 1] + (altered,) + self.steps[mutant.step:]
        return replace(self, id=f"{self.id}#{mutant.step}:{mutant.kind}", steps=steps, mutants=(),
                       mutation=mutant)


def premise_markdown(premise: str) -> str:
    """A premise as a user would write it: a sentence with its own `$...$`, or one formula."""
    return premise if "$" in premise else f"${premise}$"


def _source(data: dict, path: Path) -> Source:
    return Source(str(data.get("url", "")), str(data.get("title", "")), str(data.get("authors", "")),
                  str(data.get("licence", "")), path)


def _chain(data: dict, source: Source) -> Chain:
    steps = tuple(Step(str(s.get("rel", "")), str(s.get("tex", "")), str(s.get("label", "")),
                       str(s.get("note", ""))) for s in data.get("step", ()))
    mutants = tuple(Mutant(int(m.get("step", 0)), str(m.get("kind", "")), str(m.get("tex", "")),
                           m.get("rel"), str(m.get("note", ""))) for m in data.get("mutant", ()))
    premises = data.get("premises")
    return Chain(str(data.get("id", "")), str(data.get("topic", "")), source,
                 tuple(premises) if isinstance(premises, list) else None, str(data.get("start", "")),
                 steps, mutants, str(data.get("note", "")))


def load_file(path: Path) -> tuple[Chain, ...]:
    with open(path, "rb") as handle:
        data = tomllib.load(handle)
    source = _source(data.get("source", {}), path)
    return tuple(_chain(chain, source) for chain in data.get("chain", ()))


def corpus_files(root: Path = CORPUS_DIR) -> tuple[Path, ...]:
    return tuple(sorted(root.glob("*/*.toml")))


def load_corpus(root: Path = CORPUS_DIR) -> tuple[Chain, ...]:
    """Every chain of every source file under `root/<topic>/`, in a stable order."""
    return tuple(chain for path in corpus_files(root) for chain in load_file(path))
