"""Sub-commands of the CLI; each module has ``register(subparsers)`` and sets ``handler``."""
