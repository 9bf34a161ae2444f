"""Taking an upload in: size limit while streaming, type from the content
(magic bytes, never the name), ZIP bombs and page counts refused before the
engine sees the file."""
from __future__ import annotations

import os
import tempfile
import zipfile
from pathlib import Path

from .config import WebConfig
from .store import InputKind, Item, Store

CHUNK = 1 << 20
ACCEPTED = {InputKind.PDF: "PDF", InputKind.DOCX: "DOCX", InputKind.XLSX: "XLSX", InputKind.OLE: "DOC/XLS",
            InputKind.ODT: "ODT", InputKind.ODS: "ODS", InputKind.RTF: "RTF",
            InputKind.TEXT: "văn bản"}


class UploadRefused(Exception):
    """An upload the server will not take; the message is Vietnamese.
    ``name``: the file's name as the browser sent it (for the list of
    refused files), when known."""

    name = ""

    @property
    def user_message(self) -> str:
        return str(self)


def shown_name(upload, default: str = "tep") -> str:
    """The browser's name for an upload, for display only (never a path)."""
    return (upload.filename or default).replace("\x00", "")[-200:]


async def take(upload, config: WebConfig, store: Store, *, owner: str, purpose: str, default: str = "tep",
               state: str = "queued") -> Item:
    """One uploaded file in: streamed under the size limit, typed from its
    bytes, stored under a random name as a new :class:`Item` of ``owner``
    for ``purpose`` (verify, draft, import). Raises UploadRefused (with the
    browser's ``name``); nothing is left behind then."""
    name = shown_name(upload, default)
    try:
        tmp, size = await receive(upload, config, store.root)
        try:
            kind = classify(tmp, config)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
    except UploadRefused as exc:
        exc.name = name
        raise
    return store.create(Item(id=store.new_id(), owner=owner, name=name, kind=kind, size=size, purpose=purpose,
                             state=state), tmp)


async def receive(upload, config: WebConfig, folder: Path) -> tuple[Path, int]:
    """Stream ``upload`` into a temporary file in ``folder``; refuse it when
    larger than the limit or empty. Returns (path, size)."""
    fd, tmp = tempfile.mkstemp(prefix=".upload-", dir=folder)
    size = 0
    try:
        with os.fdopen(fd, "wb") as out:
            while True:
                chunk = await upload.read(CHUNK)
                if not chunk:
                    break
                size += len(chunk)
                if size > config.max_upload_bytes:
                    raise UploadRefused(f"Tệp quá lớn: giới hạn là {config.max_upload_bytes // (1024 * 1024)} MB.")
                out.write(chunk)
        if size == 0:
            raise UploadRefused("Tệp rỗng.")
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return Path(tmp), size


def classify(path: Path, config: WebConfig) -> InputKind:
    """The file's type from its bytes: PDF, DOCX, XLSX, OLE or TEXT;
    UploadRefused for anything else or a file that would be too big to
    open."""
    from parsers import sniff_format

    kind = InputKind(sniff_format(path))
    if kind in (InputKind.DOCX, InputKind.XLSX, InputKind.ODT, InputKind.ODS, InputKind.ZIP):
        _check_zip(path, config)
    if kind == InputKind.ZIP:
        raise UploadRefused("Tệp nén ZIP không phải DOCX, XLSX, ODT hay ODS: hãy tải lên từng báo cáo.")
    if kind == InputKind.TEXT and not _is_text(path):
        raise UploadRefused("Không nhận dạng được loại tệp (chỉ nhận PDF, DOCX, XLSX, DOC, XLS, ODT, ODS, "
                            "RTF hoặc văn bản thuần).")
    if kind == InputKind.PDF:
        _check_pages(path, config)
    return kind


def _check_zip(path: Path, config: WebConfig) -> None:
    try:
        with zipfile.ZipFile(path) as zf:
            unpacked = sum(i.file_size for i in zf.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        raise UploadRefused("Tệp nén bị hỏng, không mở được.") from None
    size = max(1, path.stat().st_size)
    if unpacked > config.max_unpacked_bytes or unpacked > size * config.max_zip_ratio:
        raise UploadRefused(f"Tệp giải nén ra quá lớn ({unpacked // (1024 * 1024)} MB): "
                            "có thể là tệp độc hại (zip bomb), không xử lý.")


def _check_pages(path: Path, config: WebConfig) -> None:
    import pypdfium2 as pdfium

    from parsers.pdfium_lock import opened

    try:
        with opened(path) as pdf:
            pages = len(pdf)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise UploadRefused("Tệp PDF có mật khẩu: hãy gỡ mật khẩu rồi tải lên lại.") from None
        raise UploadRefused("Tệp PDF bị hỏng, không mở được.") from None
    if pages > config.max_pages:
        raise UploadRefused(f"Tệp PDF có {pages} trang, vượt giới hạn {config.max_pages} trang.")
    if pages == 0:
        raise UploadRefused("Tệp PDF không có trang nào.")


def _is_text(path: Path) -> bool:
    with open(path, "rb") as fh:
        head = fh.read(64 * 1024)
    if b"\x00" in head:
        return False
    for encoding in ("utf-8", "utf-16", "cp1258"):
        try:
            head.decode(encoding)
            return True
        except UnicodeDecodeError as exc:
            if encoding == "utf-8" and exc.start > len(head) - 4:
                return True  # a character cut at the end of the sample
    return False


async def take_all(uploads, config: WebConfig, store: Store, *, owner: str,
                   purpose: str) -> tuple[list[Item], list[tuple[str, str]]]:
    """Each upload in (:func:`take`): (the new items, [(name, why refused)])."""
    made, refused = [], []
    for upload in uploads:
        try:
            made.append(await take(upload, config, store, owner=owner, purpose=purpose))
        except UploadRefused as exc:
            refused.append((exc.name, str(exc)))
    return made, refused
