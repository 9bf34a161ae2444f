"""The decoded size of a PDF's streams, measured before any PDF library
decodes them: a 4 MB file may hold a FlateDecode stream that inflates to
4 GB, and pdfminer would inflate it whole into memory.

The raw file is scanned for ``stream`` keywords; each Flate stream is
inflated in bounded chunks and counted, never kept, stopping at the end of
its deflate data or at the limit. Images are judged by their declared size
(``/Width`` × ``/Height`` × components × bits), which is what a renderer
allocates. Encrypted files' streams do not inflate before decryption and are
left to the page-count and pixel limits.
"""
from __future__ import annotations

import mmap
import re
import zlib
from pathlib import Path

from .limits import MB, LimitExceeded, Limits

_STREAM = re.compile(rb"stream\r?\n")
_FLATE = re.compile(rb"/(?:FlateDecode|Fl)\b")
_IMAGE = re.compile(rb"/Subtype\s*/Image\b")
_INT = {key: re.compile(rb"/" + key + rb"\s+(\d{1,12})\b") for key in (b"Width", b"Height", b"BitsPerComponent")}
_CHUNK = 1 << 20


def _declared(dictionary: bytes, key: bytes, default: int) -> int:
    m = _INT[key].search(dictionary)
    return int(m.group(1)) if m else default


def _components(dictionary: bytes) -> int:
    if re.search(rb"/DeviceCMYK\b", dictionary):
        return 4
    if re.search(rb"/DeviceGray\b|/ImageMask\s+true", dictionary):
        return 1
    return 3


def _inflated_size(data, start: int, cap: int) -> int:
    """Bytes the deflate data at ``start`` inflates to, counting up to just
    over ``cap`` (then stopping)."""
    inflater = zlib.decompressobj()
    total, pos, end = 0, start, len(data)
    try:
        while pos < end and not inflater.eof:
            chunk = data[pos:pos + _CHUNK]
            pos += len(chunk)
            out = inflater.decompress(chunk, 16 * MB)
            total += len(out)
            while inflater.unconsumed_tail and total <= cap:
                out = inflater.decompress(inflater.unconsumed_tail, 16 * MB)
                total += len(out)
            if total > cap:
                return total
    except zlib.error:
        pass  # damaged or encrypted data: what inflated so far counts
    return total


def check_streams(path: Path, limits: Limits) -> None:
    """Raise :class:`LimitExceeded` when one stream or all non-image
    streams together decode to more than the limits allow."""
    with open(path, "rb") as fh:
        try:
            data = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
        except ValueError:  # an empty file
            return
    with data:
        document = 0
        for m in _STREAM.finditer(data):
            start = m.end()
            head = data[max(0, m.start() - 4096):m.start()]
            cut = head.rfind(b"obj")
            dictionary = head[cut:] if cut >= 0 else head
            if b"endstream" in dictionary:  # the keyword inside another stream's tail
                dictionary = dictionary[dictionary.rfind(b"endstream"):]
            if _IMAGE.search(dictionary):
                size = (_declared(dictionary, b"Width", 1) * _declared(dictionary, b"Height", 1)
                        * _components(dictionary) * _declared(dictionary, b"BitsPerComponent", 8) // 8)
                if size > limits.pdf_stream_bytes:
                    raise LimitExceeded("pdf_stream_bytes", (
                        f"Tệp PDF {path.name} có một ảnh khai báo {size // MB} MB khi giải nén, vượt giới hạn "
                        f"{limits.pdf_stream_bytes // MB} MB mỗi luồng: nghi là bom nén, từ chối đọc."))
                continue
            if not _FLATE.search(dictionary):
                continue
            size = _inflated_size(data, start, min(limits.pdf_stream_bytes, limits.pdf_document_bytes - document))
            if size > limits.pdf_stream_bytes:
                raise LimitExceeded("pdf_stream_bytes", (
                    f"Tệp PDF {path.name} có một luồng dữ liệu giải nén vượt {limits.pdf_stream_bytes // MB} MB "
                    f"(tệp chỉ {len(data) // 1024} KB): nghi là bom nén, từ chối đọc."))
            document += size
            if document > limits.pdf_document_bytes:
                raise LimitExceeded("pdf_document_bytes", (
                    f"Các luồng dữ liệu của tệp PDF {path.name} giải nén vượt "
                    f"{limits.pdf_document_bytes // MB} MB: nghi là bom nén, từ chối đọc."))


def check_pages(pdf_or_count, path: Path, limits: Limits) -> None:
    """Refuse a PDF with more pages than ``limits.pages``: given an open
    pdfplumber PDF, the page tree's own /Count is read (cheap, before every
    page object is built); given a number, that number."""
    if isinstance(pdf_or_count, int):
        count = pdf_or_count
    else:
        try:
            from pdfminer.pdftypes import resolve1

            pages = resolve1(pdf_or_count.doc.catalog.get("Pages"))
            count = int(resolve1(pages.get("Count"))) if isinstance(pages, dict) else 0
        except Exception:  # a broken tree: the library's own count is checked next
            return
    if count > limits.pages:
        raise LimitExceeded("pages", (
            f"Tệp PDF {path.name} có {count} trang, vượt giới hạn {limits.pages} trang."))
