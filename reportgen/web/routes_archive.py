"""Kho lưu trữ: ranking of a period (filters, sort by any column, pages),
a unit's history with a chart and its peers' median, two periods compared,
XLSX export, and import by upload (administrators)."""
from __future__ import annotations

import json
import re
import shutil
import tempfile
import threading
from pathlib import Path

from fastapi import APIRouter, Depends, File, Request, UploadFile
from fastapi.responses import FileResponse, RedirectResponse
from sqlalchemy.orm import Session

from ..archive.db import ArchiveError
from ..raw import UnreadableInput
from .accounts import User
from .app import Forbidden, audit, check_csrf, current_user, page, require
from .intake import take_all
from .store import Item, Store

router = APIRouter()
PAGE_ROWS = 200
SORTS = {"rank": lambda e: (e.rank is None, e.rank or 0), "unit": lambda e: e.unit.casefold(),
         "total": lambda e: (e.total is None, -(e.total or 0)), "max": lambda e: (e.max is None, -(e.max or 0)),
         "percent": lambda e: (e.percent is None, -(e.percent or 0)), "grade": lambda e: e.grade or "",
         "document": lambda e: e.document}
_periods_lock = threading.Lock()


def periods(request: Request) -> list[str]:
    return app_periods(request.app)


def app_periods(app) -> list[str]:
    """Every stored period, newest first; cached until the next import."""
    from ..archive.ranked import stored_periods

    cached = getattr(app.state, "archive_periods", None)
    if cached is not None:
        return cached
    with _periods_lock, Session(app.state.engine) as s:
        app.state.archive_periods = stored_periods(s)
    return app.state.archive_periods


def filter_values(request: Request) -> dict:
    return app_filter_values(request.app)


def app_filter_values(app) -> dict:
    """Levels, schemes and provinces present (for the filters); cached."""
    from ..archive.ranked import stored_filter_values

    cached = getattr(app.state, "archive_filters", None)
    if cached is not None:
        return cached
    with Session(app.state.engine) as s:
        app.state.archive_filters = stored_filter_values(s)
    return app.state.archive_filters


def warm(app) -> None:
    """Fill the caches in the background when the server starts, and
    compile the page templates (a first view would pay ~0.1 s for it)."""
    def run() -> None:
        try:
            app_periods(app)
            app_filter_values(app)
        except Exception:  # an archive problem shows on the page itself
            pass
        env = app.state.templates.env
        for name in env.list_templates(extensions=["html"]):
            env.get_template(name)
    threading.Thread(target=run, name="reportgen-warm", daemon=True).start()


def _forget(request: Request) -> None:
    request.app.state.archive_periods = None
    request.app.state.archive_filters = None
    request.app.state.archive_rankings = None


_RANKINGS_KEPT = 16


def cached_ranking(request: Request, period: str, scheme: str | None, province: str | None, level: str | None):
    """The archive's ranking, kept in memory until the next import: paging
    and sorting the same period do not query again."""
    cache = getattr(request.app.state, "archive_rankings", None)
    if cache is None:
        cache = request.app.state.archive_rankings = {}
    key = (period, scheme, province, level)
    if key not in cache:
        if len(cache) >= _RANKINGS_KEPT:
            cache.pop(next(iter(cache)))
        cache[key] = _archive(request).ranking(period, scheme=scheme, province=province, level=level)
    return cache[key]


def _ranking_rows(request: Request, period: str, scheme, province, level, sort: str, descending: bool,
                  number: int) -> tuple[list, int]:
    """One page of the ranking: [(group, its rows on the page)] and the rows
    in all. Read page by page, sorted in SQL, from the ranking the archive
    keeps ready; computed (and kept in memory) only where it has none."""
    from ..archive.ranked import GroupHead, ranking_slice

    start, stop = (number - 1) * PAGE_ROWS, number * PAGE_ROWS
    with Session(request.app.state.engine) as s:
        stored = ranking_slice(s, period, scheme=scheme, province=province, level=level, sort=sort,
                               descending=descending, offset=start, limit=PAGE_ROWS)
    if stored is not None:
        total, page_rows = stored
        return page_rows, total
    found = cached_ranking(request, period, scheme, province, level)
    key = SORTS.get(sort, SORTS["rank"])
    groups, seen = [], 0
    for g in found:
        entries = sorted(g.entries, key=key, reverse=descending)
        shown = entries[max(0, start - seen):max(0, stop - seen)]
        seen += len(entries)
        if shown:
            groups.append((GroupHead(g.province, g.level, g.scheme, g.period, len(g.entries)), shown))
    return groups, seen


def _archive(request: Request):
    from ..archive import Archive

    return Archive(request.app.state.engine)


@router.get("/kho")
def ranking_page(request: Request, user: User = Depends(current_user), ky: str = "", cap: str = "", tinh: str = "",
                 bo: str = "", sap: str = "rank", nguoc: int = 0, trang: int = 1):
    known = periods(request)
    period = ky or (known[0] if known else "")
    groups, error, total_rows = [], None, 0
    if period:
        try:
            groups, total_rows = _ranking_rows(request, period, bo or None, tinh or None, cap or None, sap,
                                               bool(nguoc), max(1, trang))
        except ArchiveError as exc:
            error = str(exc)
    pages = max(1, -(-total_rows // PAGE_ROWS))
    return page(request, "archive.html", {
        "periods": known, "period": period, "filters": filter_values(request), "groups": groups, "error": error,
        "args": {"ky": period, "cap": cap, "tinh": tinh, "bo": bo, "sap": sap, "nguoc": nguoc},
        "trang": max(1, trang), "pages": pages, "total_rows": total_rows,
        "imports": request.app.state.store.items(None if user.can("lanh_dao") else user.username,
                                                 purpose="import")[:20]})


@router.get("/kho/don-vi")
def history_page(request: Request, ten: str = "", tinh: str = "", bo: str = "", user: User = Depends(current_user)):
    histories, error = [], None
    if ten:
        try:
            histories = _archive(request).history(ten, scheme=bo or None, province=tinh or None)
        except ArchiveError as exc:
            error = str(exc)
    charts = [json.dumps(_chart(h), ensure_ascii=False) for h in histories]
    return page(request, "history.html", {"name": ten, "histories": list(zip(histories, charts)), "error": error})


def _chart(history) -> dict:
    labels = [f"{e.period} ({e.scheme})" if len({x.scheme for x in history.entries}) > 1 else e.period
              for e in history.entries]
    num = (lambda v: None if v is None else float(v))  # noqa: E731 - the chart's own numbers, display only
    return {"type": "line", "data": {"labels": labels, "datasets": [
        {"label": f"{history.unit} (% điểm)", "data": [num(e.percent) for e in history.entries],
         "borderColor": "#12355b", "backgroundColor": "#12355b", "tension": 0.1},
        {"label": "Trung vị đơn vị cùng cấp", "data": [num(e.median) for e in history.entries],
         "borderColor": "#e69500", "backgroundColor": "#e69500", "borderDash": [6, 4], "tension": 0.1}]},
        "options": {"animation": False, "scales": {"y": {"suggestedMin": 0, "suggestedMax": 100,
                                                         "title": {"display": True, "text": "%"}}},
                    "plugins": {"legend": {"position": "bottom"}}}}


@router.get("/kho/so-sanh")
def compare_page(request: Request, a: str = "", b: str = "", cap: str = "", tinh: str = "", bo: str = "",
                 user: User = Depends(current_user)):
    up, down, error = [], [], None
    if a and b:
        try:
            up, down = _archive(request).compare(a, b, scheme=bo or None, province=tinh or None, level=cap or None)
        except ArchiveError as exc:
            error = str(exc)
    return page(request, "compare.html", {"periods": periods(request), "a": a, "b": b, "up": up, "down": down,
                                          "error": error, "filters": filter_values(request),
                                          "args": {"cap": cap, "tinh": tinh, "bo": bo}})


@router.get("/kho/xuat.xlsx")
def export_xlsx(request: Request, ky: str = "", bo: str = "", user: User = Depends(current_user)):
    from ..archive.export import export_rows
    from .exports import write_table_xlsx

    with Session(request.app.state.engine) as s:
        columns, rows = export_rows(s, scheme=bo or None, period=ky or None)
    out = Path(tempfile.mkdtemp(dir=request.app.state.config.data_dir / "imports")) / "kho.xlsx"
    write_table_xlsx(out, columns, rows)
    audit(request, user, "export", f"kỳ {ky or 'tất cả'}", f"{len(rows)} dòng")
    from starlette.background import BackgroundTask

    return FileResponse(out, filename=f"kho-luu-tru-{ky or 'tat-ca'}.xlsx",
                        media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        background=BackgroundTask(shutil.rmtree, out.parent, True))


_SAFE_NAME = re.compile(r"[^\w.\- ]+", re.UNICODE)


def safe_filename(name: str, kind: str) -> str:
    """The browser's file name reduced to a plain base name (the archive
    keeps it as the document's name), never a path."""
    base = _SAFE_NAME.sub("_", Path(name.replace("\\", "/")).name).strip(" ._") or "tai-lieu"
    ext = {"pdf": ".pdf", "docx": ".docx", "xlsx": ".xlsx", "ole": ".doc", "text": ".txt",
           "odt": ".odt", "ods": ".ods", "rtf": ".rtf"}.get(kind, "")
    if not base.lower().endswith(ext):
        base += ext
    return base[-150:]


@router.post("/kho/nhap", dependencies=[Depends(check_csrf)])
async def import_upload(request: Request, files: list[UploadFile] = File(default=[]),
                        user: User = Depends(require("quan_tri"))):
    config = request.app.state.config
    store: Store = request.app.state.store
    made, refused = await take_all(files, config, store, owner=user.username, purpose="import")
    for item in made:
        audit(request, user, "upload", item.name, f"nhập kho, mã {item.id}")
        _start_import(request, item, user)
    if "application/json" in request.headers.get("accept", ""):
        return {"items": [{"id": i.id, "name": i.name} for i in made],
                "refused": [{"name": n, "message": m} for n, m in refused]}
    return page(request, "_imports.html", {"imports": made, "refused": refused},
                status_code=200 if made or not refused else 400)


def _start_import(request: Request, item: Item, user: User) -> None:
    """The import runs as an ``import`` job of :mod:`reportgen.jobs` (the
    command line's ``archive import --jobs`` layer: a worker process opens
    the same archive); the page follows the job's progress."""
    from ..jobs import Job

    store: Store = request.app.state.store
    engine = request.app.state.engine
    app = request.app
    folder = store.path(item.id, "nhap")
    folder.mkdir(exist_ok=True)
    path = folder / safe_filename(item.name, item.kind)  # the archive keeps this as the document's name
    shutil.copyfile(store.path(item.id, "input"), path)
    options = {"db": engine.url.render_as_string(hide_password=False)}

    def imported(result, progress) -> dict:
        got = result.payload or {}
        if not result.ok and not got.get("status"):
            raise UnreadableInput((result.error or "Không nhập được.").replace(str(path), item.name))
        return {"status": got.get("status", "failed"), "rows": got.get("rows", 0),
                "findings": got.get("findings", 0),
                "message": (got.get("message") or result.error or "").replace(str(path), item.name)}

    def done(job) -> None:
        current = store.get(item.id)
        if current is None:
            return
        if job.state == "done" and job.result["status"] != "failed":
            current.state, current.summary = "done", job.result
        else:
            current.state = "failed"
            current.error = job.error or (job.result or {}).get("message") or "Không nhập được."
        store.save(current)
        app.state.archive_periods = app.state.archive_filters = app.state.archive_rankings = None
        from . import accounts

        accounts.audit(engine, user.username, "import", item.name,
                       f"{current.summary.get('status', 'lỗi')}: {current.summary.get('rows', 0)} dòng"
                       if current.state == "done" else f"lỗi: {current.error}")

    item.state = "running"
    store.save(item)
    _forget(request)
    request.app.state.runner.submit_job(user.username, Job("import", str(path), options, id=item.id), imported,
                                        on_done=done)


@router.get("/kho/nhap/{item_id}")
def import_status(request: Request, item_id: str, user: User = Depends(current_user)):
    item = request.app.state.store.get(item_id)
    if item is None or item.purpose != "import" or (item.owner != user.username and not user.can("lanh_dao")):
        raise Forbidden("Không tìm thấy lần nhập này.")
    job = request.app.state.runner.status(item.id)
    stage = job.stage if job is not None and item.state == "running" else ""
    if "application/json" in request.headers.get("accept", ""):
        return {"id": item.id, "state": item.state, "stage": stage, "summary": item.summary, "error": item.error}
    return page(request, "_import.html", {"item": item, "stage": stage})


@router.get("/kho/nhap")
def import_redirect(request: Request):
    return RedirectResponse("/kho", status_code=303)
