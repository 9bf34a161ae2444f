"""Parsers: one module per input format, each turning a file into a
:class:`reportgen.raw.RawDocument`. They know file formats, never schemes.

:func:`read_raw` sniffs the real format from the bytes (a mislabelled file is
normal input) and hands the file to its parser with the settings, validated
once here (:class:`parsers.settings.ReaderSettings`).
"""
from __future__ import annotations

import os
import stat
from collections.abc import Mapping
from pathlib import Path

from reportgen.raw import RawDocument, UnreadableInput

from .settings import ReaderSettings

# Refuse files larger than this before reading them (bytes).
MAX_FILE_BYTES = 200 * 1024 * 1024


def sniff_format(path: Path) -> str:
    """'pdf', 'docx', 'xlsx', 'ole' (a legacy .doc or .xls), 'odt', 'ods'
    (OpenDocument, as LibreOffice saves by default), 'rtf', 'zip' (any other
    ZIP) or 'text', from the content, never from the name."""
    with open(path, "rb") as fh:
        head = fh.read(8)
    if head.startswith(b"%PDF") or b"%PDF" in _head(path, 1024):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        import zipfile

        try:
            with zipfile.ZipFile(path) as zf:
                names = set(zf.namelist())
                if "word/document.xml" in names:
                    return "docx"
                if "xl/workbook.xml" in names:
                    return "xlsx"
                if "mimetype" not in names:
                    return "zip"
                with zf.open("mimetype") as fh:  # OpenDocument names its kind first, in at most 100 bytes
                    return _ODF.get(fh.read(100).decode("ascii", "replace").strip(), "zip")
        except (zipfile.BadZipFile, OSError, ValueError):
            return "zip"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "ole"  # legacy .doc or .xls
    if head.startswith(b"{\\rtf"):
        return "rtf"
    return "text"


# The ``mimetype`` entry an OpenDocument package opens with: text and
# spreadsheet documents, and their templates (.ott, .ots).
_ODF = {"application/vnd.oasis.opendocument.text": "odt",
        "application/vnd.oasis.opendocument.text-template": "odt",
        "application/vnd.oasis.opendocument.spreadsheet": "ods",
        "application/vnd.oasis.opendocument.spreadsheet-template": "ods"}


def _head(path: Path, n: int) -> bytes:
    with open(path, "rb") as fh:
        return fh.read(n)


def read_raw(path: str | os.PathLike, settings: ReaderSettings | Mapping | None = None) -> RawDocument:
    """Read any supported file into a RawDocument, or raise UnreadableInput
    with a Vietnamese message. ``settings`` are validated first
    (:class:`parsers.settings.ReaderSettings`: a ValueError for a setting no
    parser knows or a value outside its choices)."""
    settings = ReaderSettings.of(settings)
    p = Path(path)
    if not p.exists():
        raise UnreadableInput(f"Không tìm thấy tệp: {p}")
    if p.is_dir():
        raise UnreadableInput(f"Đây là thư mục, không phải tệp: {p}")
    try:
        st = p.stat()
    except OSError as exc:
        raise UnreadableInput(f"Không đọc được tệp {p}: {exc.strerror}") from exc
    if not stat.S_ISREG(st.st_mode):  # /dev/zero, a FIFO, a socket: no size, maybe no end
        kind = ("ống dẫn (FIFO)" if stat.S_ISFIFO(st.st_mode) else "socket" if stat.S_ISSOCK(st.st_mode)
                else "thiết bị")
        raise UnreadableInput(f"{p} không phải tệp thường mà là {kind}: không đọc. Hãy chỉ một tệp báo cáo.")
    size = st.st_size
    if size == 0:
        raise UnreadableInput(f"Tệp rỗng: {p}")
    if size > (settings.max_bytes if settings.max_bytes is not None else MAX_FILE_BYTES):
        raise UnreadableInput(f"Tệp quá lớn ({size // (1024 * 1024)} MB): {p}")
    try:
        kind = sniff_format(p)
    except OSError as exc:
        raise UnreadableInput(f"Không đọc được tệp {p}: {exc.strerror}") from exc
    if kind == "pdf":
        from . import pdf

        return _xml_safe(pdf.read(p, settings))
    if kind == "docx":
        from . import docx

        return _xml_safe(docx.read(p, settings))
    if kind == "xlsx":
        from . import xlsx

        return _xml_safe(xlsx.read(p, settings))
    if kind == "ole":
        from . import legacy_office

        return _xml_safe(legacy_office.read(p, settings))
    if kind in ("odt", "ods", "rtf"):
        from . import legacy_office

        return _xml_safe(legacy_office.read_converted(p, kind, settings))
    if kind == "zip":
        raise UnreadableInput(f"Tệp nén ZIP không phải DOCX, XLSX, ODT hay ODS: {p}")
    from . import text

    return _xml_safe(text.read(p, settings))


def _xml_safe(doc: RawDocument) -> RawDocument:
    """Remove from every paragraph and cell the characters XML cannot carry
    (C0/C1 controls but tab and newline, lone surrogates, U+FFFE/U+FFFF):
    whatever is drafted, annotated or exported from a document can then be
    written to DOCX/XLSX, and a unit named "Sở\x1b[31m Y tế" is "Sở[31m Y tế"."""
    from reportgen.raw import RawTable
    from reportgen.text.safe import has_control, strip_control

    for block in doc.blocks:
        if isinstance(block, RawTable):
            for row in block.rows:
                for cell in row:
                    if has_control(cell.text):
                        cell.text = strip_control(cell.text)
        elif has_control(getattr(block, "text", None)):
            block.text = strip_control(block.text)
    return doc
