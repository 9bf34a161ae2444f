"""One slip, one error, where a wrong figure pushes many others out of line
(reportgen.checks.culprits): on the real Lâm Đồng commune index
(ld-cchc2025-pl2-xaphuong.doc: 124 communes ranked by "Chỉ số chung", the
percent — two communes have a maximum of 89, so the points rank otherwise —
with "Chỉ số cao nhất / trung bình / thấp nhất" rows), a changed percent
moves every rank between its old and its new place."""
from __future__ import annotations

from pathlib import Path

import docx as python_docx

from reportgen.checks import CheckContext, run_checks
from reportgen.read import read_path

from support import REAL, set_cell_text

INDEX = REAL / "ld-cchc2025-pl2-xaphuong.doc"  # a DOCX despite its name


def _with(tmp_path: Path, unit: str, old: str, new: str) -> Path:
    doc = python_docx.Document(str(INDEX))
    row = next(r for t in doc.tables for r in t.rows if any(c.text.strip() == unit for c in r.cells))
    cell = next(c for c in row.cells if c.text.strip() == old)
    set_cell_text(cell, new)
    path = tmp_path / "index.docx"
    doc.save(str(path))
    return path


def _errors(path: Path) -> list[tuple]:
    found = run_checks(read_path(path), CheckContext())
    return [f for f in found if f.severity == "error"]


def test_a_percent_the_table_ranks_by_changed_is_one_error_at_that_cell(tmp_path):
    # Quảng Tân's 81,20% (80,39 of 99, rank 21) written 96,38%: by that figure it would rank
    # first, so the twenty communes above it all seem one place too high, and "Chỉ số cao
    # nhất" (88,98%) and the mean are no longer right. 80,39 / 99 gives 81,20% back: that one
    # cell answers every error, so it is the one finding.
    found = _errors(_with(tmp_path, "UBND xã Quảng Tân", "81,20%", "96,38%"))
    assert [(f.code, f.unit, f.column, f.reported, f.expected) for f in found] == [
        ("RATIO_MISMATCH", "UBND xã Quảng Tân", "k4", "96.38", "81.20")]
    assert found[0].message.endswith(
        "Số ghi sai này kéo theo: SUMMARY_ROW_MISMATCH ở “Chỉ số cao nhất” (ghi 88,98, tính ra 96,38); "
        "SUMMARY_ROW_MISMATCH ở “Chỉ số trung bình” (ghi 73,90, tính ra 74,02); RANK_MISMATCH ở “UBND xã Tuyên "
        "Quang” (ghi 1, tính ra 2); RANK_MISMATCH ở “UBND phường Mũi Né” (ghi 2, tính ra 3) và 19 lỗi khác — "
        "các lỗi này hết khi sửa ô này, nên không báo riêng.")


def test_a_percent_the_lowest_row_repeats_is_corrected_to_the_figure_written_there(tmp_path):
    # Lạc Dương's 55,70% written 47,56%: 55,15 / 99 × 100 is 55,71 (55,70 as the table writes
    # it, and as its "Chỉ số thấp nhất" row repeats), so setting the cell to 55,71 would break
    # the lowest row; the figure that row writes answers both, and is the one the finding gives.
    found = _errors(_with(tmp_path, "UBND xã Lạc Dương", "55,70%", "47,56%"))
    assert [(f.code, f.unit, f.column, f.reported, f.expected) for f in found] == [
        ("RATIO_MISMATCH", "UBND xã Lạc Dương", "k4", "47.56", "55.70")]
    assert found[0].message.endswith(
        "kéo theo: SUMMARY_ROW_MISMATCH ở “Chỉ số trung bình” (ghi 73,90, tính ra 73,83); SUMMARY_ROW_MISMATCH "
        "ở “Chỉ số thấp nhất” (ghi 55,70, tính ra 47,56) — các lỗi này hết khi sửa ô này, nên không báo riêng.")


def test_a_per_row_maximum_changed_is_named_by_the_figure_its_column_writes_elsewhere(tmp_path):
    # Hoài Đức's maximum 99,00 written 72,30: its 73,09 points pass it and its 73,83% is no longer
    # 73,09 / 72,30. Its points set to 72,30 × 73,83% or its maximum set to 73,09 / 73,83% both
    # answer the two errors; only 99,00 is a maximum the column writes (99 and 89 elsewhere).
    found = _errors(_with(tmp_path, "UBND xã Hoài Đức", "99,00", "72,30"))
    assert [(f.code, f.unit, f.column, f.reported, f.expected) for f in found] == [
        ("VALUE_EXCEEDS_MAX", "UBND xã Hoài Đức", "k2", "72.30", "99.00")]
    # A maximum that breaks only the ratio (Đông Giang's 89,00 written 63,90, its 63,69 points
    # still under it) is named the same way, not the percent the ratio is written in.
    found = _errors(_with(tmp_path, "UBND xã Đông Giang", "89,00", "63,90"))
    assert [(f.code, f.unit, f.column, f.reported, f.expected) for f in found] == [
        ("RATIO_MISMATCH", "UBND xã Đông Giang", "k2", "63.90", "89.00")]
    assert found[0].message.endswith("cột “Điểm chuẩn tối đa” ghi 63,90; nếu là 89,00 (số cột này ghi ở các dòng "
                                     "khác) thì mọi quan hệ đều khớp")


def test_points_changed_are_named_where_the_other_correction_passes_every_maximum(tmp_path):
    # Quảng Tân's points 80,39 written 85,39: the percent 81,20%, the points and the maximum 99,00
    # are one ratio. The percent set to 86,25% would move twenty ranks (new errors); the points set
    # to 80,39 and the maximum set to 105,16 both answer the ratio alone, but the maxima of the
    # column are 99 and 89: only 80,39 lies within what its column writes, so the points are the slip.
    found = _errors(_with(tmp_path, "UBND xã Quảng Tân", "80,39", "85,39"))
    assert [(f.code, f.unit, f.column, f.reported, f.expected) for f in found] == [
        ("RATIO_MISMATCH", "UBND xã Quảng Tân", "k3", "85.39", "80.39")]
    assert found[0].message.endswith("cột “Điểm đạt được” ghi 85,39; nếu là 80,39 thì mọi quan hệ đều khớp")


# Seven units of the province's 766 portal export for October 2025 (portal-766-2025-10.xlsx,
# "Sở Ban"): six group scores and their total, and a "Trung bình" row of each column.
GROUPS = ["Tiến độ, kết quả giải quyết", "Mức độ hài lòng", "Số hóa hồ sơ", "Thanh toán trực tuyến",
          "Chất lượng giải quyết", "Công khai, minh bạch", "Tổng điểm"]
UNITS = [("Ban Quản lý Khu kinh tế", "20,00 18,00 17,75 10,00 10,00 18,00 93,75"),
         ("Sở Văn hóa và Thể thao", "19,79 18,00 17,16 10,00 10,00 18,00 92,95"),
         ("Sở Du lịch", "20,00 18,00 16,11 10,00 10,00 18,00 92,11"),
         ("Sở Công Thương", "19,03 18,00 15,37 9,79 10,00 18,00 90,19"),
         ("Sở Dân tộc và Tôn giáo", "15,00 17,00 18,00 10,00 10,00 18,00 88,00"),
         ("Ban Quản lý Khu kinh tế Phú Quốc", "19,78 18,00 11,27 10,00 10,00 18,00 87,05"),
         ("Sở Khoa học và Công nghệ", "16,30 17,43 12,16 10,00 10,00 18,00 83,89")]
MEANS = "18,56 17,78 15,40 9,97 10,00 18,00 89,71"


def _groups(tmp_path: Path, unit: str | None = None, column: int = 0, text: str = "") -> Path:
    import sys

    sys.path.insert(0, str(REAL.parents[2] / "benchmarks"))
    from corpus_docs import Doc, Table, write_docx

    rows = []
    for k, (name, figures) in enumerate(UNITS):
        cells = figures.split()
        if name == unit:
            cells[column] = text
        rows.append([str(k + 1), name, *cells])
    rows.append(["", "Trung bình", *MEANS.split()])
    path = tmp_path / "groups.docx"
    write_docx(Doc(name="g", kind="groups", tables=[Table([["STT", "Đơn vị", *GROUPS]], rows, "ĐIỂM CÁC NHÓM")]), path)
    return path


def test_a_group_score_crossing_its_row_total_and_its_mean_row_is_the_one_error(tmp_path):
    assert _errors(_groups(tmp_path)) == []
    # Sở Du lịch's "Số hóa hồ sơ" 16,11 written 13,11: its total 92,11 is no longer the sum of
    # its groups, and the column's "Trung bình" 15,40 no longer its mean. The two broken
    # relations cross at that cell; 13,11 + 3 answers both.
    found = _errors(_groups(tmp_path, "Sở Du lịch", 2, "13,11"))
    assert [(f.unit, f.reported, f.expected) for f in found] == [("Sở Du lịch", "13.11", "16.11")]
    assert "Chỉ một ô sai giải thích được mọi lỗi: cột “Số hóa hồ sơ” ghi 13,11; nếu là 16,11" in found[0].message


def test_a_score_above_its_maximum_that_breaks_the_total_is_named_with_the_figure_that_holds(tmp_path):
    # Sở Du lịch's "Số hóa hồ sơ" 16,11 written 23,11 passes its 22-point maximum and breaks its
    # total: the bound names the cell, the total's gap (7) gives the figure back.
    path = _groups(tmp_path, "Sở Du lịch", 2, "23,11")
    import docx as python_docx

    doc = python_docx.Document(str(path))
    doc.tables[0].cell(0, 4).text = "Số hóa hồ sơ (Tối đa 22 điểm)"
    doc.save(str(path))
    found = _errors(path)
    assert [(f.code, f.unit, f.reported, f.expected) for f in found] == [
        ("SCORE_EXCEEDS_MAX", "Sở Du lịch", "23.11", "16.11")]
    assert "; nếu ô này là 16,11 thì mọi quan hệ đều khớp. Số ghi sai này kéo theo: " in found[0].message


SECTORS = """UBND XÃ HIỆP THẠNH

BÁO CÁO
Kết quả tiếp nhận hồ sơ tháng 10 năm 2026

KẾT QUẢ TIẾP NHẬN HỒ SƠ THEO LĨNH VỰC
STT\tLĩnh vực\tTrực tuyến\tTrực tiếp\tTổng tiếp nhận
1\tHộ tịch\t412\t96\t508
2\tChứng thực\t{online}\t103\t601
3\tĐất đai\t88\t141\t229
4\tXây dựng\t57\t34\t91
5\tLao động - Thương binh và Xã hội\t120\t45\t165
\tTổng cộng\t1.175\t419\t1.594
"""


def test_a_culprit_moved_onto_its_cell_takes_the_warning_that_repeated_its_row_along(tmp_path):
    # Chứng thực's online count 498 written 507: the row's sum and the column's total
    # both break; one error, moved onto the 507, and the "derived column" guess that
    # said the same of the row (507 + 103 = 610, written 601) is not listed apart.
    path = tmp_path / "bc.txt"
    path.write_text(SECTORS.format(online="507"), encoding="utf-8")
    found = run_checks(read_path(path), CheckContext())
    [error] = [f for f in found if f.severity == "error"]
    assert (error.code, error.unit, error.reported, error.expected) == ("SUM_COLUMNS_MISMATCH", "Chứng thực", "507",
                                                                        "498")
    assert [f for f in found if f.code == "SUM_MISMATCH"] == []
    path.write_text(SECTORS.format(online="498"), encoding="utf-8")
    assert [f for f in run_checks(read_path(path), CheckContext()) if f.severity != "info"] == []
