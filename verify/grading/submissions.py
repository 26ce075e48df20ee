"""Who is who: a class folder's submissions, each named by its path relative to the folder.

``class/alice_123/answer.md`` is the student ``alice_123`` (all readable files of that
folder are one submission, read in name order); a file directly in the class folder is
its name without the suffix, or with it when two files share a stem (``bob.md`` and
``bob.tex``). A file named on the command line is its stem. Names never collide: a
clash between class folders is told apart by the folder's name. Gradescope's layouts
are understood: an export's folder per submission with ``submission_metadata.json``
or the export's ``submission_metadata.yml`` (with PyYAML), keeps the submitters' names and
ids; the autograder's ``/autograder/submission`` is graded with ``grade --single``.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from ..errors import UsageError

SUFFIXES = (".md", ".markdown", ".tex", ".txt")
METADATA = "submission_metadata.json"


@dataclass(frozen=True)
class Submission:
    """One student's files (one or more, read in order as one text) and who they are."""

    student: str
    files: tuple[Path, ...]
    folder: Path | None = None  # the student's folder, when the submission is one
    submitters: tuple[tuple[str, str], ...] = ()  # (name, id) from Gradescope's metadata

    @property
    def path(self) -> str:
        if len(self.files) == 1:
            return str(self.files[0])
        return str(self.folder if self.folder is not None else self.files[0])


def _readable(path: Path) -> bool:
    return path.is_file() and path.suffix.lower() in SUFFIXES and not path.name.startswith(".")


def _plain_keys(value):
    """Gradescope's YAML export writes keys as ``:name:``; the JSON files as ``name``."""
    if isinstance(value, dict):
        return {str(k).strip(":"): _plain_keys(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain_keys(v) for v in value]
    return value


def people(data) -> tuple[tuple[str, str], ...]:
    """``(name, id)`` of each submitter in one submission's metadata."""
    data = _plain_keys(data) if isinstance(data, dict) else {}
    found = data.get("users") or data.get("submitters") or []
    out = []
    for person in found if isinstance(found, list) else ():
        if isinstance(person, dict):
            ident = person.get("sid") or person.get("id") or person.get("email") or ""
            out.append((str(person.get("name") or ""), str(ident)))
    return tuple(out)


def submitters(folder: Path) -> tuple[tuple[str, str], ...]:
    """``(name, id)`` of each submitter in Gradescope's ``submission_metadata.json``, if any."""
    meta = folder / METADATA
    if not meta.is_file():
        return ()
    try:
        return people(json.loads(meta.read_text("utf-8")))
    except (OSError, ValueError):
        return ()


def export_metadata(root: Path) -> dict:
    """Gradescope's "export submissions" ``submission_metadata.yml`` (folder -> metadata), when
    PyYAML is installed (it is not a dependency); {} otherwise."""
    path = root / "submission_metadata.yml"
    if not path.is_file():
        return {}
    try:
        import yaml

        data = yaml.safe_load(path.read_text("utf-8"))
    except Exception:  # noqa: BLE001 - no PyYAML, or a file that is not YAML: the folders still count
        return {}
    return data if isinstance(data, dict) else {}


def _in_folder(root: Path) -> list[Submission]:
    """The submissions of one class folder: a sub-folder per student, or files at the top."""
    found: list[Submission] = []
    top = sorted(p for p in root.iterdir() if _readable(p))
    stems = [p.stem for p in top]
    for path in top:
        found.append(Submission(path.stem if stems.count(path.stem) == 1 else path.name, (path,)))
    exported = export_metadata(root)
    for folder in sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith(".")):
        files = tuple(sorted(p for p in folder.rglob("*") if _readable(p)))
        who = submitters(folder) or people(exported.get(folder.name))
        if files or who or any(p.is_file() for p in folder.rglob("*")):  # a scan only: an error row
            found.append(Submission(folder.name, files, folder, who))
    return found


def collect(paths: Iterable[str | Path]) -> list[Submission]:
    """Every submission under ``paths`` (files or class folders), in order, with distinct names."""
    found: list[tuple[Path, Submission]] = []
    for path in map(Path, paths):
        if path.is_dir():
            found.extend((path, s) for s in _in_folder(path))
        elif path.exists():
            found.append((path.parent, Submission(path.stem, (path,))))
        else:
            raise UsageError(f"no such file or folder: {path}")
    return _distinct(found)


def _distinct(found: list[tuple[Path, Submission]]) -> list[Submission]:
    """Names made unique: a clash is prefixed by its class folder, then numbered if need be."""
    counts: dict[str, int] = {}
    for _, s in found:
        counts[s.student] = counts.get(s.student, 0) + 1
    taken: set[str] = set()
    out = []
    for root, s in found:
        name = s.student if counts[s.student] == 1 else f"{root.name}/{s.student}"
        base, n = name, 2
        while name in taken:
            name, n = f"{base}~{n}", n + 1
        taken.add(name)
        out.append(Submission(name, s.files, s.folder, s.submitters))
    return out
