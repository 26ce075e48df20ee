"""Sentences a student can act on, one per kind of mistake."""
from __future__ import annotations

ADVICE = {
    "sign flip": "a term changed sign; check the sign when you split, expand or move a term",
    "sign flipped": "this is a sign flip: a term changed sign; check the sign when you split, expand or move a term",
    "term dropped": "a term of the previous line is missing; carry every term along",
    "term added": "a term appears that the previous line does not justify",
    "factor changed": "a constant factor changed; recheck the coefficient",
    "exponent changed": "an exponent changed; recheck the power",
    "conditional swapped": "a conditional density is the wrong way round (e.g. $p(x|z)$ for $p(z|x)$)",
    "wrong justification": "the rule you name does not license this step",
}

EXPECTED_ADVICE = {**ADVICE, "term dropped": "a term of the expected answer is missing",
                   "term added": "it has a term the expected answer does not have"}


def step_sentence(index: int, mistake: str | None, residual: str | None,
                  counterexample: str | None, written: str = "", line: int | None = None) -> str:
    """``Your line 4 ("= ...") is a sign flip: ... At x = 1.25: your line gives 1.70; ...``"""
    what = ADVICE.get(mistake or "", "this step does not follow from the line before")
    where = f"line {line}" if line else f"step {index}"
    quoted = f" (${written}$)" if written else ""  # typeset when it is safe LaTeX, else shown as text
    named = f" is a {mistake}" if mistake in NAMED else ""
    text = f"Your {where}{quoted}{named}: {what}."
    if residual not in (None, "0"):
        text += f" The line before it minus this line is {residual}."
    if counterexample:
        text += f" At {counterexample}."
    return text


NAMED = ("sign flip",)
