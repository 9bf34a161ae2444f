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

from support import REAL

INDEX = REAL / "ld-cchc2025-pl2-xaphuong.doc"  # a DOCX despite its name


def _with(tmp_path: Path, unit: str, old: str, new: str) -> Path:
    doc = python_docx.Document(str(INDEX))
    row = next(r for t in doc.tables for r in t.rows if any(c.text.strip() == unit for c in r.cells))
    cell = next(c for c in row.cells if c.text.strip() == old)
    runs = [run for p in cell.paragraphs for run in p.runs]
    runs[0].text = new
    for run in runs[1:]:
        run.text = ""
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
    # the lowest row; the figure that row writes answers both.
    found = _errors(_with(tmp_path, "UBND xã Lạc Dương", "55,70%", "47,56%"))
    assert [(f.code, f.unit, f.column, f.reported, f.expected) for f in found] == [
        ("RATIO_MISMATCH", "UBND xã Lạc Dương", "k4", "47.56", "55.71")]
    assert found[0].message.endswith(
        "kéo theo: SUMMARY_ROW_MISMATCH ở “Chỉ số trung bình” (ghi 73,90, tính ra 73,83); SUMMARY_ROW_MISMATCH "
        "ở “Chỉ số thấp nhất” (ghi 55,70, tính ra 47,56) — các lỗi này hết khi sửa ô này, nên không báo riêng.")
