"""One slip, one error (reportgen.checks.culprits), on real documents with
one figure changed: the errors the slip causes on right cells are folded into
the one that names it.

- ld-chiso-bc184-snv.docx: the PAPI-like index of three provinces side by
  side (Điểm số / Chỉ số / Thứ hạng each), eight numbered sections and a
  "CHỈ SỐ CHUNG" row that is the mean of the sections. With every section
  right that row is judged as one more parent of the sections; with one
  section wrong it is judged on its own: the relation has another name but
  covers the same cells, so correcting the section answers the row's error.
"""
from __future__ import annotations

from pathlib import Path

import docx as python_docx

from reportgen.checks import CheckContext, run_checks
from reportgen.read import read_path

from support import REAL, set_cell_text


def _with(tmp_path: Path, source: Path, unit: str, nth: int, old: str, new: str) -> Path:
    """``source`` with the ``nth`` cell reading ``old`` on the row of ``unit`` set to ``new``."""
    doc = python_docx.Document(str(source))
    row = next(r for t in doc.tables for r in t.rows if any(c.text.strip() == unit for c in r.cells))
    cells = []
    for c in row.cells:
        if c.text.strip() == old and all(c._tc is not d._tc for d in cells):
            cells.append(c)
    set_cell_text(cells[nth], new)
    path = tmp_path / f"mutated{source.suffix if source.suffix == '.docx' else '.docx'}"
    doc.save(str(path))
    return path


def _errors(path: Path) -> list:
    return [f for f in run_checks(read_path(path), CheckContext()) if f.severity == "error"]


def test_a_section_percent_is_one_error_with_the_general_index_it_moved(tmp_path):
    # Bình Thuận's "Thủ tục hành chính công" 75,4% (7,54 of 10) written 89,7%: its ratio breaks,
    # and the "CHỈ SỐ CHUNG" 58,9 is no longer the mean of the eight sections (60,7).
    path = _with(tmp_path, REAL / "ld-chiso-bc184-snv.docx", "Thủ tục hành chính công", 0, "75,4%", "89,7%")
    found = _errors(path)
    assert [(f.code, f.unit, f.reported, f.expected) for f in found] == [
        ("RATIO_MISMATCH", "Thủ tục hành chính công", "89.7", "75.40")]
    assert found[0].message.endswith(
        "Số ghi sai này kéo theo: PARENT_MEAN_MISMATCH ở “CHỈ SỐ CHUNG” (ghi 58,9, tính ra 60,7) — các lỗi "
        "này hết khi sửa ô này, nên không báo riêng.")


def test_a_row_maximum_slipped_is_one_error_naming_both_cells_that_may_be_wrong(tmp_path):
    # ld-cchc2025-pl1-songanh.doc (a DOCX despite its name): Sở Tư pháp scored 82,78 of 89,00,
    # 93,01%. Its maximum written 74,20 breaks the ratio (111,56%) and the bound (82,78 > 74,20).
    # The maximum set to 89,00 answers both, and so do the points set to 69,01 (93,01% of 74,20):
    # the row is sure, the cell is not — one error, naming both.
    path = _with(tmp_path, REAL / "ld-cchc2025-pl1-songanh.doc", "Sở Tư pháp", 0, "89,00", "74,20")
    found = _errors(path)
    assert [(f.code, f.unit, f.column, f.reported, f.expected) for f in found] == [
        ("RATIO_MISMATCH", "Sở Tư pháp", "k4", "93.01", "111.56")]
    assert found[0].message == (
        "Sở Tư pháp: cột “Chỉ số chung” ghi 93,01% nhưng “Điểm đạt được” / “Điểm chuẩn tối đa” × 100 = "
        "82,78 / 74,20 × 100 = 111,56%. Một ô sai giải thích được cả 2 lỗi của dòng này nhưng không rõ là ô nào: "
        "cột “Điểm đạt được” ghi 82,78 (nếu là 69,01 thì mọi quan hệ đều khớp) hoặc cột “Điểm chuẩn tối đa” ghi "
        "74,20 (nếu là 89,00 thì mọi quan hệ đều khớp). Số ghi sai này kéo theo: VALUE_EXCEEDS_MAX ở “Sở Tư pháp” "
        "(ghi 82,78, tính ra 74,20) — các lỗi này hết khi sửa ô sai, nên không báo riêng.")


def test_a_percent_slipped_far_leaves_the_ranks_checked_and_is_one_error(tmp_path):
    # Sở Tư pháp's 93,01% (rank 1 of 14) written 65,11%: by that figure it would rank 13th and the
    # twelve units between would each stand one place higher, so no column fits the ranks on a
    # majority. Set aside, the other thirteen ranks follow "Chỉ số chung": the ranks stay checked,
    # its rank 1 is out of place, and the percent's one error names it.
    path = _with(tmp_path, REAL / "ld-cchc2025-pl1-songanh.doc", "Sở Tư pháp", 0, "93,01%", "65,11%")
    found = run_checks(read_path(path), CheckContext())
    errors = [f for f in found if f.severity == "error"]
    assert [(f.code, f.unit, f.column, f.reported, f.expected) for f in errors] == [
        ("RATIO_MISMATCH", "Sở Tư pháp", "k4", "65.11", "93.01")]
    assert "RANK_MISMATCH ở “Sở Tư pháp” (ghi 1, tính ra 13)" in errors[0].message
    assert [f.code for f in found if f.code in ("COLUMN_UNCHECKED", "TABLE_UNCHECKED")] == []


def test_a_lone_error_that_two_other_cells_answer_says_so(tmp_path):
    # Sở Y tế scored 70,53 of 89,50, 78,80%. Its maximum written 74,60 breaks only the ratio, which
    # the rules report on the percent — a right cell. The points set to 58,78 (78,80% of 74,60)
    # answer it, and so does the maximum set to 89,51; the percent set to 94,54 would break the
    # "Chỉ số cao nhất" row. The error stays, and names the two cells it may be.
    path = _with(tmp_path, REAL / "ld-cchc2025-pl1-songanh.doc", "Sở Y tế", 0, "89,50", "74,60")
    found = _errors(path)
    assert [(f.code, f.unit, f.column, f.reported, f.expected) for f in found] == [
        ("RATIO_MISMATCH", "Sở Y tế", "k4", "78.80", "94.54")]
    assert found[0].message.endswith(
        "= 70,53 / 74,60 × 100 = 94,54%. Chỉ một ô sai, nhưng không rõ là ô nào: cột “Điểm đạt được” ghi 70,53 "
        "(nếu là 58,78 thì mọi quan hệ đều khớp) hoặc cột “Điểm chuẩn tối đa” ghi 74,60 (nếu là 89,51 thì mọi "
        "quan hệ đều khớp)")
