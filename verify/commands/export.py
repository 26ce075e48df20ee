"""``verify export NAME|FILE [-o OUT.tex] [--pdf]`` and ``verify export --all``: LaTeX, and PDF via TeX.

The .tex is always written first; ``--pdf`` then compiles it, and without a TeX
system says how to install one and exits 2.
"""
from __future__ import annotations

import sys
from pathlib import Path

from ..errors import UsageError, unknown_name
from .options import add_check_options, check_config


def register(commands) -> None:
    parser = commands.add_parser("export", help="write a checked derivation as LaTeX (and PDF)")
    parser.add_argument("target", nargs="?", metavar="NAME|FILE",
                        help="a built-in derivation (see `verify list`) or a file of chains to check")
    parser.add_argument("--all", action="store_true", help="every built-in derivation, one section each")
    parser.add_argument("-o", "--output", metavar="OUT.tex", help="where to write (default NAME.tex, or FILE's name with .verified.tex; '-' for stdout)")
    parser.add_argument("--pdf", action="store_true", help="also compile OUT.pdf with pdflatex")
    add_check_options(parser, json=False)
    parser.set_defaults(handler=handle)


def figure(name: str) -> str:
    """The figure drawn for a built-in derivation (the bilinear game's GDA iterates), or ""."""
    if name != "bilinear-game":
        return ""
    from derivations import gda_twin

    from ..export.figures import gda_figure

    return gda_figure(gda_twin)


def _builtin(name: str, config):
    import derivations
    from ..engine.checker import check_derivation

    derivation = derivations.load(name)
    return derivation, check_derivation(derivation, config)


def _from_file(path: Path, config) -> tuple[str, bool]:
    """The checked file as an annotated document (its headings, prose and order kept), and whether it holds."""
    from ..engine.checker import check_derivation
    from ..export.annotated import annotated_document
    from ..export.residuals import failing_residuals
    from ..model import Derivation

    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise UsageError(f"cannot read {str(path)!r}: {error}") from None
    from ..parsing import read_document

    doc = read_document(text, filename=str(path))
    derivation = Derivation(path.stem, f"Checked: {path.name}", doc.context, tuple(doc.chains))
    unread = [str(error).splitlines()[0] for error in doc.errors]
    report = check_derivation(derivation, config)
    residuals = failing_residuals(derivation, report, config.budget)
    return annotated_document(text, path.name, doc, report, residuals, unread), report.ok


def build(args) -> tuple[str, str, bool]:
    """The document's TeX, the default output stem, and whether every check holds."""
    import derivations
    from ..export import derivation_document, derivations_document

    config = check_config(args)
    if args.all:
        pairs = [_builtin(name, config) for name in derivations.names()]
        figures = {d.name: figure(d.name) for d, _ in pairs}
        return derivations_document(pairs, figures=figures), "derivations", all(r.ok for _, r in pairs)
    if args.target is None:
        raise UsageError("give a derivation name or a file, or --all")
    if args.target in derivations.names():
        derivation, report = _builtin(args.target, config)
        return derivation_document(derivation, report, (), figure(args.target)), derivation.name, report.ok
    if Path(args.target).is_file():
        tex, ok = _from_file(Path(args.target), config)
        return tex, Path(args.target).stem, ok
    raise unknown_name("derivation or file", args.target, derivations.names())


def handle(args) -> int:
    from ..export import compile_pdf

    if args.all and args.target:
        raise UsageError("give either NAME|FILE or --all, not both")
    tex, stem, ok = build(args)
    out = args.output or (f"{stem}.verified.tex" if args.target and Path(args.target).is_file() else f"{stem}.tex")
    if args.target and out != "-" and Path(args.target).is_file() and Path(out).resolve() == Path(args.target).resolve():
        raise UsageError(f"-o {out} would overwrite the file being checked; choose another name")
    if out == "-":
        if args.pdf:
            raise UsageError("--pdf needs a file name for the output (-o OUT.tex)")
        sys.stdout.write(tex)
        return 0 if ok else 1
    Path(out).write_text(tex, encoding="utf-8")
    print(f"wrote {out}")
    if args.pdf:
        pdf = compile_pdf(tex, Path(out).with_suffix(".pdf"))
        print(f"wrote {pdf}")
    return 0 if ok else 1
