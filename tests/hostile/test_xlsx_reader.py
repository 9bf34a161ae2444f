"""The XLSX reader reads the package's XML itself (lxml, no DTD, one pass per
sheet), so a stored number openpyxl would choke on stays on its cell and
no library internal is replaced."""
from __future__ import annotations

from decimal import Decimal

import pytest

import hostile_cases as hc


def test_unusable_numbers_stay_on_their_cells_and_openpyxl_is_untouched(tmp_path):
    import openpyxl.worksheet._reader as reader

    from parsers import read_raw
    from reportgen.raw import RawTable

    before = reader._cast_number
    path = hc.write_xlsx(tmp_path / "so.xlsx", [["STT", "Tên đơn vị", "Điểm"], [1, "Sở Y tế", ("raw", "NaN")],
                                                 [2, "Sở Tư pháp", ("raw", "71.25")],
                                                 [3, "Sở Nội vụ", ("raw", "1E+300")]])
    doc = read_raw(path)
    assert reader._cast_number is before
    (table,) = [b for b in doc.blocks if isinstance(b, RawTable)]
    assert [[(c.text, c.value) for c in row] for row in table.rows] == [
        [("STT", None), ("Tên đơn vị", None), ("Điểm", None)],
        [("1", Decimal(1)), ("Sở Y tế", None), ("NAN", None)],
        [("2", Decimal(2)), ("Sở Tư pháp", None), ("71,25", Decimal("71.25"))],
        [("3", Decimal(3)), ("Sở Nội vụ", None), ("1E+300", None)]]
    assert [(n.kind, n.data["cell"]) for n in doc.notes] == [("number_unreadable", "C2"),
                                                              ("number_unreadable", "C4")]


def test_a_sheet_with_entities_is_refused(tmp_path):
    from parsers import read_raw
    from reportgen.raw import UnreadableInput

    path = hc.write_xlsx(tmp_path / "bom.xlsx", [["a"]])
    import zipfile

    data = {}
    with zipfile.ZipFile(path) as zf:
        for name in zf.namelist():
            data[name] = zf.read(name)
    data["xl/worksheets/sheet1.xml"] = (
        b'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">'
        b'<c r="A1" t="inlineStr"><is><t>&b;</t></is></c></row></sheetData></worksheet>')
    with zipfile.ZipFile(path, "w") as zf:
        for name, body in data.items():
            zf.writestr(name, body)
    with pytest.raises(UnreadableInput, match="Không đọc được bảng tính XLSX bom.xlsx: DTDForbidden"):
        read_raw(path)
