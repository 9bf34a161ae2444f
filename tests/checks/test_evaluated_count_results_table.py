""""N đơn vị được đánh giá" against the results table when that table is no
shipped scheme's score table: a province's PAR index laid out its own way
(Thứ hạng | Đơn vị | Điểm chuẩn tối đa | Điểm đạt được | Chỉ số chung | Xếp
loại, the figures of Lâm Đồng's 2025 index), with its statistics rows, which
are no units."""
from __future__ import annotations

from reportgen.checks import CheckContext, run_checks
from reportgen.read import read_path

ROWS = [("Sở Tư pháp", "89,00", "82,78", "93,01", "TỐT"), ("Sở Nội vụ", "87,00", "78,95", "90,75", "TỐT"),
        ("Sở Xây dựng", "87,50", "78,47", "89,68", "TỐT"), ("Sở Y tế", "89,50", "70,53", "78,80", "KHÁ"),
        ("Sở Giáo dục và Đào tạo", "87,50", "68,92", "78,77", "KHÁ"),
        ("Sở Ngoại vụ", "80,50", "48,65", "60,43", "TRUNG BÌNH")]


def _report(tmp_path, evaluated: int):
    lines = ["ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG", "", "BÁO CÁO", "Kết quả Chỉ số cải cách hành chính năm 2025", "",
             f"Năm 2025 có {evaluated} cơ quan, đơn vị được đánh giá. Kết quả cụ thể như sau:", "",
             "KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2025",
             "Thứ hạng\tĐơn vị\tĐiểm chuẩn tối đa\tĐiểm đạt được\tChỉ số chung (%)\tXếp loại"]
    lines += [f"{k}\t{unit}\t{top}\t{got}\t{pct}\t{grade}" for k, (unit, top, got, pct, grade) in enumerate(ROWS, 1)]
    lines += ["\tChỉ số cao nhất\t\t\t93,01\t", "\tChỉ số trung bình\t\t\t81,91\t", "\tChỉ số thấp nhất\t\t\t60,43\t"]
    path = tmp_path / "bc.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return read_path(path)


def test_the_count_of_units_evaluated_is_the_results_tables_units_not_its_statistics(tmp_path):
    ctx = CheckContext()
    findings = run_checks(_report(tmp_path, 6), ctx)
    assert [f.code for f in findings if f.code == "EVALUATED_COUNT_MISMATCH"] == []
    [claim] = [c for c in ctx.ledger.claims.values() if "được đánh giá" in c.text]
    assert claim.relations == {"evaluated-rows"}


def test_one_unit_too_many_in_the_prose_is_said(tmp_path):
    [f] = [f for f in run_checks(_report(tmp_path, 7), CheckContext()) if f.code == "EVALUATED_COUNT_MISMATCH"]
    assert (f.severity, f.reported, f.expected, f.table) == ("warning", "7", "6", 0)
    assert f.message == "Văn bản nêu đánh giá 07 đơn vị nhưng bảng kết quả có 06 đơn vị"


# A one-stop evaluation under Thông tư 01/2018 laid out its own way: points per
# criterion CS1…CS9 and "Tổng điểm", no grade and no rank: its units are the
# units evaluated all the same.
CS_ROWS = [("Sở Tư pháp", "2 2 2 2 2 2 2 1 2", "17"), ("Sở Y tế", "2 1 2 2 2 2 1 1 2", "15"),
           ("Sở Xây dựng", "2 2 1 2 2 1 2 2 2", "16")]


def _points_report(tmp_path, evaluated: int):
    lines = ["UBND TỈNH NGHỆ AN", "", "BÁO CÁO", "Kết quả đánh giá việc giải quyết thủ tục hành chính năm 2025", "",
             f"Có {evaluated} đơn vị được đánh giá; kết quả tại bảng sau.", "",
             "\t".join(["STT", "Đơn vị", *(f"CS{k}" for k in range(1, 10)), "Tổng điểm"])]
    lines += ["\t".join([str(k), unit, *points.split(), total]) for k, (unit, points, total) in enumerate(CS_ROWS, 1)]
    path = tmp_path / "tt01.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return read_path(path)


def test_a_table_of_units_given_points_only_is_the_results_table(tmp_path):
    ctx = CheckContext()
    assert [f for f in run_checks(_points_report(tmp_path, 3), ctx) if f.code == "EVALUATED_COUNT_MISMATCH"] == []
    [claim] = [c for c in ctx.ledger.claims.values() if "được đánh giá" in c.text]
    assert claim.relations == {"evaluated-rows"}


def test_a_unit_too_many_against_a_table_of_points_is_said(tmp_path):
    [f] = [f for f in run_checks(_points_report(tmp_path, 4), CheckContext()) if f.code == "EVALUATED_COUNT_MISMATCH"]
    assert (f.severity, f.reported, f.expected) == ("warning", "4", "3")
