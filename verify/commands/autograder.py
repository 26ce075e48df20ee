"""``verify autograder --rubric R -o autograder.zip``: a Gradescope autograder bundle.

The zip holds what Gradescope's autograder documentation asks for at its root: ``setup.sh``
(run once when the image is built: installs this package from the copy in the bundle) and
``run_autograder`` (run per submission: grades the files in ``/autograder/submission/`` as
one student's submission and writes ``/autograder/results/results.json``), plus the rubric
and the package's source. ``AUTOGRADER_ROOT`` overrides ``/autograder`` (for testing) and
``PYTHON`` the interpreter. If grading itself fails, ``run_autograder`` still writes a
``results.json`` that tells the student course staff will mark the submission.
"""
from __future__ import annotations

import io
import shlex
import stat
import zipfile
from pathlib import Path

from ..errors import UsageError
from .grade import VISIBILITIES

PACKAGES = ("verify", "derivations")
DATA_SUFFIXES = (".py", ".lark", ".toml", ".json", ".typed")

SETUP = """#!/usr/bin/env bash
# Gradescope runs this once, when it builds the autograder image.
set -euo pipefail
SOURCE="${AUTOGRADER_ROOT:-/autograder}/source"
apt-get install -y python3 python3-pip >/dev/null 2>&1 || true
"${PYTHON:-python3}" -m pip install --quiet "$SOURCE/package"
"""

RUN = """#!/usr/bin/env bash
# Gradescope runs this for every submission.
ROOT="${AUTOGRADER_ROOT:-/autograder}"
PY="${PYTHON:-python3}"
mkdir -p "$ROOT/results"
export PYTHONPATH="$ROOT/source/package${PYTHONPATH:+:$PYTHONPATH}"
export VERIFY_NO_PROGRESS=1
"$PY" -m verify grade "$ROOT/submission" --single --student submission \\
    --rubric "$ROOT/source/rubric.toml" --format gradescope -o "$ROOT/results/results.json" {options}
code=$?
if [ ! -s "$ROOT/results/results.json" ] || [ "$code" -ge 2 ]; then
  cat > "$ROOT/results/results.json" <<'JSON'
{"score": 0.0, "output": "Your submission could not be graded automatically; course staff will mark it.", "tests": []}
JSON
fi
exit 0
"""


def register(commands) -> None:
    parser = commands.add_parser("autograder", help="write a Gradescope autograder bundle (a zip)")
    parser.add_argument("--rubric", required=True, help="a built-in rubric name or a TOML file")
    parser.add_argument("-o", "--output", required=True, help="the zip to write, e.g. autograder.zip")
    parser.add_argument("--visibility", choices=VISIBILITIES, default="visible",
                        help="when students see the results (default visible)")
    parser.add_argument("--stdout-visibility", choices=VISIBILITIES, default="hidden",
                        help="when students see the autograder's output (default hidden)")
    parser.add_argument("--hide-solutions", action="store_true", help="keep model answers out of what students see")
    parser.add_argument("--budget", type=float, default=5.0, help="seconds allowed per check (default 5)")
    parser.set_defaults(handler=handle)


def _rubric_text(name: str) -> str:
    from importlib import resources

    from ..grading.rubric import builtin_names

    if name in builtin_names():
        return (resources.files("verify") / "rubrics" / f"{name}.toml").read_text("utf-8")
    path = Path(name)
    if not path.is_file():
        raise UsageError(f"no such rubric: {name}")
    return path.read_text("utf-8")


def _package_files(root: Path):
    """The package's source files (and its pyproject.toml), relative to the project root."""
    yield root / "pyproject.toml"
    for package in PACKAGES:
        for path in sorted((root / package).rglob("*")):
            if path.is_file() and path.suffix in DATA_SUFFIXES and "__pycache__" not in path.parts:
                yield path


def _add(archive: zipfile.ZipFile, name: str, data: str, executable: bool = False) -> None:
    info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
    info.external_attr = ((0o755 if executable else 0o644) | stat.S_IFREG) << 16
    info.compress_type = zipfile.ZIP_DEFLATED
    archive.writestr(info, data)


def bundle(rubric_text: str, options: list[str]) -> bytes:
    """The zip's bytes: setup.sh, run_autograder, the rubric and the package."""
    import derivations
    from ..grading.rubric import parse_rubric

    parse_rubric(rubric_text, derivations.BUILTIN)  # a broken rubric fails here, not on Gradescope
    root = Path(__file__).resolve().parents[2]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        _add(archive, "setup.sh", SETUP, executable=True)
        _add(archive, "run_autograder", RUN.replace("{options}", " ".join(shlex.quote(o) for o in options)), executable=True)
        _add(archive, "rubric.toml", rubric_text)
        for path in _package_files(root):
            _add(archive, f"package/{path.relative_to(root).as_posix()}", path.read_text("utf-8"))
    return out.getvalue()


def handle(args) -> int:
    from ..grading.files import write_atomic_bytes

    options = ["--visibility", args.visibility, "--stdout-visibility", args.stdout_visibility,
               "--budget", str(args.budget)] + (["--hide-solutions"] if args.hide_solutions else [])
    write_atomic_bytes(args.output, bundle(_rubric_text(args.rubric), options))
    print(f"autograder bundle written to {args.output}: upload it as the assignment's autograder")
    return 0
