"""A report of the sở and the xã graded (Biểu 01, 02), then the units counted
per grade with the grades as columns (Biểu 03: "Cấp | Tổng số đơn vị | Xuất
sắc | Tốt | Khá | Trung bình | Yếu") and the same as shares (Biểu 04,
titled "… (%)"). The shares of a row add up to 100 — the "Tổng cộng" row
of Biểu 04 is the share of the totals, never the sum of the shares above
it — and each row of Biểu 03 counts the graded table of as many units."""
from __future__ import annotations

from reportgen.verify import verify_path

from support import write_docx_tables

BANDS = ("Mức xếp loại: Xuất sắc từ 90 điểm; Tốt từ 80 đến dưới 90 điểm; Khá từ 70 đến dưới 80 điểm; "
         "Trung bình từ 50 đến dưới 70 điểm; Yếu dưới 50 điểm.")
SO = [("Sở Tư pháp", "91,20", "Xuất sắc"), ("Sở Xây dựng", "78,35", "Khá"), ("Sở Y tế", "85,60", "Tốt"),
      ("Sở Nội vụ", "88,05", "Tốt"), ("Sở Tài chính", "62,15", "Trung bình"), ("Sở Công Thương", "80,90", "Tốt")]
XA = [("Xã Tân Hà", "92,10", "Xuất sắc"), ("Xã Đinh Văn", "86,20", "Tốt"), ("Xã Phú Sơn", "74,10", "Khá"),
      ("Xã Hiệp Thạnh", "73,25", "Khá"), ("Xã Tà Năng", "47,80", "Yếu"), ("Xã Lộc An", "69,30", "Trung bình"),
      ("Xã Đạ Huoai", "58,75", "Trung bình")]
GRADES = ["Xuất sắc", "Tốt", "Khá", "Trung bình", "Yếu"]
COUNTS = [["1", "Cấp tỉnh (sở, ban, ngành)", "6", "1", "3", "1", "1", "0"],
          ["2", "Cấp xã", "7", "1", "1", "2", "2", "1"],
          ["", "Tổng cộng", "13", "2", "4", "3", "3", "1"]]
SHARES = [["1", "Cấp tỉnh (sở, ban, ngành)", "16,67", "50,00", "16,67", "16,67", "0,00"],
          ["2", "Cấp xã", "14,29", "14,29", "28,57", "28,57", "14,29"],
          ["", "Tổng cộng", "15,38", "30,77", "23,08", "23,08", "7,69"]]


def write(path, counts=COUNTS, shares=SHARES) -> None:
    head = ["STT", "Đơn vị", "Điểm", "Xếp loại"]
    write_docx_tables(path, ["Kết quả đánh giá Bộ chỉ số năm 2026.", BANDS], [
        ("Biểu 01. KẾT QUẢ CÁC SỞ, BAN, NGÀNH", head, [[str(k), *u] for k, u in enumerate(SO, 1)]),
        ("Biểu 02. KẾT QUẢ CẤP XÃ", head, [[str(k), *u] for k, u in enumerate(XA, 1)]),
        ("Biểu 03. TỔNG HỢP SỐ ĐƠN VỊ THEO XẾP LOẠI", ["STT", "Cấp", "Tổng số đơn vị", *GRADES], counts),
        ("Biểu 04. TỶ LỆ ĐƠN VỊ THEO XẾP LOẠI (%)", ["STT", "Cấp", *GRADES], shares)])


def errors(path) -> list[tuple[str, str | None, str | None, str | None]]:
    return [(f.code, f.unit, f.reported, f.expected) for f in verify_path(path).findings if f.severity == "error"]


def test_the_clean_report_has_no_error_and_both_summaries_are_checked(tmp_path):
    write(tmp_path / "clean.docx")
    findings = verify_path(tmp_path / "clean.docx").findings
    assert errors(tmp_path / "clean.docx") == []
    # the two graded tables' lone points columns are held by the bands their grades state, all a
    # reader can check them by: one note each, nothing left unchecked
    assert [(f.code, f.table) for f in findings if f.code.endswith("_UNCHECKED") or f.code == "BOUND_ONLY"] == [
        ("BOUND_ONLY", 0), ("BOUND_ONLY", 1)]


def test_a_share_copied_from_the_next_grade_breaks_its_row_of_shares(tmp_path):
    shares = [row[:] for row in SHARES]
    shares[0][2] = "50,00"
    write(tmp_path / "share.docx", shares=shares)
    assert errors(tmp_path / "share.docx") == [("SUM_MISMATCH", "Cấp tỉnh (sở, ban, ngành)", "133.34", "100")]


def test_a_unit_moved_between_grades_of_one_level_is_named_against_its_graded_table(tmp_path):
    counts = [row[:] for row in COUNTS]
    counts[1][4], counts[1][6] = "2", "1"  # Cấp xã: Tốt 2 and Trung bình 1, Biểu 02 has 1 and 2
    write(tmp_path / "moved.docx", counts=counts)
    # one unit typed under Tốt for Trung bình: two cells of the row, one up and one down, break both
    # counts against Biểu 02 and the "Tổng cộng" row's two columns; the pair answers all four (one error)
    found = [f for f in verify_path(tmp_path / "moved.docx").findings if f.severity == "error"]
    assert [(f.code, f.unit, f.reported, f.expected) for f in found] == [("GRADE_COUNT_MISMATCH", "Cấp xã", "2", "1")]
    assert found[0].message == (
        "2. Cấp xã: cột “Tốt” ghi 2 đơn vị nhưng bảng “Biểu 02. KẾT QUẢ CẤP XÃ” (7 đơn vị) có 1 đơn vị xếp loại Tốt. "
        "Hai ô của dòng này lệch cùng một lượng, ngược chiều (như một số ghi nhầm sang cột khác): cột “Tốt” ghi 2 và "
        "cột “Trung bình” ghi 1; nếu là 1 và 2 thì mọi quan hệ đều khớp. Số ghi sai này kéo theo: SUM_ROW_MISMATCH "
        "ở “Tổng cộng” (ghi 4, tính ra 5); SUM_ROW_MISMATCH ở “Tổng cộng” (ghi 3, tính ra 2); GRADE_COUNT_MISMATCH "
        "ở “Cấp xã” (ghi 1, tính ra 2) — các lỗi này hết khi sửa hai ô này, nên không báo riêng.")
