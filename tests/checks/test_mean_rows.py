"""Rows that average the units, as a score table writes them: a "TOÀN TỈNH"
row over the table holds the mean of every commune (points, applicable
maximum, percent), and each region's row ("I. KHU VỰC PHÍA BẮC (bình
quân)") the mean of its communes. The percent of such a row is the mean of
the communes' percents, not its own points over its own maximum: that is
right, never an error. "Toàn tỉnh" does not say whether it sums or averages;
its figures do (a counts table sums under the same label)."""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from docx import Document

from reportgen.verify import verify_path

from support import write_docx_table

REGIONS = {
    "KHU VỰC PHÍA BẮC": [("Xã Tân Hà", "86.35", 94), ("Xã Đinh Văn", "91.20", 100),
                         ("Phường Lang Biang", "77.75", 98), ("Xã Phú Sơn", "64.10", 94)],
    "KHU VỰC PHÍA NAM": [("Phường Bảo Lộc 1", "90.06", 100), ("Xã Lộc An", "69.30", 96),
                         ("Xã Đạ Huoai", "58.75", 94)],
}


def q(x: Decimal) -> Decimal:
    return x.quantize(Decimal("0.01"), ROUND_HALF_UP)


def vi(x: Decimal) -> str:
    return f"{x:.2f}".replace(".", ",")


def write(path, *, overall_pct: Decimal = Decimal(0), region_pct: Decimal = Decimal(0)) -> None:
    units = {reg: [(n, Decimal(p), Decimal(m), q(Decimal(p) / m * 100)) for n, p, m in us]
             for reg, us in REGIONS.items()}
    every = [u for us in units.values() for u in us]

    def means(us):
        return [q(sum(u[k] for u in us) / len(us)) for k in (1, 2, 3)]

    pts, mx, pct = means(every)
    lines = [["", "TOÀN TỈNH", vi(pts), vi(mx), vi(pct + overall_pct)]]
    for k, (reg, us) in enumerate(units.items()):
        pts, mx, pct = means(us)
        lines.append([["I", "II"][k], f"{reg} (bình quân)", vi(pts), vi(mx), vi(pct + (region_pct if k else 0))])
        lines += [[str(i), n, vi(p), str(int(m)), vi(r)] for i, (n, p, m, r) in enumerate(us, 1)]
    write_docx_table(path, "KẾT QUẢ ĐÁNH GIÁ CẤP XÃ QUÝ III NĂM 2026",
                     ["STT", "Đơn vị", "Điểm đạt được", "Điểm tối đa áp dụng", "Tỷ lệ (%)"], lines)


def errors(path) -> list[tuple[str, str | None, str | None, str | None]]:
    return [(f.code, f.unit, f.reported, f.expected) for f in verify_path(path).findings if f.severity == "error"]


def test_average_rows_are_checked_as_means_and_pass(tmp_path):
    write(tmp_path / "clean.docx")
    result = verify_path(tmp_path / "clean.docx")
    assert (errors(tmp_path / "clean.docx"), result.verdict) == ([], "ĐẠT")
    # 7 communes, 2 regions and the whole, 3 figures each: every cell checked
    assert result.ledger.to_json()["cells"] == {"checked": 30, "total": 30}


def test_a_region_mean_off_is_one_error_at_the_region(tmp_path):
    write(tmp_path / "region.docx", region_pct=Decimal("1.50"))
    assert errors(tmp_path / "region.docx") == [("PARENT_MEAN_MISMATCH", "KHU VỰC PHÍA NAM (bình quân)",
                                                 "76.42", "74.92")]


def test_the_whole_area_rate_off_is_an_error_against_the_mean_of_rates(tmp_path):
    # 79,33 is the mean of the seven communes' percents (the ratio of the means would be 79,52)
    write(tmp_path / "overall.docx", overall_pct=Decimal("2.00"))
    assert errors(tmp_path / "overall.docx") == [("RATIO_MISMATCH", "TOÀN TỈNH", "81.33", "79.33")]


def test_the_whole_area_points_off_are_an_error_against_the_mean(tmp_path):
    write(tmp_path / "points.docx")
    doc = Document(tmp_path / "points.docx")
    doc.tables[0].rows[1].cells[2].text = "80,00"  # the mean of the seven communes is 76,79
    doc.save(tmp_path / "points.docx")
    assert errors(tmp_path / "points.docx") == [("SUM_ROW_MISMATCH", "TOÀN TỈNH", "80.00", "76.79")]


def test_a_whole_area_row_of_counts_is_still_their_sum(tmp_path):
    doc = Document()
    table = doc.add_table(rows=1, cols=4)
    for i, h in enumerate(["STT", "Đơn vị", "Hồ sơ tiếp nhận", "Hồ sơ trực tuyến"]):
        table.cell(0, i).text = h
    for line in [["", "Toàn tỉnh", "4.210", "2.655"], ["1", "Xã Tân Hà", "1.320", "910"],
                 ["2", "Xã Đinh Văn", "1.890", "1.245"], ["3", "Xã Phú Sơn", "1.000", "400"]]:
        cells = table.add_row().cells
        for i, text in enumerate(line):
            cells[i].text = text
    doc.save(tmp_path / "counts.docx")
    assert errors(tmp_path / "counts.docx") == [("SUM_ROW_MISMATCH", "Toàn tỉnh", "2655", "2555")]
