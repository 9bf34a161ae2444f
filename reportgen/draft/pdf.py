"""DOCX → PDF with LibreOffice headless: a batch of files in ONE soffice
process, with its own user profile (two conversions must never share one),
started by :func:`parsers.legacy_office.run_soffice` (no network, links off,
a timeout).

Fonts: the documents ask for Times New Roman; where it is not installed,
fontconfig gives LibreOffice the metric-compatible Liberation Serif (package
fonts-liberation2), so lines and pages break where they would in Word.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Sequence

from ..raw import UnreadableInput

TIMEOUT_PER_FILE = 60


def soffice_binary() -> str:
    from parsers.legacy_office import soffice_program

    return soffice_program()


def serif_font() -> str:
    """The font LibreOffice will use for Times New Roman on this machine."""
    try:
        out = subprocess.run(["fc-match", "-f", "%{family[0]}", "Times New Roman"], capture_output=True,
                             text=True, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "Times New Roman"
    return out or "Times New Roman"


PDF_A2B = 'pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"2"}}'


def substitute_font_warning() -> str | None:
    """A Vietnamese warning when this machine has no Times New Roman, naming
    the font the PDF is made with instead; None when it has it."""
    used = serif_font()
    if used.casefold() == "times new roman":
        return None
    return (f"Máy này không có phông Times New Roman: PDF dùng phông thay thế {used} "
            "(cùng kích thước chữ, dòng và trang ngắt như trong Word). Văn bản phát hành nên in từ máy có "
            "Times New Roman.")


def convert(docx_files: Sequence[str | Path], outdir: str | Path, pdf_a: bool = False) -> list[Path]:
    """Convert all files in one soffice process; returns the PDF paths in the
    order given. PDFs appear in ``outdir`` under the DOCX stem; ``pdf_a``
    makes PDF/A-2b (LibreOffice's SelectPdfVersion=2)."""
    files = [Path(f).resolve() for f in docx_files]
    if not files:
        return []
    outdir = Path(outdir).resolve()
    outdir.mkdir(parents=True, exist_ok=True)
    from parsers.legacy_office import run_soffice

    # The one LibreOffice launcher: isolated profile, no network, a timeout.
    _rc, output = run_soffice(files, PDF_A2B if pdf_a else "pdf:writer_pdf_Export", outdir,
                              timeout=30 + TIMEOUT_PER_FILE * len(files))
    pdfs = [outdir / (f.stem + ".pdf") for f in files]
    missing = [p.name for p in pdfs if not p.is_file()]
    if missing:
        raise UnreadableInput(f"LibreOffice không xuất được PDF: {', '.join(missing)} "
                              f"({output.strip()[:300]}).")
    return pdfs


def convert_one(docx_file: str | Path, pdf_path: str | Path) -> Path:
    """One file to a chosen PDF path (through a private folder, then a move)."""
    pdf_path = Path(pdf_path)
    with tempfile.TemporaryDirectory(prefix="rg-pdf-", dir=pdf_path.parent) as tmp:
        src = Path(tmp) / (pdf_path.stem + ".docx")
        shutil.copyfile(docx_file, src)
        (made,) = convert([src], tmp)
        os.replace(made, pdf_path)
    return pdf_path
