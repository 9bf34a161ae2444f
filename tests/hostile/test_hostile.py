"""Hostile files and careless commands (issue 11): each case of
``hostile_cases`` is generated here, run as ``reportgen`` in a child process,
and must end with its exit status and message, within its peak memory (VmHWM)
and time, leaving every input and the archive as they were."""
from __future__ import annotations

import http.server
import os
import socketserver
import subprocess
import sys
import threading

import pytest

import hostile_cases as hc


@pytest.mark.parametrize("make", hc.ALL, ids=[m.__name__.removeprefix("case_") for m in hc.ALL])
def test_hostile_case_is_handled_within_its_limits(make, tmp_path):
    case = make(tmp_path, "test")
    outcome = hc.run_case(case, cwd=tmp_path)
    assert outcome.problems() == [], (outcome.rc, outcome.stderr[-600:])


class _Counter(http.server.BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self):  # noqa: N802 - the http.server name
        _Counter.hits.append(self.path)
        self.send_response(404)
        self.end_headers()

    do_HEAD = do_GET

    def log_message(self, *args):
        pass


def test_a_doc_with_a_remote_picture_makes_no_request(tmp_path):
    server = socketserver.TCPServer(("127.0.0.1", 0), _Counter)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/anh.png"
        doc = hc.doc_with_remote_image(tmp_path / "anh-tu-xa.doc", url)
        assert url.encode() in doc.read_bytes()  # the link is really in the file
        _Counter.hits.clear()
        for code in ("", "import parsers.legacy_office as lo; lo._NO_NETWORK = []; "):  # with, without namespace
            proc = subprocess.run(
                [sys.executable, "-c", code + "from reportgen.cli import main; raise SystemExit(main(["
                 f"'extract', {str(doc)!r}]))"],
                capture_output=True, text=True, timeout=180, env={**os.environ, "PYTHONPATH": str(hc.ROOT)})
            assert proc.returncode == 0, proc.stderr
            assert "anh-tu-xa.doc" in proc.stdout  # read (a document with no content read exits 2)
        assert _Counter.hits == []
    finally:
        server.shutdown()
        server.server_close()


def test_limits_are_validated_and_named_in_the_message(tmp_path):
    from parsers.limits import Limits

    os.environ.pop("REPORTGEN_LIMITS", None)
    assert Limits.parse(["pages=1200", "ocr-document-seconds=60,5"]) == Limits(pages=1200, ocr_document_seconds=60.5)
    for bad in (["pages=0"], ["pages=-3"], ["nope=1"], ["pages"], ["pages=nan"]):
        with pytest.raises(ValueError):
            Limits.parse(bad)


def test_dpi_is_capped_by_page_size():
    from parsers.limits import Limits, capped_dpi

    assert capped_dpi(595, 842, 300) == 300  # A4 at 300 dpi: 8,7 megapixels
    dpi = capped_dpi(14400, 14400, 300, Limits(page_pixels=40_000_000))
    assert (14400 / 72 * dpi) ** 2 == pytest.approx(40_000_000)


def test_yaml_alias_bomb_is_refused_before_it_expands():
    from parsers.limits import LimitExceeded, load_yaml

    assert load_yaml("a: &x [1, 2]\nb: *x\n") == {"a": [1, 2], "b": [1, 2]}
    bomb = "a: &a [x,x,x,x,x,x,x,x,x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [" + ",".join([f"*{chr(97 + i)}"] * 9) + "]\n" for i in range(8))
    with pytest.raises(LimitExceeded, match="bí danh"):
        load_yaml(bomb)


def test_exports_write_text_never_formulas(tmp_path):
    from openpyxl import Workbook, load_workbook

    from reportgen.text.safe import csv_text, unique_names, xlsx_row

    assert [csv_text(v) for v in ("=1+1", "+1", "-1+2", "@SUM(A1)", "\tx", "Sở Y tế")] == [
        "'=1+1", "'+1", "'-1+2", "'@SUM(A1)", "'\tx", "Sở Y tế"]
    wb = Workbook()
    xlsx_row(wb.active, ["=HYPERLINK(\"http://x\")", "Sở\x01 Y tế"])
    wb.save(tmp_path / "x.xlsx")
    cells = list(load_workbook(tmp_path / "x.xlsx").active.iter_rows())[0]
    assert [(c.value, c.data_type) for c in cells] == [('=HYPERLINK("http://x")', "s"), ("Sở Y tế", "s")]
    assert unique_names(["a-so-tu-phap.docx", "a-Sở-Tư-Pháp.docx", "a-SO-TU-PHAP.docx"]) == [
        "a-so-tu-phap.docx", "a-Sở-Tư-Pháp-2.docx", "a-SO-TU-PHAP-3.docx"]
