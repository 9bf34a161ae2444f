"""XLSX → RawDocument: sheets, merged headers, exact numbers, numbers kept as
typed text, formulas checked against their cached values in Decimal."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from fixtures import REAL_DIR
from fixtures.render_xlsx import _with_cached_values
from parsers import read_raw, xlsx as xlsx_parser
from parsers.xlsx_formula import Unsupported, evaluate
from reportgen.read import read_path

PORTAL = Path(str(REAL_DIR / "portal-766-2025-10.xlsx"))


def _score_sheet(ws, total_formula: str | None = None):
    ws["A1"] = "KẾT QUẢ ĐÁNH GIÁ THÁNG 7 NĂM 2023"
    ws.merge_cells("A1:F1")
    ws["A3"], ws["B3"], ws["C3"], ws["F3"] = "STT", "TÊN ĐƠN VỊ", "Nhóm công khai, minh bạch", "TỔNG ĐIỂM"
    ws.merge_cells("A3:A4")
    ws.merge_cells("B3:B4")
    ws.merge_cells("C3:E3")
    ws.merge_cells("F3:F4")
    ws["C4"], ws["D4"], ws["E4"] = "Chỉ số 1 (5đ)", "Chỉ số 2 (5đ)", "Chỉ số 3 (10đ)"
    ws.append([1, "Trung tâm QLĐĐ", "-", 4.81, 23.45, total_formula or 28.26])
    ws.append([2, "Phòng Tư pháp", "-", "4,81", "8.32", 13.13])
    ws["A8"] = "Lưu ý: dấu (-) là chỉ số không phải thực hiện."


def _book(tmp_path: Path, cached: dict[str, Decimal] | None = None, formula: str | None = None) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Phụ lục"
    _score_sheet(ws, formula)
    path = tmp_path / "sheet.xlsx"
    wb.save(path)
    if cached:
        path.write_bytes(_with_cached_values(path.read_bytes(), {0: cached}))
    return path


def test_a_sheet_gives_its_name_title_rows_table_and_note_rows(tmp_path):
    raw = xlsx_parser.read(_book(tmp_path))
    paras = [(p.style, p.text) for p in raw.paragraphs]
    assert paras == [("sheet", "Phụ lục"), ("sheet-title", "KẾT QUẢ ĐÁNH GIÁ THÁNG 7 NĂM 2023"),
                     ("sheet-note", "Lưu ý: dấu (-) là chỉ số không phải thực hiện.")]
    assert raw.properties["sheets"] == [{"name": "Phụ lục", "table": 0, "tables": [0]}]
    kinds = [type(b).__name__ for b in raw.blocks]
    assert kinds == ["RawParagraph", "RawParagraph", "RawTable", "RawParagraph"]


def test_merged_header_cells_become_spans(tmp_path):
    table = next(xlsx_parser.read(_book(tmp_path)).tables)
    spans = {c.text: (c.row, c.col, c.rowspan, c.colspan) for c in table.rows[0]}
    assert spans == {"STT": (0, 0, 2, 1), "TÊN ĐƠN VỊ": (0, 1, 2, 1),
                     "Nhóm công khai, minh bạch": (0, 2, 1, 3), "TỔNG ĐIỂM": (0, 5, 2, 1)}


def test_numbers_are_exact_and_written_in_vi_vn_while_typed_text_stays_as_typed(tmp_path):
    table = next(xlsx_parser.read(_book(tmp_path)).tables)
    row = {c.col: c for c in table.rows[2]}
    assert (row[3].text, row[3].value) == ("4,81", Decimal("4.81"))
    assert (row[4].text, row[4].value) == ("23,45", Decimal("23.45"))
    typed = {c.col: c for c in table.rows[3]}
    assert (typed[3].text, typed[3].value) == ("4,81", None)
    assert (typed[4].text, typed[4].value) == ("8.32", None)


@pytest.mark.parametrize("stored, number_format, text, value", [
    (58.940000000000005, "General", "58,94", Decimal("58.94")),
    (71.18823529411765, "0.00", "71,19", Decimal("71.19")),
    (0.9457, "0.00%", "94,57%", Decimal("94.57")),
    (13597, "#,##0", "13597", Decimal("13597")),
    (88.9, "0.0", "88,9", Decimal("88.9")),
    (2.8, "0.00", "2,80", Decimal("2.80")),  # the trailing zero the sheet shows is kept: two places written
    (0.28, "0.00%", "28,00%", Decimal("28.00")),
    (2.8, "#,##0.00_);(#,##0.00)", "2,80", Decimal("2.80")),
])
def test_a_number_shows_as_its_format_displays_it(tmp_path, stored, number_format, text, value):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Đơn vị", "Giá trị"])
    ws.append(["Sở Y tế", stored])
    ws["B2"].number_format = number_format
    wb.save(tmp_path / "n.xlsx")
    cell = next(xlsx_parser.read(tmp_path / "n.xlsx").tables).rows[1][1]
    assert (cell.text, cell.value) == (text, value)


def test_a_formula_whose_cached_value_disagrees_gives_a_note(tmp_path):
    # Seed 002, Trung tâm QLĐĐ: the cells add up to 28,26 here, the sheet
    # shows the stale 58,69.
    path = _book(tmp_path, cached={"F5": Decimal("58.69")}, formula="=SUM(C5:E5)")
    raw = xlsx_parser.read(path)
    cell = next(raw.tables).rows[2][-1]
    assert (cell.text, cell.value) == ("58,69", Decimal("58.69"))
    [note] = raw.notes
    assert (note.kind, note.table, note.row, note.col) == ("formula_mismatch", 0, 2, 5)
    assert note.data == {"sheet": "Phụ lục", "cell": "F5", "formula": "=SUM(C5:E5)",
                         "cached": Decimal("58.69"), "computed": Decimal("28.26")}
    assert "58,69" in note.message and "28,26" in note.message


def test_the_reader_turns_the_note_into_a_formula_finding(tmp_path):
    path = _book(tmp_path, cached={"F5": Decimal("58.69")}, formula="=SUM(C5:E5)")
    report = read_path(path)
    assert [f.code for f in report.read_findings if f.code == "FORMULA_MISMATCH"] == ["FORMULA_MISMATCH"]


def test_a_formula_that_agrees_with_its_cached_value_gives_no_note(tmp_path):
    raw = xlsx_parser.read(_book(tmp_path, cached={"F5": Decimal("28.26")}, formula="=SUM(C5:E5)"))
    assert raw.notes == []


def test_a_formula_never_calculated_shows_its_computed_value(tmp_path):
    raw = xlsx_parser.read(_book(tmp_path, formula="=ROUND(D5+E5,1)"))
    cell = next(raw.tables).rows[2][-1]
    assert (cell.text, cell.value) == ("28,3", Decimal("28.3"))
    assert raw.notes == []


def test_formulas_never_calculated_that_use_each_other_are_worked_out_in_turn(tmp_path):
    """A sheet a script wrote: every total is a formula with no saved value,
    and the column total sums formulas. Each is worked out from the cells it
    reads, formulas included — an uncalculated formula is never an empty 0 —
    and one that reads itself stays unread."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["TT", "Đơn vị", "Tiếp nhận", "Đúng hạn", "Quá hạn", "Tỷ lệ đúng hạn (%)"])
    for k, (unit, on_time, late) in enumerate([("Xã Tà Nung", 405, 7), ("Xã Xuân Thọ", 380, 8),
                                               ("Phường 1", 1190, 14)], 2):
        ws.append([k - 1, unit, f"=D{k}+E{k}", on_time, late, f"=ROUND(D{k}/C{k}*100,2)"])
    ws.append(["", "Tổng cộng", "=SUM(C2:C4)", "=SUM(D2:D4)", "=SUM(E2:E4)", "=ROUND(D5/C5*100,2)"])
    ws.append(["", "Vòng lặp", "=C6+1", 1, 1, 1])
    path = tmp_path / "script.xlsx"
    wb.save(path)
    table = next(iter(xlsx_parser.read(path).tables))
    texts = [{c.col: c.text for c in row} for row in table.rows]
    assert [texts[1][c] for c in (2, 3, 4, 5)] == ["412", "405", "7", "98,3"]
    assert [texts[4][c] for c in (1, 2, 3, 4, 5)] == ["Tổng cộng", "2004", "1975", "29", "98,55"]
    assert texts[5].get(2, "") == ""


def test_a_formula_never_calculated_shows_in_its_cell_s_number_format(tmp_path):
    """A rate a script wrote as "=ROUND(E/F,4)" in a cell formatted "0.00%"
    shows as Excel would show it, 79,52% — never the fraction 0,7952."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["TT", "Cơ quan", "Tổng điểm", "Điểm tối đa", "Chỉ số (%)", "Điểm bình quân"])
    for k, (unit, points, most) in enumerate([("Sở Y tế", 74.75, 94), ("Sở Xây dựng", 68.25, 89)], 2):
        ws.append([k - 1, unit, points, most, f"=ROUND(C{k}/D{k},4)", f"=C{k}/5"])
        ws.cell(k, 5).number_format = "0.00%"
        ws.cell(k, 6).number_format = "0.0"
    path = tmp_path / "rates.xlsx"
    wb.save(path)
    table = next(iter(xlsx_parser.read(path).tables))
    cells = [(c.text, c.value) for row in table.rows[1:] for c in row if c.col in (4, 5)]
    assert cells == [("79,52%", Decimal("79.52")), ("15,0", Decimal("15.0")),
                     ("76,69%", Decimal("76.69")), ("13,7", Decimal("13.7"))]


def test_formula_evaluation_is_decimal_and_spreadsheet_like():
    values = {(5, 3): Decimal("4.81"), (5, 4): Decimal("23.45"), (5, 5): "-", (5, 6): Decimal("5.16")}

    def lookup(r, c):
        return values.get((r, c))

    assert evaluate("=SUM(C5:F5)", lookup) == Decimal("33.42")  # text in a range is skipped
    assert evaluate("=ROUND(SUM(C5:D5)/85*100,2)", lookup) == Decimal("33.25")
    assert evaluate("=ROUND(0.125,2)", lookup) == Decimal("0.13")  # half away from zero
    assert evaluate("=C5+D5*2-F5/2", lookup) == Decimal("49.13")
    assert evaluate("=-C5^2+10%", lookup) == Decimal("23.2361")
    assert evaluate("=MAX(C5:F5)-MIN(C5,F5)", lookup) == Decimal("18.64")
    for formula in ("=Sheet2!A1", "=VLOOKUP(A1,B:C,2)", '="a"&B1', "=E5+1", "=C5/0"):
        with pytest.raises(Unsupported):
            evaluate(formula, lookup)


def test_the_portal_export_keeps_its_numbers_as_the_text_it_stores():
    raw = read_raw(PORTAL)
    names = [s["name"] for s in raw.properties["sheets"]]
    assert names == ["Điểm năm", "Điểm tháng", "Xu hướng tháng", "Xu hướng quý", "Sở Ban", "Xã Phường"]
    first = next(raw.tables)
    assert len(first.rows) == 35
    assert first.grid()[0][7:14] == ["TDGQ", "MDHL", "MDSH", "TTTT", "CLGQ", "CKMB", "TONG_SCORE"]
    assert first.grid()[1][1] == "UBND tỉnh Bắc Ninh"
    assert first.grid()[1][7] == "19.05"
    assert first.rows[1][7].value is None
    trend = list(raw.tables)[2]
    assert [(c.text, c.value) for c in trend.rows[1]] == [("8", Decimal("8")), ("2025", None),
                                                          ("86,2", Decimal("86.2"))]


def test_two_appendices_on_one_sheet_are_two_tables(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Phụ lục"
    ws.append(["Phụ lục I"])
    ws.append(["STT", "Đơn vị", "Điểm"])
    ws.append([1, "Sở Y tế", 80.67])
    ws.append([])
    ws.append([])
    ws.append(["Phụ lục II"])
    ws.append(["STT", "Đơn vị", "Điểm"])
    ws.append([1, "UBND huyện Mường Ảng", 81.18])
    wb.save(tmp_path / "two.xlsx")
    raw = xlsx_parser.read(tmp_path / "two.xlsx")
    assert [type(b).__name__ for b in raw.blocks] == ["RawParagraph", "RawParagraph", "RawTable",
                                                      "RawParagraph", "RawTable"]
    assert [p.text for p in raw.paragraphs] == ["Phụ lục", "Phụ lục I", "Phụ lục II"]
    assert [t.grid()[1][1] for t in raw.tables] == ["Sở Y tế", "UBND huyện Mường Ảng"]
    assert raw.properties["sheets"] == [{"name": "Phụ lục", "table": 0, "tables": [0, 1]}]


def test_a_workbook_with_another_extension_is_read_by_its_content(tmp_path):
    mislabelled = tmp_path / "bangdiem.xls"
    mislabelled.write_bytes(PORTAL.read_bytes())
    raw = read_raw(mislabelled)
    assert raw.format == "xlsx"
    assert next(raw.tables).grid()[1][1] == "UBND tỉnh Bắc Ninh"


@pytest.mark.parametrize("points_format, verdict", [("0.00", "KHÔNG ĐẠT"), ("General", "ĐẠT")])
def test_the_places_a_cell_shows_bound_the_rounding_its_rate_may_have(tmp_path, points_format, verdict):
    # 2,80 shown with two places: 28,40% is not 2,80 / 10 (at most 28,06 with rounding);
    # 2,8 shown with one may be 2,75 … 2,85, and 28,40% is within it.
    from reportgen.verify import verify_path

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["BẢNG ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH"])
    ws.append(["STT", "Đơn vị", "Điểm tối đa", "Điểm đạt được", "Tỷ lệ (%)"])
    for row in [(1, "Sở Tư pháp", 10, 2.8, 28.4), (2, "Sở Y tế", 10, 7.5, 75), (3, "Sở Tài chính", 10, 9.25, 92.5),
                (4, "Sở Nội vụ", 10, 6, 60), (5, "Sở Xây dựng", 10, 8.1, 81)]:
        ws.append(list(row))
        ws.cell(ws.max_row, 4).number_format = points_format
        ws.cell(ws.max_row, 5).number_format = "0.00"
    wb.save(tmp_path / "p.xlsx")
    result = verify_path(tmp_path / "p.xlsx")
    assert str(result.verdict) == verdict
    assert [(f.row, f.reported, f.expected) for f in result.findings if f.severity == "error"] == \
        ([(0, "28.40", "28.00")] if verdict == "KHÔNG ĐẠT" else [])
