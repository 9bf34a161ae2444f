"""A count slipped in a table of units as columns, whose rate is written with
one decimal: the count breaks the rate and the total's sum. The part the
rounded rate implies is not one figure (86,2% of 2.774 is anything from
2.390 to 2.392); the total's gap pins it (2.688 − 298 = 2.390, which gives
86,2% too), so one error names the count and the figure that makes both
relations hold (reportgen/checks/culprits_candidates.py, _pinned)."""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from reportgen.verify import verify_path

from support import write_docx_table

# (office, dossiers, on time) of a quarter
OFFICES = [("Sở Tư pháp", 1457, 1391), ("Sở Xây dựng", 3960, 3512), ("Sở Định Nam", 2774, 2390),
           ("Sở Y tế", 845, 803), ("Sở Tài chính", 5120, 4938)]


def vi(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def write(path, *, slip: int = 0) -> None:
    on_time = [o + (slip if n == "Sở Định Nam" else 0) for n, _, o in OFFICES]
    rates = [(Decimal(o) / t * 100).quantize(Decimal("0.1"), ROUND_HALF_UP) for (_, t, o) in OFFICES]
    lines = [["Tổng số hồ sơ", *[vi(t) for _, t, _ in OFFICES]],
             ["Số hồ sơ đúng hạn", *map(vi, on_time)],
             ["Số hồ sơ quá hạn", *[vi(t - o) for _, t, o in OFFICES]],
             ["Tỷ lệ đúng hạn (%)", *[f"{r}".replace(".", ",") for r in rates]]]
    write_docx_table(path, "KẾT QUẢ GIẢI QUYẾT HỒ SƠ CỦA CÁC ĐƠN VỊ", ["Chỉ tiêu", *[n for n, _, _ in OFFICES]], lines)


def errors(path) -> list[tuple[str, str | None, str | None, str | None]]:
    return [(f.code, f.unit, f.reported, f.expected) for f in verify_path(path).findings if f.severity == "error"]


def test_the_clean_table_is_checked_whole(tmp_path):
    write(tmp_path / "clean.docx")
    assert (errors(tmp_path / "clean.docx"), verify_path(tmp_path / "clean.docx").verdict) == ([], "ĐẠT")


def test_a_slipped_count_is_one_error_with_the_figure_the_total_pins(tmp_path):
    write(tmp_path / "slip.docx", slip=298)
    assert errors(tmp_path / "slip.docx") == [("RATIO_MISMATCH", "Sở Định Nam", "2688", "2390")]
