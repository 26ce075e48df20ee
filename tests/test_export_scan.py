"""No code in text mode: every exported .tex shows mathematics as mathematics.

The scan reads a .tex as TeX would: math mode (``\\(..\\)``, ``\\[..\\]``, ``$..$``, align
environments) is skipped, except the text inside it (``\\text{}``, margin notes); what
is left is text a student reads. SymPy code there (``**``, ``*`` between names,
``sqrt(``, ``oo``, ``I*``) means a formula was printed from ``str()``.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

import derivations
from derivations import BUILTIN
from tests.class_generator import MUTANTS, reference, render
from verify.cli import main
from verify.config import CheckConfig
from verify.engine.checker import check_derivation
from verify.export import FeedbackItem, derivation_document, derivations_document
from verify.export.feedback import feedback_document
from verify.grading import grade_text, load_rubric
from verify.grading.annotate import feedback_item, feedback_tex

SAMPLES = sorted(Path(__file__).parent.joinpath("samples").iterdir())
MATH_ENVIRONMENTS = ("align*", "align", "equation*", "equation", "gather*", "multline*", "aligned")
TEXT_IN_MATH = ("text", "textup", "textbf", "textit", "textsf", "texttt", "textrm", "mbox", "why", "verdict",
                "emph", "tag*")
CODE = {
    "**": re.compile(r"\*\*"),
    "* between names": re.compile(r"[A-Za-z0-9)]\s*\*\s*[A-Za-z(]"),
    "sqrt(": re.compile(r"sqrt\("),
    "oo": re.compile(r"(?<![A-Za-z])oo(?![A-Za-z])"),
    "I*": re.compile(r"(?<![A-Za-z])I\*"),
    "LaTeX source": re.compile(r"\\[A-Za-z]+"),
    "^ in text": re.compile(r"[A-Za-z0-9)\]]\^[-A-Za-z0-9{(]"),
    "_ in text": re.compile(r"(?<![A-Za-z_])[A-Za-z]_(?:\{|[A-Za-z0-9](?![A-Za-z0-9]))"),
    "density in text": re.compile(r"(?<![A-Za-z])[a-z]\([a-z]+ ?\| ?[a-z]+\)"),
    "N( in text": re.compile(r"(?<![A-Za-z])N\([-0-9]"),
}
# commands that print a character in text mode: the character is what a reader sees
PRINTED = {"textbackslash": "\\", "textasciicircum": "^", "textasciitilde": "~"}
_COMMAND = re.compile(r"\\([A-Za-z]+\*?)")
_ENVIRONMENT = re.compile(r"\\(begin|end)\{([^}]*)\}")


def text_mode(tex: str, literal: bool = True) -> str:
    """The characters TeX sets in text mode: math removed, text inside math (``\\text{}``) kept;
    ``literal=False`` also leaves out ``\\texttt{}``, where a line that could not be read is shown
    as its author wrote it, on purpose."""
    out, modes, closers, i = [], ["text"], [], 0
    while i < len(tex):
        mode, char = modes[-1], tex[i]
        if char == "%":  # a comment, to the end of the line (an escaped \% is read below)
            end = tex.find("\n", i)
            i = len(tex) if end < 0 else end
            continue
        environment = _ENVIRONMENT.match(tex, i)
        if environment and environment.group(2) in MATH_ENVIRONMENTS:
            if environment.group(1) == "begin":
                modes.append("math")
            elif mode == "math":
                modes.pop()
            i = environment.end()
            continue
        command = _COMMAND.match(tex, i)
        if command:
            name, i = command.group(1), command.end()
            wanted = None if mode == "literal" else "literal" if mode == "text" and name == "texttt" and not literal \
                else "text" if mode != "text" and name in TEXT_IN_MATH else \
                "math" if mode == "text" and name == "ensuremath" else None
            if wanted and tex.startswith("{", i):
                modes.append(wanted)
                closers.append(True)
                i += 1
            elif mode == "text":
                out.append(PRINTED.get(name, " "))  # a command's name is not printed, a character is
            continue
        pair = tex[i:i + 2]
        if pair in (r"\(", r"\[") and mode == "text":
            modes.append("math")
        elif pair in (r"\)", r"\]") and mode == "math":
            modes.pop()
        elif char == "\\":
            if mode == "text" and i + 1 < len(tex):
                out.append(tex[i + 1])  # an escaped character, printed as itself
        elif char == "$":
            if mode == "text":
                modes.append("dollar")
            elif mode == "dollar":
                modes.pop()
            i += 2 if tex.startswith("$$", i) else 1
            continue
        else:
            if char == "{":
                closers.append(False)
            elif char == "}":
                if closers and closers.pop():
                    modes.pop()
            elif mode == "text":
                out.append(char)
            i += 1
            continue
        i += 2
    return "".join(out)


def code_in_text(tex: str, known: tuple = (), only: tuple = (), literal: bool = True) -> list[str]:
    """Each piece of code found in text mode, with the words around it; ``known`` holds
    (pattern name, text at the hit) pairs of code another part of the project still writes;
    ``only`` restricts the patterns (by name); ``literal``: see :func:`text_mode`."""
    text = text_mode(tex, literal)
    return [f"{name}: ...{text[max(0, m.start() - 40): m.end() + 20]}..."
            for name, pattern in CODE.items() if not only or name in only for m in pattern.finditer(text)
            if not any(name == k and text[m.start():].startswith(at) for k, at in known)]


# The ratchet: code in text that comes from files outside export and printing (author's prose
# without $...$), each with where to fix it. Entries only ever go: fixing one fails
# test_every_known_piece_of_code_is_still_there until it is deleted here.
KNOWN_IN_BUILTINS: dict = {}
KNOWN_IN_FEEDBACK: dict = {}


@pytest.mark.parametrize("tex, found", [
    (r"the residual is eta**2", ["**"]),
    (r"at \(x\) the sides are 2*x and x", ["* between names"]),
    (r"the radius sqrt(1 + eta^2)", ["sqrt(", "^ in text"]),
    (r"on (0, oo)", ["oo"]),
    (r"\[ x \text{ and 1 + I*2 } \]", ["I*"]),
    (r"\begin{align*} &x^{2} \tag*{\why{x**2}} \end{align*}", ["**"]),
    (r"your line (= \textbackslash{}int q\textbackslash{},dz)", ["LaTeX source"]),
    (r"the heads W\textasciicircum{}O", ["^ in text"]),
    (r"scaled by d\_k", ["_ in text"]),
    (r"the posterior p(z | x) is", ["density in text"]),
    (r"at q = N(0.83, 1.07)", ["N( in text"]),
])
def test_the_scan_finds_code_in_text_mode_also_inside_math(tex, found):
    assert [hit.split(":")[0] for hit in code_in_text(tex)] == found


@pytest.mark.parametrize("tex", [r"\(x^{2}\) and \[\sqrt{y}\]", r"$a*b$ and $$c**d$$",
                                 r"\begin{align*} a*b &= \sqrt{oo} \end{align*}", r"\ensuremath{a*b} wood, zoo",
                                 r"elbo\_broken.md, 50\% of N (the sample size), x (the input)"])
def test_the_scan_ignores_math_mode_and_words(tex):
    assert code_in_text(tex) == []


def test_the_scan_can_leave_out_what_is_shown_literally_on_purpose():
    tex = r"could not be read: \texttt{\textbackslash{}in x} but \textbackslash{}item"
    assert [h.split(":")[0] for h in code_in_text(tex, literal=False)] == ["LaTeX source"]


@pytest.fixture(scope="module")
def checked_builtins():
    return [(d, check_derivation(d, CheckConfig())) for d in map(derivations.load, derivations.names())]


@pytest.mark.parametrize("name", derivations.names())
def test_no_code_in_the_text_of_a_builtin_solution_sheet(name, checked_builtins):
    derivation, report = next(pair for pair in checked_builtins if pair[0].name == name)
    assert code_in_text(derivation_document(derivation, report), tuple(KNOWN_IN_BUILTINS)) == []


def test_every_formula_in_the_builtins_prose_is_typeset(checked_builtins):
    """A ``$...$`` in a title, convention or cross-check that is not safe LaTeX would show as dollars."""
    assert r"\$" not in derivations_document(checked_builtins)


def test_no_code_in_the_text_of_all_builtins_in_one_document(checked_builtins):
    assert code_in_text(derivations_document(checked_builtins), tuple(KNOWN_IN_BUILTINS)) == []


def test_every_known_piece_of_code_is_still_there(checked_builtins, graded):
    """Each ratchet entry still matches (delete an entry once its file is fixed)."""
    builtins = text_mode(derivations_document(checked_builtins))
    feedback = text_mode(feedback_tex(graded[0], RUBRIC))
    for known, text in ((KNOWN_IN_BUILTINS, builtins), (KNOWN_IN_FEEDBACK, feedback)):
        for (name, at), where in known.items():
            assert any(text[m.start():].startswith(at) for m in CODE[name].finditer(text)), where


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name)
def test_no_code_in_the_text_of_an_exported_sample(sample, tmp_path):
    out = tmp_path / "out.tex"
    main(["export", str(sample), "-o", str(out)])
    assert code_in_text(out.read_text(encoding="utf-8")) == []


CLASS = sorted(p for p in Path(__file__).parent.joinpath("classes", "homework6").glob("*/answer.*"))


@pytest.mark.parametrize("answer", CLASS, ids=lambda p: p.parent.name)
def test_no_latex_source_in_the_text_of_an_exported_class_answer(answer, tmp_path):
    """A student's own prose keeps what they wrote (``sqrt(1 + eta^2)`` unmarked is theirs to fix); what
    the export writes around it (lists, headings, the marks) never prints the source's commands."""
    out = tmp_path / "out.tex"
    main(["export", str(answer), "-o", str(out)])
    assert code_in_text(out.read_text(encoding="utf-8"), only=("LaTeX source",), literal=False) == []


RUBRIC = load_rubric("assignment5", BUILTIN)


@pytest.fixture(scope="module")
def graded():
    return [grade_text(render({**reference(), **mutant.slots}), RUBRIC, student=name)
            for name, mutant in MUTANTS.items()]


def test_no_code_in_what_export_writes_of_a_feedback_document(graded):
    """Chains, marks, the first wrong step's residual and counterexample: everything but grading's comments."""
    for result in graded:
        items = [FeedbackItem(i.title, i.chains, i.points, i.max_points, (), i.unparsed)
                 for i in map(feedback_item, result.items)]
        assert code_in_text(feedback_document(f"Feedback: {result.student}", items),
                            tuple(KNOWN_IN_FEEDBACK)) == [], result.student


SCANNED_BEFORE_GRADING_WRITES_PROSE = ("**", "* between names", "sqrt(", "oo", "I*")


def test_no_code_in_the_text_of_a_whole_feedback_document(graded):
    """Grading's comments included, for the code the scan has always looked for."""
    for result in graded:
        hits = code_in_text(feedback_tex(result, RUBRIC), tuple(KNOWN_IN_FEEDBACK))
        assert [h for h in hits if h.split(":")[0] in SCANNED_BEFORE_GRADING_WRITES_PROSE] == [], result.student


def test_no_code_at_all_in_the_text_of_a_whole_feedback_document(graded):
    assert all(code_in_text(feedback_tex(result, RUBRIC), tuple(KNOWN_IN_FEEDBACK)) == [] for result in graded)
