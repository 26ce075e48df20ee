"""``verify run [NAME ...]``: check the built-in derivations step by step."""
from __future__ import annotations

import json
import time

from ..errors import unknown_name
from .options import add_ascii_option, add_check_options, check_config, wants_unicode


def register(commands) -> None:
    parser = commands.add_parser("run", help="check the built-in derivations (all by default)")
    parser.add_argument("names", nargs="*", metavar="NAME", help="derivations to check (see `verify list`)")
    add_check_options(parser)
    add_ascii_option(parser)
    parser.set_defaults(handler=handle)


def handle(args) -> int:
    import derivations
    from ..engine.checker import check_derivations
    from ..export.residuals import failing_residuals
    from ..report import Printed, report_json, summary_line, table

    known = derivations.names()
    for name in args.names:
        if name not in known:
            raise unknown_name("derivation", name, known)
    config = check_config(args)
    reports, loaded, printed = [], [], {}
    start = time.perf_counter()

    def load_each():  # lazily, so building the next derivation overlaps with checking this one
        for name in args.names or known:
            loaded.append(derivations.load(name))
            yield loaded[-1]

    for report in check_derivations(load_each(), config):
        derivation = loaded[len(reports)]
        reports.append(report)
        printed[report.name] = Printed(derivation, failing_residuals(derivation, report, config.budget),
                                       unicode=False if args.json else wants_unicode(args))
        if not args.json:
            print(table(report, printed[report.name]))
            print(f"  ({time.perf_counter() - start:.2f} s since start)\n")
    if args.json:
        print(json.dumps(report_json(reports, printed), indent=2))
    else:
        print(summary_line(reports))
    return 0 if all(r.ok for r in reports) else 1
