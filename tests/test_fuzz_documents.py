"""Never an internal error as an answer (issue 10, section 4): real documents, mutated as people and OCR
mangle them, come back as verdicts with a reason a person can act on, or as positioned refusals.

The documents are the corpus chains written as `benchmarks/bench_corpus.py` writes them, and the samples;
each is mutated by dropping, swapping or duplicating tokens and by substituting Unicode maths.
"""
import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from verify.config import CheckConfig
from verify.engine.checker import check_derivation
from verify.errors import LimitExceeded
from verify.parsing import read_document
from tests.corpus.load import load_corpus, premise_markdown

SAMPLES = Path(__file__).parent / "samples"
UNICODE = ["²", "³", "⁻¹", "√", "±", "−", "·", "×", "≤", "≥", "≠", "≈", "∑", "∏", "∫", "∞", "∈", "→", "‖",
           "η", "θ", "μ", "σ", "ℝ", "′", "…", "\u00a0", "\u200b"]
# What Python or SymPy says when something broke inside: never what a person is told.
INTERNAL = re.compile(r"Traceback|\b\w*(?:Error|Exception)\b|NoneType|Immutable\w*Matrix|unsupported operand"
                      r"|object has no attribute|Bad argument type|'FiniteSet'|not subscriptable|not callable")


def _corpus_text(chain) -> str:
    lines = ["Assume:", ""] + [f"- {premise_markdown(p)}" for p in chain.premises or ()] + ["", "Then:", ""]
    first, *rest = chain.steps
    blocks = [f"{chain.start} {first.rel} {first.tex}"] + [f"{s.rel} {s.tex}" for s in rest]
    return "\n".join(lines + [f"$${b}$$\n" for b in blocks])


# The notation the reader expands or rewrites before parsing (macros, ellipses, vectors beside matrices,
# spectra): the places where a mangled token could reach a half-built formula.
NOTATION = r"""$\newcommand{\kl}[2]{D_{\mathrm{KL}}(#1 \| #2)}$ $\def\sq#1{#1^2}$ $\DeclareMathOperator{\tr}{tr}$

Let $\Sigma$ be a matrix, $\eta \in (0, 1)$ and $J = \begin{bmatrix} 0 & 1 \\ -1 & 0 \end{bmatrix}$.

$$\kl{q}{p} = \frac{1}{2}\left[\tr(\Sigma) + \mu^T \Sigma^{-1} \mu - d - \log |\Sigma|\right]$$

$$\sq{z_1} + \cdots + \sq{z_n} = \int q(z_1) z_1^2 dz_1 + \ldots + \int q(z_n) z_n^2 dz_n$$

$$\lambda(J) = \pm i, \quad \rho(J) = 1, \quad \sum_{j=1} \exp(o_j) = a_1 \cdots a_n$$
"""
DOCUMENTS = [_corpus_text(c) for c in load_corpus()] + [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.iterdir())
                                                       if p.suffix in (".md", ".tex")] + [NOTATION]
TOKEN = re.compile(r"\\[A-Za-z]+|\s+|[A-Za-z]+|\d+|.", re.S)


@st.composite
def mutated_documents(draw, documents=tuple(DOCUMENTS)) -> str:
    tokens = TOKEN.findall(draw(st.sampled_from(documents)))
    for _ in range(draw(st.integers(1, 4))):
        if not tokens:
            break
        at = draw(st.integers(0, len(tokens) - 1))
        edit = draw(st.sampled_from(["drop", "swap", "duplicate", "unicode"]))
        if edit == "drop":
            del tokens[at]
        elif edit == "swap" and at + 1 < len(tokens):
            tokens[at], tokens[at + 1] = tokens[at + 1], tokens[at]
        elif edit == "duplicate":
            tokens.insert(at, tokens[at])
        else:
            tokens[at] = draw(st.sampled_from(UNICODE))
    return "".join(tokens)


def _read_with_positioned_refusals(text: str):
    """The document, after asserting every refusal in it has a position and human words; None when the
    whole document was refused at a limit (which is positioned too)."""
    try:
        document = read_document(text)
    except LimitExceeded as refusal:
        assert refusal.line >= 1 and not INTERNAL.search(str(refusal))
        return None
    for error in document.errors:
        assert error.line >= 1 and error.column >= 1
        assert not INTERNAL.search(error.message), error.message
    return document


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_documents())
def test_reading_a_mutated_document_refuses_with_a_position_and_a_human_reason(text):
    _read_with_positioned_refusals(text)


# Derandomised, so a run is reproducible: an unexpected exception inside a check is a crash whose
# verdict says what happened in words (the exception itself only under VERIFY_DEBUG=1).
@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)
@given(mutated_documents())
def test_checking_a_mutated_document_gives_verdicts_with_human_reasons(text):
    document = read_document(text)
    report = check_derivation(document.derivation(), CheckConfig(budget=0.5))
    for result in report.results:
        assert not INTERNAL.search(result.verdict.reason or ""), result.verdict.reason


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)
@given(mutated_documents((NOTATION,)))
def test_mangled_macros_ellipses_and_spectra_give_positioned_refusals_or_human_verdicts(text):
    document = _read_with_positioned_refusals(text)
    if document is None:
        return
    report = check_derivation(document.derivation(), CheckConfig(budget=0.5))
    for result in report.results:
        assert not INTERNAL.search(result.verdict.reason or ""), result.verdict.reason
