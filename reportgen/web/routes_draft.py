"""Soạn thảo: a wizard. 1) upload the portal export or a score sheet;
2) choose BC / TB / CV or per-unit notices and fill in the particulars
(remembered from the user's last draft); 3) the pages as images, then the
DOCX and PDF (per-unit notices as one ZIP)."""
from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

from fastapi import APIRouter, Depends, File, Form, Request, UploadFile
from fastapi.responses import FileResponse, RedirectResponse, Response

from ..raw import UnreadableInput
from . import accounts
from .accounts import User
from .app import Forbidden, audit, check_csrf, current_user, page, page_png
from .intake import UploadRefused, take
from .store import InputKind, Item, Store

router = APIRouter()
KINDS = {"BC": "Báo cáo", "TB": "Thông báo", "CV": "Công văn", "TB-DV": "Thông báo riêng cho từng đơn vị"}
FIELDS = (("period", "Kỳ đánh giá (khi số liệu không ghi kỳ)", "2025-10, 2025-Q3 hoặc 2025"),
          ("parent", "Cơ quan chủ quản", "UBND tỉnh …"), ("issuer", "Cơ quan ban hành", "Văn phòng UBND tỉnh"),
          ("number", "Số", "405"), ("symbol", "Ký hiệu", "BC-VPUB"), ("place", "Địa danh", "Điện Biên"),
          ("date", "Ngày ban hành", "2025-11-15 (bỏ trống: để trống ngày)"), ("signer", "Người ký", ""),
          ("authority", "Quyền hạn ký", "KT. CHÁNH VĂN PHÒNG / PHÓ CHÁNH VĂN PHÒNG"),
          ("province", "Tỉnh (khi tệp của Cổng có nhiều tỉnh)", ""))
LISTS = (("recipients", "Nơi nhận (mỗi dòng một nơi)"), ("basis", "Căn cứ (mỗi dòng một văn bản)"))
REMEMBER = "draft-particulars"


def _own(request: Request, item_id: str, user: User) -> Item:
    item = request.app.state.store.get(item_id)
    if item is None or item.purpose != "draft" or (item.owner != user.username and not user.can("lanh_dao")):
        raise Forbidden("Không tìm thấy bản dự thảo này.")
    return item


@router.get("/soan-thao")
def start(request: Request, user: User = Depends(current_user)):
    drafts = request.app.state.store.items(user.username, purpose="draft")[:20]
    return page(request, "draft_start.html", {"drafts": drafts})


@router.post("/soan-thao", dependencies=[Depends(check_csrf)])
async def upload(request: Request, file: UploadFile = File(...), user: User = Depends(current_user)):
    config, store = request.app.state.config, request.app.state.store
    try:
        item = await take(file, config, store, owner=user.username, purpose="draft", default="so-lieu", state="new")
    except UploadRefused as exc:
        return page(request, "draft_start.html", {"drafts": [], "error": str(exc)}, status_code=400)
    audit(request, user, "upload", item.name, f"soạn thảo, mã {item.id}")
    return RedirectResponse(f"/soan-thao/{item.id}", status_code=303)


@router.get("/soan-thao/{item_id}")
def step(request: Request, item_id: str, user: User = Depends(current_user)):
    item = _own(request, item_id, user)
    if item.state == "new":
        values = accounts.remembered(request.app.state.engine, user.username, REMEMBER)
        return page(request, "draft_form.html", {"item": item, "kinds": KINDS, "fields": FIELDS, "lists": LISTS,
                                                 "values": values, "error": None})
    return page(request, "draft_result.html", {"item": item, "status": _status(request, item),
                                               "pages": item.summary.get("pages", 0)})


def _status(request: Request, item: Item) -> dict:
    job = request.app.state.runner.status(item.id)
    status = {"state": item.state, "stage": "", "done": 0, "total": 0, "error": item.error}
    if job is not None and item.state == "running":
        status.update(stage=job.stage, done=job.done, total=job.total)
    return status


@router.post("/soan-thao/{item_id}", dependencies=[Depends(check_csrf)])
async def compose(request: Request, item_id: str, user: User = Depends(current_user), loai: str = Form("BC")):
    item = _own(request, item_id, user)
    if item.state != "new":
        return RedirectResponse(f"/soan-thao/{item.id}", status_code=303)
    form = await request.form()
    values = {key: str(form.get(key, "")).strip()[:500] for key, _, _ in FIELDS}
    values.update({key: str(form.get(key, "")).strip()[:4000] for key, _ in LISTS})
    values["loai"] = loai if loai in KINDS else "BC"
    accounts.remember(request.app.state.engine, user.username, REMEMBER, values)
    meta = {k: v for k, v in values.items() if v and k in dict((f[0], 1) for f in FIELDS)}
    for key, _ in LISTS:
        lines = [x.strip() for x in values[key].splitlines() if x.strip()]
        if lines:
            meta[key] = lines
    meta["doc_type"] = "TB" if values["loai"] == "TB-DV" else values["loai"]
    _start(request, item, user, meta, per_unit=values["loai"] == "TB-DV")
    return RedirectResponse(f"/soan-thao/{item.id}", status_code=303)


def _start(request: Request, item: Item, user: User, meta: dict, per_unit: bool) -> None:
    """The draft runs as jobs of :mod:`reportgen.jobs` (the same layer as
    verify and the command line's batches): ``draft-render`` writes the DOCX
    (or one per unit), then ``pdf-convert`` their PDFs; the server only packs
    the ZIP and renders the preview's pages. The page follows the jobs'
    progress events."""
    from ..jobs import Job
    from .runner import FollowUp

    store: Store = request.app.state.store
    engine, dpi = request.app.state.engine, request.app.state.config.render_dpi
    folder = store.folder(item.id)
    src = _source(store, item)
    out = folder / "out"
    out.mkdir(exist_ok=True)
    values = dict(meta)
    province = values.pop("province", None)
    options = {"meta": values, "province": province}
    options.update({"per_unit": True, "outdir": str(out / "docx")} if per_unit else
                   {"output": str(out / "du-thao.docx")})

    def drafted(result, progress):
        if not result.ok:
            raise UnreadableInput(_own_name(result.error or "", src, item.name))
        summary = {**(result.payload or {}), "per_unit": per_unit, "documents": len(result.outputs)}
        summary["corrections"] = [_own_name(c, src, item.name) for c in summary.get("corrections", [])]
        convert = Job("pdf-convert", list(result.outputs), {"outdir": str(out / "pdf" if per_unit else out)},
                      id=f"{item.id}-pdf")
        return FollowUp(convert, lambda converted, progress: finish_draft(
            store, item, summary, result.outputs, converted, progress, dpi))

    def done(job) -> None:
        current = store.get(item.id)
        if current is None:
            return
        if job.state == "done":
            current.state, current.summary = "done", job.result
        else:
            current.state, current.error = "failed", job.error
        store.save(current)
        accounts.audit(engine, user.username, "draft", item.name,
                       f"{meta['doc_type']}{' từng đơn vị' if per_unit else ''}: "
                       + ("xong" if job.state == "done" else f"lỗi: {job.error}"))

    item.state = "running"
    store.save(item)
    request.app.state.runner.submit_job(user.username, Job("draft-render", str(src), options, id=item.id),
                                        drafted, on_done=done)


_EXT = {InputKind.XLSX: ".xlsx", InputKind.TEXT: ".csv", InputKind.DOCX: ".docx", InputKind.PDF: ".pdf",
        InputKind.OLE: ".xls", InputKind.ODS: ".ods", InputKind.ODT: ".odt", InputKind.RTF: ".rtf"}


def _source(store: Store, item: Item) -> Path:
    """The upload under a name the readers know (``so-lieu`` and its type's
    extension; JSON text as .json)."""
    folder = store.folder(item.id)
    src = folder / ("so-lieu" + _EXT.get(item.kind, ""))
    shutil.copyfile(folder / "input", src)
    if item.kind == InputKind.TEXT:
        head = src.read_bytes()[:200].lstrip()
        if head.startswith((b"{", b"[")):
            src = src.rename(src.with_suffix(".json"))
    return src


def _own_name(message: str, src: Path, name: str) -> str:
    return message.replace(str(src), name).replace(src.name, name)


def finish_draft(store: Store, item: Item, summary: dict, docx: list[str], converted, progress, dpi: int) -> dict:
    """After the jobs: the per-unit ZIP, the preview's page images and
    ``draft.json``."""
    from .verifying import render_pages

    if not converted.ok:
        raise UnreadableInput(converted.error or "LibreOffice không xuất được PDF.")
    folder = store.folder(item.id)
    out = folder / "out"
    pdfs = [Path(p) for p in converted.outputs]
    if summary["per_unit"]:
        progress("Đang đóng gói ZIP", 0, 0)
        with zipfile.ZipFile(out / "thong-bao.zip.tmp", "w", zipfile.ZIP_DEFLATED) as zf:
            for p in [Path(d) for d in docx] + pdfs:
                zf.write(p, f"{p.suffix[1:]}/{p.name}")
        (out / "thong-bao.zip.tmp").replace(out / "thong-bao.zip")
    if pdfs:
        progress("Đang dựng ảnh trang", 0, 0)
        summary["pages"] = len(render_pages(pdfs[0], folder / "pages", dpi, progress))
    (folder / "draft.json").write_text(json.dumps(summary, ensure_ascii=False), encoding="utf-8")
    return summary


@router.get("/soan-thao/{item_id}/tien-do")
def draft_progress(request: Request, item_id: str, user: User = Depends(current_user)):
    """How far the draft's jobs got: JSON, or the page's progress line (htmx
    polls it; when the draft is finished the page reloads to show it)."""
    item = _own(request, item_id, user)
    status = _status(request, item)
    if "application/json" in request.headers.get("accept", ""):
        return {"id": item.id, **status}
    response = page(request, "_draft_state.html", {"item": item, "status": status})
    if item.state != "running":
        response.headers["HX-Refresh"] = "true"
    return response


@router.get("/soan-thao/{item_id}/trang/{number}.png")
def preview(request: Request, item_id: str, number: int, user: User = Depends(current_user)):
    return page_png(request, _own(request, item_id, user), number)


_FILES = {"docx": ("out/du-thao.docx", "du-thao.docx"), "pdf": ("out/du-thao.pdf", "du-thao.pdf"),
          "zip": ("out/thong-bao.zip", "thong-bao-tung-don-vi.zip")}


@router.get("/soan-thao/{item_id}/tai-ve/{kind}")
def download(request: Request, item_id: str, kind: str, user: User = Depends(current_user)):
    item = _own(request, item_id, user)
    if kind not in _FILES:
        return Response(status_code=404)
    rel, filename = _FILES[kind]
    path = request.app.state.store.folder(item.id) / Path(rel)
    if item.state != "done" or not path.is_file():
        return Response("Chưa có tệp này.", status_code=404, media_type="text/plain; charset=utf-8")
    audit(request, user, "download", item.name, f"dự thảo {kind}")
    return FileResponse(path, filename=filename)
