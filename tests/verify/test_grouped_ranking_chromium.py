"""A PAR index appendix written as a web page and printed by Chromium: header
cells set vertically centred (the long ones wrap onto lines above "STT"), no
ruling lines but the header's underline, the units in two groups "A | CÁC SỞ,
BAN, NGÀNH" and "B | UBND CÁC HUYỆN, THÀNH PHỐ" ranked within each group, and
the bands stated under the table. Figures: points 70 + 30 = 100, so the index
in % is the total."""
from __future__ import annotations

import subprocess
from decimal import Decimal

import pytest

from fixtures.build_pdf import chromium_binary
from parsers import read_raw
from reportgen.checks import CheckContext, run_checks
from reportgen.read import read_path

pytestmark = pytest.mark.slow

#          unit,                      appraisal, survey, rank in group, grade
GROUP_A = [("Sở Kế hoạch và Đầu tư", "58,25", "21,40", "3", "Khá"),
           ("Sở Tài chính", "60,10", "22,85", "2", "Tốt"),
           ("Sở Xây dựng", "52,75", "19,30", "5", "Khá"),
           ("Sở Giáo dục và Đào tạo", "55,00", "23,10", "4", "Khá"),
           ("Sở Y tế", "49,50", "18,75", "6", "Trung bình"),
           ("Sở Nội vụ", "61,30", "24,05", "1", "Tốt")]
GROUP_B = [("UBND huyện Lạc Dương", "57,40", "20,15", "2", "Khá"),
           ("UBND huyện Đơn Dương", "54,85", "22,60", "3", "Khá"),
           ("UBND huyện Lâm Hà", "50,20", "17,95", "4", "Trung bình"),
           ("UBND thành phố Bảo Lộc", "62,05", "23,45", "1", "Tốt")]
HEAD = ["STT", "Đơn vị", "Điểm thẩm định<br>(tối đa 70)", "Điểm điều tra XHH<br>(tối đa 30)",
        "Tổng điểm<br>(tối đa 100)", "Chỉ số CCHC (%)", "Xếp hạng", "Xếp loại"]


def _vi(text: str) -> Decimal:
    return Decimal(text.replace(",", "."))


def _rows(group, change):
    for k, (unit, a, b, rank, grade) in enumerate(group, 1):
        total = f"{_vi(a) + _vi(b):.2f}".replace(".", ",")
        cells = [str(k), unit, a, b, total, total, rank, grade]
        for (who, col), value in change.items():
            if who == unit:
                cells[col] = value
        yield "<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>"


def _pdf(tmp_path, change: dict | None = None):
    change = change or {}
    body = ["<tr><td><b>A</b></td><td colspan=7><b>CÁC SỞ, BAN, NGÀNH</b></td></tr>", *_rows(GROUP_A, change),
            "<tr><td><b>B</b></td><td colspan=7><b>UBND CÁC HUYỆN, THÀNH PHỐ</b></td></tr>", *_rows(GROUP_B, change)]
    html = tmp_path / "pl.html"
    html.write_text(
        "<!DOCTYPE html><html lang='vi'><head><meta charset='utf-8'><style>body{font-family:'Liberation Serif';"
        "font-size:12pt} td,th{padding:3px 6px} table{border-collapse:collapse} th{border-bottom:1px solid #000}"
        "</style></head><body><p style='text-align:center'><b>PHỤ LỤC</b><br>KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH "
        "NĂM 2025<br><i>(Kèm theo Báo cáo số 88/BC-SNV ngày 20/01/2026 của Sở Nội vụ)</i></p><table><tr>"
        + "".join(f"<th>{h}</th>" for h in HEAD) + "</tr>" + "".join(body) + "</table><p>Ghi chú: Xếp loại Tốt: "
        "từ 80% trở lên; Khá: từ 70% đến dưới 80%; Trung bình: từ 50% đến dưới 70%; Yếu: dưới 50%.</p>"
        "</body></html>", encoding="utf-8")
    pdf = tmp_path / f"pl-{len(change)}-{abs(hash(str(change))) % 10**6}.pdf"
    subprocess.run([chromium_binary(), "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    f"--user-data-dir={tmp_path}/profile", f"--print-to-pdf={pdf}", html.as_uri()],
                   check=True, timeout=120, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return pdf


def _errors(pdf):
    findings = run_checks(read_path(pdf, {"ocr": "never"}), CheckContext())
    return [(f.code, f.unit, f.reported, f.expected) for f in findings if f.severity == "error"]


def test_header_cells_wrapped_above_the_one_line_cells_keep_their_top_lines(tmp_path):
    table = next(iter(read_raw(_pdf(tmp_path), {"ocr": "never"}).tables))
    assert [c.text for c in table.rows[0]] == [
        "STT", "Đơn vị", "Điểm thẩm định (tối đa 70)", "Điểm điều tra XHH (tối đa 30)", "Tổng điểm (tối đa 100)",
        "Chỉ số CCHC (%)", "Xếp hạng", "Xếp loại"]
    assert [c.text for c in table.rows[1]] == ["A", "CÁC SỞ, BAN, NGÀNH"]


def test_the_unchanged_appendix_is_checked_whole_with_no_error(tmp_path):
    report = read_path(_pdf(tmp_path), {"ocr": "never"})
    ctx = CheckContext()
    findings = run_checks(report, ctx)
    assert [f for f in findings if f.severity == "error"] == []
    entry = ctx.ledger.tables[0]
    assert len(entry.numeric_cells) == 50 and entry.numeric_cells <= entry.checked_cells
    assert {"rank-follows-column", "grade-follows-bands", "total-equals-sum-of-columns"} <= entry.relations


def test_a_rank_is_checked_within_its_group(tmp_path):
    assert _errors(_pdf(tmp_path, {("Sở Y tế", 6): "4"})) == [("RANK_MISMATCH", "Sở Y tế", "4", "6")]


def test_a_wrong_index_does_not_move_the_grades_onto_another_column(tmp_path):
    """68,15 points written 86,15 % beside the grade Trung bình: the index is
    wrong, the grade is right (the total says 68,15); the appraisal column,
    which happens to order the grades too, is not graded by bands written for %."""
    errors = _errors(_pdf(tmp_path, {("UBND huyện Lâm Hà", 5): "86,15"}))
    assert errors == [("RATIO_MISMATCH", "UBND huyện Lâm Hà", "86.15", "68.15")]


def test_a_grade_outside_the_stated_band_is_named(tmp_path):
    errors = _errors(_pdf(tmp_path, {("UBND huyện Lâm Hà", 7): "Tốt"}))
    assert errors == [("GRADE_BAND_MISMATCH", "UBND huyện Lâm Hà", "Tốt", "Trung bình")]
