"""A generated class for the grading tests: correct answers in the Markdown style OCR tools
write, the same answers written differently, and mutants with one known mistake each.

``reference()`` gives the answers as a dict of slots; ``render(slots)`` writes a
submission; ``VARIANTS`` (correct, written differently) and ``MUTANTS`` (one mistake:
which item loses points, at which step, classified how) change one slot each.
"""
from __future__ import annotations

from dataclasses import dataclass

TEMPLATE = """# Assignment 5

(1) (a) Let $t$ = sequence length, $L$ layers, $n$ neurons per layer.

For RNN model at train time:

Time complexity = ${rnn_train_time}$

Space complexity = ${rnn_train_space}$

For RNN model at test time:

Time complexity: ${rnn_test_time}$

Space complexity: ${rnn_test_space}$

For transformer model at train time:

Time complexity = ${tf_train_time}$

Space complexity = ${tf_train_space}$

For transformer model at test time:

Time complexity = ${tf_test_time}$

Space complexity = ${tf_test_space}$

1c) Self attention looks across tokens but all positions are computed in parallel.

2d) layer norm does not look across tokens; the feed forward network is applied per position.

<2>

The attention output is ${attention}$.

<3>

{elbo}

Reconstruction term is:

$${reconstruction}$$

Regularization term is

$${regularisation}$$

2a)

{table}

(b) GDA does not converge: the iterates spiral outward.
"""

ELBO_LINES = (
    r"L(q) = \int q(z|x) \log\left(\frac{p(z|x) p(x)}{q(z|x)}\right) dz",
    r"= \int q(z|x) \log\left(\frac{p(x|z)p(z)}{q(z|x)}\right) dz",
    r"= \int q(z|x) [\log p(x|z) + \log p(z) - \log q(z|x)] dz",
    r"= E_{q(z|x)} [\log p(x|z) + \log p(z) - \log q(z|x)]",
    r"= E_{q(z|x)} [\log p(x, z) - \log q(z|x)]",
)
ELBO_NOTES = {1: "Applying Bayes' theorem"}

ITERATES = {"p": [1, 0, -2, -4, -4, 0, 8], "q": [1, 2, 2, 0, -4, -8, -8]}


def tab_table(values: dict) -> str:
    rows = []
    for name, row in values.items():
        rows.append("\t" + "\t".join(f"${name}_{k}$" for k in range(len(row))))
        rows.append("\t" + "\t".join(str(v) for v in row))
    return "\n".join(rows)


def pipe_table(values: dict) -> str:
    rows = []
    for name, row in values.items():
        rows.append("| " + " | ".join(f"${name}_{{{k}}}$" for k in range(len(row))) + " |")
        rows.append("| " + " | ".join("---" for _ in row) + " |")
        rows.append("| " + " | ".join(str(v) for v in row) + " |")
    return "\n".join(rows)


def elbo_block(lines=ELBO_LINES, notes=ELBO_NOTES) -> str:
    parts = []
    for i, line in enumerate(lines):
        if i in notes:
            parts.append(notes[i])
        parts.append(f"$${line}$$")
    return "\n\n".join(parts)


def reference() -> dict:
    return {
        "rnn_train_time": r"O(t \cdot n^2 \cdot L)",
        "rnn_train_space": r"O(t \cdot n \cdot L)",
        "rnn_test_time": r"O(t \cdot n^2 \cdot L)",
        "rnn_test_space": r"O(n \cdot L)",
        "tf_train_time": r"O(t^2 \cdot n \cdot L + t \cdot n^2 \cdot L)",
        "tf_train_space": r"O(t^2 \cdot L + t \cdot n \cdot L)",
        "tf_test_time": r"O(t^2 n L + t n^2 L)",
        "tf_test_space": r"O(t \cdot n \cdot L)",
        "attention": r"\text{softmax}\left(\frac{Q K^T}{\sqrt{d_k}}\right) V",
        "elbo": elbo_block(),
        "reconstruction": r"E_{q(z|x)} [\log p(x|z)]",
        "regularisation": r"E_{q(z|x)} [\log p(z) - \log q(z|x)]",
        "table": tab_table(ITERATES),
    }


def render(slots: dict) -> str:
    text = TEMPLATE
    for key, value in slots.items():
        text = text.replace("{" + key + "}", value)
    return text


def _elbo_with(index: int, line: str) -> str:
    lines = list(ELBO_LINES)
    lines[index] = line
    return elbo_block(tuple(lines))


def _iterates_with(name: str, k: int, value: int) -> str:
    values = {n: list(r) for n, r in ITERATES.items()}
    values[name][k] = value
    return tab_table(values)


# correct answers written differently: every automatic item keeps full points
VARIANTS = {
    "reordered complexity": {"rnn_train_time": r"O(L \cdot t \cdot n^{2})", "tf_train_time": r"\Theta(n^2 t L + t^2 n L)"},
    "lower-order terms kept": {"rnn_train_space": r"O(t n L + n L)", "tf_test_space": r"O(t n L + n L)"},
    "heads counted": {"tf_train_space": r"O(t n L + h t^2 L)"},
    "times and operatorname": {"attention": r"\operatorname{softmax}\left(\frac{Q \times K^{T}}{\sqrt{d_k}}\right) \cdot V"},
    "reordered ELBO terms": {"elbo": _elbo_with(2, r"= \int q(z|x) [- \log q(z|x) + \log p(z) + \log p(x|z)] dz")
                             .replace(r"[\log p(x|z) + \log p(z) - \log q(z|x)]", r"[\log p(z) - \log q(z|x) + \log p(x|z)]")},
    "regularisation as two expectations": {"regularisation": r"E_{q(z|x)}[\log p(z)] - E_{q(z|x)}[\log q(z|x)]"},
    "pipe table": {"table": pipe_table(ITERATES)},
    "struck-out first try": {"rnn_test_time": r"O(t \cdot n^2 \cdot L)$ ~~$O(t)$~~ $"},
}


@dataclass(frozen=True)
class Mutant:
    slots: dict
    item: str
    mistake: str
    step: int | None = None


MUTANTS = {
    "ELBO sign flipped": Mutant({"elbo": _elbo_with(2, r"= \int q(z|x) [\log p(x|z) + \log p(z) + \log q(z|x)] dz")},
                                "3-elbo", "sign flipped", 2),
    "ELBO term dropped": Mutant({"elbo": _elbo_with(2, r"= \int q(z|x) [\log p(x|z) - \log q(z|x)] dz")},
                                "3-elbo", "term dropped", 2),
    "ELBO term added": Mutant({"elbo": _elbo_with(2, r"= \int q(z|x) [\log p(x|z) + \log p(z) - \log q(z|x) + \log p(x)] dz")},
                              "3-elbo", "term added", 2),
    "ELBO conditional swapped": Mutant({"elbo": _elbo_with(2, r"= \int q(z|x) [\log p(z|x) + \log p(z) - \log q(z|x)] dz")},
                                       "3-elbo", "conditional swapped", 2),
    "ELBO factor changed": Mutant({"elbo": _elbo_with(4, r"= E_{q(z|x)} [\log p(x, z) - 2 \log q(z|x)]")},
                                  "3-elbo", "factor changed", 4),
    "regularisation term dropped": Mutant({"regularisation": r"- E_{q(z|x)} [\log q(z|x)]"}, "3-regularisation",
                                          "term dropped"),
    "reconstruction conditional swapped": Mutant({"reconstruction": r"E_{q(z|x)} [\log p(z|x)]"}, "3-reconstruction",
                                                 "conditional swapped"),
    "attention exponent changed": Mutant({"attention": r"\text{softmax}\left(\frac{Q K^T}{d_k}\right) V"},
                                         "2-attention", "exponent changed"),
    "RNN time exponent": Mutant({"rnn_train_time": r"O(t \cdot n^3 \cdot L)"}, "1a-rnn-train-time", "too loose"),
    "RNN space too tight": Mutant({"rnn_train_space": r"O(n \cdot L)"}, "1a-rnn-train-space", "too tight"),
    "transformer term missing": Mutant({"tf_train_time": r"O(t^2 \cdot n \cdot L)"}, "1a-transformer-train-time",
                                       "missing term"),
    "transformer space too loose": Mutant({"tf_train_space": r"O(t^2 \cdot n^2 \cdot L)"},
                                          "1a-transformer-train-space", "too loose"),
    "KV cache space too loose": Mutant({"tf_test_space": r"O(t \cdot n^2 \cdot L)"}, "1a-transformer-test-space",
                                       "too loose"),
    "ELBO wrong justification": Mutant({"elbo": elbo_block(notes={1: "By linearity of expectation"})}, "3-elbo",
                                       "wrong justification"),
    "wrong iterate": Mutant({"table": _iterates_with("p", 3, -3)}, "4a-gda-iterates", "wrong value"),
    "sign of an iterate": Mutant({"table": _iterates_with("q", 5, 8)}, "4a-gda-iterates", "wrong value"),
}


def generated_class(size: int) -> list[tuple[str, str]]:
    """``size`` submissions (name, text) cycling through reference, variants and mutants."""
    kinds = [reference()] + [{**reference(), **v} for v in VARIANTS.values()] + \
            [{**reference(), **m.slots} for m in MUTANTS.values()]
    return [(f"student{i:04d}", render(kinds[i % len(kinds)])) for i in range(size)]
