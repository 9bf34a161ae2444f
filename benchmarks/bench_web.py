"""Web server benchmark: `reportgen serve` on a free loopback port, driven
over HTTP.

1. Verify through the server vs the CLI on the same files: the time from
   the upload to the verdict on the server (the page shows the findings
   then; the page images follow) against ``reportgen verify FILE --format
   json`` (a new process, as a user runs it) and against the plain library
   call ``verify_path`` in one process. Goal: server ≤ 1,2 × CLI.
2. Ranking and history pages at N score rows (default 1.000.000; the
   database is built as benchmarks/bench_archive.py builds it, or reused
   with --keep), median of R runs, against the archive's own query
   (``Archive.ranking`` / ``Archive.history``) in one process. Goal: < 200 ms.
3. 10 concurrent uploads (threads posting at once), every one to its
   verdict without an error.

    python benchmarks/bench_web.py [--rows 1000000] [--runs 7] [--keep /tmp/bench_web.sqlite3] [--files N]
    python benchmarks/bench_web.py --pages-only --pg postgresql+psycopg2://…/bench_web   # part 2 on PostgreSQL
"""
from __future__ import annotations

import argparse
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import httpx  # noqa: E402

PASSWORD = "bench-mat-khau"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, db: str, data: Path, workers: int = 2):
        from reportgen.archive.db import open_engine
        from reportgen.web import accounts

        engine = open_engine(db)
        if accounts.get_user(engine, "bench") is None:
            accounts.add_user(engine, "bench", PASSWORD, "quan_tri")
        engine.dispose()
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        self.proc = subprocess.Popen([sys.executable, "-m", "reportgen", "serve", "--port", str(self.port),
                                      "--db", db, "--data-dir", str(data), "--workers", str(workers)],
                                     env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.time() + 120
        while time.time() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return
            except OSError:
                time.sleep(0.2)
        raise SystemExit("server did not start")

    def client(self) -> httpx.Client:
        c = httpx.Client(base_url=self.base, timeout=600)
        page = c.get("/dang-nhap").text
        token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
        c.post("/dang-nhap", data={"username": "bench", "password": PASSWORD, "csrf_token": token})
        c.headers["X-CSRF-Token"] = re.search(r'name="csrf_token" value="([^"]+)"', c.get("/kiem-tra").text).group(1)
        c.headers["Accept"] = "application/json"
        return c

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=30)


def verify_on_server(c: httpx.Client, path: Path) -> tuple[float, dict]:
    t0 = time.perf_counter()
    r = c.post("/kiem-tra/tai-len", files=[("files", (path.name, path.read_bytes()))])
    r.raise_for_status()
    item = r.json()["items"][0]["id"]
    while True:
        st = c.get(f"/kiem-tra/{item}/tien-do").json()
        if st["state"] in ("done", "failed"):
            st["item"] = item
            return time.perf_counter() - t0, st
        time.sleep(0.05)


def wait_view(c: httpx.Client, item: str, t0: float) -> float:
    """Seconds from ``t0`` until the page images and boxes are ready."""
    while c.get(f"/kiem-tra/{item}/ket-qua.json").json().get("view") != "ready":
        time.sleep(0.1)
    return time.perf_counter() - t0


def verify_cli(path: Path) -> float:
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "reportgen", "verify", str(path), "--format", "json"],
                   capture_output=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    return time.perf_counter() - t0


def verify_library(path: Path) -> float:
    from reportgen.verify import verify_path

    t0 = time.perf_counter()
    verify_path(path)
    return time.perf_counter() - t0


def part_verify(server: Server, files: list[Path]) -> None:
    print("1. Kiểm tra qua máy chủ so với dòng lệnh (cùng tệp, giây)")
    print(f"   {'tệp':32} {'máy chủ':>8} {'CLI':>8} {'thư viện':>9} {'máy chủ/CLI':>12} {'ảnh trang':>10}")
    c = server.client()
    verify_library(files[0])  # warm the library's imports in this process
    ratios = []
    for path in files:
        t0 = time.perf_counter()
        s, state = verify_on_server(c, path)
        view = wait_view(c, state["item"], t0)  # the next file starts on an idle server
        cli = verify_cli(path)
        lib = verify_library(path)
        ratios.append(s / cli)
        print(f"   {path.name[:32]:32} {s:8.2f} {cli:8.2f} {lib:9.2f} {s / cli:12.2f} {view:10.2f}"
              f"  ({state['state']})")
    print(f"   trung vị máy chủ/CLI: {statistics.median(ratios):.2f} (mục tiêu ≤ 1,2); 'máy chủ' = từ lúc tải lên "
          "đến khi trang hiện kết luận và các phát hiện; 'ảnh trang' = đến khi có ảnh trang với các ô được khoanh")
    again = []
    for path in files:  # the same bytes again: the rendering kept by content is used, no LibreOffice
        if path.suffix.lower() != ".pdf":
            t0 = time.perf_counter()
            _, state = verify_on_server(c, path)
            again.append(f"{path.name} {wait_view(c, state['item'], t0):.2f}")
    if again:
        print(f"   tải lại cùng tệp (bản PDF để xem đã có), 'ảnh trang' giây: {', '.join(again)}")


def part_pages(server: Server, db: str, runs: int) -> None:
    from reportgen.archive import open_archive

    archive = open_archive(db)
    with archive.engine.connect() as conn:
        from sqlalchemy import text

        period = conn.execute(text("SELECT max(period) FROM score_rows")).scalar()
        rows = conn.execute(text("SELECT count(*) FROM score_rows")).scalar()
        unit, province = conn.execute(text(
            "SELECT u.name, u.province FROM units u JOIN score_rows r ON r.unit_id = u.id LIMIT 1")).one()
    print(f"2. Trang xếp hạng và lịch sử với {rows:,} dòng điểm (trung vị {runs} lần, ms)".replace(",", "."))
    c = server.client()
    c.headers["Accept"] = "text/html"
    cases = [
        ("xếp hạng một kỳ (cả nước)", f"/kho?ky={period}", lambda: archive.ranking(period)),
        ("xếp hạng một kỳ, một tỉnh", f"/kho?ky={period}&tinh={province}",
         lambda: archive.ranking(period, province=province)),
        ("lịch sử một đơn vị", f"/kho/don-vi?ten={unit}&tinh={province}",
         lambda: archive.history(unit, province=province)),
    ]
    from sqlalchemy.orm import Session

    from reportgen.archive.ranking import ranking as computed

    def before() -> None:  # the ranking computed from the score rows on every view (before 0004)
        with Session(archive.engine) as session:
            computed(session, period)

    print(f"   trước (xếp hạng tính lại từ dòng điểm, cả nước): {median_ms(before, runs):7.1f} ms")
    for label, url, library in cases:
        t0 = time.perf_counter()
        assert c.get(url).status_code == 200
        first_ms = (time.perf_counter() - t0) * 1000  # the server's ranking cache is empty for this query
        page_ms = median_ms(lambda: c.get(url), runs)
        lib_ms = median_ms(library, runs)
        print(f"   {label:30} lần đầu {first_ms:7.1f}  trang {page_ms:7.1f}  thư viện {lib_ms:7.1f}"
              f"  trang/thư viện {page_ms / lib_ms:5.2f}  (mục tiêu < 200 ms)")
    archive.engine.dispose()


def median_ms(func, runs: int) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        func()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def part_concurrent(server: Server, files: list[Path], n: int = 10) -> None:
    print(f"3. {n} lượt tải lên cùng lúc")
    errors, times = [], []

    def one(k: int) -> None:
        try:
            c = server.client()
            s, state = verify_on_server(c, files[k % len(files)])
            times.append(s)
            if state["state"] != "done":
                errors.append(f"{k}: {state}")
        except Exception as exc:  # counted and shown
            errors.append(f"{k}: {type(exc).__name__}: {exc}")

    t0 = time.perf_counter()
    threads = [threading.Thread(target=one, args=(k,)) for k in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - t0
    print(f"   {n} tệp xong trong {wall:.1f} s (chậm nhất {max(times or [0]):.1f} s), lỗi: {len(errors)}")
    for e in errors:
        print(f"   {e}")


def build_files(folder: Path) -> list[Path]:
    from fixtures.build import build_seed
    from fixtures.build_pdf import libreoffice_pdfs

    docx = [build_seed(s, folder / s)["docx"] for s in ("000", "002", "004")]
    pdfs = libreoffice_pdfs(docx, folder / "pdf")
    return docx + pdfs


def build_db(path: Path | str, rows: int) -> str:
    url = str(path) if "://" in str(path) else f"sqlite:///{path}"
    if "://" not in str(path) and Path(path).exists():
        return url
    if "://" in str(path):
        from reportgen.archive import open_archive

        with open_archive(url) as archive, archive.engine.connect() as conn:
            from sqlalchemy import text

            if conn.execute(text("SELECT count(*) FROM score_rows")).scalar():
                return url
    import bench_archive

    print(f"   dựng cơ sở dữ liệu {rows} dòng điểm tại {path} …", flush=True)
    seconds, _ = bench_archive.generate(url, rows, 0)  # the pages need no indicator values
    print(f"   xong trong {seconds:.0f} s", flush=True)
    return url


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--keep", metavar="SQLITE", help="reuse (or build once) this archive file")
    ap.add_argument("--pg", metavar="URL", help="part 2 on this PostgreSQL database (built once when empty)")
    ap.add_argument("--skip-pages", action="store_true", help="only parts 1 and 3")
    ap.add_argument("--pages-only", action="store_true", help="only part 2")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-web-") as tmp:
        tmp = Path(tmp)
        files = [] if args.pages_only else build_files(tmp / "files")
        db = build_db(args.pg or (Path(args.keep) if args.keep else tmp / "archive.sqlite3"), args.rows) \
            if not args.skip_pages else f"sqlite:///{tmp / 'empty.sqlite3'}"
        server = Server(db, tmp / "data")
        try:
            if files:
                part_verify(server, files)
            if not args.skip_pages:
                part_pages(server, db, args.runs)
            if files:
                part_concurrent(server, files)
        finally:
            server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
