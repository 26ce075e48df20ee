"""The ``verify`` command line: one sub-command per module in ``verify.commands``.

Exit codes: 0 when every check holds, 1 when one is refuted or unknown, 2 for usage
errors (an unknown name, a bad option, a file that cannot be read).
"""
from __future__ import annotations

import argparse
import importlib
import os
import sys

from .engine.budget import worker_pool
from .errors import VerifyError

COMMANDS = ("listing", "run", "check", "grade", "rubric", "autograder", "export")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="verify", description="Check, grade and export derivations in the mathematics of deep learning.")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in COMMANDS:
        importlib.import_module(f"verify.commands.{name}").register(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        with worker_pool():  # the command's checks share long-lived workers (verify.engine.pool)
            return int(args.handler(args) or 0)
    except VerifyError as error:  # usage errors and unreadable input alike
        print(f"Error: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # noqa: BLE001 - a fault of ours: one line and its own exit code, no traceback
        if os.environ.get("VERIFY_DEBUG"):
            raise
        print(f"Error: verify failed on this input ({type(error).__name__}), a fault of the tool, not of the "
              f"input; please report it (VERIFY_DEBUG=1 shows where)", file=sys.stderr)
        return 3


def entry_point() -> None:
    """The console script: run, flush, and leave without tearing the interpreter down.

    Finalising SymPy's many cached objects costs about a third of a second at exit and
    buys nothing: every file we write is closed by then.
    """
    try:
        code = main()
        sys.stdout.flush()
    except BrokenPipeError:  # the reader went away (`verify run | head`): not an error of ours
        code = 0
    try:
        sys.stderr.flush()
    finally:
        os._exit(code)


if __name__ == "__main__":  # pragma: no cover
    entry_point()
