"""``verify check FILE|-``: read a Markdown/LaTeX document, find its derivation chains, check every step.

Exit codes: 0 when every step is proved or consistent, 1 when one is refuted or
unknown (or a display formula cannot be read), 2 when the file cannot be read
(missing, not UTF-8, empty, too large, no display formula in it that reads or fails as one).
A document whose every formula is unreadable is not a bad file: it is reported, formula by
formula, with exit 1, like any other document that holds an unreadable formula.
"""
from __future__ import annotations

import json
import sys

from ..errors import UsageError
from ..report import (Printed, condition_detail, failure_detail, printed_forms, report_json, result_row, shorten,
                      summary_line)
from .options import add_check_options, add_ascii_option, check_config, wants_unicode

MAX_BYTES = 8_000_000


def register(commands) -> None:
    parser = commands.add_parser("check", help="check the derivations written in a Markdown or LaTeX file")
    parser.add_argument("file", metavar="FILE", help="a Markdown or LaTeX file, or - for standard input")
    add_check_options(parser)
    add_ascii_option(parser)
    parser.set_defaults(handler=handle)


def read_text(path: str) -> str:
    """The file's text; a clear UsageError when it is missing, too large, not UTF-8 or empty."""
    try:
        if path == "-":
            data = sys.stdin.buffer.read(MAX_BYTES + 1)
        else:
            with open(path, "rb") as handle:
                data = handle.read(MAX_BYTES + 1)
    except OSError as error:
        raise UsageError(f"cannot read {path}: {error.strerror or error}") from None
    if len(data) > MAX_BYTES:
        raise UsageError(f"{path} is larger than {MAX_BYTES} bytes; refusing to read it")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise UsageError(f"{path} is not UTF-8 text (invalid byte 0x{data[error.start]:02x} at offset "
                         f"{error.start}); save it as UTF-8") from None
    if not text.strip():
        raise UsageError(f"{path} is empty")
    return text


def load_document(path: str):
    from ..parsing import read_document

    document = read_document(read_text(path), filename=path)
    if not document.chains and not document.claims and not _unreadable(document):
        raise UsageError(f"{path} holds no derivation (no chain of display formulas such as "
                         f"$$a = b$$ followed by $$= c$$)")
    return document


def handle(args) -> int:
    from ..engine.checker import check_derivation

    from ..export.residuals import failing_residuals

    document = load_document(args.file)
    derivation = document.derivation(args.file)
    config = check_config(args)
    report = check_derivation(derivation, config)
    printed = Printed(derivation, failing_residuals(derivation, report, config.budget), written_steps(document),
                      wants_unicode(args))
    if args.json:
        print(json.dumps(document_json(document, report, printed), indent=2))
    else:
        print(document_text(document, report, printed))
    unreadable = any(f.error is not None and f.display for f in document.formulas)
    return 0 if report.ok and not unreadable else 1


def _unreadable(document) -> list:
    return [f for f in document.formulas if f.error is not None and f.display]


def written_steps(document) -> dict[tuple[int, int], str]:
    """Each step of each chain as its author wrote it (``= b`` of ``a = b \\le c``), where the source is known."""
    return {(c, n + 1): " ".join(step_as_written(chain, n).split()) for c, chain in enumerate(document.chains)
            for n, step in enumerate(chain.steps) if step.source}


def document_text(document, report, printed: Printed | None = None) -> str:
    printed = printed or Printed(document.derivation(), written=written_steps(document))
    notes = document.context.notes or ("",)
    lines = [f"{document.filename}: {_count(len(document.chains), 'chain')}; {notes[0]}", *notes[1:]]
    lines.extend(f"definition: {shorten(source)}" for source in document.definition_sources)
    for c, chain in enumerate(document.chains):
        results = [r for r in report.results if r.chain == c]
        start = document.starts[c] if c < len(document.starts) else str(chain.start)
        lines.append(f"chain {c + 1} ({_count(len(chain.steps), 'step')}), starting {shorten(start)}")
        for result in results:
            lines.append(result_row(result, printed))
            lines.extend(condition_detail(result, printed))
            if not result.verdict.status.holds:
                lines.extend(failure_detail(result, printed))
        failing = report.first_failure(c)
        if failing is not None:
            lines.append(f"  first failing step: {failing.index} ({failing.verdict.status.value})")
    for formula in _unreadable(document):
        lines.append(f"cannot read: {formula.error}")
    lines.extend(f"not checked: {shorten(source)} ({why})" for source, why in document.skipped)
    if not report.results and _unreadable(document):
        lines.append(f"nothing checked: {_count(len(_unreadable(document)), 'display formula')} could not be read")
    else:
        lines.append(summary_line([report]))
    return "\n".join(lines)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def step_as_written(chain, n: int) -> str:
    """``= b`` of a formula ``a = b \\le c`` (the pieces after its last relations are its steps)."""
    from ..parsing.document import written_pieces

    step = chain.steps[n]
    same = [i for i, s in enumerate(chain.steps) if s.source == step.source]
    pieces = written_pieces(step.source)
    at = len(pieces) - len(same) + same.index(n)
    if len(same) > len(pieces) - 1 or at < 1 or not pieces[at]:
        return step.source
    return f"{step.relation.latex} {pieces[at]}"


def _chain_json(c: int, chain, report, start_text: str | None = None) -> dict:
    """A chain's sources, its first failing step, and its ``start`` as written and as read."""
    failing = report.first_failure(c)
    start = {"written": start_text,
             "written_form": printed_forms(chain.written, as_written=True) if chain.written is not None else None,
             "canonical": printed_forms(chain.start)}
    return {"index": c + 1, "source": chain.source, "steps": [s.source for s in chain.steps], "start": start,
            "first_failure": failing.index if failing is not None else None}


def step_source(document, chain: int, index: int) -> dict | None:
    """Where a step was read: its formula's line and column, and the step as written (1-based index)."""
    positions = document.step_positions[chain] if chain < len(document.step_positions) else ()
    if not 0 < index <= len(positions):
        return None
    line, column = positions[index - 1]
    return {"line": line, "column": column, "text": step_as_written(document.chains[chain], index - 1)}


def _add_sources(data: dict, document) -> None:
    """Each step check of ``derivations[].checks[]`` gains ``source``: a field added, none renamed."""
    for derivation in data["derivations"]:
        for check in derivation["checks"]:
            if check.get("kind") == "step":
                check["source"] = step_source(document, check["chain"] - 1, check["index"])


def document_json(document, report, printed: Printed | None = None) -> dict:
    """``verify run --json``'s shape, plus the chains' sources and the formulas that could not be read;
    each step gives its ``written`` form (as the author wrote it) and its ``canonical`` form (as checked)."""
    printed = printed or Printed(document.derivation(), written=written_steps(document), unicode=False)
    data = report_json([report], {report.name: printed})
    data["file"] = document.filename
    _add_sources(data, document)
    data["chains"] = [_chain_json(c, chain, report, document.starts[c] if c < len(document.starts) else None)
                      for c, chain in enumerate(document.chains)]
    data["parse_errors"] = [{"line": f.error.line, "column": f.error.column, "message": f.error.message,
                             "context": f.error.context} for f in _unreadable(document)]
    data["ok"] = data["ok"] and not data["parse_errors"]
    return data
