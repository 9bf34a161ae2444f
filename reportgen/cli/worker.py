"""``reportgen worker [--broker URL] [--concurrency N]``: run batch jobs that
other machines enqueue (Celery over Redis). Every worker uses the same
broker (REPORTGEN_BROKER) and the same archive (REPORTGEN_DB, the shared
PostgreSQL). Stop with Ctrl+C (a job in the middle goes back to the queue)."""
from __future__ import annotations

import os
import socket

from . import UsageError
from .vihelp import add_command


def register(subparsers) -> None:
    p = add_command(
        subparsers, "worker", help="chạy một máy xử lý hàng loạt (Celery, Redis) nhận việc từ hàng đợi",
        description="Nhận và chạy các việc kiểm tra, nhập kho, soạn văn bản, xuất PDF mà lệnh khác hoặc máy chủ "
                    "web đưa vào hàng đợi Redis. Mọi máy dùng chung hàng đợi (REPORTGEN_BROKER) và kho "
                    "PostgreSQL (REPORTGEN_DB).")
    p.add_argument("--broker", metavar="URL", help="địa chỉ Redis, vd. redis://may-chu:6379/0 "
                                                   "(mặc định: biến môi trường REPORTGEN_BROKER)")
    p.add_argument("--concurrency", type=int, metavar="N",
                   help="số việc chạy cùng lúc trên máy này (mặc định: số nhân CPU)")
    p.add_argument("--name", metavar="TÊN", help="tên máy xử lý (mặc định: tên máy và mã tiến trình)")
    p.add_argument("--loglevel", default="WARNING", choices=("DEBUG", "INFO", "WARNING", "ERROR"),
                   help="mức ghi nhật ký (mặc định WARNING)")
    p.set_defaults(handler=run)


def run(args) -> int:
    from ..jobs import broker_url, default_workers

    url = broker_url(args.broker)
    if not url:
        raise UsageError("Chưa có địa chỉ hàng đợi: dùng --broker redis://… hoặc đặt biến REPORTGEN_BROKER.")
    if not url.startswith(("redis://", "rediss://", "unix://")):
        raise UsageError(f"Hàng đợi phải là Redis (redis://…): {url}")
    from ..jobs.celery_app import make_app

    app = make_app(url)
    concurrency = args.concurrency or default_workers()
    name = args.name or f"reportgen-{os.getpid()}@{socket.gethostname()}"
    app.worker_main(["worker", f"--loglevel={args.loglevel}", f"--concurrency={concurrency}", "--pool=prefork",
                     "-n", name, "--without-gossip", "--without-mingle", "-O", "fair"])
    return 0
