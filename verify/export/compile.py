"""Compile a document with a real TeX system, locked down.

pdflatex runs in a fresh temporary directory with shell escape off, kpathsea's
paranoid file access (no absolute paths, no parent directories, no dot files for
reading or writing), no terminal input, and a time limit enforced by killing it.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from ..errors import VerifyError

INSTALL_HINT = ("no TeX system found (pdflatex). Install one, e.g. on Debian/Ubuntu: "
                "sudo apt-get install texlive-latex-base texlive-latex-recommended texlive-pictures "
                "texlive-fonts-recommended lmodern")
TIMEOUT_SECONDS = 120.0


class TexMissing(VerifyError):
    """No TeX system on this machine; the message says how to install one."""


class TexError(VerifyError):
    """TeX failed on the document; the message is TeX's own error and line."""


def find_tex() -> str | None:
    """The path of pdflatex, or None."""
    return shutil.which("pdflatex")


def _environment() -> dict[str, str]:
    env = dict(os.environ, openin_any="p", openout_any="p", shell_escape="f")
    env.pop("TEXINPUTS", None)
    return env


def tex_error(log: str) -> str:
    """TeX's first error from its log: the ``!`` line and the ``l.N`` context after it."""
    lines = log.splitlines()
    start = next((i for i, line in enumerate(lines) if line.startswith("!")), None)
    if start is None:
        return "TeX stopped without an error message (see the log)"
    context = []
    for line in lines[start + 1: start + 12]:
        context.append(line)
        if re.match(r"l\.\d+", line):
            break
    where = next((m.group(1) for line in context if (m := re.match(r"l\.(\d+)", line))), None)
    head = f"line {where}: " if where else ""
    return head + lines[start].lstrip("! ") + "\n" + "\n".join(context)


def compile_pdf(tex: str, pdf: Path, timeout: float = TIMEOUT_SECONDS) -> Path:
    """Compile ``tex`` to ``pdf``; raises TexMissing or TexError (with TeX's message)."""
    program = find_tex()
    if program is None:
        raise TexMissing(INSTALL_HINT)
    with tempfile.TemporaryDirectory(prefix="verify-tex-") as work:
        source = Path(work, "document.tex")
        source.write_text(tex, encoding="utf-8")
        command = [program, "-no-shell-escape", "-interaction=nonstopmode", "-halt-on-error", "document.tex"]
        try:
            done = subprocess.run(command, cwd=work, env=_environment(), stdin=subprocess.DEVNULL,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=timeout, check=False)
        except subprocess.TimeoutExpired:
            raise TexError(f"pdflatex did not finish within {timeout:g} s") from None
        built = Path(work, "document.pdf")
        if done.returncode != 0 or not built.exists():
            log = Path(work, "document.log")
            raise TexError(tex_error(log.read_text(errors="replace") if log.exists() else ""))
        pdf.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(built, pdf)
    return pdf
