"""``verify list``: the built-in derivations, by name and title."""
from __future__ import annotations


def register(commands) -> None:
    parser = commands.add_parser("list", help="list the built-in derivations",
                                 description="The built-in derivations, by name and title; check them with `verify run NAME`.")
    parser.set_defaults(handler=handle)


def handle(args) -> int:
    import derivations

    for name in derivations.names():
        print(f"{name:<16} {derivations.title(name)}")
    return 0
