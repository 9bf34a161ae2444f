"""In a table of counts a cell written "-" counts none: a parent is the sum
of its items with "-" as 0, and so is the "Tổng cộng" row of its groups
(checks.relations_parents, relations_rows). Before, a column written mostly
"-" was left unchecked (COLUMN_UNCHECKED), and a group's 1 written "-" went
unseen. The slip is named on the "-" cell itself (culprits_spots)."""
from __future__ import annotations

from reportgen.checks import CheckContext, run_checks
from reportgen.read import read_path

TABLE = """UBND XÃ HÒA AN

BÁO CÁO
Kết quả giải quyết thủ tục hành chính quý III năm 2026

Đơn vị tính: hồ sơ

| STT | Lĩnh vực | Tổng số | Đã giải quyết | Đang giải quyết: Trong hạn | Đang giải quyết: Quá hạn |
|---|---|---|---|---|---|
| I | Lĩnh vực Tư pháp | 120 | 110 | 9 | {group} |
| 1 | Hộ tịch | 70 | 66 | 4 | - |
| 2 | Chứng thực | 50 | 44 | 5 | 1 |
| II | Lĩnh vực Văn hóa | 60 | 57 | 3 | - |
| 1 | Thể thao | 25 | 24 | 1 | - |
| 2 | Du lịch | 35 | 33 | 2 | - |
|  | Tổng cộng | 180 | 167 | 12 | 1 |
"""


def _verify(tmp_path, group="1"):
    path = tmp_path / "bc.txt"
    path.write_text(TABLE.format(group=group), encoding="utf-8")
    ctx = CheckContext()
    findings = run_checks(read_path(path), ctx=ctx)
    return ctx, [f for f in findings if not f.code.startswith("LAYOUT")]


def test_a_column_of_dashes_is_checked_as_zeros(tmp_path):
    ctx, findings = _verify(tmp_path)
    assert [(f.code, f.message) for f in findings] == []
    assert ctx.ledger.unchecked_tables() == []


def test_a_group_written_dash_over_an_item_of_one_is_the_slip(tmp_path):
    _, findings = _verify(tmp_path, group="-")
    assert [(f.code, f.severity, f.row) for f in findings] == [("PARENT_SUM_MISMATCH", "error", 0)]
    assert findings[0].message.startswith(
        "I. Lĩnh vực Tư pháp: cột “Đang giải quyết: Quá hạn” ghi 0 nhưng tổng 2 mục con (1, 2) = 0 + 1 = 1")
    assert "SUM_ROW_MISMATCH ở “Tổng cộng”" in findings[0].message  # the total row breaks with it
