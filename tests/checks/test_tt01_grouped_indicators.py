"""A one-stop evaluation under Thông tư 01/2018/TT-VPCP whose header groups
its nine indicators under "Chỉ số đánh giá" and names them by code (CS1 …
CS9): points of each indicator, summed in "Tổng điểm (tối đa 18)", not nine
indices in percent; the prose's mean of "6 Bộ phận Một cửa" is of that
table's total. Figures: six communes' one-stop units, 2025."""
from __future__ import annotations

import sys

from reportgen.checks import CheckContext, run_checks
from reportgen.read import read_path

from support import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
from corpus_docs import Doc, Table, write_docx  # noqa: E402

CODES = [f"CS{k}" for k in range(1, 10)]
HEADER = [["STT", "Bộ phận Một cửa", *["Chỉ số đánh giá"] * 9, "Tổng điểm (tối đa 18)", "Xếp loại"],
          ["STT", "Bộ phận Một cửa", *CODES, "Tổng điểm (tối đa 18)", "Xếp loại"]]
_UNITS = [("Bình Minh", "1,9 1,5 1,7 1,7 2,0 1,7 1,7 2,0 2,0", "16,2", "Xuất sắc"),
          ("Lộc An", "1,5 1,3 1,0 1,8 1,0 1,2 1,5 1,0 2,0", "12,3", "Tốt"),
          ("Mỹ Hòa", "1,1 1,3 1,4 1,7 0,0 1,9 1,1 2,0 2,0", "12,5", "Tốt"),
          ("Hưng Thịnh", "1,6 1,4 1,5 1,2 1,5 1,3 1,4 1,6 1,0", "12,5", "Tốt"),
          ("Thạnh Mỹ", "1,8 1,6 1,7 1,5 1,6 1,4 1,8 1,6 1,2", "14,2", "Tốt"),
          ("Tân Phú", "1,7 1,5 1,6 1,4 1,5 1,3 1,7 1,5 1,0", "13,2", "Tốt")]
ROWS = [[str(i), f"Bộ phận Một cửa xã {name}", *points.split(), total, grade]
        for i, (name, points, total, grade) in enumerate(_UNITS, 1)]
BANDS = ("Mỗi chỉ số tối đa 2 điểm, tổng tối đa 18 điểm. Xếp loại theo Điều 15 Thông tư 01/2018/TT-VPCP: Xuất sắc "
         "từ 15 điểm trở lên; Tốt từ 12 đến dưới 15 điểm; Khá từ 9 đến dưới 12 điểm; Trung bình từ 6 đến dưới 9 "
         "điểm; Yếu dưới 6 điểm.")


def _run(tmp_path, rows=ROWS, mean="13,5"):
    path = tmp_path / "tt01.docx"
    write_docx(Doc(name="tt01", kind="bc", paragraphs=[BANDS, f"Điểm trung bình của 6 Bộ phận Một cửa là {mean} điểm."],
                   tables=[Table(HEADER, rows, "Bảng tổng hợp kết quả đánh giá năm 2025")]), path)
    ctx = CheckContext()
    findings = [f for f in run_checks(read_path(path), ctx) if f.severity.value != "info"
                and not f.code.startswith("LAYOUT")]
    return findings, ctx


def test_the_indicators_under_their_group_are_points_that_make_the_total(tmp_path):
    findings, ctx = _run(tmp_path)
    assert [(f.code, f.severity.value) for f in findings] == []
    entry = ctx.ledger.tables[0]
    assert "total-equals-sum-of-columns" in entry.relations
    assert entry.numeric_cells <= entry.checked_cells  # and the grades, checked against the bands


def test_a_slipped_indicator_and_a_slipped_mean_are_named(tmp_path):
    rows = [list(r) for r in ROWS]
    rows[2][4] = "2,4"  # CS3 of Mỹ Hòa: 1,4 written 2,4; the total 12,5 stays
    findings, _ = _run(tmp_path, rows, mean="14,1")  # the six totals' mean is 13,48
    assert sorted((f.code, f.severity.value) for f in findings if f.severity.value == "error") == [
        ("STAT_MISMATCH", "error"), ("SUM_COLUMNS_MISMATCH", "error")]
