"""Office files that are not what they claim: a ZIP bomb, not a ZIP, a ZIP
without its main part, a password-protected file, a sheet formatted down to
row 1,000,000. Each gives a Vietnamese message and exit status 2, or is read,
within seconds and bounded memory; never a traceback."""
from __future__ import annotations

import struct
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from fixtures import REFERENCE_DIR
from parsers import read_raw
from parsers.ooxml import OleFile, ole_kind
from reportgen.raw import UnreadableInput

from cfb import make_ole

REFERENCE = REFERENCE_DIR

CONTENT_TYPES = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
                 'package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>')


def _cli(path: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "reportgen", "extract", str(path)],
                          capture_output=True, text=True, timeout=120)


def test_a_zip_bomb_is_refused_from_its_directory(tmp_path):
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", CONTENT_TYPES)
        with zf.open("word/document.xml", "w", force_zip64=True) as fh:
            block = b" " * (1 << 20)
            for _ in range(64):  # 64 MB of spaces, a few hundred kB packed
                fh.write(block)
    assert bomb.stat().st_size < 1_000_000
    with pytest.raises(UnreadableInput, match="bom nén"):
        read_raw(bomb)
    proc = _cli(bomb)
    assert proc.returncode == 2
    assert "zip bomb" in proc.stderr and "Traceback" not in proc.stderr


def test_a_docx_that_is_not_a_zip_is_read_as_what_it_is(tmp_path):
    # A DOCX name on a file that is plain text: sniffed by content, read as text.
    fake = tmp_path / "baocao.docx"
    fake.write_text("Tệp này không phải DOCX\n", encoding="utf-8")
    assert read_raw(fake).format == "text"
    from parsers import docx as docx_parser

    with pytest.raises(UnreadableInput, match="không phải DOCX hợp lệ"):
        docx_parser.read(fake)


def test_a_truncated_zip_is_refused(tmp_path):
    good = REFERENCE / "real/ld-766-sotaichinh.docx"
    cut = tmp_path / "cut.docx"
    cut.write_bytes(good.read_bytes()[:5000])
    proc = _cli(cut)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert proc.stderr.startswith("reportgen: ")


def test_a_zip_without_its_main_part_is_refused(tmp_path):
    from parsers import docx as docx_parser, xlsx as xlsx_parser

    path = tmp_path / "empty.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("[Content_Types].xml", CONTENT_TYPES)
    with pytest.raises(UnreadableInput, match="thiếu phần word/document.xml"):
        docx_parser.read(path)
    with pytest.raises(UnreadableInput, match="thiếu phần xl/workbook.xml"):
        xlsx_parser.read(path)
    proc = _cli(path)
    assert proc.returncode == 2 and "ZIP" in proc.stderr


def test_a_password_protected_docx_is_named_as_such(tmp_path):
    # Office keeps an encrypted OOXML package inside an OLE file.
    path = tmp_path / "matkhau.docx"
    path.write_bytes(make_ole({"EncryptionInfo": b"\x04\x00\x04\x00", "EncryptedPackage": b"\x10" * 5000}))
    assert ole_kind(OleFile(path.read_bytes())) == "encrypted_ooxml"
    with pytest.raises(UnreadableInput, match="bảo vệ bằng mật khẩu"):
        read_raw(path)
    from parsers import docx as docx_parser

    with pytest.raises(UnreadableInput, match="bảo vệ bằng mật khẩu"):
        docx_parser.read(path)
    proc = _cli(path)
    assert proc.returncode == 2 and "mật khẩu" in proc.stderr


def test_a_password_protected_word_97_file_is_refused_before_conversion(tmp_path):
    fib = bytearray(64)
    struct.pack_into("<H", fib, 0, 0xA5EC)
    fib[11] = 0x01  # fEncrypted
    path = tmp_path / "matkhau.doc"
    path.write_bytes(make_ole({"WordDocument": bytes(fib), "1Table": b"\0"}))
    with pytest.raises(UnreadableInput, match="bảo vệ bằng mật khẩu"):
        read_raw(path)


def test_an_ole_file_of_another_kind_is_refused(tmp_path):
    path = tmp_path / "khac.doc"
    path.write_bytes(make_ole({"Contents": b"abc"}))
    with pytest.raises(UnreadableInput, match="không phải Word"):
        read_raw(path)


def test_the_reader_of_ole_directories_reads_a_real_word_97_file():
    ole = OleFile((REFERENCE / "nd30-phuluc3.doc").read_bytes())
    assert ole_kind(ole) == "doc"
    assert "WordDocument" in ole.names()
    assert ole.stream("WordDocument", 2) == b"\xec\xa5"


def _million_rows(path: Path) -> Path:
    ct = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
          'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
          'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/'
          'workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
          '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-'
          'officedocument.spreadsheetml.worksheet+xml"/></Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
            '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    wb = ('<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
          '2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
          '<sheet name="Bảng điểm" sheetId="1" r:id="rId1"/></sheets></workbook>')
    wbr = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
           '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
           'relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
    head = ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
            'spreadsheetml/2006/main"><dimension ref="A1:C1000000"/><sheetData>'
            '<row r="1"><c r="A1" t="inlineStr"><is><t>STT</t></is></c><c r="B1" t="inlineStr"><is><t>Tên đơn vị'
            '</t></is></c><c r="C1" t="inlineStr"><is><t>Tổng điểm</t></is></c></row>'
            '<row r="2"><c r="A2"><v>1</v></c><c r="B2" t="inlineStr"><is><t>Sở Y tế</t></is></c>'
            '<c r="C2"><v>80.67</v></c></row>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", ct)
        zf.writestr("_rels/.rels", rels)
        zf.writestr("xl/workbook.xml", wb)
        zf.writestr("xl/_rels/workbook.xml.rels", wbr)
        with zf.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as fh:
            fh.write(head.encode())
            for start in range(3, 1_000_001, 10_000):
                fh.write(b"".join(b'<row r="%d"><c r="A%d" s="0"/></row>' % (r, r)
                                  for r in range(start, min(start + 10_000, 1_000_001))))
            fh.write(b"</sheetData></worksheet>")
    return path


def test_a_sheet_formatted_down_to_row_a_million_is_read_up_to_its_data(tmp_path):
    path = _million_rows(tmp_path / "trieu-dong.xlsx")
    raw = read_raw(path)
    table = next(raw.tables)
    assert table.grid() == [["STT", "Tên đơn vị", "Tổng điểm"], ["1", "Sở Y tế", "80,67"]]
    [note] = raw.notes
    assert note.kind == "sheet_truncated" and note.data["row"] == 1002
    # VmHWM, not ru_maxrss: Linux keeps ru_maxrss across exec, so a child of a
    # large pytest process would report pytest's own peak.
    code = ("import re, sys; from parsers import read_raw; read_raw(sys.argv[1]); "
            "print(re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read()).group(1))")
    proc = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0
    assert int(proc.stdout) < 300_000  # kB: bounded memory, the sheet is never held whole
