"""Write the homework6 sample class: 35 submissions in the styles students use (and an empty one), and the human key.

Run ``python tests/classes/make_homework6.py`` to rewrite ``tests/classes/homework6/``; the
files are committed, so the test reads data, not this script. Each student is a choice of
answer per question (correct ones written differently, or one with a known mistake) and a
style (Markdown headings, OCR bold, words, bare numbers, LaTeX with sections, enumerate,
align, Unicode). The key says what a TA gives each item, by the rubric's policy, decided
here by hand for each answer below (not by running the grader).
"""
from __future__ import annotations

from pathlib import Path

FOLDER = Path(__file__).with_name("homework6")

# ---- Q1: log p(x) >= ELBO (4 points: goal 2.5, steps 1, Jensen named 0.5) -------------------
E = r"E_{q(z|x)}\left[\log p(x, z) - \log q(z|x)\right]"
ELBO = {
    "dollars": (4, [("By Jensen's inequality (log is concave):", None),
                    (None, r"\log p(x) = \log \int p(x, z) dz"),
                    (None, r"= \log \int q(z|x) \frac{p(x, z)}{q(z|x)} dz"),
                    (None, r"\geq \int q(z|x) \log \frac{p(x, z)}{q(z|x)} dz"),
                    (None, "= " + E)]),
    "jensen before its step": (4, [(None, r"\log p(x) = \log \int p(x, z) dz"),
                                   (None, r"= \log \int q(z|x) \frac{p(x, z)}{q(z|x)} dz"),
                                   ("(Jensen)", r"\geq \int q(z|x) \log \frac{p(x, z)}{q(z|x)} dz"),
                                   (None, "= " + E)]),
    "expectation form": (4, [(None, r"\log p(x) = \log \int p(x, z) dz"),
                             (None, r"= \log E_{q(z|x)}\left[\frac{p(x, z)}{q(z|x)}\right]"),
                             ("Jensen:", r"\geq E_{q(z|x)}\left[\log \frac{p(x, z)}{q(z|x)}\right]"),
                             (None, "= " + E)]),
    # right, but Jensen is never named: the TA docks 0.5; the engine cannot prove the
    # inequality step without the name, so the grader sends it to review
    "jensen not named": (3.5, [(None, r"\log p(x) = \log \int p(x, z) dz"),
                               (None, r"= \log \int q(z|x) \frac{p(x, z)}{q(z|x)} dz"),
                               (None, r"\geq \int q(z|x) \log \frac{p(x, z)}{q(z|x)} dz"),
                               (None, "= " + E)]),
    # wrong: the last line adds log q instead of subtracting it: step 4 refuted (-1), goal not
    # reached (-2.5), 2 of 3 useful steps still earn the step points (1): 4 - 3.5 = 0.5
    "sign flipped at the end": (0.5, [("By Jensen's inequality:", None),
                                      (None, r"\log p(x) = \log \int p(x, z) dz"),
                                      (None, r"= \log \int q(z|x) \frac{p(x, z)}{q(z|x)} dz"),
                                      (None, r"\geq \int q(z|x) \log \frac{p(x, z)}{q(z|x)} dz"),
                                      (None, r"= E_{q(z|x)}\left[\log p(x, z) + \log q(z|x)\right]")]),
    # wrong: Jensen's step written as an equality: refuted (-1), the relation is not established
    # (-2.5); the other two steps earn 1: 0.5
    "equality instead of Jensen": (0.5, [("By Jensen's inequality:", None),
                                         (None, r"\log p(x) = \log \int p(x, z) dz"),
                                         (None, r"= \log \int q(z|x) \frac{p(x, z)}{q(z|x)} dz"),
                                         (None, r"= \int q(z|x) \log \frac{p(x, z)}{q(z|x)} dz"),
                                         (None, "= " + E)]),
}

# ---- the other items: (points a TA gives, answer as written) ---------------------------------
Q2 = {"plain": (2, "$p_i - y_i$"), "equation": (2, r"$\frac{\partial L}{\partial z_i} = p_i - y_i$"),
      "negated": (2, r"$\nabla_{z_i} L = -(y_i - p_i)$"), "unicode": (2, "$∂L/∂z_i = p_i − y_i$"),
      "sign flip": (0, "$y_i - p_i$"), "softmax derivative": (0, r"$p_i (1 - p_i)$")}
Q3A = {"plain": (1, "$d$"), "sum": (1, r"$\mathrm{Var}(q \cdot k) = \sum_{j=1}^{d} 1 = d$"),
       "wrong one": (0, "$1$"), "wrong root": (0, r"$\sqrt{d}$")}
Q3B = {"plain": (1, "$1$"), "ratio": (1, r"$\frac{d}{d} = 1$"), "wrong root": (0, r"$\frac{1}{\sqrt{d}}$"),
       "unscaled": (0, "$d$")}
Q4A = {"pm": (2, r"$\lambda = 1 \pm i\eta$"), "indexed": (2, r"$\lambda_{1,2} = 1 \pm i \eta$"),
       "set": (2, r"$\lambda \in \{1 - i\eta, 1 + i\eta\}$"), "list": (2, r"$\lambda = 1 + i\eta, 1 - i\eta$"),
       "unicode": (2, "$λ = 1 ± iη$"), "no i": (0, r"$\lambda = 1 \pm \eta$"), "one only": (0, r"$\lambda = 1 + i\eta$")}
Q4B = {"given form": (2, r"$\lambda = 1 - \frac{\eta^2}{2} \pm i\eta\sqrt{1 - \frac{\eta^2}{4}}$"),
       "half root": (2, r"$\lambda = 1 - \frac{\eta^2}{2} \pm \frac{i\eta}{2}\sqrt{4 - \eta^2}$"),
       "real root": (2, r"$\lambda = 1 - \frac{\eta^2}{2} \pm \frac{\eta}{2}\sqrt{\eta^2 - 4}$"),
       "simultaneous answer": (0, r"$\lambda = 1 \pm i\eta$"),
       "eta squared": (0, r"$\lambda = 1 - \eta^2 \pm i\eta$"),
       "one fraction": (2, r"$\lambda = \frac{2 - \eta^2 \pm \eta\sqrt{\eta^2 - 4}}{2}$")}
ALTERNATING = {"x": ["1/2", "-1/8", "-23/32"], "y": ["5/4", "19/16", "53/64"]}
DECIMAL = {"x": ["0.5", "-0.125", "-0.71875"], "y": ["1.25", "1.1875", "0.828125"]}
LATEX = {"x": [r"\frac{1}{2}", r"-\frac{1}{8}", r"-\frac{23}{32}"], "y": [r"\frac{5}{4}", r"\frac{19}{16}", r"\frac{53}{64}"]}
SIMULTANEOUS = {"x": ["1/2", "-1/4", "-9/8"], "y": ["3/2", "7/4", "13/8"]}  # x_1 right by chance
ONE_WRONG = {"x": ["1/2", "-1/8", "-23/32"], "y": ["5/4", "21/16", "53/64"]}


def equations(values: dict, start: bool = False) -> str:
    cells = ["$x_0 = 1$", "$y_0 = 1$"] if start else []
    for k in range(3):
        cells += [f"$x_{k + 1} = {values['x'][k]}$", f"$y_{k + 1} = {values['y'][k]}$"]
    return ", ".join(cells)


def pipe(values: dict) -> str:
    head = "| " + " | ".join(f"$x_{k}$" for k in range(1, 4)) + " | " + " | ".join(f"$y_{k}$" for k in range(1, 4)) + " |"
    rule = "|" + "---|" * 6
    return "\n".join([head, rule, "| " + " | ".join(values["x"] + values["y"]) + " |"])


Q5 = {"fractions": (3, equations(ALTERNATING)), "with start": (3, equations(ALTERNATING, start=True)),
      "decimals table": (3, pipe(DECIMAL)), "latex fractions": (3, equations(LATEX)),
      "simultaneous update": (0.5, equations(SIMULTANEOUS)), "one value wrong": (2.5, equations(ONE_WRONG))}
Q6A = {"plain": (1, "$O(nkd)$"), "equation": (1, r"$T = O(n k d)$"), "theta": (1, r"$\Theta(n \cdot k \cdot d)$"),
       "mathcal": (1, r"$\mathcal{O}(dkn)$"), "full attention": (0, r"$O(n^2 d)$"), "too tight": (0, "$O(nk)$")}
Q6B = {"plain": (1, "$O(nk + nd)$"), "reordered": (1, r"$O(n d + k n)$"), "factored": (1, "$O(n(k + d))$"), "weights only": (0, "$O(nk)$"),
       "quadratic": (0, "$O(n^2)$")}
WHY = "The eigenvalues have modulus sqrt(1 + eta^2) > 1, so the iterates spiral outward."

CORRECT = {"q1": "dollars", "q2": "plain", "q3a": "plain", "q3b": "plain", "q4a": "pm", "q4b": "given form",
           "q5": "fractions", "q6a": "plain", "q6b": "plain"}
BANKS = {"q2": Q2, "q3a": Q3A, "q3b": Q3B, "q4a": Q4A, "q4b": Q4B, "q5": Q5, "q6a": Q6A, "q6b": Q6B}
ITEM_IDS = {"q1": "q1-elbo", "q2": "q2-softmax-gradient", "q3a": "q3a-dot-variance", "q3b": "q3b-scaled-variance",
            "q4a": "q4a-simultaneous-eigenvalues", "q4b": "q4b-alternating-eigenvalues", "q5": "q5-alternating-iterates",
            "q6a": "q6a-window-time", "q6b": "q6b-window-space"}


def _chain_dollars(lines) -> str:
    out = []
    for note, formula in lines:
        if note:
            out.append(note)
        if formula:
            out.append(f"$${formula}$$")
    return "\n".join(out)


def _chain_align(lines) -> str:
    notes = " ".join(n for n, _ in lines if n)
    rows = [f for _, f in lines if f]
    body = [rows[0].replace(" = ", " &= ", 1) + r" \\"] + ["&" + r + r" \\" for r in rows[1:-1]] + ["&" + rows[-1]]
    return (notes + "\n" if notes else "") + "\\begin{align*}\n" + "\n".join(body) + "\n\\end{align*}"


def markdown(style: str, answers: dict) -> str:
    """A Markdown submission: headings ``## Q1``, ``**Q1.**``, ``Problem 1``, ``### Question 1`` or ``1.``."""
    head = {"headings": "## Q{}", "bold": "**Q{}.**", "words": "Problem {}", "question": "### Question {}",
            "numbers": "{}.", "inline": "Q{}:"}[style]
    part = {"headings": "({})", "bold": "**({})**", "words": "({})", "question": "{})", "numbers": "({})",
            "inline": "({})"}[style]
    chain = _chain_align if style in ("question", "inline") else _chain_dollars
    q1 = chain(answers["q1"])
    if style == "numbers":  # a numbered list of remarks inside the answer does not end it
        q1 = "Two facts:\n1. log is concave\n2. q is a density\n\n" + q1
    sections = [
        (1, q1), (2, "With $p = \\mathrm{softmax}(z)$ and one-hot $y$: " + answers["q2"]),
        (3, f"{part.format('a')} {answers['q3a']}\n\n{part.format('b')} {answers['q3b']}"),
        (4, f"{part.format('a')} {answers['q4a']}\n\n{part.format('b')} {answers['q4b']}"),
        (5, "The iterates:\n\n" + answers["q5"]),
        (6, f"{part.format('a')} {answers['q6a']}\n\n{part.format('b')} {answers['q6b']}"),
        (7, WHY),
    ]
    return "# Homework 6\n\n" + "\n\n".join(f"{head.format(n)}\n{body}" for n, body in sections) + "\n"


def tex(style: str, answers: dict) -> str:
    """A LaTeX submission: ``\\section*{Q1}`` or ``\\subsection{Problem 1}``, parts as enumerate items."""
    head = r"\section*{Q%d}" if style == "sections" else r"\subsection{Problem %d}"

    def parts(a: str, b: str) -> str:
        if style == "sections":
            return f"\\begin{{enumerate}}\n\\item[(a)] {a}\n\\item[(b)] {b}\n\\end{{enumerate}}"
        return f"(a) {a}\n\n(b) {b}"

    body = [
        (1, _chain_align(answers["q1"])), (2, answers["q2"]), (3, parts(answers["q3a"], answers["q3b"])),
        (4, parts(answers["q4a"], answers["q4b"])), (5, answers["q5"]), (6, parts(answers["q6a"], answers["q6b"])),
        (7, WHY),
    ]
    text = "\n\n".join(f"{head % n}\n{b}" for n, b in body)
    return "\\documentclass{article}\n\\usepackage{amsmath}\n\\begin{document}\n" + text + "\n\\end{document}\n"


STYLES = ("headings", "bold", "words", "question", "numbers", "inline", "sections", "subsections")

# (student, style, the answers that differ from the correct ones)
STUDENTS = [
    ("ada_101", "headings", {}), ("ben_102", "bold", {}), ("cai_103", "words", {}), ("dee_104", "question", {}),
    ("eli_105", "numbers", {}), ("fay_106", "inline", {}), ("gus_107", "sections", {}), ("hal_108", "subsections", {}),
    ("ivy_109", "headings", {"q1": "jensen before its step", "q2": "equation", "q3a": "sum", "q3b": "ratio"}),
    ("jon_110", "bold", {"q1": "expectation form", "q4a": "indexed", "q4b": "half root", "q5": "with start"}),
    ("kim_111", "words", {"q2": "negated", "q4a": "set", "q5": "decimals table", "q6a": "equation"}),
    ("lea_112", "question", {"q4a": "list", "q4b": "real root", "q6a": "theta", "q6b": "reordered"}),
    ("max_113", "sections", {"q5": "latex fractions", "q6a": "mathcal", "q1": "jensen before its step"}),
    ("ned_114", "headings", {"q2": "unicode", "q4a": "unicode"}),
    ("ola_115", "inline", {"q1": "expectation form", "q3a": "sum", "q5": "with start"}),
    ("pat_116", "subsections", {"q2": "equation", "q4b": "half root", "q5": "decimals table"}),
    ("qin_117", "headings", {"q1": "sign flipped at the end"}),
    ("ray_118", "bold", {"q1": "equality instead of Jensen"}),
    ("sam_119", "words", {"q2": "sign flip"}), ("tia_120", "question", {"q2": "softmax derivative"}),
    ("uma_121", "numbers", {"q3a": "wrong one", "q3b": "wrong root"}),
    ("vic_122", "inline", {"q3a": "wrong root", "q3b": "unscaled"}),
    ("wes_123", "sections", {"q4a": "no i"}), ("xia_124", "subsections", {"q4a": "one only", "q4b": "eta squared"}),
    ("yan_125", "headings", {"q4b": "simultaneous answer"}),
    ("zoe_126", "bold", {"q5": "simultaneous update"}), ("abe_127", "words", {"q5": "one value wrong"}),
    ("bea_128", "question", {"q6a": "full attention", "q6b": "weights only"}),
    ("cy_129", "numbers", {"q6a": "too tight", "q6b": "quadratic"}),
    ("dan_130", "sections", {"q2": "sign flip", "q4b": "eta squared", "q6a": "full attention"}),
    ("eva_131", "headings", {"q1": "sign flipped at the end", "q3b": "wrong root", "q5": "one value wrong"}),
    ("gia_134", "headings", {"q1": "jensen not named"}), ("hon_135", "bold", {"q6b": "factored"}),
    ("ida_136", "words", {"q4b": "one fraction"}),
    ("fin_132", "inline", {"q2": "negated", "q4a": "set", "q4b": "real root", "q6b": "reordered", "q3a": "sum"}),
]


def render(style: str, choice: dict) -> tuple[str, dict]:
    """The submission's text and its key ``{item id: points}``."""
    picked = {**CORRECT, **choice}
    answers = {"q1": ELBO[picked["q1"]][1], **{q: BANKS[q][picked[q]][1] for q in BANKS}}
    key = {ITEM_IDS["q1"]: ELBO[picked["q1"]][0], **{ITEM_IDS[q]: BANKS[q][picked[q]][0] for q in BANKS}}
    text = tex(style, answers) if style in ("sections", "subsections") else markdown(style, answers)
    return text, key


def main() -> None:
    FOLDER.mkdir(exist_ok=True)
    lines = ["# The human key: points a TA gives each automatic item (q7 is marked by a person).",
             "# Empty, binary and huge submissions (made by the test) get no points anywhere.", ""]
    for student, style, choice in STUDENTS:
        text, key = render(style, choice)
        folder = FOLDER / student
        folder.mkdir(exist_ok=True)
        suffix = ".tex" if style in ("sections", "subsections") else ".md"
        (folder / f"answer{suffix}").write_text(text, encoding="utf-8")
        lines.append(f"[{student}]")
        lines.extend(f'"{item}" = {points:g}' for item, points in key.items())
        lines.append("")
    (FOLDER / "empty_133").mkdir(exist_ok=True)
    (FOLDER / "empty_133" / "answer.md").write_text("", encoding="utf-8")
    lines += ["[empty_133]", *(f'"{i}" = 0' for i in ITEM_IDS.values()), ""]
    (FOLDER / "key.toml").write_text("\n".join(lines), encoding="utf-8")


if __name__ == "__main__":
    main()


def varied_class(size: int, seed: int = 0) -> list[tuple[str, str]]:
    """``size`` submissions ``(file name, text)`` for benchmarks: random styles and answers, and in
    each a first ELBO step and a cost with a constant of its own, so no two share every step."""
    import random

    chooser = random.Random(seed)
    out = []
    for n in range(size):
        style = chooser.choice(STYLES)
        choice = {q: chooser.choice(list(bank)) for q, bank in BANKS.items()}
        choice["q1"] = chooser.choice(list(ELBO))
        text, _ = render(style, choice)
        c = n + 2
        text = text.replace(r"\log p(x) = \log \int p(x, z) dz", rf"\log p(x) = \log \int {c} p(x, z) dz - \log {c}", 1)
        text = text.replace("$O(nkd)$", f"$O(n k d + {c} n k d)$", 1)
        out.append((f"student{n:04d}" + (".tex" if style in ("sections", "subsections") else ".md"), text))
    return out
