"""No request leaves the machine (issue 11): documents that point outside —
a DOCX with a linked (not embedded) picture, an INCLUDEPICTURE field and an
attached template on a URL; an XLSX with an external workbook link; a PDF
whose opening action and link open a URL; an HTML upload with a remote
picture — are read, drafted to PDF, converted for the web view and checked
in the browser's server, while a real listener on 127.0.0.1 records every
connection made to it. None may arrive.

The documents are made by real producers (python-docx, openpyxl, reportlab,
pypdf) and then given their outside references in their own XML, as a
hostile sender would.
"""
from __future__ import annotations

import io
import os
import socket
import subprocess
import sys
import threading
import zipfile
from pathlib import Path

import pytest

import hostile_cases as hc

pytestmark = pytest.mark.slow


class Listener:
    """A TCP listener on 127.0.0.1 that records each connection (whatever
    protocol) and answers nothing useful."""

    def __init__(self):
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.hits: list[bytes] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}/{path}"

    def _serve(self):
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except (socket.timeout, OSError):
                continue
            with conn:
                conn.settimeout(1)
                try:
                    self.hits.append(conn.recv(2048) or b"(connected, nothing sent)")
                except OSError:
                    self.hits.append(b"(connected)")
                try:
                    conn.sendall(b"HTTP/1.0 404 Not Found\r\nContent-Length: 0\r\n\r\n")
                except OSError:
                    pass

    def close(self):
        self._stop.set()
        self._thread.join(timeout=5)
        self.sock.close()


@pytest.fixture
def listener():
    server = Listener()
    # the listener itself is reachable: a plain connection is recorded
    with socket.create_connection(("127.0.0.1", server.port), timeout=5) as probe:
        probe.sendall(b"probe")
    for _ in range(50):
        if server.hits:
            break
        threading.Event().wait(0.1)
    assert server.hits == [b"probe"]
    server.hits.clear()
    yield server
    server.close()


def _png() -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (8, 8), (200, 30, 30)).save(buf, format="PNG")
    return buf.getvalue()


_ATTACHED_TEMPLATE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate"


def docx_pointing_out(path: Path, listener: Listener) -> Path:
    """The seed's draft (made by reportgen with python-docx) with a picture
    linked to a URL (``r:link``, nothing embedded), an INCLUDEPICTURE field
    and an attached template on a URL."""
    made = subprocess.run([sys.executable, "-m", "reportgen", "draft", str(hc.SEED), "-o", str(path)],
                          capture_output=True, text=True, env=_env())
    assert made.returncode == 0, made.stderr
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.oxml.ns import qn

    document = docx.Document(str(path))
    picture_paragraph = document.add_paragraph()
    picture_paragraph.add_run().add_picture(io.BytesIO(_png()))
    blip = picture_paragraph._p.xpath(".//a:blip")[0]
    linked = document.part.relate_to(listener.url("anh-lien-ket.png"), RT.IMAGE, is_external=True)
    del blip.attrib[qn("r:embed")]
    blip.set(qn("r:link"), linked)
    field = document.add_paragraph()._p
    simple = field.makeelement(qn("w:fldSimple"), {qn("w:instr"): f'INCLUDEPICTURE "{listener.url("truong.png")}" \\d'})
    field.append(simple)
    settings_part = document.part._settings_part
    settings = settings_part.element
    template_rel = settings_part.relate_to(listener.url("mau.dotm"), _ATTACHED_TEMPLATE, is_external=True)
    attached = settings.makeelement(qn("w:attachedTemplate"), {qn("r:id"): template_rel})
    settings.insert(0, attached)
    document.save(str(path))
    with zipfile.ZipFile(path) as zf:
        rels = zf.read("word/_rels/document.xml.rels").decode()
        assert f'Target="{listener.url("anh-lien-ket.png")}" TargetMode="External"' in rels
        assert "INCLUDEPICTURE" in zf.read("word/document.xml").decode()
    return path


def xlsx_pointing_out(path: Path, listener: Listener) -> Path:
    """A score sheet made by openpyxl whose total column is a formula on a
    workbook at a URL (an external link part, as Excel writes it)."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Điểm"
    ws.append(["STT", "Tên đơn vị", "Công khai, minh bạch", "Tiến độ giải quyết", "Tổng điểm"])
    for i, (name, a, b) in enumerate([("Sở Tư pháp", 10, 15), ("Sở Y tế", 12, 14), ("Sở Nội vụ", 11, 13)], 1):
        ws.append([i, name, a, b, a + b])
    ws["F2"] = "=[1]Sheet1!A1"
    buf = io.BytesIO()
    wb.save(buf)
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/workbook.xml":
                data = data.replace(b"<definedNames", b'<externalReferences xmlns:r="http://schemas.openxmlformats.'
                                    b'org/officeDocument/2006/relationships"><externalReference r:id="rIdX1"/>'
                                    b"</externalReferences><definedNames", 1)
            elif item.filename == "xl/_rels/workbook.xml.rels":
                data = data.replace(b"</Relationships>", b'<Relationship Id="rIdX1" Type="http://schemas.'
                                    b'openxmlformats.org/officeDocument/2006/relationships/externalLink" '
                                    b'Target="externalLinks/externalLink1.xml"/></Relationships>')
            elif item.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", b'<Override PartName="/xl/externalLinks/externalLink1.xml" '
                                    b'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.'
                                    b'externalLink+xml"/></Types>')
            out.writestr(item, data)
        out.writestr("xl/externalLinks/externalLink1.xml", (
            '<?xml version="1.0" encoding="UTF-8"?><externalLink xmlns="http://schemas.openxmlformats.org/'
            'spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            '<externalBook r:id="rId1"><sheetNames><sheetName val="Sheet1"/></sheetNames><sheetDataSet>'
            '<sheetData sheetId="0"><row r="1"><cell r="A1"><v>7</v></cell></row></sheetData></sheetDataSet>'
            '</externalBook></externalLink>'))
        out.writestr("xl/externalLinks/_rels/externalLink1.xml.rels", (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
            '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
            f'2006/relationships/externalLinkPath" Target="{listener.url("so-diem.xlsx")}" TargetMode="External"/>'
            '</Relationships>'))
    return path


def pdf_pointing_out(path: Path, listener: Listener) -> Path:
    """A text PDF (reportlab) with a link annotation to a URL and an
    opening action that opens another (added with pypdf)."""
    import pypdf
    from pypdf.generic import DictionaryObject, NameObject, TextStringObject
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.drawString(72, 760, "BAO CAO ket qua danh gia chat luong phuc vu nguoi dan")
    c.drawString(72, 740, "Xem them tai trang thong tin")
    c.linkURL(listener.url("lien-ket"), (72, 735, 300, 752))
    c.save()
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(buf.getvalue())))
    writer._root_object[NameObject("/OpenAction")] = DictionaryObject({
        NameObject("/S"): NameObject("/URI"), NameObject("/URI"): TextStringObject(listener.url("khi-mo"))})
    with open(path, "wb") as fh:
        writer.write(fh)
    assert pypdf.PdfReader(path).trailer["/Root"]["/OpenAction"]["/URI"] == listener.url("khi-mo")
    return path


def _env(**more) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("REPORTGEN_DEBUG",)}
    env.update({"PYTHONPATH": str(hc.ROOT), "REPORTGEN_DB": "sqlite:////nonexistent/no-network.sqlite3", **more})
    return env


def _run(*argv: str, code: str = "", cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code + "from reportgen.cli import main; raise SystemExit(main("
                           + repr(list(argv)) + "))"], capture_output=True, text=True, timeout=300, env=_env(),
                          cwd=cwd)


# Without the network namespace too: the profile's settings alone must keep LibreOffice home.
_NO_NAMESPACE = "import parsers.legacy_office as lo; lo._NO_NETWORK = []; "


@pytest.mark.parametrize("namespace", [True, False], ids=["namespace", "profile-only"])
def test_draft_pdf_of_a_template_pointing_out_fetches_nothing(tmp_path, listener, namespace):
    template = docx_pointing_out(tmp_path / "mau-tro-ra-ngoai.docx", listener)
    out = tmp_path / "du-thao.docx"
    proc = _run("draft", str(hc.SEED), "--template", str(template), "-o", str(out), "--pdf",
                code="" if namespace else _NO_NAMESPACE)
    assert proc.returncode == 0, proc.stderr
    assert out.with_suffix(".pdf").read_bytes()[:5] == b"%PDF-"
    with zipfile.ZipFile(out) as zf:  # the outside references reached LibreOffice's input
        assert listener.url("anh-lien-ket.png") in zf.read("word/_rels/document.xml.rels").decode()
    assert listener.hits == []


def test_reading_documents_that_point_out_fetches_nothing(tmp_path, listener):
    docx_file = docx_pointing_out(tmp_path / "bao-cao-tro-ra-ngoai.docx", listener)
    xlsx_file = xlsx_pointing_out(tmp_path / "bang-diem-lien-ket.xlsx", listener)
    pdf_file = pdf_pointing_out(tmp_path / "bao-cao-lien-ket.pdf", listener)
    results = {}
    for path in (docx_file, xlsx_file, pdf_file):
        proc = _run("extract", str(path), "--format", "json")
        results[path.suffix] = (proc.returncode, proc.stderr)
    assert results == {".docx": (0, ""), ".xlsx": (0, ""), ".pdf": (0, "")}
    assert listener.hits == []


def test_web_view_and_html_upload_fetch_nothing(tmp_path, listener):
    """The web server converts an uploaded DOCX for its page view with
    LibreOffice and renders the pages; an HTML file is refused, and the
    names shown are escaped."""
    from fastapi.testclient import TestClient

    sys.path.insert(0, str(hc.ROOT / "tests" / "web"))  # also when tests/web is not collected
    import web_support as ws

    docx_file = docx_pointing_out(tmp_path / "bao-cao-tro-ra-ngoai.docx", listener)
    html = (f'<html><body><img src="{listener.url("web-anh.png")}"><script src="{listener.url("s.js")}"></script>'
            "BÁO CÁO</body></html>").encode()
    app = ws.make_app(tmp_path / "web")
    with TestClient(app) as client:
        ws.login(client, "chuyenvien")
        made = ws.upload(client, ("bao-cao.docx", docx_file.read_bytes()))
        assert made.status_code == 200, made.text
        (item,) = made.json()["items"]
        state = ws.wait_done(client, item["id"])
        assert state["state"] == "done", state
        page = client.get(f"/kiem-tra/{item['id']}/trang/1.png")
        assert page.status_code == 200 and page.content[:4] == b"\x89PNG"
        refused = ws.upload(client, ("trang.html", html))
        assert listener.url("web-anh.png") not in refused.text
    assert listener.hits == []
