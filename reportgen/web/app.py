"""The application: settings, the archive engine, the upload store, the job
runner, sessions, CSRF and who may see what. Pages live in the ``routes_*``
modules; templates are Jinja2 with autoescaping, static files are vendored
in the package (nothing is loaded from the internet)."""
from __future__ import annotations

import secrets
from importlib import resources
from pathlib import Path
from urllib.parse import quote

from fastapi import Depends, FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.middleware.sessions import SessionMiddleware

from ..schemes import add_scheme_folder
from . import accounts
from .accounts import LOCAL_ADMIN, User
from .config import WebConfig
from .runner import Runner
from .store import Store

HERE = Path(str(resources.files(__package__)))
SESSION_COOKIE = "reportgen_session"
ROUTE_MODULES = ("routes_auth", "routes_verify", "routes_admin", "routes_archive", "routes_draft",
                 "routes_schemes")


class NotAuthenticated(Exception):
    pass


class Forbidden(Exception):
    def __init__(self, message: str = "Bạn không có quyền xem trang này."):
        super().__init__(message)


class CsrfRefused(Exception):
    pass


def _templates() -> Jinja2Templates:
    import jinja2

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(HERE / "templates")), autoescape=True,
                             trim_blocks=True, lstrip_blocks=True)
    from .formatting import install_filters

    install_filters(env)
    return Jinja2Templates(env=env)


def create_app(config: WebConfig | None = None, engine=None) -> FastAPI:
    from ..archive.db import open_engine

    config = config or WebConfig()
    config.ensure()
    app = FastAPI(title="reportgen", docs_url=None, redoc_url=None, openapi_url=None)
    app.state.config = config
    app.state.engine = engine or open_engine(config.db_url)
    app.state.store = Store(config.work_dir)
    add_scheme_folder(config.scheme_dir)  # uploaded schemes are usable by every check
    app.state.runner = Runner(config.workers)
    app.state.templates = _templates()
    app.state.last_purge = 0.0
    purge_old(app)

    @app.middleware("http")
    async def headers(request: Request, call_next):
        length = request.headers.get("content-length")
        limit = config.max_upload_bytes * config.max_files_per_upload + (1 << 20)
        if length and length.isdecimal() and int(length) > limit:
            return Response("Dữ liệu gửi lên quá lớn.", status_code=413, media_type="text/plain; charset=utf-8")
        response = await call_next(request)
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["X-Frame-Options"] = "DENY"
        response.headers["Referrer-Policy"] = "same-origin"
        response.headers["Content-Security-Policy"] = (
            "default-src 'self'; img-src 'self' data: blob:; script-src 'self'; "
            "style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; form-action 'self'")
        return response

    app.add_middleware(SessionMiddleware, secret_key=config.secret_key, session_cookie=SESSION_COOKIE,
                       same_site="strict", https_only=False, max_age=12 * 3600)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    @app.exception_handler(NotAuthenticated)
    async def _login_first(request: Request, exc: NotAuthenticated):
        if request.method == "GET" and "text/html" in request.headers.get("accept", ""):
            return RedirectResponse(f"/dang-nhap?next={quote(request.url.path)}", status_code=303)
        return JSONResponse({"error": "Cần đăng nhập."}, status_code=401)

    @app.exception_handler(Forbidden)
    async def _forbidden(request: Request, exc: Forbidden):
        return page(request, "error.html", {"message": str(exc)}, status_code=403)

    @app.exception_handler(CsrfRefused)
    async def _csrf(request: Request, exc: CsrfRefused):
        return page(request, "error.html", {"message": "Biểu mẫu đã hết hạn hoặc không hợp lệ (thiếu mã chống giả "
                                            "mạo). Hãy tải lại trang rồi gửi lại."}, status_code=403)

    import importlib

    for name in ROUTE_MODULES:
        module = importlib.import_module(f"{__package__}.{name}")
        app.include_router(module.router)
        if hasattr(module, "warm"):
            module.warm(app)
    return app


def purge_old(app, every_s: float = 3600) -> None:
    """Remove uploads older than the retention period, at most once an hour
    (called at start and on each upload)."""
    import time

    if time.time() - app.state.last_purge >= every_s:
        app.state.last_purge = time.time()
        app.state.store.purge(app.state.config.retention_days)
        from .verifying import purge_view_cache

        purge_view_cache(app.state.config.view_cache_dir, app.state.config.retention_days)


# -- per request --------------------------------------------------------------------------

def csrf_token(request: Request) -> str:
    token = request.session.get("csrf")
    if not token:
        token = request.session["csrf"] = secrets.token_urlsafe(32)
    return token


async def check_csrf(request: Request) -> None:
    """Every state-changing request carries the session's token, in the
    ``X-CSRF-Token`` header (htmx, scripts) or the ``csrf_token`` field."""
    expected = request.session.get("csrf")
    token = request.headers.get("x-csrf-token")
    if not token:
        ctype = request.headers.get("content-type", "")
        if ctype.startswith(("multipart/form-data", "application/x-www-form-urlencoded")):
            form = await request.form()
            token = form.get("csrf_token")
    if not expected or not isinstance(token, str) or not secrets.compare_digest(token, expected):
        raise CsrfRefused()


def current_user(request: Request) -> User:
    config: WebConfig = request.app.state.config
    if config.no_auth:
        return LOCAL_ADMIN
    name, stamp = request.session.get("user"), request.session.get("stamp")
    if not name:
        raise NotAuthenticated()
    user = accounts.get_user(request.app.state.engine, name)
    if user is None or not user.active or user.session_stamp != stamp:
        request.session.clear()
        raise NotAuthenticated()
    return user


def require(role: str):
    def dependency(user: User = Depends(current_user)) -> User:
        if not user.can(role):
            raise Forbidden()
        return user
    return dependency


def page(request: Request, name: str, context: dict | None = None, status_code: int = 200) -> HTMLResponse:
    config: WebConfig = request.app.state.config
    user = None
    if config.no_auth:
        user = LOCAL_ADMIN
    elif request.session.get("user"):
        user = accounts.get_user(request.app.state.engine, request.session["user"])
    ctx = {"request": request, "user": user, "csrf": csrf_token(request), "no_auth": config.no_auth}
    ctx.update(context or {})
    return request.app.state.templates.TemplateResponse(request, name, ctx, status_code=status_code)


def page_png(request: Request, item, number: int) -> Response:
    """Page ``number`` of an item's rendering (a checked upload's view, a
    draft's preview) as PNG; 404 when there is none. The caller has checked
    that the user may see ``item``."""
    from fastapi.responses import FileResponse

    path = request.app.state.store.path(item.id, "pages") / f"{int(number)}.png"
    if not path.is_file():
        return Response(status_code=404)
    return FileResponse(path, media_type="image/png", headers={"Cache-Control": "private, max-age=3600"})


def audit(request: Request, user: User, action: str, target: str = "", detail: str = "") -> None:
    accounts.audit(request.app.state.engine, user.username, action, target, detail)
