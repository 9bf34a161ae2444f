"""After the verify job (run by :mod:`reportgen.jobs`, as the command line's
batch runs it): the verdict and findings written at once, then the view
(PDF and page images) with each finding placed on its page. Everything goes
into the item's folder; ``result.json`` is the page's whole source."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from ..raw import UnreadableInput
from .store import InputKind, Item, Store

EXTENSIONS = {InputKind.DOCX: ".docx", InputKind.XLSX: ".xlsx", InputKind.OLE: ".doc", InputKind.TEXT: ".txt",
        InputKind.ODT: ".odt", InputKind.ODS: ".ods", InputKind.RTF: ".rtf",
        InputKind.PDF: ".pdf"}
SOFFICE_TIMEOUT = 120


def job_input(store: Store, item: Item) -> Path:
    """The upload under a name with its type's extension (a hard link), for
    the verify job of :mod:`reportgen.jobs`."""
    named = store.path(item.id, "document" + EXTENSIONS.get(item.kind, ""))
    if not named.exists():
        try:
            os.link(store.path(item.id, "input"), named)
        except OSError:
            shutil.copyfile(store.path(item.id, "input"), named)
    return named


def from_job(store: Store, item: Item, result, progress, dpi: int = 110, scheme: str | None = None,
             checked=None) -> dict:
    """After the verify job (``result``: its :class:`JobResult`): write the
    verdict and findings at once (``checked(payload)``; the page shows them),
    then build the view (PDF, page images) and place each finding on it."""
    payload = checked_payload(store, item, result, checked)
    return build_view(store, item, payload, progress, dpi, scheme)


def checked_payload(store: Store, item: Item, result, checked=None) -> dict:
    """The verify job's verdict and findings written at once (the page shows
    them; ``checked(payload)`` is told); the view follows."""
    if not result.ok:
        raise UnreadableInput((result.error or "").replace(Path(str(result.input)).name, item.name))
    payload = dict(result.payload or {})
    payload["source"] = item.name
    payload["kind"] = item.kind
    payload["counts"] = {k: result.counts.get(k, 0) for k in ("error", "warning", "info")}
    payload["view"] = "pending"
    payload["pages"] = []
    for f in payload.get("findings", []):
        f["box"] = None
    payload["seconds"] = {"check": result.seconds}
    _write(store, item, payload)
    if checked is not None:
        checked(payload)
    return payload


# -- the PDF shown for a file that is not a PDF -----------------------------------------
# LibreOffice renders it once per upload, in the job layer's worker (a
# ``pdf-convert`` job submitted beside the verify job, so the rendering and
# the check run at the same time), never at the first view; the rendering is
# kept by the upload's content (SHA-256) for the retention period, so the same
# bytes uploaded again are not rendered again.

def view_cache_key(path: Path, kind: str) -> str:
    import hashlib

    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return f"{digest.hexdigest()}.{kind}"


def needs_rendering(store: Store, item: Item, cache: Path | None, key: str | None) -> bool:
    """False when no rendering is needed (a PDF) or the cached one is placed
    as the item's ``view.pdf``; True when a conversion must make it."""
    if item.kind == InputKind.PDF:
        return False
    cached = cache / f"{key}.pdf" if cache is not None and key else None
    if cached is not None and cached.is_file():
        try:
            _link_or_copy(cached, store.path(item.id, "view.pdf"))
            os.utime(cached)  # kept as long as it is used
            return False
        except OSError:
            pass
    return True


def conversion_job(store: Store, item: Item, source: Path):
    """The ``pdf-convert`` job rendering ``source`` (the upload under its
    type's name) into the item's folder as ``document.pdf``."""
    from ..jobs import Job

    return Job("pdf-convert", [str(source)], {"outdir": str(store.folder(item.id)), "any_kind": True},
               id=f"{item.id}-pdf")


def view_from(store: Store, item: Item, payload: dict, converted, progress, dpi: int, scheme: str | None,
              cache: Path | None = None, key: str | None = None) -> dict:
    """The view after the check: the companion conversion's PDF (``converted``,
    its JobResult; None when none ran) becomes the item's ``view.pdf`` (and
    is kept in ``cache`` under ``key``), then pages and boxes are built."""
    made = store.path(item.id, "document.pdf")
    view = store.path(item.id, "view.pdf")
    if converted is not None and converted.ok and made.is_file():
        os.replace(made, view)
        if cache is not None and key:
            try:
                cache.mkdir(mode=0o700, exist_ok=True)
                _link_or_copy(view, cache / f"{key}.pdf")
            except OSError:
                pass
    return build_view(store, item, payload, progress, dpi, scheme)


def _link_or_copy(src: Path, dst: Path) -> None:
    tmp = dst.with_name(f".{dst.name}.{os.getpid()}.tmp")
    try:
        os.link(src, tmp)
    except OSError:
        shutil.copyfile(src, tmp)
    os.replace(tmp, dst)


def purge_view_cache(cache: Path, days: int, now: float | None = None) -> None:
    """Renderings not used for ``days`` are removed."""
    limit = (now or time.time()) - days * 86400
    if cache.is_dir():
        for f in cache.iterdir():
            try:
                if f.stat().st_mtime < limit:
                    f.unlink()
            except OSError:
                pass


@dataclass(frozen=True)
class _Where:
    """Where a finding of the job's JSON points (what :mod:`.locate` reads)."""

    table: int | None
    row: int | None
    column: str | None
    paragraph: int | None


def build_view(store: Store, item: Item, payload: dict, progress, dpi: int, scheme: str | None) -> dict:
    """The PDF shown (the file itself, or LibreOffice's rendering: the one
    placed as ``view.pdf`` beforehand, else made here), its page images and
    each finding's box on it; ``payload`` gains ``tables``, ``pages`` and the
    boxes, and ``view`` becomes 'ready'."""
    from parsers import read_raw

    from ..read import read_report
    from . import locate

    t0 = time.perf_counter()
    src = store.path(item.id, "input")
    findings = [_Where(f.get("table"), f.get("row"), f.get("column"), f.get("paragraph"))
                for f in payload.get("findings", [])]
    progress("Đang dựng trang xem", 0, 0)
    view = store.path(item.id, "view.pdf")
    boxes: list = [None] * len(findings)
    tables = []
    try:
        if item.kind == InputKind.PDF:
            shutil.copyfile(src, view)
            raw = read_raw(view, {})
            report = read_report(raw, scheme)
            boxes = locate.boxes_same_file(raw, report, findings)
        else:
            raw = read_raw(src, {})
            report = read_report(raw, scheme)
            if not view.is_file():  # no rendering came with the job (it failed): made here
                to_pdf(src, item.kind, view)
            view_raw = read_raw(view, {})
            boxes = locate.boxes_via_rendering(report, findings, view_raw, read_report(view_raw, scheme))
        tables = [{"index": i, "title": t.title, "scheme": t.scheme, "rows": [r.unit for r in t.rows]}
                  for i, t in enumerate(report.tables)]
    except (UnreadableInput, OSError, subprocess.SubprocessError):
        if item.kind != InputKind.PDF:
            view.unlink(missing_ok=True)
    pages = render_pages(view, store.path(item.id, "pages"), dpi, progress) if view.exists() else []
    for f, box in zip(payload.get("findings", []), boxes):
        f["box"] = None if box is None else {"page": box[0], "bbox": [round(v, 2) for v in box[1]]}
    payload["tables"] = tables
    payload["pages"] = pages
    payload["view"] = "ready"
    payload.setdefault("seconds", {})["view"] = round(time.perf_counter() - t0, 3)
    _write(store, item, payload)
    return payload


_STAGES = {"reading": "Đang đọc tệp", "ocr": "Đang nhận dạng chữ (OCR) trang", "checking": "Đang kiểm tra"}


def _write(store: Store, item: Item, payload: dict) -> None:
    out = store.path(item.id, "result.json")
    tmp = out.with_suffix(".tmp")
    tmp.write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, out)


def to_pdf(src: Path, kind: str, out: Path) -> Path:
    """A PDF rendering of ``src`` by LibreOffice, in its own profile folder."""
    from parsers.legacy_office import run_soffice

    with tempfile.TemporaryDirectory(prefix="rg-view-", dir=out.parent) as tmp:
        named = Path(tmp) / ("document" + EXTENSIONS.get(kind, ""))
        shutil.copyfile(src, named)
        # The one LibreOffice launcher: own profile, no network, links off, a timeout.
        run_soffice([named], "pdf", Path(tmp), timeout=SOFFICE_TIMEOUT)
        made = Path(tmp) / "document.pdf"
        if not made.is_file():
            raise UnreadableInput("LibreOffice không xuất được bản PDF để xem.")
        os.replace(made, out)
    return out


def render_pages(pdf_path: Path, folder: Path, dpi: int, progress=None) -> list[dict]:
    """Each page as ``folder/N.png`` (1-based); returns the pages' sizes in points."""
    from parsers.pdfium_lock import opened

    folder.mkdir(exist_ok=True)
    sizes = []
    with opened(pdf_path) as pdf:
        n = len(pdf)
    for i in range(n):  # the lock is let go between pages, so other threads' pages go on
        if progress:
            progress("Đang dựng ảnh trang", i + 1, n)
        with opened(pdf_path) as pdf:
            page = pdf[i]
            width, height = page.get_size()
            image = page.render(scale=dpi / 72).to_pil()
            page.close()
        image.save(folder / f"{i + 1}.png", optimize=False)
        sizes.append({"number": i + 1, "width": round(width, 2), "height": round(height, 2)})
    return sizes
