"""A unit's points said in the prose with the stage of the assessment they
are of ("tự đánh giá 27,50 điểm, Hội đồng thẩm định chấm 26,23 điểm"),
held to the column whose header says that stage."""
from __future__ import annotations

from reportgen.checks import CheckContext, run_checks
from reportgen.read import read_path

from support import write_docx_tables

HEAD = ["STT", "Đơn vị", "Điểm tối đa", "Điểm tự đánh giá", "Điểm thẩm định"]
ROWS = [["1", "Sở Tư pháp", "30", "27,50", "26,23"], ["2", "Sở Y tế", "30", "25,00", "24,10"],
        ["3", "Sở Xây dựng", "30", "28,00", "27,45"]]


def _findings(tmp_path, sentence: str):
    path = tmp_path / "bc.docx"
    write_docx_tables(path, ["UBND TỈNH LÀO CAI", "BÁO CÁO", "Kết quả thẩm định Chỉ số cải cách hành chính năm 2025",
                             "1. Kết quả", sentence, "Chi tiết tại bảng sau."], [("", HEAD, ROWS)])
    ctx = CheckContext()
    found = [f for f in run_checks(read_path(path), ctx) if f.code == "UNIT_FIGURE_MISMATCH"]
    return found, ctx


def test_the_appraised_points_agree(tmp_path):
    found, ctx = _findings(tmp_path, "Sở Tư pháp tự đánh giá 27,50 điểm, Hội đồng thẩm định chấm 26,23 điểm.")
    assert found == []
    assert {c.figure: c.relations for c in ctx.ledger.claims.values()} == {
        "27,50 điểm": {"unit-figure-row"}, "26,23 điểm": {"unit-figure-row"}}


def test_appraised_points_off_are_an_error_on_the_appraisal_column(tmp_path):
    found, _ = _findings(tmp_path, "Sở Tư pháp tự đánh giá 27,50 điểm, Hội đồng thẩm định chấm 21,23 điểm.")
    [f] = found
    assert (f.severity, f.column, f.reported, f.expected, f.row) == ("error", "k4", "21.23", "26.23", 0)
    assert f.message == "Văn bản nêu Sở Tư pháp đạt 21,23 điểm nhưng bảng ghi 26,23 điểm (cột “Điểm thẩm định”, bảng 1)"


def test_points_with_no_stage_said_stay_a_doubt(tmp_path):
    found, _ = _findings(tmp_path, "Sở Tư pháp đạt 21,23 điểm.")
    assert [f.severity for f in found] == ["warning"]
