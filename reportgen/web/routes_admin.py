"""Quản trị: accounts and the audit log (administrators only)."""
from __future__ import annotations

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse

from . import accounts
from .accounts import ROLES, AccountError, User
from .app import audit, check_csrf, page, require

router = APIRouter()
admin = require("quan_tri")


@router.get("/quan-tri/tai-khoan")
def accounts_page(request: Request, user: User = Depends(admin), msg: str = "", err: str = ""):
    return page(request, "accounts.html", {"users": accounts.list_users(request.app.state.engine),
                                           "roles": ROLES, "msg": msg, "err": err})


@router.post("/quan-tri/tai-khoan", dependencies=[Depends(check_csrf)])
def add_account(request: Request, username: str = Form(""), full_name: str = Form(""), role: str = Form(""),
                password: str = Form(""), user: User = Depends(admin)):
    try:
        made = accounts.add_user(request.app.state.engine, username, password, role, full_name)
    except AccountError as exc:
        return page(request, "accounts.html", {"users": accounts.list_users(request.app.state.engine),
                                               "roles": ROLES, "msg": "", "err": str(exc)}, status_code=400)
    audit(request, user, "user_add", made.username, made.role)
    return RedirectResponse("/quan-tri/tai-khoan?msg=da-them", status_code=303)


@router.post("/quan-tri/tai-khoan/{username}", dependencies=[Depends(check_csrf)])
def change_account(request: Request, username: str, role: str = Form(""), active: str = Form(""),
                   password: str = Form(""), user: User = Depends(admin)):
    engine = request.app.state.engine
    target = accounts.get_user(engine, username)
    try:
        if target is None:
            raise AccountError(f"Không có tài khoản '{username}'.")
        if role:
            accounts.set_role(engine, username, role, active=active != "0")
            audit(request, user, "user_role", username, f"{role}, {'hoạt động' if active != '0' else 'khóa'}")
        if password:
            accounts.set_password(engine, username, password)
            audit(request, user, "user_passwd", username)
    except AccountError as exc:
        return page(request, "accounts.html", {"users": accounts.list_users(engine), "roles": ROLES,
                                               "msg": "", "err": str(exc)}, status_code=400)
    return RedirectResponse("/quan-tri/tai-khoan?msg=da-luu", status_code=303)


@router.get("/quan-tri/nhat-ky")
def audit_page(request: Request, user: User = Depends(admin)):
    return page(request, "audit.html", {"entries": accounts.audit_entries(request.app.state.engine)})
