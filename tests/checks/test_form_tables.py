"""The arithmetic of a dossier statistics form (TT 01/2020, Biểu II.06):
a column of counts written mostly "-" is a column of figures, and a sum
found from the numbers needs rows where every part is above 0."""
from __future__ import annotations

from reportgen.checks import CheckContext, run_checks
from reportgen.read import read_path

HEAD = """UBND HUYỆN LÂM HÀ

BÁO CÁO
Tình hình, kết quả giải quyết thủ tục hành chính quý III năm 2026

Biểu II.06a. TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT TTHC
| STT | Đơn vị | Số hồ sơ đã giải quyết | | | | Số hồ sơ đang giải quyết | | |
| | | Trước hạn | Đúng hạn | Quá hạn | Tổng số | Chưa đến hạn | Quá hạn | Tổng số |
|---|---|---|---|---|---|---|---|---|
"""
ROWS = [("Sở Công Thương", 34, 3, 0, 5, 0), ("Sở Văn hóa", 22, 10, 1, 5, 1), ("Thanh tra tỉnh", 4, 2, 0, 1, 0),
        ("Sở Y tế", 41, 12, 0, 7, 0), ("Sở Nội vụ", 15, 9, 0, 6, 1), ("Sở Tư pháp", 30, 5, 0, 3, 0),
        ("Sở Xây dựng", 18, 7, 5, 3, 1), ("Sở Tài chính", 9, 6, 0, 2, 0)]


def _table(rows, dash: bool) -> str:
    def n(v):
        return "-" if dash and v == 0 else str(v)
    lines = []
    for k, (unit, early, ontime, late, notdue, overdue) in enumerate(rows, 1):
        lines.append(f"| {k} | {unit} | {early} | {ontime} | {n(late)} | {early + ontime + late} | {notdue} | "
                     f"{n(overdue)} | {notdue + overdue} |")
    total = [sum(r[i] for r in rows) for i in range(1, 6)]
    e, o, la, nd, od = total
    lines.append(f"| | Tổng cộng | {e} | {o} | {la} | {e + o + la} | {nd} | {od} | {nd + od} |")
    return HEAD + "\n".join(lines) + "\n"


def _run(tmp_path, text):
    path = tmp_path / "bc.txt"
    path.write_text(text, encoding="utf-8")
    ctx = CheckContext()
    found = [(f.code, f.unit, f.column, f.reported, f.expected) for f in run_checks(read_path(path), ctx)
             if f.severity == "error"]
    return found, ctx.ledger.tables[0]


def test_a_column_of_counts_written_mostly_dash_is_summed_with_the_others(tmp_path):
    # "Quá hạn" is "-" on six rows of eight: its 1 and 5 are in "Tổng số" = 22 + 10 + 1
    found, entry = _run(tmp_path, _table(ROWS, dash=True))
    assert found == []
    assert entry.numeric_cells <= entry.checked_cells and {(1, "k4"), (6, "k4"), (8, "k4")} <= entry.numeric_cells
    # Sở Văn hóa's 1 written 4 (its total written from the true 1): one error, at it
    text = _table(ROWS, dash=True).replace("| 2 | Sở Văn hóa | 22 | 10 | 1 |", "| 2 | Sở Văn hóa | 22 | 10 | 4 |")
    found, _ = _run(tmp_path, text)
    assert found == [("SUM_COLUMNS_MISMATCH", "Sở Văn hóa", "k4", "4", "1")]


def test_a_sum_found_only_where_a_part_is_zero_is_not_adopted(tmp_path):
    # "Chưa đến hạn = Quá hạn + Tổng số" holds on every row with nothing overdue; the header's
    # "Tổng số = Chưa đến hạn + Quá hạn" holds everywhere: no error on a clean table
    rows = [(unit, e, o, la, 12 if unit == "Sở Y tế" else nd, 1 if unit == "Sở Văn hóa" else 0)
            for unit, e, o, la, nd, _ in ROWS]  # one department with a dossier overdue
    found, _ = _run(tmp_path, _table(rows, dash=False))
    assert found == []
