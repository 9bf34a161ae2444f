"""A table whose rows were read but whose header was not (a header cut from its
body by a page break, its words broken into syllables in narrow columns) has
no column to bind a figure to. Its figures are still figures nobody checked:
coverage counts them and TABLE_UNCHECKED says why, so the verdict cannot be
ĐẠT — the table is never left out of the ledger as if it held no numbers."""
from __future__ import annotations

from reportgen.checks import CheckContext, run_checks
from reportgen.coverage import verdict
from reportgen.model import Report, ScoreRow, ScoreTable, TableKind
from reportgen.read.grid import Grid, RowSource

# The body of a TT 01 results table as the reader kept it: STT, unit, dossiers evaluated,
# nine indicators, total, grade — and no header.
BODY = [["1", "Sở Dân tộc và Tôn giáo", "2.123", "1,5", "1,3", "1,5", "1,8", "1,0", "1,6", "1,8", "1,0", "1,0",
         "12,5", "Tốt"],
        ["2", "Sở Khoa học và Công nghệ", "2.049", "2,0", "1,6", "2,0", "2,0", "2,0", "2,0", "2,0", "2,0", "2,0",
         "17,6", "Xuất sắc"],
        ["3", "Ban Quản lý các khu công nghiệp", "2.275", "0,9", "1,4", "1,6", "0,8", "1,0", "1,7", "1,7", "0,0",
         "1,0", "10,1", "Khá"]]


def headerless(body=BODY) -> Report:
    grid = Grid(raws=[], columns=[], header=[],
                rows=[RowSource(cells=cells, raw_row=r, raw_table=0, page=2) for r, cells in enumerate(body)])
    table = ScoreTable(index=0, title=None, kind=TableKind.DATA, page=2, grid=grid,
                       rows=[ScoreRow(unit="") for _ in body])
    return Report(source="headerless.pdf", tables=[table])


def test_the_figures_of_a_table_without_header_are_counted_unchecked():
    ctx = CheckContext()
    findings = run_checks(headerless(), ctx)
    # 3 rows × (dossiers + nine indicators + total); the STT 1, 2, 3 is no figure
    assert ctx.ledger.to_json()["cells"] == {"checked": 0, "total": 33}
    [unchecked] = [f for f in findings if f.code == "TABLE_UNCHECKED"]
    assert unchecked.severity == "warning"
    assert "không đọc được dòng tiêu đề của bảng" in unchecked.message
    assert verdict(False, ctx.ledger) == "CHƯA KIỂM TRA HẾT"


def test_dates_and_words_in_a_table_without_header_are_no_figures():
    body = [["1", "Họp giao ban", "08/12/2026"], ["2", "Kiểm tra", "15/12/2026"]]
    ctx = CheckContext()
    run_checks(headerless(body), ctx)
    assert ctx.ledger.to_json()["cells"] == {"checked": 0, "total": 0}
