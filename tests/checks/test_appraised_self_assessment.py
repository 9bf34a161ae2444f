"""An appraisal of one unit's self-assessment, as a PAR council writes it:
criteria with their maximum, the unit's own points, the council's points
and "Tỷ lệ điểm thẩm định so với điểm tối đa (%)"; the prose gives the total
as x/100, the same figure as a percent "tương ứng", and its change from the
self-assessed total. A header that names the maximum a rate is taken over is
a rate, not a maximum; a maximum is what it says (0,41 of 0,5 is 82 %, not
anything from 75 to 91 %); the change is of the points, not of the percent
said between them."""
from __future__ import annotations

from reportgen.checks import CheckContext, run_checks
from reportgen.read import read_path

from support import write_docx_tables

HEAD = ("STT", "Tiêu chí", "Điểm tối đa", "Điểm tự chấm", "Điểm thẩm định",
        "Tỷ lệ điểm thẩm định so với điểm tối đa (%)")
ROWS = [("1", "Công tác chỉ đạo, điều hành", "10,0", "8,71", "7,81", "78,1"),
        ("2", "Tuyển dụng, sử dụng công chức", "0,5", "0,45", "0,41", "82,0"),
        ("3", "Kế hoạch cải cách hành chính", "4,5", "3,69", "3,54", "78,7"),
        ("4", "Tuyên truyền cải cách hành chính", "4,0", "3,64", "3,58", "89,5"),
        ("", "Tổng cộng", "19,0", "16,49", "15,34", "80,7")]
PROSE = ("Tổng điểm thẩm định đạt 15,34/19 điểm, tương ứng tỷ lệ đạt 80,7%, giảm 1,15 điểm so với điểm tự "
         "đánh giá (16,49 điểm).")


def _run(tmp_path, rows=ROWS, prose=PROSE):
    path = tmp_path / "bc.docx"
    write_docx_tables(path, ["1. Kết quả thẩm định", prose], [("", HEAD, rows)])
    ctx = CheckContext()
    findings = [f for f in run_checks(read_path(path), ctx) if not f.code.startswith("LAYOUT")]
    return findings, ctx


def _errors(findings):
    return [(f.code, f.reported) for f in findings if f.severity.value == "error"]


def test_the_clean_appraisal_is_checked_through(tmp_path):
    findings, ctx = _run(tmp_path)
    assert [(f.code, f.severity.value) for f in findings if f.severity.value != "info"] == []
    entry = ctx.ledger.tables[0]
    assert entry.checked_cells == entry.numeric_cells
    assert all(claim.relations for claim in ctx.ledger.claims.values())


def test_a_rate_of_a_small_maximum_is_held_to_it_exactly(tmp_path):
    rows = [list(r) for r in ROWS]
    rows[1][5] = "80,7"  # 0,41 / 0,5 = 82,0 %; the maximum 0,5 is no rounded figure
    findings, _ = _run(tmp_path, rows)
    assert _errors(findings) == [("RATIO_MISMATCH", "80.7")]


def test_the_percent_said_of_the_points_and_their_change_are_checked(tmp_path):
    findings, _ = _run(tmp_path, prose=PROSE.replace("80,7%", "82,7%"))
    assert _errors(findings) == [("PERCENT_MISMATCH", "82.7")]
    findings, _ = _run(tmp_path, prose=PROSE.replace("giảm 1,15", "giảm 2,15"))
    assert _errors(findings) == [("CHANGE_MISMATCH", "-2.15")]
