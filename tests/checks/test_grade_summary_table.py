"""A department report with its graded results (Biểu 02: points and grade by
the bands the prose states) and the grade summary under them (Biểu 03:
"Xếp loại | Số đơn vị | Tỷ lệ (%)"). The summary's "Trung bình" row is the
grade Trung bình, not the mean of the rows above it; its counts are the
graded table's rows counted per grade, and its shares are the counts over
the "Tổng cộng" row — the 0,00 % of a grade no unit has included."""
from __future__ import annotations

from reportgen.verify import verify_path

from support import write_docx_tables

BANDS = ("Mức xếp loại: Xuất sắc từ 90 điểm trở lên; Tốt từ 80 đến dưới 90 điểm; Khá từ 70 đến dưới 80 điểm; "
         "Trung bình từ 50 đến dưới 70 điểm; Yếu dưới 50 điểm.")
UNITS = [("Sở Tư pháp", "82,45", "Tốt"), ("Sở Công Thương", "91,30", "Xuất sắc"), ("Sở Xây dựng", "76,10", "Khá"),
         ("Sở Y tế", "88,75", "Tốt"), ("Sở Giáo dục và Đào tạo", "93,05", "Xuất sắc"),
         ("Sở Nông nghiệp và Môi trường", "68,40", "Trung bình"), ("Sở Tài chính", "84,00", "Tốt"),
         ("Sở Văn hóa, Thể thao và Du lịch", "79,95", "Khá"), ("Sở Khoa học và Công nghệ", "90,10", "Xuất sắc"),
         ("Sở Nội vụ", "86,60", "Tốt"), ("Ban Quản lý các khu công nghiệp", "95,25", "Xuất sắc")]
SUMMARY = [["Xuất sắc", "4", "36,36"], ["Tốt", "4", "36,36"], ["Khá", "2", "18,18"], ["Trung bình", "1", "9,09"],
           ["Yếu", "0", "0,00"], ["Tổng cộng", "11", "100,00"]]


def write(path, summary=SUMMARY) -> None:
    graded = [[str(k), name, points, grade] for k, (name, points, grade) in enumerate(UNITS, 1)]
    write_docx_tables(path, ["Kết quả đánh giá Bộ chỉ số phục vụ người dân, doanh nghiệp của các sở, ngành.", BANDS],
                      [("Biểu số 02. KẾT QUẢ BỘ CHỈ SỐ THÁNG 10 NĂM 2026",
                        ["STT", "Cơ quan, đơn vị", "Điểm", "Xếp loại"], graded),
                       ("Biểu số 03. TỔNG HỢP KẾT QUẢ XẾP LOẠI", ["Xếp loại", "Số đơn vị", "Tỷ lệ (%)"], summary)])


def errors(path) -> list[tuple[str, str | None, str | None, str | None]]:
    return [(f.code, f.unit, f.reported, f.expected) for f in verify_path(path).findings if f.severity == "error"]


def test_the_clean_summary_is_checked_whole(tmp_path):
    write(tmp_path / "clean.docx")
    findings = verify_path(tmp_path / "clean.docx").findings
    assert errors(tmp_path / "clean.docx") == []
    # the graded table's lone points column is only bounded by the bands (all a reader can check it
    # by: a note); every cell of the summary is checked
    assert [(f.code, f.table) for f in findings if f.code.endswith("_UNCHECKED") or f.code == "BOUND_ONLY"] == [
        ("BOUND_ONLY", 0)]


def test_a_unit_moved_to_another_grade_in_the_summary_is_named_at_both_grades(tmp_path):
    moved = [row[:] for row in SUMMARY]
    moved[1][1:] = ["5", "45,45"]
    moved[2][1:] = ["1", "9,09"]
    write(tmp_path / "moved.docx", moved)
    assert errors(tmp_path / "moved.docx") == [("GRADE_COUNT_MISMATCH", "Tốt", "5", "4"),
                                               ("GRADE_COUNT_MISMATCH", "Khá", "1", "2")]


def test_a_share_beside_a_count_of_nought_is_checked(tmp_path):
    slipped = [row[:] for row in SUMMARY]
    slipped[4][2] = "9,09"
    write(tmp_path / "nought.docx", slipped)
    assert errors(tmp_path / "nought.docx") == [("RATIO_MISMATCH", "Yếu", "9.09", "0.00")]


def test_the_grade_trung_binh_is_no_mean_row(tmp_path):
    write(tmp_path / "clean.docx")
    findings = verify_path(tmp_path / "clean.docx").findings
    assert [f.code for f in findings if f.unit == "Trung bình"] == []
