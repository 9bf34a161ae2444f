"""Departments' 766 results by quarter, with the mean of the quarters
("Bình quân 3 quý"), a rank by that mean and a "Bình quân" row under the
table (which averages the written means, a slip included). A mean left
stale when a quarter was corrected is an error at its department; two ranks
swapped in a table of seven follow the mean on five rows — under the share a
rank column needs to be adopted on its own, but the mean is the table's one
result column, so the two swapped ranks are both named."""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from reportgen.verify import verify_path

from support import write_docx_table

UNITS = [("Sở Tư pháp", "91.20", "93.45", "94.10"), ("Sở Xây dựng", "78.35", "80.10", "82.95"),
         ("Sở Y tế", "85.60", "84.20", "88.75"), ("Sở Nội vụ", "88.05", "90.30", "89.90"),
         ("Sở Tài chính", "72.15", "75.80", "79.45"), ("Sở Công Thương", "80.90", "79.35", "83.20"),
         ("Sở Khoa học và Công nghệ", "69.40", "73.65", "76.10")]


def q(x: Decimal) -> Decimal:
    return x.quantize(Decimal("0.01"), ROUND_HALF_UP)


def vi(x: Decimal) -> str:
    return f"{x:.2f}".replace(".", ",")


def write(path, *, stale: Decimal = Decimal(0), swap: bool = False) -> None:
    rows = [[n, *map(Decimal, qs)] for n, *qs in UNITS]
    for r in rows:
        r.append(q(sum(r[1:4]) / 3) + (stale if r[0] == "Sở Y tế" else 0))
    for r in rows:
        r.append(1 + sum(1 for o in rows if o[4] > r[4]))
    if swap:
        rows[0][5], rows[3][5] = rows[3][5], rows[0][5]
    lines = [[str(k), r[0], *map(vi, r[1:5]), str(r[5])] for k, r in enumerate(rows, 1)]
    lines.append(["", "Bình quân", *[vi(q(sum(r[k] for r in rows) / len(rows))) for k in (1, 2, 3, 4)], ""])
    write_docx_table(path, "KẾT QUẢ BỘ CHỈ SỐ 9 THÁNG NĂM 2026 CỦA CÁC SỞ, NGÀNH",
                     ["STT", "Cơ quan", "Quý I", "Quý II", "Quý III", "Bình quân 3 quý", "Xếp hạng"], lines)


def errors(path) -> list[tuple[str, str | None, str | None, str | None]]:
    return [(f.code, f.unit, f.reported, f.expected) for f in verify_path(path).findings if f.severity == "error"]


def test_the_clean_table_is_checked_whole(tmp_path):
    write(tmp_path / "clean.docx")
    assert (errors(tmp_path / "clean.docx"), verify_path(tmp_path / "clean.docx").verdict) == ([], "ĐẠT")


def test_a_stale_mean_of_the_quarters_is_an_error_at_its_department(tmp_path):
    write(tmp_path / "stale.docx", stale=Decimal("1.00"))
    assert errors(tmp_path / "stale.docx") == [("MEAN_COLUMNS_MISMATCH", "Sở Y tế", "87.18", "86.18")]


def test_two_swapped_ranks_are_named_against_the_mean(tmp_path):
    write(tmp_path / "swap.docx", swap=True)
    assert errors(tmp_path / "swap.docx") == [("RANK_MISMATCH", "Sở Tư pháp", "2", "1"),
                                              ("RANK_MISMATCH", "Sở Nội vụ", "1", "2")]
