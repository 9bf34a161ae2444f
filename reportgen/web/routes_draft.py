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

from . import accounts
from .accounts import User
from .app import Forbidden, audit, check_csrf, current_user, page
from .intake import UploadRefused, classify, receive
from .store import Item, Store

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
    name = (file.filename or "so-lieu").replace("\x00", "")[-200:]
    try:
        tmp, size = await receive(file, config, store.root)
        try:
            kind = classify(tmp, config)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
    except UploadRefused as exc:
        return page(request, "draft_start.html", {"drafts": [], "error": str(exc)}, status_code=400)
    item = store.create(Item(id=store.new_id(), owner=user.username, name=name, kind=kind, size=size,
                             purpose="draft", state="new"), tmp)
    audit(request, user, "upload", name, f"soạn thảo, mã {item.id}")
    return RedirectResponse(f"/soan-thao/{item.id}", status_code=303)


@router.get("/soan-thao/{item_id}")
def step(request: Request, item_id: str, user: User = Depends(current_user)):
    item = _own(request, item_id, user)
    if item.state == "new":
        values = accounts.remembered(request.app.state.engine, user.username, REMEMBER)
        return page(request, "draft_form.html", {"item": item, "kinds": KINDS, "fields": FIELDS, "lists": LISTS,
                                                 "values": values, "error": None})
    job = request.app.state.runner.status(item.id)
    stage = job.stage if job is not None and item.state == "running" else ""
    return page(request, "draft_result.html", {"item": item, "stage": stage,
                                               "pages": item.summary.get("pages", 0)})


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
    store: Store = request.app.state.store
    engine, dpi = request.app.state.engine, request.app.state.config.render_dpi

    def work(progress):
        return render_draft(store, item, meta, per_unit, progress, dpi)

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
    request.app.state.runner.submit(user.username, "draft", work, on_done=done, job_id=item.id)


_EXT = {"xlsx": ".xlsx", "text": ".csv", "docx": ".docx", "pdf": ".pdf", "ole": ".xls"}


def render_draft(store: Store, item: Item, meta_values: dict, per_unit: bool, progress, dpi: int) -> dict:
    from ..draft import build_draft, load_data
    from ..draft.metadata import meta_from_dict
    from ..draft.pdf import convert
    from ..raw import UnreadableInput
    from .verifying import render_pages

    folder = store.folder(item.id)
    src = folder / ("so-lieu" + _EXT.get(item.kind, ""))
    shutil.copyfile(folder / "input", src)
    if item.kind == "text":
        head = src.read_bytes()[:200].lstrip()
        if head.startswith((b"{", b"[")):
            src = src.rename(src.with_suffix(".json"))
    progress("Đang đọc số liệu", 0, 0)
    province = meta_values.pop("province", None)
    try:
        meta = meta_from_dict(meta_values)
        data = load_data(src, None, province)
    except UnreadableInput as exc:
        raise UnreadableInput(str(exc).replace(str(src), item.name)) from None
    out = folder / "out"
    out.mkdir(exist_ok=True)
    summary: dict = {"doc_type": meta.doc_type, "per_unit": per_unit,
                     "units": sum(len(t.rows) for t in data.tables),
                     "corrections": [c.text() for c in data.corrections] + list(data.notes)}
    if per_unit:
        from ..draft.perunit import write_per_unit

        progress("Đang soạn thông báo từng đơn vị", 0, 0)
        paths = write_per_unit(data, meta, out / "docx")
        progress("Đang xuất PDF", 0, len(paths))
        pdfs = convert(paths, out / "pdf")
        with zipfile.ZipFile(out / "thong-bao.zip.tmp", "w", zipfile.ZIP_DEFLATED) as zf:
            for p in paths + pdfs:
                zf.write(p, f"{p.suffix[1:]}/{p.name}")
        (out / "thong-bao.zip.tmp").replace(out / "thong-bao.zip")
        preview = pdfs[0] if pdfs else None
        summary["documents"] = len(paths)
    else:
        progress("Đang soạn văn bản", 0, 0)
        result = build_draft(data, meta)
        result.save(out / "du-thao.docx")
        progress("Đang xuất PDF", 0, 0)
        (preview,) = convert([out / "du-thao.docx"], out)
        summary["documents"] = 1
    if preview is not None:
        progress("Đang dựng ảnh trang", 0, 0)
        summary["pages"] = len(render_pages(preview, folder / "pages", dpi, progress))
    (folder / "draft.json").write_text(json.dumps(summary, ensure_ascii=False), encoding="utf-8")
    return summary


@router.get("/soan-thao/{item_id}/trang/{number}.png")
def preview(request: Request, item_id: str, number: int, user: User = Depends(current_user)):
    item = _own(request, item_id, user)
    path = request.app.state.store.path(item.id, "pages") / f"{int(number)}.png"
    if not path.is_file():
        return Response(status_code=404)
    return FileResponse(path, media_type="image/png")


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
