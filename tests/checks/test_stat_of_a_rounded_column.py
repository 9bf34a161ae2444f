"""A statistic the prose quotes with more places than the table's column
writes ("thấp nhất 72,04%" of a column that shows 72,0; "trung bình 79,52%",
the mean of the figures before they were rounded to one place) is the
column's figure before rounding: the extreme rounds to the column's value,
the mean is off the column's mean by half a unit of the column's last place
at most. A figure further off is still a slip. Figures: four departments'
PAR index, written with one decimal (85,44 / 79,14 / 72,04 / 81,44 before)."""
from __future__ import annotations

from reportgen.checks import CheckContext, run_checks
from reportgen.read import read_path

from support import write_docx_tables

UNITS = [("Sở Y tế", "85,4"), ("Sở Tư pháp", "79,1"), ("Sở Xây dựng", "72,0"), ("Sở Nội vụ", "81,4")]
HEAD = ["STT", "Cơ quan", "Chỉ số CCHC (%)"]
ROWS = [[str(i), name, index] for i, (name, index) in enumerate(UNITS, 1)]


def _stat_findings(tmp_path, sentence: str):
    path = tmp_path / "bc.docx"
    write_docx_tables(path, [f"1. Kết quả Chỉ số CCHC năm 2026 của các sở: {sentence}"], [("", HEAD, ROWS)])
    findings = run_checks(read_path(path), CheckContext())
    return [(f.code, f.reported) for f in findings if f.code in ("STAT_MISMATCH", "CLAIM_UNCHECKED")]


def test_figures_quoted_before_the_column_rounded_them_agree(tmp_path):
    assert _stat_findings(tmp_path, "chỉ số trung bình đạt 79,52%, thấp nhất 72,04%, cao nhất 85,44%.") == []


def test_figures_the_rounding_cannot_explain_are_slips(tmp_path):
    found = _stat_findings(tmp_path, "chỉ số trung bình đạt 79,72%, thấp nhất 72,14%, cao nhất 85,44%.")
    assert sorted(found) == [("STAT_MISMATCH", "72.14"), ("STAT_MISMATCH", "79.72")]
