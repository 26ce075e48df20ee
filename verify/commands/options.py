"""Options shared by several sub-commands, so they read the same everywhere."""
from __future__ import annotations

import argparse

from ..config import CheckConfig
from ..errors import UsageError


def positive_float(text: str) -> float:
    value = float(text)
    if value <= 0:
        raise argparse.ArgumentTypeError(f"must be positive, got {text}")
    return value


def positive_int(text: str) -> int:
    value = int(text)
    if value <= 0:
        raise argparse.ArgumentTypeError(f"must be positive, got {text}")
    return value


def add_check_options(parser: argparse.ArgumentParser, json: bool = True) -> None:
    """--seed, --samples, --budget, and (where the command prints a report) --json."""
    parser.add_argument("--seed", type=int, default=0, help="seed of the numeric tier (default 0)")
    parser.add_argument("--samples", type=positive_int, default=5, help="numeric samples per check (default 5)")
    parser.add_argument("--budget", type=positive_float, default=5.0,
                        help="seconds allowed per check (default 5); past it the verdict is unknown")
    if json:
        parser.add_argument("--json", action="store_true", help="print a machine-readable report")


def check_config(args: argparse.Namespace) -> CheckConfig:
    return CheckConfig(seed=args.seed, samples=args.samples, budget=args.budget)



def add_ascii_option(parser: argparse.ArgumentParser) -> None:
    """--ascii: print mathematics in plain ASCII (eta^2) instead of Unicode (η²)."""
    parser.add_argument("--ascii", action="store_true",
                        help="print maths in ASCII (eta^2 - 2 lambda) instead of Unicode (η² − 2λ); also VERIFY_ASCII=1")


def wants_unicode(args: argparse.Namespace) -> bool | None:
    """False with --ascii; otherwise None: the printer decides (VERIFY_ASCII, the terminal's encoding)."""
    return False if getattr(args, "ascii", False) else None
