"""Local accounts, their roles, remembered form values and the audit log,
kept in the archive database (tables of migration 0003).

Roles: ``chuyen_vien`` (verify and draft), ``lanh_dao`` (also sees every
result), ``quan_tri`` (also accounts, schemes and the archive). Passwords
are argon2 hashes (argon2-cffi).
"""
from __future__ import annotations

import datetime as dt
import json
import re
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import Engine, delete, insert, select, update

from ..archive.accounts_tables import audit_log, settings, users
from ..archive.db import write_connection

ROLES = {"chuyen_vien": "Chuyên viên", "lanh_dao": "Lãnh đạo", "quan_tri": "Quản trị"}
_RANK = {"chuyen_vien": 0, "lanh_dao": 1, "quan_tri": 2}
USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,63}$")
MIN_PASSWORD = 8

ACTIONS = {"login": "đăng nhập", "logout": "đăng xuất", "upload": "tải lên", "verify": "kiểm tra",
           "download": "tải về", "delete": "xóa", "draft": "soạn thảo", "import": "nhập kho",
           "export": "xuất dữ liệu", "scheme_upload": "tải bộ chỉ số", "user_add": "thêm tài khoản",
           "user_passwd": "đổi mật khẩu", "user_role": "đổi vai trò", "login_failed": "đăng nhập sai"}

class AccountError(Exception):
    """A mistake with an account (Vietnamese message)."""


@dataclass(frozen=True)
class User:
    id: int
    username: str
    full_name: str
    role: str
    password_hash: str = ""
    active: bool = True

    def can(self, role: str) -> bool:
        """At least ``role``."""
        return _RANK.get(self.role, -1) >= _RANK[role]

    @property
    def role_label(self) -> str:
        return ROLES.get(self.role, self.role)

    @property
    def session_stamp(self) -> str:
        """Changes when the password changes: older sessions then end."""
        return self.password_hash[-16:]


LOCAL_ADMIN = User(id=0, username="may-cuc-bo", full_name="Người dùng trên máy này", role="quan_tri")

_hasher = None


def hasher():
    global _hasher
    if _hasher is None:
        from argon2 import PasswordHasher

        _hasher = PasswordHasher()
    return _hasher


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)


def _row(r) -> User:
    return User(id=r.id, username=r.username, full_name=r.full_name, role=r.role,
                password_hash=r.password_hash, active=bool(r.active))


def add_user(engine: Engine, username: str, password: str, role: str, full_name: str = "") -> User:
    username = (username or "").strip().lower()
    if not USERNAME.match(username):
        raise AccountError("Tên đăng nhập chỉ gồm chữ thường không dấu, số, dấu chấm, gạch ngang, gạch dưới "
                           "(2–64 ký tự).")
    if role not in ROLES:
        raise AccountError(f"Vai trò không hợp lệ: {role} (chọn một trong: {', '.join(ROLES)}).")
    _check_password(password)
    hashed = hasher().hash(password)  # slow on purpose: never inside the write transaction
    with _writing(engine) as conn:
        if conn.execute(select(users.c.id).where(users.c.username == username)).first():
            raise AccountError(f"Đã có tài khoản '{username}'.")
        conn.execute(insert(users).values(username=username, full_name=full_name.strip(), role=role,
                                          password_hash=hashed, active=True, created_at=_now()))
    return get_user(engine, username)


@contextmanager
def _writing(engine: Engine):
    """A write transaction that takes SQLite's write lock at its start: a
    transaction that reads first and writes later fails at once ("database
    is locked") when another connection wrote in between (the job threads'
    audit lines)."""
    with write_connection(engine) as conn, conn.begin():
        yield conn


def _check_password(password: str) -> None:
    if len(password or "") < MIN_PASSWORD:
        raise AccountError(f"Mật khẩu phải có ít nhất {MIN_PASSWORD} ký tự.")


def set_password(engine: Engine, username: str, password: str) -> None:
    _check_password(password)
    hashed = hasher().hash(password)
    with _writing(engine) as conn:
        done = conn.execute(update(users).where(users.c.username == username)
                            .values(password_hash=hashed)).rowcount
    if not done:
        raise AccountError(f"Không có tài khoản '{username}'.")


def set_role(engine: Engine, username: str, role: str, active: bool = True) -> None:
    if role not in ROLES:
        raise AccountError(f"Vai trò không hợp lệ: {role}.")
    with _writing(engine) as conn:
        conn.execute(update(users).where(users.c.username == username).values(role=role, active=active))


def get_user(engine: Engine, username: str) -> User | None:
    with engine.connect() as conn:
        r = conn.execute(select(users).where(users.c.username == username)).first()
    return _row(r) if r else None


def list_users(engine: Engine) -> list[User]:
    with engine.connect() as conn:
        return [_row(r) for r in conn.execute(select(users).order_by(users.c.username))]


def authenticate(engine: Engine, username: str, password: str) -> User | None:
    from argon2.exceptions import InvalidHashError, VerificationError

    user = get_user(engine, (username or "").strip().lower())
    if user is None or not user.active:
        hasher().hash("x" * 12)  # the same time whether the account exists or not
        return None
    try:
        hasher().verify(user.password_hash, password or "")
    except (VerificationError, InvalidHashError):
        return None
    return user


def audit(engine: Engine, username: str, action: str, target: str = "", detail: str = "") -> None:
    with _writing(engine) as conn:
        conn.execute(insert(audit_log).values(at=_now(), username=username, action=action,
                                              target=target[:300], detail=detail))


def audit_entries(engine: Engine, limit: int = 500) -> list[dict]:
    with engine.connect() as conn:
        rows = conn.execute(select(audit_log).order_by(audit_log.c.id.desc()).limit(limit)).all()
    return [{"at": r.at, "username": r.username, "action": r.action,
             "action_label": ACTIONS.get(r.action, r.action), "target": r.target, "detail": r.detail}
            for r in rows]


def remembered(engine: Engine, username: str, name: str) -> dict:
    with engine.connect() as conn:
        value = conn.execute(select(settings.c.value).where(settings.c.username == username,
                                                            settings.c.name == name)).scalar()
    return json.loads(value) if value else {}


def remember(engine: Engine, username: str, name: str, value: dict) -> None:
    with _writing(engine) as conn:
        conn.execute(delete(settings).where(settings.c.username == username, settings.c.name == name))
        conn.execute(insert(settings).values(username=username, name=name,
                                             value=json.dumps(value, ensure_ascii=False)))
