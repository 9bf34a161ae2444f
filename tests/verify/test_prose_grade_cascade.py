"""One slip, one error between a graded table and the prose that counts its
grades: seed 000's Phụ lục II (10 districts, their percent and grade), with
the bands stated in the prose and the counts "trong 10 đơn vị được đánh giá
có …" (the whole the counts are of). A grade changed in the table is one
error on that cell, the prose counts it throws off named in it; a count
changed in the prose is one error on that count, the sum of the counts it
throws off named in it."""
from __future__ import annotations

from reportgen.verify import verify_path

ROWS = [("UBND thị xã Mường Lay", "91,31", "Xuất sắc"), ("UBND huyện Mường Ảng", "90,2", "Xuất sắc"),
        ("UBND huyện Tuần Giáo", "88,69", "Tốt"), ("UBND huyện Tủa Chùa", "88,27", "Tốt"),
        ("UBND huyện Nậm Pồ", "87,31", "Tốt"), ("UBND huyện Điện Biên Đông", "85,11", "Tốt"),
        ("UBND huyện Điện Biên", "84,4", "Tốt"), ("UBND thành phố Điện Biên Phủ", "83,52", "Tốt"),
        ("UBND huyện Mường Nhé", "75,31", "Khá"), ("UBND huyện Mường Chà", "74,89", "Khá")]

DOC = """UBND TỈNH ĐIỆN BIÊN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
VĂN PHÒNG\tĐộc lập - Tự do - Hạnh phúc
Số: 15/BC-VPUB\tĐiện Biên, ngày 10 tháng 01 năm 2025

BÁO CÁO
Kết quả đánh giá chất lượng giải quyết thủ tục hành chính năm 2024

1. Kết quả
{legend}
{counts}

Phụ lục II. KẾT QUẢ ĐÁNH GIÁ CẤP HUYỆN

| STT | Đơn vị | Tỷ lệ điểm đạt được (%) | Xếp loại |
|---|---|---|---|
{rows}

Nơi nhận:
- UBND tỉnh;
- Lưu: VT, KSTT.
CHÁNH VĂN PHÒNG
Nguyễn Văn A
"""


LEGEND = ("Xếp loại theo tỷ lệ điểm: từ 90% trở lên xếp loại Xuất sắc; từ 80% đến dưới 90% xếp loại Tốt; "
          "từ 70% đến dưới 80% xếp loại Khá; từ 50% đến dưới 70% xếp loại Trung bình; dưới 50% xếp loại Yếu.")
COUNTS = ("Kết quả, trong 10 đơn vị được đánh giá có {xs} đơn vị xếp loại Xuất sắc; {tot} đơn vị xếp loại Tốt; "
          "02 đơn vị xếp loại Khá.")


def _errors(tmp_path, xs="02", tot="06", grades=None):
    rows = "\n".join(f"| {i} | {u} | {p} | {(grades or {}).get(i, g)} |" for i, (u, p, g) in enumerate(ROWS, 1))
    path = tmp_path / "bc.txt"
    path.write_text(DOC.format(legend=LEGEND, counts=COUNTS.format(xs=xs, tot=tot), rows=rows), encoding="utf-8")
    return [f for f in verify_path(path).findings if f.severity == "error"]


def test_the_unchanged_report_has_no_error(tmp_path):
    assert _errors(tmp_path) == []


def test_a_grade_changed_in_the_table_is_one_error_on_that_cell_naming_the_counts(tmp_path):
    errors = _errors(tmp_path, grades={3: "Xuất sắc"})  # Tuần Giáo, 88,69%: Tốt
    assert [(f.code, f.row, f.reported, f.expected) for f in errors] == [
        ("GRADE_BAND_MISMATCH", 2, "Xuất sắc", "Tốt")]
    assert "GRADE_COUNT_MISMATCH" in errors[0].message and "ghi 2, tính ra 3" in errors[0].message
    assert "ghi 6, tính ra 5" in errors[0].message


def test_a_count_changed_in_the_prose_is_one_error_naming_the_broken_sum(tmp_path):
    errors = _errors(tmp_path, tot="07")
    assert [(f.code, f.reported, f.expected) for f in errors] == [("GRADE_COUNT_MISMATCH", "7", "6")]
    assert "SUM_MISMATCH ở đoạn văn 11 (ghi 11, tính ra 10)" in errors[0].message
