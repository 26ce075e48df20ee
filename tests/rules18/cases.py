"""A row of the rule table: the rule, the correct form it proves, and broken variants of that form.

A form is a step (``lhs relation rhs`` under a context, with the justification it cites), a
claim (checked by the handler of its kind), or a step in a document (where the premises are
read from prose, as ``verify check`` reads them). A broken variant is the correct form with one
mistake made on purpose, labelled by its kind: sign, factor, exponent, dropped independence,
swapped argument (or another kind the label names).
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from verify.config import CheckConfig
from verify.engine.checker import check_claim, check_derivation, check_step
from verify.model import Claim, Context
from verify.parsing import read_document
from verify.verdict import Verdict

CONFIG = CheckConfig(seed=18, samples=4, budget=None)


@dataclass(frozen=True)
class Step:
    lhs: object
    rhs: object
    context: Context
    relation: str = "="
    justification: str | None = None

    def verdict(self) -> Verdict:
        return check_step(self.lhs, self.relation, self.rhs, self.context, CONFIG, self.justification)

    def broken(self, kind: str, rhs=None, **changes) -> "Broken":
        """This step with one thing changed: the right side by default, or any field by name."""
        return Broken(kind, replace(self, **({"rhs": rhs} if rhs is not None else {}), **changes))


@dataclass(frozen=True)
class ClaimForm:
    claim: Claim
    context: Context

    def verdict(self) -> Verdict:
        return check_claim(self.claim, self.context, CONFIG)

    def broken(self, kind: str, value=None, **changes) -> "Broken":
        """This claim with its value (or any other field of the claim) changed."""
        claim = replace(self.claim, **({"value": value} if value is not None else {}), **changes)
        return Broken(kind, ClaimForm(claim, self.context))


@dataclass(frozen=True)
class Document:
    """A step written in a document, where the premises are read from prose: ``premises`` then
    ``$$lhs relation rhs$$``; its verdict is the verdict of the document's last check."""

    premises: str
    lhs: str
    rhs: str
    relation: str = "="

    def verdict(self) -> Verdict:
        text = f"{self.premises}\n\n$${self.lhs} {self.relation} {self.rhs}$$\n"
        return check_derivation(read_document(text).derivation(), CONFIG).results[-1].verdict

    def broken(self, kind: str, rhs: str | None = None, **changes) -> "Broken":
        return Broken(kind, replace(self, **({"rhs": rhs} if rhs is not None else {}), **changes))


@dataclass(frozen=True)
class Broken:
    kind: str
    form: Step | ClaimForm | Document


@dataclass(frozen=True)
class Row:
    """``cited_only``: the rule is a name a step may cite, never a rewrite a verdict reports (the
    canonical forms prove its steps by the rewrites beneath it); its correct form cites it."""

    rule: str  # the registered name
    correct: Step | ClaimForm | Document
    broken: tuple[Broken, ...]
    cited_only: bool = False
