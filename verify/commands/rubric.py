"""``verify rubric check FILE...`` and ``verify rubric references``: write rubrics with confidence.

``check`` reports every problem of each file at its line (exit 1 if any); ``references``
lists the quantities a ``complexity`` item's ``reference = "topic: quantity"`` may name,
with the Theta-class each derivation states.
"""
from __future__ import annotations

from pathlib import Path

from ..errors import UsageError


def register(commands) -> None:
    parser = commands.add_parser("rubric", help="check a rubric file; list the quantities a reference may name")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    check = actions.add_parser("check", help="report every problem of a rubric file, at its line")
    check.add_argument("files", nargs="+", metavar="FILE", help="rubric TOML files (or built-in rubric names)")
    check.set_defaults(handler=handle_check)
    references = actions.add_parser("references", help="the quantities a 'reference' may name")
    references.set_defaults(handler=handle_references)


def _text(name: str) -> tuple[str, str]:
    from importlib import resources

    from ..grading.rubric import builtin_names

    if name in builtin_names():
        return f"{name}.toml", (resources.files("verify") / "rubrics" / f"{name}.toml").read_text("utf-8")
    path = Path(name)
    if not path.is_file():
        raise UsageError(f"no such rubric file: {name}")
    return str(path), path.read_text("utf-8")


def handle_check(args) -> int:
    import derivations
    from ..grading.validate import check_rubric

    failed = False
    for name in args.files:
        filename, text = _text(name)
        problems = check_rubric(text, derivations.BUILTIN)
        for problem in problems:
            print(problem.describe(filename))
        if not problems:
            print(f"{filename}: ok")
        failed = failed or bool(problems)
    return 1 if failed else 0


def handle_references(args) -> int:
    import derivations
    from ..grading.quantities import quantities

    for topic in derivations.BUILTIN:
        try:
            found = quantities(topic, derivations.BUILTIN)
        except UsageError:  # a derivation that states no quantities
            continue
        for name, quantity in found.items():
            print(f"{topic}: {name:<32} Theta({quantity.total_class})".replace("**", "^"))
    return 0
