"""The web server's Kiểm tra pages through FastAPI's TestClient: real uploads
of the seed documents, the engine in background jobs, the boxes on the page
images, the three downloads, and every kind of bad upload."""
from __future__ import annotations

import io
import zipfile

import pytest
from fastapi.testclient import TestClient

from support import SEEDS
from web_support import login, make_app, seed_files, upload, wait_done

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def seeds(tmp_path_factory):
    return seed_files(tmp_path_factory.mktemp("web-seeds"))


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    return make_app(tmp_path_factory.mktemp("web"), max_upload_bytes=2 * 1024 * 1024)


@pytest.fixture
def client(app):
    with TestClient(app) as c:
        login(c, "chuyenvien")
        yield c


@pytest.fixture(scope="module")
def checked(app, seeds):
    """Seed 002 as DOCX and as PDF, uploaded together and checked."""
    with TestClient(app) as c:
        login(c, "chuyenvien")
        r = upload(c, ("002.docx", seeds["002"].read_bytes()), ("002.pdf", seeds["002.pdf"].read_bytes()))
        assert r.status_code == 200, r.text
        items = {i["name"]: i["id"] for i in r.json()["items"]}
        for item_id in items.values():
            assert wait_done(c, item_id)["state"] == "done"
        return items


def _finding(result, code):
    return next(f for f in result["findings"] if f["code"] == code)


def test_pdf_result_outlines_the_slipped_total_on_its_page(client, checked):
    result = client.get(f"/kiem-tra/{checked['002.pdf']}/ket-qua.json").json()
    assert result["ok"] is False
    total = _finding(result, "TOTAL_MISMATCH")
    assert (total["reported"], total["expected"]) == ("58.69", "58.94")
    # The cell "58,69/85" of Trung tâm QLĐĐ on the third page of LibreOffice's rendering.
    assert total["box"]["page"] == 3
    x0, top, x1, bottom = total["box"]["bbox"]
    assert x1 > x0 and bottom > top and (x1 - x0) < 100 and (bottom - top) < 40
    over = _finding(result, "SCORE_EXCEEDS_MAX")
    assert over["box"]["page"] == 4
    assert len(result["pages"]) == 5
    image = client.get(f"/kiem-tra/{checked['002.pdf']}/trang/3.png")
    assert image.status_code == 200 and image.content[:8] == b"\x89PNG\r\n\x1a\n"
    page = client.get(f"/kiem-tra/{checked['002.pdf']}")
    assert page.status_code == 200
    n = result["findings"].index(total)
    assert f'id="b-{n}"' in page.text and f'id="f-{n}"' in page.text and "KHÔNG ĐẠT" in page.text


def test_docx_findings_are_placed_on_its_rendering(client, checked):
    pdf = client.get(f"/kiem-tra/{checked['002.pdf']}/ket-qua.json").json()
    docx = client.get(f"/kiem-tra/{checked['002.docx']}/ket-qua.json").json()
    a, b = _finding(docx, "TOTAL_MISMATCH"), _finding(pdf, "TOTAL_MISMATCH")
    assert a["box"]["page"] == b["box"]["page"] == 3
    assert [round(v) for v in a["box"]["bbox"]] == [round(v) for v in b["box"]["bbox"]]


def test_annotated_docx_download_has_the_comment(client, checked, tmp_path):
    from docx import Document

    r = client.get(f"/kiem-tra/{checked['002.docx']}/tai-ve/docx")
    assert r.status_code == 200
    assert r.headers["content-disposition"].endswith("002-chu-thich.docx\"") or "002-chu-thich.docx" in r.headers[
        "content-disposition"]
    out = tmp_path / "a.docx"
    out.write_bytes(r.content)
    comments = [c.text for c in Document(str(out)).comments]
    assert any(c.startswith("Lỗi (TOTAL_MISMATCH): Tổng điểm ghi 58,69") for c in comments)
    # A PDF upload has no DOCX to annotate.
    assert client.get(f"/kiem-tra/{checked['002.pdf']}/tai-ve/docx").status_code == 409


def test_annotated_pdf_download_highlights_each_located_finding(client, checked, tmp_path):
    from pypdf import PdfReader

    result = client.get(f"/kiem-tra/{checked['002.pdf']}/ket-qua.json").json()
    r = client.get(f"/kiem-tra/{checked['002.pdf']}/tai-ve/pdf")
    assert r.status_code == 200 and r.content.startswith(b"%PDF")
    reader = PdfReader(io.BytesIO(r.content))
    highlights = []
    for number, page in enumerate(reader.pages, start=1):
        for a in page.get("/Annots") or []:
            a = a.get_object()
            if a["/Subtype"] == "/Highlight":
                highlights.append((number, str(a["/Contents"])))
    located = [f for f in result["findings"] if f["box"]]
    assert len(highlights) == len(located)
    assert (3, "Lỗi (TOTAL_MISMATCH): Tổng điểm ghi 58,69 nhưng cộng các chỉ số được 58,94") in [
        (p, c.split(". Đã ghi")[0]) for p, c in highlights]


def test_findings_sheet_is_vietnamese_and_formula_safe(client, checked, tmp_path):
    from openpyxl import load_workbook

    r = client.get(f"/kiem-tra/{checked['002.pdf']}/tai-ve/xlsx")
    assert r.status_code == 200
    out = tmp_path / "k.xlsx"
    out.write_bytes(r.content)
    ws = load_workbook(out).active
    assert ws["A4"].value == "STT" and ws["K4"].value == "Nội dung"
    rows = list(ws.iter_rows(min_row=5, values_only=True))
    result = client.get(f"/kiem-tra/{checked['002.pdf']}/ket-qua.json").json()
    assert len(rows) == len(result["findings"])
    total = next(r for r in rows if r[2] == "TOTAL_MISMATCH")
    assert total[1] == "Lỗi" and total[5] == "Trung tâm Quản lý đất đai" or total[1] == "Lỗi"
    assert total[7:9] == ("58.69", "58.94")
    assert ws["B2"].value == "KHÔNG ĐẠT"


def test_formula_like_text_stays_text(tmp_path):
    from openpyxl import load_workbook

    from reportgen.web.exports import findings_xlsx

    out = tmp_path / "x.xlsx"
    findings_xlsx({"source": "=cmd|'/c calc'!A1", "ok": True, "findings": [
        {"code": "X", "severity": "warning", "unit": "+SUM(A1)", "message": "@x", "reported": "-1"}]}, out)
    with zipfile.ZipFile(out) as zf:
        sheet = zf.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet
    ws = load_workbook(out).active
    assert ws["B1"].value == "=cmd|'/c calc'!A1" and ws["F5"].value == "+SUM(A1)"


@pytest.mark.parametrize("name,data,message", [
    ("rong.pdf", b"", "Tệp rỗng"),
    ("anh.pdf", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "Không nhận dạng được loại tệp"),
    ("nen.zip", None, "không phải DOCX, XLSX, ODT hay ODS"),
    ("bom.docx", "bomb", "zip bomb"),
    ("lon.pdf", b"%PDF-1.4\n" + bytes(3 * 1024 * 1024), "quá lớn"),
    ("hong.pdf", b"%PDF-1.4\n" + bytes((i * 31 + 7) % 256 for i in range(5000)), "PDF bị hỏng"),
])
def test_bad_uploads_are_refused_with_a_vietnamese_message(client, app, name, data, message):
    if data is None:
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as zf:
            zf.writestr("a.txt", "xin chào")
        data = buf.getvalue()
    elif data == "bomb":
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
            zf.writestr("[Content_Types].xml", "<Types/>")
            zf.writestr("word/document.xml", b"<w:document>" + b" " * (50 * 1024 * 1024) + b"</w:document>")
        data = buf.getvalue()
    before = {p.name for p in app.state.store.root.iterdir()}
    r = upload(client, (name, data))
    assert r.status_code == 400
    assert message in r.json()["refused"][0]["message"]
    assert {p.name for p in app.state.store.root.iterdir()} == before  # nothing kept


def test_one_bad_file_among_good_ones_is_refused_alone(client, seeds):
    r = upload(client, ("rong.docx", b""), ("002.docx", seeds["002"].read_bytes()), accept="text/html")
    assert r.status_code == 200
    assert "Không nhận tệp: Tệp rỗng." in r.text and "002.docx" in r.text


def test_a_name_is_never_a_path_and_html_is_escaped(client, app, seeds):
    r = upload(client, ("../../<b>x</b>.docx", seeds["002"].read_bytes()), accept="text/html")
    assert r.status_code == 200
    assert "<b>x</b>" not in r.text and "&lt;b&gt;x&lt;/b&gt;" in r.text
    item_id = r.text.split('id="item-')[1].split('"')[0]
    folder = app.state.store.folder(item_id)
    names = {p.name for p in folder.iterdir()}
    # Our own names only: the upload, its meta, and the job's input named by the type read from the bytes.
    assert {"input", "meta.json", "document.docx"} <= names
    assert not any("<b>" in n or ".." in n or n.startswith("x") for n in names)


def test_text_with_a_docx_name_is_checked_as_text(client):
    seed = SEEDS / "002_e186587f0db7be84.txt"
    r = upload(client, ("bao-cao.docx", seed.read_bytes()))
    assert r.json()["items"][0]["kind"] == "text"


def test_others_uploads_are_hidden_unless_the_role_allows(app, checked):
    item = checked["002.pdf"]
    with TestClient(app) as other:
        login(other, "chuyenvien2")
        assert other.get(f"/kiem-tra/{item}").status_code == 403
        assert other.get(f"/kiem-tra/{item}/ket-qua.json").status_code == 403
        assert other.get(f"/kiem-tra/{item}/tai-ve/xlsx").status_code == 403
        assert other.get(f"/kiem-tra/{item}/trang/1.png").status_code == 403
        assert item not in other.get("/kiem-tra").text
        assert other.post(f"/kiem-tra/{item}/xoa").status_code == 403
    with TestClient(app) as boss:
        login(boss, "lanhdao")
        assert boss.get(f"/kiem-tra/{item}").status_code == 200
        assert item not in boss.get("/kiem-tra").text
        assert item in boss.get("/kiem-tra?tat_ca=1").text
        assert boss.post(f"/kiem-tra/{item}/xoa").status_code == 403  # only its owner or an administrator


def test_unauthenticated_requests_are_sent_to_login_or_refused(app, checked):
    with TestClient(app) as anon:
        r = anon.get("/kiem-tra", headers={"Accept": "text/html"}, follow_redirects=False)
        assert r.status_code == 303 and r.headers["location"] == "/dang-nhap?next=/kiem-tra"
        for path in ("/kiem-tra", f"/kiem-tra/{checked['002.pdf']}", f"/kiem-tra/{checked['002.pdf']}/trang/1.png",
                     f"/kiem-tra/{checked['002.pdf']}/tai-ve/docx", "/quan-tri/tai-khoan", "/quan-tri/nhat-ky"):
            assert anon.get(path, headers={"Accept": "application/json"}).status_code == 401, path
        # With a valid form token but no session user: still refused.
        token = anon.get("/dang-nhap").text.split('name="csrf_token" value="')[1].split('"')[0]
        r = anon.post("/kiem-tra/tai-len", files=[("files", ("a.txt", b"x"))], headers={"X-CSRF-Token": token})
        assert r.status_code == 401


def test_login_with_a_wrong_password_fails_and_is_logged(app):
    from reportgen.web import accounts

    with TestClient(app) as c:
        r = login(c, "chuyenvien", "sai-mat-khau")
        assert r.status_code == 401 and "Sai tên đăng nhập hoặc mật khẩu." in r.text
    actions = [(e["username"], e["action"]) for e in accounts.audit_entries(app.state.engine)]
    assert ("chuyenvien", "login_failed") in actions


def test_a_post_without_its_csrf_token_is_refused(client, seeds):
    del client.headers["X-CSRF-Token"]
    r = client.post("/kiem-tra/tai-len", files=[("files", ("002.docx", seeds["002"].read_bytes()))])
    assert r.status_code == 403 and "mã chống giả mạo" in r.text
    r = client.post("/dang-xuat", data={"csrf_token": "gia-mao"})
    assert r.status_code == 403


def test_session_cookie_is_httponly_and_samesite(app):
    with TestClient(app) as c:
        c.get("/dang-nhap")
        token = c.get("/dang-nhap").text.split('name="csrf_token" value="')[1].split('"')[0]
        r = c.post("/dang-nhap", data={"username": "chuyenvien", "password": "mat-khau-01", "csrf_token": token},
                   follow_redirects=False)
        cookie = r.headers["set-cookie"].lower()
        assert "httponly" in cookie and "samesite=strict" in cookie


def test_a_chuyen_vien_cannot_manage_accounts(client):
    assert client.get("/quan-tri/tai-khoan").status_code == 403
    assert client.get("/quan-tri/nhat-ky").status_code == 403
    assert client.post("/quan-tri/tai-khoan", data={"username": "x1", "password": "12345678",
                                                    "role": "quan_tri"}).status_code == 403


def test_administrator_adds_an_account_and_sees_the_audit_log(app, checked):
    with TestClient(app) as admin:
        login(admin, "quantri")
        r = admin.post("/quan-tri/tai-khoan", data={"username": "moi", "full_name": "Người Mới", "role": "lanh_dao",
                                                    "password": "mat-khau-moi"}, follow_redirects=False)
        assert r.status_code == 303
        assert "Người Mới" in admin.get("/quan-tri/tai-khoan").text
        r = admin.post("/quan-tri/tai-khoan", data={"username": "moi", "role": "lanh_dao", "password": "12345678"})
        assert r.status_code == 400 and "Đã có tài khoản" in r.text
        log = admin.get("/quan-tri/nhat-ky").text
        assert "thêm tài khoản" in log and "002.pdf" in log and "kiểm tra" in log and "tải lên" in log
    with TestClient(app) as new:
        assert login(new, "moi", "mat-khau-moi").status_code == 303


def test_a_password_change_ends_older_sessions(app):
    from reportgen.web import accounts

    accounts.add_user(app.state.engine, "doimk", "mat-khau-cu", "chuyen_vien")
    with TestClient(app) as c:
        login(c, "doimk", "mat-khau-cu")
        assert c.get("/kiem-tra", headers={"Accept": "application/json"}).status_code == 200
        accounts.set_password(app.state.engine, "doimk", "mat-khau-moi")
        assert c.get("/kiem-tra", headers={"Accept": "application/json"}).status_code == 401


def test_login_redirect_never_leaves_the_site(app):
    with TestClient(app) as c:
        token = c.get("/dang-nhap").text.split('name="csrf_token" value="')[1].split('"')[0]
        r = c.post("/dang-nhap", data={"username": "chuyenvien", "password": "mat-khau-01", "csrf_token": token,
                                       "next": "//evil.example/x"}, follow_redirects=False)
        assert r.headers["location"] == "/kiem-tra"


def test_owner_deletes_an_upload(client, app, seeds):
    r = upload(client, ("xoa.docx", seeds["000"].read_bytes()))
    item_id = r.json()["items"][0]["id"]
    wait_done(client, item_id)
    assert client.post(f"/kiem-tra/{item_id}/xoa", follow_redirects=False).status_code == 303
    assert not app.state.store.folder(item_id).exists()
    assert client.get(f"/kiem-tra/{item_id}").status_code == 403


def test_old_uploads_are_purged(tmp_path):
    import time

    from reportgen.web.store import Item, Store

    store = Store(tmp_path)
    data = tmp_path / "x"
    data.write_bytes(b"a")
    old = store.create(Item(id=store.new_id(), owner="a", name="a", kind="text", size=1,
                            created=time.time() - 31 * 86400), data)
    data.write_bytes(b"b")
    new = store.create(Item(id=store.new_id(), owner="a", name="b", kind="text", size=1), data)
    assert store.purge(30) == 1
    assert store.get(old.id) is None and store.get(new.id) is not None
    with pytest.raises(KeyError):
        store.folder("../etc")


def test_no_auth_only_on_loopback(tmp_path):
    from reportgen.web.config import WebConfig

    with pytest.raises(ValueError, match="127.0.0.1"):
        WebConfig(data_dir=tmp_path, no_auth=True, host="0.0.0.0")
    app = make_app(tmp_path, no_auth=True)
    with TestClient(app) as c:
        assert c.get("/kiem-tra", headers={"Accept": "application/json"}).status_code == 200


def test_an_upload_sweeps_away_files_past_the_retention_period(client, app, seeds):
    import time

    from reportgen.web.store import Item

    store = app.state.store
    data = store.root / ".old"
    data.write_bytes(b"x")
    old = store.create(Item(id=store.new_id(), owner="chuyenvien", name="cu.txt", kind="text", size=1,
                            created=time.time() - 31 * 86400), data)
    app.state.last_purge = 0.0
    upload(client, ("moi.docx", seeds["000"].read_bytes()))
    assert store.get(old.id) is None and not store.folder(old.id).exists()


def test_uploads_are_verified_by_the_shared_job_layer(app, checked):
    """The server's verify runs as a reportgen.jobs Job (worker processes, as
    the command line's batch), not in the server's own threads."""
    from reportgen.jobs import LocalRunner

    shared = app.state.runner._shared
    assert isinstance(shared, LocalRunner)
    for item_id in checked.values():
        status = shared.status(item_id)
        assert status.kind == "verify" and status.state == "done"
        assert status.result.verdict == "KHÔNG ĐẠT" and status.result.exit == 1
        assert status.result.worker.split(":")[1] != str(__import__("os").getpid())  # another process


def test_a_docx_is_rendered_once_beside_its_check_and_the_same_bytes_reuse_it(app, client, seeds, checked):
    """The DOCX's PDF for the view comes from a pdf-convert job on the same
    job layer, submitted with the verify job (not at the first view); the
    same bytes uploaded again take the kept rendering, with no conversion."""
    import os

    shared = app.state.runner._shared
    first = shared.status(f"{checked['002.docx']}-pdf")
    assert first.kind == "pdf-convert" and first.state == "done" and first.result.ok
    assert first.result.worker.split(":")[1] != str(os.getpid())
    with pytest.raises(KeyError):  # a PDF is its own view: no conversion job
        shared.status(f"{checked['002.pdf']}-pdf")
    (again,) = upload(client, ("lai-lan-nua.docx", seeds["002"].read_bytes())).json()["items"]
    assert wait_done(client, again["id"])["state"] == "done"
    with pytest.raises(KeyError):
        shared.status(f"{again['id']}-pdf")
    before = client.get(f"/kiem-tra/{checked['002.docx']}/ket-qua.json").json()
    after = client.get(f"/kiem-tra/{again['id']}/ket-qua.json").json()
    assert [f["box"] for f in after["findings"]] == [f["box"] for f in before["findings"]]
    assert len(after["pages"]) == 5
    assert os.path.samefile(app.state.store.path(again["id"], "view.pdf"),
                            app.state.store.path(checked["002.docx"], "view.pdf"))


def test_an_odt_upload_is_checked_like_its_docx(client, checked, seeds, tmp_path):
    """An office that saves in LibreOffice's own format uploads .odt: the same
    findings as the DOCX it was saved from."""
    from parsers.legacy_office import convert

    odt = convert(seeds["002"], "odt", tmp_path)
    r = upload(client, ("bao-cao-002.odt", odt.read_bytes()))
    assert r.status_code == 200, r.text
    item = r.json()["items"][0]
    assert item["kind"] == "odt"
    assert wait_done(client, item["id"])["state"] == "done"
    got = client.get(f"/kiem-tra/{item['id']}/ket-qua.json").json()
    want = client.get(f"/kiem-tra/{checked['002.docx']}/ket-qua.json").json()
    key = lambda f: (f["code"], f.get("reported"), f.get("expected"))  # noqa: E731
    errors = lambda res: sorted(key(f) for f in res["findings"] if f["severity"] == "error")  # noqa: E731
    assert errors(got) == errors(want) and errors(got)
    page = client.get(f"/kiem-tra/{item['id']}").text
    assert f'href="/kiem-tra/{item["id"]}/tai-ve/docx"' in page
    r = client.get(f"/kiem-tra/{item['id']}/tai-ve/docx")
    assert r.status_code == 200 and r.content[:2] == b"PK"
    out = tmp_path / "ra.docx"
    out.write_bytes(r.content)
    with zipfile.ZipFile(out) as zf:
        comments = zf.read("word/comments.xml").decode()
    assert "TOTAL_MISMATCH" in comments


def test_a_sheet_with_an_open_doubt_is_shown_as_not_all_checked(client, tmp_path):
    """Two grades out of the table's own order (79,52% "Khá", 76,69% "Tốt"), no
    band stated: neither ĐẠT in green nor KHÔNG ĐẠT in red, and the doubt is
    listed among what is left to a person."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2025 CỦA CÁC SỞ"])
    ws.append(["STT", "Cơ quan", "Tổng điểm đạt được", "Điểm tối đa", "Chỉ số (%)", "Xếp loại"])
    for k, row in enumerate([("Sở Tư pháp", 82.75, 94, 88.03, "Tốt"), ("Sở Y tế", 74.75, 94, 79.52, "Khá"),
                             ("Sở Xây dựng", 68.25, 89, 76.69, "Tốt"), ("Sở Nội vụ", 86.75, 94, 92.29, "Tốt"),
                             ("Sở Tài chính", 76.75, 89, 86.24, "Tốt"),
                             ("Sở Giáo dục và Đào tạo", 68, 94, 72.34, "Khá"),
                             ("Sở Khoa học và Công nghệ", 62.75, 89, 70.51, "Khá")], 1):
        ws.append([k, *row])
    path = tmp_path / "chi-so.xlsx"
    wb.save(path)
    r = upload(client, ("chi-so.xlsx", path.read_bytes()))
    item = r.json()["items"][0]
    assert wait_done(client, item["id"])["state"] == "done"
    result = client.get(f"/kiem-tra/{item['id']}/ket-qua.json").json()
    assert (result["ok"], result["verdict"], result["coverage"]["open_doubts"]) == (
        True, "CHƯA KIỂM TRA HẾT", {"GRADE_BAND_MISMATCH": 2})
    page = client.get(f"/kiem-tra/{item['id']}").text
    assert '<span id="verdict" class="verdict partial">CHƯA KIỂM TRA HẾT</span>' in page
    assert "2 cảnh báo GRADE_BAND_MISMATCH: số liệu đã đối chiếu nhưng chưa kết luận được đúng hay sai" in page


def test_the_page_counts_the_claims_outside_the_document_as_the_text_output_does(client):
    # one share held to its whole, one percent of a plan and one of an estimate
    text = ("ỦY BAN NHÂN DÂN XÃ A\n\nBÁO CÁO\nKết quả giải quyết hồ sơ quý I năm 2025\n\n"
            "Trong kỳ, xã tiếp nhận tổng số 120 hồ sơ (80 hồ sơ trực tuyến, 40 hồ sơ trực tiếp). "
            "Xã đã hoàn thành 100% kế hoạch đề ra, thu ngân sách bằng 93,29% dự toán huyện giao.\n")
    r = upload(client, ("bao-cao.txt", text.encode("utf-8")))
    item = r.json()["items"][0]
    assert wait_done(client, item["id"])["state"] == "done"
    result = client.get(f"/kiem-tra/{item['id']}/ket-qua.json").json()
    assert result["coverage"]["claims"] == {"checked": 1, "total": 1, "external": 2}
    page = client.get(f"/kiem-tra/{item['id']}").text
    assert ('<span id="coverage">Đã kiểm tra 0/0 bảng, 0/0 ô số, 1/1 nhận định; 2 nhận định dẫn số liệu '
            'ngoài văn bản (kế hoạch, dự toán), không đối chiếu được.</span>') in page
