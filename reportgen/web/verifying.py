"""The verify job: read, check, make the view (PDF and page images) and
place each finding on its page. Everything it writes goes into the item's
folder; ``result.json`` is the page's whole source."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from ..raw import UnreadableInput
from .store import Item, Store

_EXT = {"docx": ".docx", "xlsx": ".xlsx", "ole": ".doc", "text": ".txt", "pdf": ".pdf"}
SOFFICE_TIMEOUT = 120


def run_verify(store: Store, item: Item, progress, dpi: int = 110, scheme: str | None = None,
               checked=None) -> dict:
    """Verify the item's file; ``checked(payload)`` is called as soon as the
    verdict and findings are written (the page shows them at once), before
    the view (PDF rendering, page images, boxes) is built."""
    from parsers import read_raw

    from ..read import read_report
    from ..verify import verify_report
    from . import locate

    t0 = time.perf_counter()
    src = store.path(item.id, "input")
    progress("Đang đọc tệp", 0, 0)
    settings: dict = {"on_page": lambda stage, k, n: progress(_STAGES.get(stage, stage), k, n)}
    try:
        raw = read_raw(src, settings)
        progress("Đang nhận dạng nội dung", 0, 0)
        report = read_report(raw, scheme)
    except UnreadableInput as exc:
        raise UnreadableInput(str(exc).replace(str(src), item.name)) from None
    report.source = item.name
    progress("Đang kiểm tra", 0, 0)
    result = verify_report(report, scheme)
    payload = result.to_json()
    payload["source"] = item.name
    payload["kind"] = item.kind
    payload["counts"] = result.counts
    payload["tables"] = [{"index": i, "title": t.title, "scheme": t.scheme,
                          "rows": [r.unit for r in t.rows]} for i, t in enumerate(report.tables)]
    payload["view"] = "pending"
    payload["pages"] = []
    for f in payload["findings"]:
        f["box"] = None
    payload["seconds"] = {"check": round(time.perf_counter() - t0, 3)}
    _write(store, item, payload)
    if checked is not None:
        checked(payload)

    progress("Đang dựng trang xem", 0, 0)
    view = store.path(item.id, "view.pdf")
    boxes: list = [None] * len(result.findings)
    if item.kind == "pdf":
        shutil.copyfile(src, view)
        boxes = locate.boxes_same_file(raw, report, result.findings)
    else:
        try:
            to_pdf(src, item.kind, view)
            view_raw = read_raw(view, {})
            boxes = locate.boxes_via_rendering(report, result.findings, view_raw, read_report(view_raw, scheme))
        except (UnreadableInput, OSError, subprocess.SubprocessError):
            view.unlink(missing_ok=True)
    pages = render_pages(view, store.path(item.id, "pages"), dpi, progress) if view.exists() else []
    for f, box in zip(payload["findings"], boxes):
        f["box"] = None if box is None else {"page": box[0], "bbox": [round(v, 2) for v in box[1]]}
    payload["pages"] = pages
    payload["view"] = "ready"
    payload["seconds"]["total"] = round(time.perf_counter() - t0, 3)
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
        named = Path(tmp) / ("document" + _EXT.get(kind, ""))
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
    import pypdfium2 as pdfium

    folder.mkdir(exist_ok=True)
    pdf = pdfium.PdfDocument(str(pdf_path))
    sizes = []
    try:
        n = len(pdf)
        for i in range(n):
            if progress:
                progress("Đang dựng ảnh trang", i + 1, n)
            page = pdf[i]
            width, height = page.get_size()
            image = page.render(scale=dpi / 72).to_pil()
            image.save(folder / f"{i + 1}.png", optimize=False)
            sizes.append({"number": i + 1, "width": round(width, 2), "height": round(height, 2)})
            page.close()
    finally:
        pdf.close()
    return sizes
