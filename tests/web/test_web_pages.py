"""The web server's archive, draft and scheme pages through FastAPI's
TestClient: imports of the seed DOCX by upload, the ranking, a unit's
history with its chart data and the peers' median, two periods compared,
the XLSX export; the draft wizard from the portal's real 766 export; a
province's scheme file validated on upload."""
from __future__ import annotations

import io
import json
import os
import re
import time
import zipfile
from html import unescape
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from fixtures import REAL_DIR

from web_support import login, make_app, seed_files, wait_done

pytestmark = pytest.mark.slow
PORTAL = Path(str(REAL_DIR / "portal-766-2025-10.xlsx"))


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    return make_app(tmp_path_factory.mktemp("web-pages"))


@pytest.fixture(scope="module")
def seeds(tmp_path_factory):
    return seed_files(tmp_path_factory.mktemp("web-page-seeds"))


@pytest.fixture(scope="module")
def imported(app, seeds):
    with TestClient(app) as c:
        login(c, "quantri")
        r = c.post("/kho/nhap", files=[("files", (f"{s}.docx", seeds[s].read_bytes())) for s in ("000", "002")],
                   headers={"Accept": "application/json"})
        assert r.status_code == 200, r.text
        states = {}
        for item in r.json()["items"]:
            for _ in range(600):
                st = c.get(f"/kho/nhap/{item['id']}", headers={"Accept": "application/json"}).json()
                if st["state"] not in ("running", "queued"):
                    break
                time.sleep(0.2)
            states[item["name"]] = st
        return states


def test_imports_store_the_seeds_rows(imported):
    assert imported["000.docx"]["state"] == "done" and imported["000.docx"]["summary"]["rows"] == 27
    assert imported["002.docx"]["summary"]["rows"] == 26


def test_a_second_import_of_the_same_file_is_not_stored_twice(app, seeds, imported):
    with TestClient(app) as c:
        login(c, "quantri")
        r = c.post("/kho/nhap", files=[("files", ("lai.docx", seeds["000"].read_bytes()))],
                   headers={"Accept": "application/json"})
        item = r.json()["items"][0]["id"]
        for _ in range(600):
            st = c.get(f"/kho/nhap/{item}", headers={"Accept": "application/json"}).json()
            if st["state"] != "running":
                break
            time.sleep(0.2)
        assert st["summary"]["status"] == "duplicate"
        job = app.state.runner._shared.status(item)  # an import job in a worker process
        assert (job.kind, job.result.verdict) == ("import", "ĐÃ CÓ")


def test_ranking_of_a_period_sorted_by_any_column(app, imported):
    with TestClient(app) as c:
        login(c, "chuyenvien")
        page = c.get("/kho?ky=2024")
        assert page.status_code == 200
        units = re.findall(r'<td><a href="/kho/don-vi\?ten=[^"]*">([^<]+)</a></td>', page.text)
        assert len(units) == 27 and units[:3] == ["Sở Công Thương", "Thanh tra tỉnh", "Sở Tư pháp"]
        assert '<td class="num">94,57</td>' in page.text
        by_name = re.findall(r'<td><a href="/kho/don-vi\?ten=[^"]*">([^<]+)</a></td>',
                             c.get("/kho?ky=2024&sap=unit&nguoc=0&cap=sở").text)
        assert by_name == sorted(by_name, key=str.casefold) and len(by_name) == 17
        assert "Kỳ" in page.text and "2023-07" in page.text  # both periods offered


def test_history_has_the_chart_data_and_the_peer_median(app, imported):
    with TestClient(app) as c:
        login(c, "chuyenvien")
        page = c.get("/kho/don-vi", params={"ten": "Sở Tư pháp"})
        assert page.status_code == 200
        chart = json.loads(unescape(re.search(r'data-chart="([^"]+)"', page.text).group(1)))
        assert chart["data"]["labels"] == ["2024"]
        unit, median = chart["data"]["datasets"]
        assert unit["data"] == [91.43] and median["data"] == [88.59]
        assert "/static/chart.umd.min.js" in page.text
        missing = c.get("/kho/don-vi", params={"ten": "Không có đơn vị này"})
        assert "chưa có đơn vị nào tên" in missing.text


def test_compare_and_export(app, imported, tmp_path):
    from openpyxl import load_workbook

    with TestClient(app) as c:
        login(c, "chuyenvien")
        assert c.get("/kho/so-sanh?a=2023-07&b=2024").status_code == 200
        r = c.get("/kho/xuat.xlsx?ky=2024")
        assert r.status_code == 200
        out = tmp_path / "k.xlsx"
        out.write_bytes(r.content)
        rows = list(load_workbook(out).active.iter_rows(values_only=True))
        assert rows[0][:2] == ("Tỉnh", "Đơn vị") and len(rows) == 28


def test_only_an_administrator_imports(app, seeds):
    with TestClient(app) as c:
        login(c, "chuyenvien")
        r = c.post("/kho/nhap", files=[("files", ("000.docx", seeds["000"].read_bytes()))])
        assert r.status_code == 403


def test_import_refuses_a_bad_upload(app):
    with TestClient(app) as c:
        login(c, "quantri")
        r = c.post("/kho/nhap", files=[("files", ("rong.docx", b""))], headers={"Accept": "application/json"})
        assert r.json()["refused"][0]["message"] == "Tệp rỗng."


def _wait_draft(c, location: str) -> str:
    for _ in range(600):
        page = c.get(location).text
        state = re.search(r'data-state="(\w+)"', page)
        if state and state.group(1) != "running":
            return page
        time.sleep(0.5)
    raise AssertionError("draft did not finish")


def test_draft_wizard_from_the_portal_export_remembers_the_particulars(app, tmp_path):
    import docx

    with TestClient(app) as c:
        login(c, "chuyenvien")
        assert 'id="draft-upload"' in c.get("/soan-thao").text
        r = c.post("/soan-thao", files={"file": ("portal-766.xlsx", PORTAL.read_bytes())}, follow_redirects=False)
        location = r.headers["location"]
        assert 'id="draft-form"' in c.get(location).text
        r = c.post(location, data={"loai": "TB", "parent": "UBND tỉnh An Giang", "issuer": "Văn phòng UBND tỉnh",
                                   "place": "An Giang", "signer": "Nguyễn Văn A",
                                   "recipients": "UBND tỉnh;\nLưu: VT"}, follow_redirects=False)
        assert r.status_code == 303
        page = _wait_draft(c, location)
        assert 'data-state="done"' in page, page
        assert re.search(r'/soan-thao/\w+/trang/1\.png', page)
        got = c.get(f"{location}/tai-ve/docx")
        assert got.status_code == 200
        out = tmp_path / "d.docx"
        out.write_bytes(got.content)
        document = docx.Document(str(out))
        text = "\n".join(p.text for p in document.paragraphs)
        cells = "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
        assert text.startswith("THÔNG BÁO") and "Nguyễn Văn A" in text + cells
        assert c.get(f"{location}/tai-ve/pdf").content.startswith(b"%PDF")
        assert c.get(f"{location}/trang/1.png").content[:4] == b"\x89PNG"
        # The next draft starts from the same particulars.
        r = c.post("/soan-thao", files={"file": ("portal-766.xlsx", PORTAL.read_bytes())}, follow_redirects=False)
        assert 'value="Nguyễn Văn A"' in c.get(r.headers["location"]).text
    with TestClient(app) as other:
        login(other, "chuyenvien2")
        assert other.get(location).status_code == 403


def test_per_unit_notices_come_as_one_zip(app, seeds):
    with TestClient(app) as c:
        login(c, "chuyenvien")
        r = c.post("/soan-thao", files={"file": ("000.docx", seeds["000"].read_bytes())}, follow_redirects=False)
        location = r.headers["location"]
        c.post(location, data={"loai": "TB-DV", "issuer": "Văn phòng UBND tỉnh", "place": "Điện Biên"})
        page = _wait_draft(c, location)
        assert 'data-state="done"' in page, page
        got = c.get(f"{location}/tai-ve/zip")
        names = zipfile.ZipFile(io.BytesIO(got.content)).namelist()
        assert len([n for n in names if n.endswith(".docx")]) == 27
        assert len([n for n in names if n.endswith(".pdf")]) == 27
        # Jobs of reportgen.jobs in worker processes: the DOCX, then the PDFs (counted k/27).
        item_id = location.rsplit("/", 1)[1]
        shared = app.state.runner._shared
        render, convert = shared.status(item_id), shared.status(f"{item_id}-pdf")
        assert (render.kind, render.result.counts) == ("draft-render", {"documents": 27})
        assert (convert.kind, convert.result.counts) == ("pdf-convert", {"pdfs": 27})
        assert render.result.worker.split(":")[1] != str(os.getpid())
        state = c.get(f"{location}/tien-do", headers={"Accept": "application/json"}).json()
        assert (state["state"], state["error"]) == ("done", None)


def test_draft_of_a_file_without_figures_says_why(app):
    with TestClient(app) as c:
        login(c, "chuyenvien")
        r = c.post("/soan-thao", files={"file": ("ghi-chu.txt", "Chỉ là một dòng chữ.".encode())},
                   follow_redirects=False)
        location = r.headers["location"]
        c.post(location, data={"loai": "BC"})
        page = _wait_draft(c, location)
        assert 'data-state="failed"' in page and "Không soạn được" in page


def test_schemes_are_listed_and_shown(app):
    with TestClient(app) as c:
        login(c, "chuyenvien")
        page = c.get("/bo-chi-so").text
        for name in ("dienbien-2024", "qd766-2022", "tt01-2018"):
            assert f'href="/bo-chi-so/{name}"' in page
        shown = c.get("/bo-chi-so/dienbien-2024")
        assert shown.status_code == 200 and "Tổng điểm tối đa: 100" in shown.text
        assert c.get("/bo-chi-so/khong-co").status_code == 403


GOOD_SCHEME = """name = "tinh-x-2025"
title = "Bộ chỉ số của tỉnh X"
basis = "Quyết định 1/QĐ-UBND"
total_max = 10

[[indicators]]
key = "ck1"
label = "Công khai"
max = 6

[[indicators]]
key = "hl"
label = "Hài lòng"
max = 4

[[grades]]
name = "Tốt"
min = 80

[[grades]]
name = "Chưa đạt"
min = 0
"""


def test_an_administrator_uploads_a_province_scheme_validated(app):
    with TestClient(app) as c:
        login(c, "quantri")
        bad = c.post("/bo-chi-so", files={"file": ("x.toml", GOOD_SCHEME.replace("max = 4", "max = 5").encode())})
        assert bad.status_code == 400 and "không hợp lệ" in bad.text
        broken = c.post("/bo-chi-so", files={"file": ("x.toml", b"name = ")})
        assert broken.status_code == 400 and "TOML" in broken.text
        clash = c.post("/bo-chi-so", files={"file": ("x.toml", GOOD_SCHEME.replace("tinh-x-2025", "qd766-2022")
                                                     .encode())})
        assert clash.status_code == 400 and "trùng" in clash.text
        good = c.post("/bo-chi-so", files={"file": ("x.toml", GOOD_SCHEME.encode())})
        assert good.status_code == 200 and "Đã lưu bộ chỉ số tinh-x-2025" in good.text
        assert "Hài lòng" in c.get("/bo-chi-so/tinh-x-2025").text
    with TestClient(app) as c:
        login(c, "chuyenvien")
        assert c.post("/bo-chi-so", files={"file": ("x.toml", GOOD_SCHEME.encode())}).status_code == 403


def test_every_page_needs_a_login(app):
    with TestClient(app) as anon:
        for path in ("/kho", "/kho/don-vi?ten=a", "/kho/so-sanh", "/kho/xuat.xlsx", "/soan-thao", "/bo-chi-so",
                     "/bo-chi-so/qd766-2022"):
            assert anon.get(path, headers={"Accept": "application/json"}).status_code == 401, path


@pytest.mark.parametrize("text", ["93.45", "100", "13597", "1234567.891", "-5.50", "0.000", "88.90", "0.5",
                                  "1000", "-1234.5", "999", "1000000"])
def test_page_numbers_are_written_as_format_vi_writes_them(text):
    from decimal import Decimal

    from reportgen.numbers import format_vi
    from reportgen.web.formatting import vi_number

    assert vi_number(Decimal(text)) == format_vi(Decimal(text))
    assert vi_number(text) == format_vi(Decimal(text))


PROVINCE_Y = GOOD_SCHEME.replace("tinh-x-2025", "tinh-y-2025").replace("tỉnh X", "tỉnh Y")


def _province_y_report() -> bytes:
    """Five communes scored on tỉnh Y's two indicators (6 + 4 points); UBND xã
    Tân Lộc has 7,5/10 = 75% yet is written Tốt, which tỉnh Y gives from 80%.
    Nothing in the document states the bands: only the scheme knows them."""
    from docx import Document

    doc = Document()
    doc.add_paragraph("BÁO CÁO Kết quả đánh giá tháng 10 năm 2025")
    table = doc.add_table(rows=1, cols=6)
    header = ["STT", "Tên đơn vị", "Công khai (6 điểm)", "Hài lòng (4 điểm)", "Tổng điểm", "Xếp loại"]
    for cell, text in zip(table.rows[0].cells, header):
        cell.text = text
    rows = [("UBND xã An Phú", "5,5", "3,5", "9", "Tốt"), ("UBND xã Bình Minh", "5", "3", "8", "Tốt"),
            ("UBND xã Tân Lộc", "4,5", "3", "7,5", "Tốt"), ("UBND xã Long Hưng", "6", "4", "10", "Tốt"),
            ("UBND xã Mỹ Hòa", "4", "2,5", "6,5", "Chưa đạt")]
    for number, row in enumerate(rows, 1):
        for cell, text in zip(table.add_row().cells, (str(number), *row)):
            cell.text = text
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def test_an_uploaded_scheme_is_offered_and_used_by_the_checks(app):
    """A province scheme uploaded by the administrator is at once in the
    verify page's list and, chosen there, binds the table and grades it by
    its own bands, in the job's worker process as in the server's view; an
    uploaded scheme may be replaced, a shipped one never."""
    with TestClient(app) as c:
        login(c, "quantri")
        assert c.post("/bo-chi-so", files={"file": ("y.toml", PROVINCE_Y.encode())}).status_code == 200
        assert 'value="tinh-y-2025"' in c.get("/kiem-tra").text
        again = c.post("/bo-chi-so", files={"file": ("y.toml", PROVINCE_Y.replace("Quyết định 1", "Quyết định 2")
                                                      .encode())})
        assert again.status_code == 200 and "Đã lưu bộ chỉ số tinh-y-2025" in again.text
        r = c.post("/kiem-tra/tai-len", files=[("files", ("tinh-y.docx", _province_y_report()))],
                   data={"scheme": "tinh-y-2025"}, headers={"Accept": "application/json"})
        assert r.status_code == 200, r.text
        item = r.json()["items"][0]["id"]
        assert wait_done(c, item)["state"] == "done"
        result = c.get(f"/kiem-tra/{item}/ket-qua.json").json()
        assert [t["scheme"] for t in result["tables"]] == ["tinh-y-2025"]
        grades = [(f["code"], f["severity"], f["message"]) for f in result["findings"] if f["code"].startswith("GRADE")]
        assert grades == [("GRADE_MISMATCH", "error", "Xếp loại ghi Tốt nhưng 75% thuộc loại Chưa đạt")]
        unknown = c.post("/kiem-tra/tai-len", files=[("files", ("tinh-y.docx", _province_y_report()))],
                         data={"scheme": "tinh-z"}, headers={"Accept": "application/json"})
        assert unknown.status_code == 400 and "Không có bộ chỉ số “tinh-z”" in unknown.text
