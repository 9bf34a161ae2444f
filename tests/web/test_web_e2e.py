"""End to end in a real browser: Debian's chromium driven by Playwright
against `reportgen serve` started on a free loopback port. Each step saves a
screenshot under artifacts/web-e2e/ (gitignored)."""
from __future__ import annotations

import base64
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from fixtures import REAL_DIR

from support import ROOT
from web_support import ACCOUNTS, PASSWORD, seed_files

CHROMIUM = "/usr/bin/chromium"
SHOTS = ROOT / "artifacts" / "web-e2e"
PORTAL = Path(str(REAL_DIR / "portal-766-2025-10.xlsx"))

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs Debian's chromium (scripts/setup.sh)")]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    from reportgen.archive.db import open_engine
    from reportgen.web import accounts

    tmp = tmp_path_factory.mktemp("e2e")
    db = f"sqlite:///{tmp / 'archive.sqlite3'}"
    engine = open_engine(db)
    for name, role in ACCOUNTS.items():
        accounts.add_user(engine, name, PASSWORD, role, full_name=name.title())
    engine.dispose()
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    log = open(tmp / "serve.log", "w")
    proc = subprocess.Popen([sys.executable, "-m", "reportgen", "serve", "--port", str(port), "--db", db,
                             "--data-dir", str(tmp / "data"), "--workers", "2"], stdout=log, stderr=log, env=env)
    base = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            time.sleep(0.3)
    else:
        proc.kill()
        raise AssertionError((tmp / "serve.log").read_text())
    yield base
    proc.terminate()
    proc.wait(timeout=20)
    log.close()
    # the server's job workers end with it: no process is left serving that port
    left = [p for p in Path("/proc").glob("[0-9]*") if _cmdline(p).count(f"--port\0{port}\0")]
    for _ in range(50):
        if not (left := [p for p in left if p.exists()]):
            break
        time.sleep(0.2)
    assert left == [], [_cmdline(p) for p in left]


def _cmdline(proc: Path) -> str:
    try:
        return (proc / "cmdline").read_text(errors="replace")
    except OSError:
        return ""


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    shutil.rmtree(SHOTS, ignore_errors=True)
    SHOTS.mkdir(parents=True)
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        yield b
        b.close()


@pytest.fixture(scope="module")
def seeds(tmp_path_factory):
    return seed_files(tmp_path_factory.mktemp("e2e-seeds"))


def _page(browser, server, user: str):
    context = browser.new_context(base_url=server, accept_downloads=True, viewport={"width": 1400, "height": 900},
                                  locale="vi-VN")
    page = context.new_page()
    page.set_default_timeout(120_000)
    page.goto("/kiem-tra")
    assert "/dang-nhap" in page.url
    page.fill("input[name=username]", user)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/kiem-tra")
    return page


def shot(page, name: str) -> None:
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_log_in(browser, server):
    page = _page(browser, server, "chuyenvien")
    assert page.inner_text("h1") == "Kiểm tra báo cáo"
    assert "Chuyên viên" in page.inner_text("header")
    shot(page, "01-dang-nhap")
    page.context.close()


# Both rectangles once the window has not scrolled for five frames in a row.
_SETTLED_RECTS = """([a, b]) => new Promise(resolve => {
  let last = null, still = 0;
  function tick() {
    const y = window.scrollY;
    still = (y === last) ? still + 1 : 0;
    last = y;
    if (still < 5) { requestAnimationFrame(tick); return; }
    const r = id => { const q = document.getElementById(id).getBoundingClientRect();
                      return {x: q.x, y: q.y, width: q.width, height: q.height}; };
    resolve([r(a), r(b)]);
  }
  requestAnimationFrame(tick);
})"""


def _upload_and_open(page, path: Path) -> None:
    page.set_input_files("#files", str(path))
    page.click("#upload button[type=submit]")
    row = page.locator("tr.item", has_text=path.name).first
    row.locator("a", has_text="Xem kết quả").wait_for()
    row.locator("a", has_text="Xem kết quả").click()
    page.wait_for_selector(".result[data-view=ready]")


def test_a_seed_pdf_shows_the_slip_outlined_on_its_page(browser, server, seeds):
    page = _page(browser, server, "chuyenvien")
    _upload_and_open(page, seeds["002.pdf"])
    assert page.inner_text("#verdict") == "KHÔNG ĐẠT"
    finding = page.locator(".finding", has_text="TOTAL_MISMATCH").first
    box_id = finding.get_attribute("data-box")
    page_three = page.locator("#page-3")
    assert page_three.locator(f"#{box_id}").count() == 1  # the slipped total is on page 3
    finding.click()
    page.wait_for_function("id => document.getElementById(id).classList.contains('active')", arg=box_id)
    page.locator("#page-3 img").evaluate("img => img.decode()")  # scrolled to it: the lazy image is loaded
    # The click scrolls smoothly: two rectangles read one after the other
    # while it moves are from two different scroll positions (the box then
    # seemed to lie below its page). Wait until the scrolling has stopped,
    # then read both rectangles in one frame.
    b, p = page.evaluate(_SETTLED_RECTS, [box_id, "page-3"])
    assert b["width"] > 10 and b["height"] > 5
    assert p["x"] <= b["x"] and b["x"] + b["width"] <= p["x"] + p["width"]
    assert p["y"] <= b["y"] and b["y"] + b["height"] <= p["y"] + p["height"]
    # The box covers the printed "58,69/85": its cell is at x 651,2–695,0 and
    # y 281,05–304,65 pt of the landscape page's 841,89 × 595,30 pt.
    assert abs((b["x"] - p["x"]) / p["width"] - 651.2 / 841.89) < 0.01
    assert abs((b["y"] - p["y"]) / p["height"] - 281.05 / 595.30) < 0.01
    shot(page, "02-pdf-o-bi-danh-dau")
    # And the other way round: a box leads back to its finding.
    other = page.locator(".box.sev-error").last
    other.click()
    target = other.get_attribute("data-finding")
    page.wait_for_function("id => document.getElementById(id).classList.contains('active')", arg=target)
    page.context.close()


def test_the_annotated_docx_download_holds_the_comment(browser, server, seeds, tmp_path):
    from docx import Document

    page = _page(browser, server, "chuyenvien")
    _upload_and_open(page, seeds["002"])
    with page.expect_download() as info:
        page.click("text=Tải DOCX có chú thích")
    out = tmp_path / "chu-thich.docx"
    info.value.save_as(out)
    assert info.value.suggested_filename == "002-chu-thich.docx"
    comments = [c.text for c in Document(str(out)).comments]
    assert any(c.startswith("Lỗi (TOTAL_MISMATCH): Tổng điểm ghi 58,69") for c in comments)
    shot(page, "03-docx-co-chu-thich")
    page.context.close()


def test_three_files_dropped_at_once_all_finish(browser, server, seeds):
    page = _page(browser, server, "chuyenvien2")
    files = [{"name": f"tha-{s}.docx", "data": base64.b64encode(seeds[s].read_bytes()).decode()}
             for s in ("000", "002", "004")]
    page.evaluate("""files => {
        const dt = new DataTransfer();
        for (const f of files) {
            const bytes = Uint8Array.from(atob(f.data), c => c.charCodeAt(0));
            dt.items.add(new File([bytes], f.name));
        }
        const zone = document.getElementById('upload');
        zone.dispatchEvent(new DragEvent('dragover', {dataTransfer: dt, bubbles: true, cancelable: true}));
        zone.dispatchEvent(new DragEvent('drop', {dataTransfer: dt, bubbles: true, cancelable: true}));
    }""", files)
    page.wait_for_function("() => document.querySelectorAll('tr.item').length === 3")
    shot(page, "04a-ba-tep-dang-kiem-tra")
    page.wait_for_function(
        "() => [...document.querySelectorAll('tr.item')].every(r => ['done', 'failed'].includes(r.dataset.state))",
        timeout=300_000)
    states = page.locator("tr.item").evaluate_all("rows => rows.map(r => r.dataset.state)")
    assert states == ["done", "done", "done"]
    assert page.locator("tr.item .verdict").count() == 3
    shot(page, "04b-ba-tep-xong")
    page.context.close()


def test_the_draft_wizard_from_the_portal_export(browser, server, tmp_path):
    import docx

    page = _page(browser, server, "chuyenvien")
    page.goto("/soan-thao")
    page.set_input_files("#draft-upload input[type=file]", str(PORTAL))
    page.click("#draft-upload button")
    page.wait_for_selector("#draft-form")
    page.check("input[name=loai][value=TB]")
    page.fill("input[name=parent]", "UBND tỉnh An Giang")
    page.fill("input[name=place]", "An Giang")
    page.fill("input[name=signer]", "Trần Thị B")
    shot(page, "05a-soan-thao-thong-tin")
    page.click("#draft-form button")
    page.wait_for_selector("#draft-state[data-state=done]", timeout=300_000)
    page.locator(".preview img").first.scroll_into_view_if_needed()
    page.locator(".preview img").first.evaluate("img => img.decode()")
    shot(page, "05b-soan-thao-xem-truoc")
    with page.expect_download() as info:
        page.click("#dl-docx")
    out = tmp_path / "du-thao.docx"
    info.value.save_as(out)
    document = docx.Document(str(out))
    assert document.paragraphs[0].text == "THÔNG BÁO" or any(p.text == "THÔNG BÁO" for p in document.paragraphs)
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    assert any("Trần Thị B" in c for c in cells) or any("Trần Thị B" in p.text for p in document.paragraphs)
    page.context.close()


def test_a_draft_job_shows_its_progress_until_its_notices_are_ready(browser, server, seeds):
    """Per-unit notices run as jobs (draft-render, then pdf-convert of every
    notice); the page follows the jobs' progress events (the PDFs counted
    k/27) and shows the result when they end."""
    import re

    page = _page(browser, server, "chuyenvien")
    page.goto("/soan-thao")
    page.set_input_files("#draft-upload input[type=file]", str(seeds["000"]))
    page.click("#draft-upload button")
    page.wait_for_selector("#draft-form")
    page.check("input[name=loai][value=TB-DV]")
    page.fill("input[name=issuer]", "Văn phòng UBND tỉnh")
    page.fill("input[name=place]", "Điện Biên")
    page.click("#draft-form button")
    seen: list[str] = []
    deadline = time.time() + 300
    while time.time() < deadline:
        try:
            state = page.locator("#draft-state")
            if state.get_attribute("data-state", timeout=2000) == "done":
                break
            text = state.inner_text(timeout=2000)
        except Exception:  # the page reloads itself when the jobs end
            continue
        if not seen or seen[-1] != text:
            seen.append(text)
            if len(seen) == 2:
                shot(page, "05c-soan-thao-tien-do")
        time.sleep(0.2)
    assert page.get_attribute("#draft-state", "data-state") == "done", seen
    counted = {int(m.group(1)) for t in seen if (m := re.search(r"Đang ghi (\d+)/27", t))}
    assert len(counted) >= 2 and max(counted) <= 27, seen
    assert "Đã soạn 27 văn bản (27 đơn vị)" in page.inner_text("#draft-state")
    assert page.locator("#dl-zip").count() == 1
    shot(page, "05d-soan-thao-xong")
    page.context.close()


def test_import_the_seeds_then_the_ranking_and_a_history_chart(browser, server, seeds):
    page = _page(browser, server, "quantri")
    page.goto("/kho")
    page.set_input_files("#import input[type=file]", [str(seeds["000"]), str(seeds["002"])])
    page.click("#import button")
    page.wait_for_function("() => document.querySelectorAll('#imports li[data-state=done]').length === 2",
                           timeout=300_000)
    shot(page, "06a-nhap-kho")
    page.goto("/kho?ky=2024")
    rows = page.locator("table.ranking tbody tr")
    assert rows.count() == 27
    assert rows.first.locator("td").nth(1).inner_text() == "Sở Công Thương"
    shot(page, "06b-xep-hang")
    page.click("text=Sở Tư pháp")
    page.wait_for_selector("canvas.history-chart[data-ready='1']")
    assert page.evaluate("() => document.querySelector('canvas.history-chart').chart.data.datasets[1].data") == [88.59]
    shot(page, "06c-lich-su")
    page.context.close()


def test_a_chuyen_vien_cannot_open_the_accounts_page(browser, server):
    page = _page(browser, server, "chuyenvien")
    response = page.goto("/quan-tri/tai-khoan")
    assert response.status == 403
    assert "không có quyền" in page.inner_text("main")
    assert page.locator("header nav a", has_text="Tài khoản").count() == 0
    shot(page, "07-chuyen-vien-khong-vao-tai-khoan")
    page.context.close()


def test_a_form_posted_without_its_csrf_token_is_refused(browser, server):
    page = _page(browser, server, "quantri")
    page.goto("/quan-tri/tai-khoan")
    page.fill("form.stack input[name=username]", "khongtoken")
    page.fill("form.stack input[name=password]", "mat-khau-123")
    page.evaluate("() => document.querySelector('form.stack input[name=csrf_token]').remove()")
    page.click("form.stack button")
    page.wait_for_selector("text=mã chống giả mạo")
    shot(page, "08-thieu-csrf")
    page.goto("/quan-tri/tai-khoan")
    assert "khongtoken" not in page.inner_text("main")
    page.context.close()
