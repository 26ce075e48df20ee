"""Output files written atomically: an interrupted run leaves the previous file intact.

The text goes to a temporary file in the same folder (so ``os.replace`` is a rename on
one file system), is flushed to disk, then replaces the target in one step.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomic(path: str | Path, text: str) -> None:
    """Write ``text`` to ``path`` (UTF-8) so that readers see the old file or the new one, never half."""
    write_atomic_bytes(path, text.encode("utf-8"))


def write_atomic_bytes(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the new one, never half."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise


def distinct_stems(students: list[str], safe) -> dict[str, str]:
    """A file name stem per student, ``safe(student)`` made unique, so no output overwrites another."""
    out: dict[str, str] = {}
    taken: set[str] = set()
    for student in students:
        base = safe(student)
        stem, n = base, 2
        while stem.lower() in taken:  # case-insensitive file systems too
            stem, n = f"{base}-{n}", n + 1
        taken.add(stem.lower())
        out[student] = stem
    return out
