"""``reportgen serve [--host H] [--port P] [--db URL] [--data-dir DIR] [--no-auth]``:
the web application for office staff (verify, draft, archive in a browser)."""
from __future__ import annotations

import sys

from . import UsageError
from .vihelp import add_command


def register(subparsers) -> None:
    p = add_command(
        subparsers, "serve", help="chạy ứng dụng web (kiểm tra, soạn thảo, kho lưu trữ trên trình duyệt)",
        description="Chạy máy chủ web tại http://127.0.0.1:8000 (mặc định). Kho lưu trữ SQLite, tệp tải lên "
                    "và kết quả nằm trong thư mục dữ liệu của người dùng. Tạo tài khoản trước bằng "
                    "'reportgen users add', hoặc dùng --no-auth khi chỉ chạy trên máy này.")
    p.add_argument("--host", default="127.0.0.1", metavar="ĐỊA_CHỈ", help="địa chỉ nghe (mặc định 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, metavar="CỔNG", help="cổng (mặc định 8000)")
    p.add_argument("--db", metavar="URL", help="cơ sở dữ liệu kho lưu trữ (mặc định: REPORTGEN_DB hoặc tệp SQLite "
                                               "trong thư mục dữ liệu người dùng)")
    p.add_argument("--data-dir", metavar="THƯ_MỤC", help="nơi lưu tệp tải lên và kết quả")
    p.add_argument("--no-auth", action="store_true",
                   help="không cần đăng nhập (chỉ được dùng khi --host là 127.0.0.1)")
    p.add_argument("--retention-days", type=int, default=30, metavar="NGÀY",
                   help="xóa tệp tải lên và kết quả sau số ngày này (mặc định 30)")
    p.add_argument("--max-upload-mb", type=int, default=50, metavar="MB",
                   help="dung lượng tối đa mỗi tệp (mặc định 50)")
    p.add_argument("--max-pages", type=int, default=200, metavar="TRANG",
                   help="số trang PDF tối đa mỗi tệp (mặc định 200)")
    p.add_argument("--workers", type=int, default=None, metavar="N",
                   help="số việc chạy song song (mặc định: số lõi CPU)")
    p.set_defaults(handler=run)


def run(args) -> int:
    import uvicorn

    from ..web.app import create_app
    from ..web.config import LOOPBACK, WebConfig

    if args.no_auth and args.host not in LOOPBACK:
        raise UsageError("Chỉ được dùng --no-auth khi máy chủ nghe trên 127.0.0.1 (--host 127.0.0.1).")
    if args.retention_days < 1 or args.max_upload_mb < 1 or args.max_pages < 1:
        raise UsageError("Các giới hạn phải là số dương.")
    kwargs = dict(db_url=args.db, no_auth=args.no_auth, host=args.host,
                  max_upload_bytes=args.max_upload_mb * 1024 * 1024, max_pages=args.max_pages,
                  retention_days=args.retention_days)
    if args.data_dir:
        kwargs["data_dir"] = args.data_dir
    if args.workers:
        kwargs["workers"] = args.workers
    config = WebConfig(**kwargs)
    app = create_app(config)
    print(f"reportgen: mở http://{args.host}:{args.port} trên trình duyệt (Ctrl+C để dừng)", file=sys.stderr)
    try:
        uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    finally:
        app.state.runner.shutdown()  # the job workers end with the server (Ctrl+C or SIGTERM)
    return 0
