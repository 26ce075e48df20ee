"""``verify run [NAME ...]``: check the built-in derivations step by step."""
from __future__ import annotations

import json
import time

from ..errors import unknown_name
from .options import add_check_options, check_config


def register(commands) -> None:
    parser = commands.add_parser("run", help="check the built-in derivations (all by default)")
    parser.add_argument("names", nargs="*", metavar="NAME", help="derivations to check (see `verify list`)")
    add_check_options(parser)
    parser.set_defaults(handler=handle)


def handle(args) -> int:
    import derivations
    from ..engine.checker import check_derivations
    from ..report import report_json, summary_line, table

    known = derivations.names()
    for name in args.names:
        if name not in known:
            raise unknown_name("derivation", name, known)
    config = check_config(args)
    reports = []
    start = time.perf_counter()
    for report in check_derivations((derivations.load(name) for name in args.names or known), config):
        reports.append(report)
        if not args.json:
            print(table(report))
            print(f"  ({time.perf_counter() - start:.2f} s since start)\n")
    if args.json:
        print(json.dumps(report_json(reports), indent=2))
    else:
        print(summary_line(reports))
    return 0 if all(r.ok for r in reports) else 1
