"""Logging in and out."""
from __future__ import annotations

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse

from . import accounts
from .app import check_csrf, current_user, page

router = APIRouter()


def _safe_next(target: str | None) -> str:
    """Only a path on this site (never another host)."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/kiem-tra"
    return target


@router.get("/")
def home(request: Request):
    return RedirectResponse("/kiem-tra", status_code=303)


@router.get("/dang-nhap")
def login_form(request: Request, next: str = "/kiem-tra"):
    return page(request, "login.html", {"next": _safe_next(next), "error": None})


@router.post("/dang-nhap", dependencies=[Depends(check_csrf)])
def login(request: Request, username: str = Form(""), password: str = Form(""), next: str = Form("/kiem-tra")):
    engine = request.app.state.engine
    user = accounts.authenticate(engine, username, password)
    if user is None:
        accounts.audit(engine, (username or "?")[:64], "login_failed")
        return page(request, "login.html", {"next": _safe_next(next),
                                            "error": "Sai tên đăng nhập hoặc mật khẩu."}, status_code=401)
    request.session.clear()
    request.session.update({"user": user.username, "stamp": user.session_stamp})
    accounts.audit(engine, user.username, "login")
    return RedirectResponse(_safe_next(next), status_code=303)


@router.post("/dang-xuat", dependencies=[Depends(check_csrf)])
def logout(request: Request):
    name = request.session.get("user")
    if name:
        accounts.audit(request.app.state.engine, name, "logout")
    request.session.clear()
    return RedirectResponse("/dang-nhap", status_code=303)


@router.get("/toi")
def me(request: Request, user=Depends(current_user)):
    return {"username": user.username, "role": user.role}
