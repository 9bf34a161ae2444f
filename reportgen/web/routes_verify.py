"""Kiểm tra: upload, progress, the result page with the document's pages and
the findings outlined on them, and the downloads."""
from __future__ import annotations

import json
from collections import OrderedDict

from fastapi import APIRouter, Depends, File, Form, Request, UploadFile
from fastapi.responses import FileResponse, JSONResponse, RedirectResponse, Response

from .accounts import User
from .app import Forbidden, audit, check_csrf, current_user, page, page_png, purge_old
from .intake import take_all
from .store import InputKind, Item, Store

router = APIRouter()

DOWNLOADS = {
    "docx": ("chu-thich.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "pdf": ("chu-thich.pdf", "application/pdf"),
    "xlsx": ("ket-qua.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
}


def visible(item: Item | None, user: User) -> Item:
    if item is None:
        raise Forbidden("Không tìm thấy tệp này (hoặc đã bị xóa sau thời hạn lưu).")
    if item.owner != user.username and not user.can("lanh_dao"):
        raise Forbidden("Tệp này của người khác: bạn không có quyền xem.")
    return item


def _item(request: Request, item_id: str, user: User) -> Item:
    return visible(request.app.state.store.get(item_id), user)


def _status(request: Request, item: Item) -> dict:
    job = request.app.state.runner.status(item.id)
    if job is not None and item.state in ("queued", "running"):
        return {"state": job.state if job.state != "done" else "finishing", "stage": job.stage,
                "done": job.done, "total": job.total, "error": job.error}
    return {"state": item.state, "stage": "", "done": 0, "total": 0, "error": item.error}


@router.get("/kiem-tra")
def verify_page(request: Request, user: User = Depends(current_user), tat_ca: int = 0):
    store: Store = request.app.state.store
    everyone = bool(tat_ca) and user.can("lanh_dao")
    items = store.items(None if everyone else user.username, purpose="verify")
    rows = [(i, _status(request, i)) for i in items[:200]]
    from ..schemes import all_schemes

    return page(request, "verify.html", {"rows": rows, "everyone": everyone, "schemes": all_schemes(),
                                         "limit_mb": request.app.state.config.max_upload_bytes // (1024 * 1024)})


@router.post("/kiem-tra/tai-len", dependencies=[Depends(check_csrf)])
async def upload(request: Request, files: list[UploadFile] = File(default=[]), scheme: str = Form(""),
                 user: User = Depends(current_user)):
    """Each file is verified with the scheme chosen (``scheme``: a shipped or
    an uploaded scheme's name), or with the one its tables fit when none is."""
    from ..schemes import all_schemes

    config = request.app.state.config
    store: Store = request.app.state.store
    purge_old(request.app)
    if not files:
        return _respond(request, [], [("", "Chưa chọn tệp nào.")], status=400)
    scheme = scheme.strip() or None
    if scheme is not None and scheme not in all_schemes():
        return _respond(request, [], [("", f"Không có bộ chỉ số “{scheme}”: hãy chọn trong danh sách.")], status=400)
    if len(files) > config.max_files_per_upload:
        return _respond(request, [], [("", f"Mỗi lần chỉ tải lên tối đa {config.max_files_per_upload} tệp.")],
                        status=400)
    made, refused = await take_all(files, config, store, owner=user.username, purpose="verify")
    for item in made:
        audit(request, user, "upload", item.name, f"{item.kind}, {item.size} byte, mã {item.id}")
        _start(request, item, user, scheme)
    return _respond(request, made, refused, status=200 if made else 400)


def _start(request: Request, item: Item, user: User, scheme: str | None = None) -> None:
    from ..jobs import Job
    from .verifying import checked_payload, conversion_job, job_input, needs_rendering, view_cache_key, view_from

    store: Store = request.app.state.store
    config = request.app.state.config
    engine = request.app.state.engine
    item.state = "running"
    store.save(item)

    def checked(payload: dict) -> None:
        current = store.get(item.id)
        if current is None:
            return
        counts = payload.get("counts", {})
        current.state = "done"
        current.summary = {"ok": payload.get("ok"), "verdict": payload.get("verdict"),
                           "errors": counts.get("error", 0), "warnings": counts.get("warning", 0)}
        store.save(current)

    def done(job) -> None:
        current = store.get(item.id)
        if current is None:
            return
        if job.state != "done" and current.state != "done":
            current.state, current.error = "failed", job.error
            store.save(current)
        from . import accounts

        accounts.audit(engine, user.username, "verify", item.name,
                       f"mã {item.id}: " + ("xong" if job.state == "done" else f"lỗi: {job.error}"))

    options = {"ocr_threads": 1, "scheme": scheme, "scheme_folders": [str(config.scheme_dir)]}
    source = job_input(store, item)
    job = Job("verify", str(source), options, id=item.id)
    # A file that is not a PDF is rendered for the view at once, beside the
    # check, by the same job layer (or taken from the cache of renderings).
    key = view_cache_key(source, item.kind) if item.kind != InputKind.PDF else None
    companion = conversion_job(store, item, source) if needs_rendering(store, item, config.view_cache_dir,
                                                                       key) else None
    request.app.state.runner.submit_job(
        user.username, job, lambda result, progress: checked_payload(store, item, result, checked),
        on_done=done, companion=companion,
        after=lambda payload, converted, progress: view_from(store, item, payload, converted, progress,
                                                             config.render_dpi, scheme, config.view_cache_dir,
                                                             key))


def _respond(request: Request, made: list[Item], refused: list[tuple[str, str]], status: int):
    if "application/json" in request.headers.get("accept", ""):
        return JSONResponse({"items": [{"id": i.id, "name": i.name, "kind": i.kind} for i in made],
                             "refused": [{"name": n, "message": m} for n, m in refused]}, status_code=status)
    rows = [(i, _status(request, i)) for i in made]
    return page(request, "_items.html", {"rows": rows, "refused": refused}, status_code=status)


@router.get("/kiem-tra/{item_id}/tien-do")
def progress(request: Request, item_id: str, user: User = Depends(current_user)):
    item = _item(request, item_id, user)
    status = _status(request, item)
    if "application/json" in request.headers.get("accept", ""):
        return {"id": item.id, "name": item.name, **status, "summary": item.summary}
    return page(request, "_item.html", {"item": item, "status": status})


@router.get("/kiem-tra/{item_id}")
def result_page(request: Request, item_id: str, user: User = Depends(current_user)):
    item = _item(request, item_id, user)
    result = _result(request.app.state.store, item)
    if result is None:
        return page(request, "pending.html", {"item": item, "status": _status(request, item)})
    return page(request, "result.html", {"item": item, "result": result, "groups": group_findings(result)})


def _result(store: Store, item: Item) -> dict | None:
    path = store.path(item.id, "result.json")
    if item.state != "done" or not path.is_file():
        return None
    return json.loads(path.read_text(encoding="utf-8"))


def group_findings(result: dict) -> list[dict]:
    """Findings by table and row (document-wide ones first), each with its
    index in the result's list (the anchor the page boxes point at)."""
    tables = {t["index"]: t for t in result.get("tables", [])}
    groups: OrderedDict = OrderedDict()
    for n, f in enumerate(result.get("findings", [])):
        if f.get("table") is None:
            key, title = ("doc",), ("Đoạn văn" if f.get("paragraph") is not None else "Toàn văn bản")
        else:
            t = tables.get(f["table"], {})
            key = ("table", f["table"])
            title = f"Bảng {f['table'] + 1}" + (f": {t['title']}" if t.get("title") else "")
        group = groups.setdefault(key, {"title": title, "rows": OrderedDict()})
        row_key = f.get("row") if f.get("table") is not None else f.get("paragraph")
        label = (f.get("unit") or (f"Dòng {f['row'] + 1}" if f.get("row") is not None else None)
                 if f.get("table") is not None else
                 (f"Đoạn {f['paragraph'] + 1}" if f.get("paragraph") is not None else "Chung"))
        group["rows"].setdefault(row_key, {"label": label, "findings": []})["findings"].append((n, f))
    return list(groups.values())


@router.get("/kiem-tra/{item_id}/ket-qua.json")
def result_json(request: Request, item_id: str, user: User = Depends(current_user)):
    item = _item(request, item_id, user)
    result = _result(request.app.state.store, item)
    if result is None:
        return JSONResponse({"error": "Chưa có kết quả.", "state": item.state}, status_code=409)
    return result


@router.get("/kiem-tra/{item_id}/trang/{number}.png")
def page_image(request: Request, item_id: str, number: int, user: User = Depends(current_user)):
    return page_png(request, _item(request, item_id, user), number)


@router.get("/kiem-tra/{item_id}/tai-ve/{kind}")
def download(request: Request, item_id: str, kind: str, user: User = Depends(current_user)):
    from ..raw import UnreadableInput
    from . import exports

    item = _item(request, item_id, user)
    store: Store = request.app.state.store
    result = _result(store, item)
    if kind not in DOWNLOADS or result is None:
        return Response("Không có tệp này.", status_code=404, media_type="text/plain; charset=utf-8")
    suffix, media = DOWNLOADS[kind]
    out = store.path(item.id, f"download.{kind}")
    try:
        if kind == "docx":
            if item.kind not in ANNOTATABLE:
                return page(request, "error.html", {"message": "Chỉ chú thích được tệp Word hoặc OpenDocument "
                                                    "(DOCX, DOC, ODT, RTF); tệp này là "
                                                    f"{item.kind.upper()}. Hãy tải bản PDF có đánh dấu."},
                            status_code=409)
            _annotated_docx(store, item, out)
        elif kind == "pdf":
            view = store.path(item.id, "view.pdf")
            if not view.is_file():
                return page(request, "error.html", {"message": "Không dựng được bản PDF của tệp này."},
                            status_code=409)
            exports.annotated_pdf(view, result["findings"], out)
        else:
            exports.findings_xlsx(result, out)
    except UnreadableInput as exc:
        return page(request, "error.html", {"message": str(exc)}, status_code=409)
    audit(request, user, "download", item.name, kind)
    stem = item.name.rsplit(".", 1)[0] or "bao-cao"
    return FileResponse(out, media_type=media, filename=f"{stem}-{suffix}")


# Uploads a commented DOCX can be made of: a DOCX, and what LibreOffice turns
# into one (a Word 97 .doc is OLE, as is an .xls: annotate tells them apart).
ANNOTATABLE = (InputKind.DOCX, InputKind.OLE, InputKind.ODT, InputKind.RTF)


def _annotated_docx(store: Store, item: Item, out) -> None:
    """Verify the document again (the findings must carry the report they
    were read from) and write the commented copy (a DOCX)."""
    import shutil
    import tempfile

    from ..annotate import annotate
    from ..verify import verify_path
    from .verifying import EXTENSIONS

    with tempfile.TemporaryDirectory(dir=store.folder(item.id)) as tmp:
        src = f"{tmp}/input{EXTENSIONS[item.kind]}"  # read by its bytes; the name only for people
        shutil.copyfile(store.path(item.id, "input"), src)
        result = verify_path(src)
        annotate(src, result.findings, out, report=result.report)


@router.post("/kiem-tra/{item_id}/xoa", dependencies=[Depends(check_csrf)])
def delete(request: Request, item_id: str, user: User = Depends(current_user)):
    item = _item(request, item_id, user)
    if item.owner != user.username and not user.can("quan_tri"):
        raise Forbidden("Chỉ người tải lên hoặc quản trị viên được xóa tệp này.")
    request.app.state.store.delete(item.id)
    audit(request, user, "delete", item.name, f"mã {item.id}")
    if request.headers.get("hx-request"):
        return Response("", status_code=200)
    return RedirectResponse("/kiem-tra", status_code=303)
