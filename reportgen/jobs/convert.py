"""DOCX → PDF for batches: one LibreOffice process converts a whole job's
files, with a profile folder of its own that lives as long as the worker
process (two LibreOffice processes never share a profile; a profile made
once saves its creation on every later job). Each PDF is written in a private
folder and moved into place only when complete.
"""
from __future__ import annotations

import atexit
import os
import re
import shutil
import tempfile
from pathlib import Path
from typing import Callable, Sequence

from ..raw import UnreadableInput

TIMEOUT_PER_FILE = 60
_PROFILE: str | None = None
_CONVERTED = re.compile(r"^convert .* -> (.*\.pdf) using filter", re.M)


def profile_dir() -> str:
    """This process's LibreOffice profile (made on first use, removed at exit)."""
    global _PROFILE
    if _PROFILE is None or not os.path.isdir(_PROFILE):
        _PROFILE = tempfile.mkdtemp(prefix=f"rg-lo-{os.getpid()}-")
        atexit.register(shutil.rmtree, _PROFILE, True)
    return _PROFILE


def convert_batch(files: Sequence[str | os.PathLike], outdir: str | os.PathLike | None = None,
                  on_file: Callable[[int, int], None] | None = None, pdf_a: bool = False,
                  any_kind: bool = False) -> list[Path]:
    """Convert ``files`` in one soffice process. PDFs go to ``outdir`` (default:
    beside each DOCX) under the DOCX's stem; returns their paths in order.
    ``on_file(k, n)`` is called as each PDF is finished. ``any_kind``: the
    files may be spreadsheets or text too (LibreOffice picks the PDF export
    of each file's own application)."""
    from parsers.legacy_office import run_soffice

    from ..draft.pdf import PDF_A2B

    sources = [Path(f).resolve() for f in files]
    if not sources:
        return []
    missing = [s.name for s in sources if not s.is_file()]
    if missing:
        raise UnreadableInput(f"không tìm thấy tệp: {', '.join(missing)}")
    targets = [Path(outdir).resolve() / (s.stem + ".pdf") if outdir else s.with_suffix(".pdf") for s in sources]
    stage = targets[0].parent
    stage.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".rg-pdf-", dir=stage) as work:
        done = 0

        def on_line(line: str) -> None:
            nonlocal done
            if _CONVERTED.match(line) and on_file is not None:
                done += 1
                on_file(done, len(sources))

        # The one LibreOffice launcher (no network, links off, a timeout), with this worker's profile.
        target = PDF_A2B if pdf_a else "pdf" if any_kind else "pdf:writer_pdf_Export"
        _rc, output = run_soffice(sources, target, Path(work),
                                  timeout=30 + TIMEOUT_PER_FILE * len(sources), profile=profile_dir(),
                                  on_line=on_line)
        made = [Path(work) / (s.stem + ".pdf") for s in sources]
        lost = [s.name for s, m in zip(sources, made) if not m.is_file()]
        for m, t in zip(made, targets):
            if m.is_file():
                os.replace(m, t)
    if lost:
        raise UnreadableInput(f"LibreOffice không xuất được PDF: {', '.join(lost)} "
                              f"({output.strip()[:300]}).")
    return targets
