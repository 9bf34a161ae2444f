"""``reportgen users add|passwd|list``: accounts of the web server, kept in
the archive database."""
from __future__ import annotations

import getpass
import os
import sys

from . import UsageError
from .vihelp import add_command

ROLE_CHOICES = ("chuyen_vien", "lanh_dao", "quan_tri")


def register(subparsers) -> None:
    p = add_command(subparsers, "users", help="quản lý tài khoản của ứng dụng web",
                    description="Thêm tài khoản, đổi mật khẩu, liệt kê tài khoản. Vai trò: chuyen_vien "
                                "(kiểm tra, soạn thảo), lanh_dao (xem mọi kết quả), quan_tri (tài khoản, "
                                "bộ chỉ số, kho lưu trữ). Mật khẩu đọc từ bàn phím, hoặc từ biến môi trường "
                                "REPORTGEN_PASSWORD khi chạy tự động.")
    p.add_argument("action", choices=("add", "passwd", "list"), metavar="VIỆC", help="add, passwd hoặc list")
    p.add_argument("username", nargs="?", metavar="TÊN", help="tên đăng nhập")
    p.add_argument("--role", choices=ROLE_CHOICES, default="chuyen_vien", help="vai trò (mặc định chuyen_vien)")
    p.add_argument("--name", default="", metavar="HỌ_TÊN", help="họ và tên")
    p.add_argument("--db", metavar="URL", help="cơ sở dữ liệu kho lưu trữ")
    p.set_defaults(handler=run)


def _password() -> str:
    env = os.environ.get("REPORTGEN_PASSWORD")
    if env is not None:
        return env
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\n")
    first = getpass.getpass("Mật khẩu: ")
    if getpass.getpass("Nhập lại mật khẩu: ") != first:
        raise UsageError("Hai lần nhập mật khẩu không khớp.")
    return first


def run(args) -> int:
    from ..archive.db import ArchiveError, open_engine
    from ..web import accounts

    try:
        engine = open_engine(args.db)
    except ArchiveError as exc:
        raise UsageError(str(exc)) from None
    try:
        if args.action == "list":
            for u in accounts.list_users(engine):
                state = "" if u.active else " (đã khóa)"
                print(f"{u.username}\t{u.role}\t{u.full_name}{state}")
            return 0
        if not args.username:
            raise UsageError("Thiếu tên đăng nhập.")
        if args.action == "add":
            user = accounts.add_user(engine, args.username, _password(), args.role, args.name)
            accounts.audit(engine, "dong-lenh", "user_add", user.username, user.role)
            print(f"reportgen: đã thêm tài khoản {user.username} ({user.role_label})", file=sys.stderr)
        else:
            accounts.set_password(engine, args.username, _password())
            accounts.audit(engine, "dong-lenh", "user_passwd", args.username)
            print(f"reportgen: đã đổi mật khẩu của {args.username}", file=sys.stderr)
    except accounts.AccountError as exc:
        raise UsageError(str(exc)) from None
    finally:
        engine.dispose()
    return 0
