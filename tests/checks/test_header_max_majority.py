"""A maximum read in a column's header ("Mức độ hài lòng (18 điểm)") binds the
column by the adoption rule: one figure above it among many is an error at
that cell; most figures above it (a scan that read "(18 điểm)" as "(8điểm)",
or a number in the header that is no maximum) is one warning for the column
and no error. Figures: six departments' satisfaction points of quarter III."""
from __future__ import annotations

from docx import Document

from reportgen.checks import CheckContext, run_checks
from reportgen.read import read_path

SCORES = ["17,60", "17,80", "17,10", "16,50", "16,90", "14,40"]


def _over(tmp_path, header: str, scores=SCORES):
    doc = Document()
    doc.add_paragraph("KẾT QUẢ ĐÁNH GIÁ MỨC ĐỘ HÀI LÒNG QUÝ III NĂM 2026")
    table = doc.add_table(rows=1, cols=3)
    for c, text in enumerate(("TT", "Cơ quan, đơn vị", header)):
        table.cell(0, c).text = text
    for i, v in enumerate(scores, 1):
        cells = table.add_row().cells
        for c, text in enumerate((str(i), f"Sở số {i}", v)):
            cells[c].text = text
    path = tmp_path / "t.docx"
    doc.save(path)
    return [(f.severity.value, f.unit, f.reported) for f in run_checks(read_path(path), CheckContext())
            if f.code == "VALUE_EXCEEDS_MAX"]


def test_one_figure_above_the_header_maximum_is_an_error(tmp_path):
    assert _over(tmp_path, "Mức độ hài lòng (18 điểm)", SCORES[:2] + ["19,10"] + SCORES[3:]) == [
        ("error", "Sở số 3", "19.10")]


def test_most_figures_above_the_header_maximum_is_one_warning_for_the_column(tmp_path):
    assert _over(tmp_path, "Mức độ hài lòng (8điểm)") == [("warning", None, None)]


def test_figures_within_the_header_maximum_give_nothing(tmp_path):
    assert _over(tmp_path, "Mức độ hài lòng (18 điểm)") == []
