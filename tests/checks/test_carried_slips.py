"""A slip the spreadsheet carried into the rows it derives: the "Tổng cộng"
row and the groups' mean rows were computed from the figures as written, a
slip included, so they agree with it. The slip breaks its own row's
relations (a sum of columns, a rate, a rank) and setting it right alone
breaks the rows it fed: one error at the slipped cell, naming the derived
rows that carry it, never two (see reportgen/checks/culprits_carried.py)."""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from reportgen.verify import verify_path

from support import write_docx_table

# (office, received, early, on time, late) of a quarter's dossiers
OFFICES = [("Sở Tư pháp", 3124, 1710, 1206, 62), ("Sở Xây dựng", 4857, 2044, 2511, 131),
           ("Sở Công Thương", 2210, 1402, 690, 41), ("Sở Y tế", 3605, 1887, 1559, 54),
           ("Sở Tài chính", 1346, 702, 560, 19), ("Sở Nội vụ", 988, 512, 431, 12)]

# (group, commune, points, maximum) of a 766 index by region
REGIONS = {"KHU VỰC I": [("Xã Tân Hà", "86.35", 94), ("Xã Đinh Văn", "81.20", 100), ("Xã Phú Sơn", "70.10", 94),
                         ("Xã Đạ Tẻh", "88.40", 100)],
           "KHU VỰC II": [("Phường Cam Ly", "92.00", 98), ("Xã Hiệp Thạnh", "73.25", 96),
                          ("Xã Đức Trọng", "66.40", 98), ("Xã Tà Năng", "57.80", 94)]}


def q(x: Decimal) -> Decimal:
    return x.quantize(Decimal("0.01"), ROUND_HALF_UP)


def vi(x) -> str:
    return f"{x:,}".replace(",", ".") if isinstance(x, int) else f"{x:.2f}".replace(".", ",")


def errors(path) -> list[tuple[str, str | None, str | None, str | None]]:
    return [(f.code, f.unit, f.reported, f.expected) for f in verify_path(path).findings if f.severity == "error"]


def write_dossiers(path, *, slip: int = 0) -> None:
    rows = []
    for name, got, early, ontime, late in OFFICES:
        done = early + ontime + late
        rows.append([name, got, done + (slip if name == "Sở Xây dựng" else 0), early, ontime, late,
                     q(Decimal(early + ontime) / done * 100)])
    total = [sum(r[k] for r in rows) for k in range(1, 6)]  # the spreadsheet sums what is written
    rate = q(Decimal(total[2] + total[3]) / total[1] * 100)
    lines = [[str(k), r[0], *map(vi, r[1:])] for k, r in enumerate(rows, 1)]
    lines.append(["", "Tổng cộng", *map(vi, total), vi(rate)])
    write_docx_table(path, "TÌNH HÌNH GIẢI QUYẾT HỒ SƠ THỦ TỤC HÀNH CHÍNH QUÝ III NĂM 2026",
                     ["STT", "Cơ quan", "Hồ sơ tiếp nhận", "Đã giải quyết", "Trước hạn", "Đúng hạn", "Quá hạn",
                      "Tỷ lệ đúng hạn (%)"], lines)


def write_regions(path, *, slip: Decimal = Decimal(0)) -> None:
    units = [[reg, name, Decimal(pts), Decimal(mx), q(Decimal(pts) / mx * 100)]
             for reg, us in REGIONS.items() for name, pts, mx in us]
    for u in units:
        u.append(1 + sum(1 for o in units if o[4] > u[4]))  # ranked before the slip
    units[2][4] += slip
    lines = []
    for k, reg in enumerate(REGIONS):
        us = [u for u in units if u[0] == reg]
        lines.append(["I" if k == 0 else "II", f"{reg} (bình quân)",
                      *[vi(q(sum(u[j] for u in us) / len(us))) for j in (2, 3, 4)], ""])
        lines += [[str(i), u[1], vi(u[2]), str(u[3]), vi(u[4]), str(u[5])] for i, u in enumerate(us, 1)]
    write_docx_table(path, "KẾT QUẢ CHỈ SỐ PHỤC VỤ NGƯỜI DÂN, DOANH NGHIỆP CẤP XÃ QUÝ III NĂM 2026",
                     ["STT", "Đơn vị", "Điểm đạt được", "Điểm tối đa", "Tỷ lệ (%)", "Xếp hạng"], lines)


def test_the_clean_tables_are_checked_whole(tmp_path):
    write_dossiers(tmp_path / "dossiers.docx")
    write_regions(tmp_path / "regions.docx")
    assert [(errors(p), verify_path(p).verdict) for p in (tmp_path / "dossiers.docx", tmp_path / "regions.docx")] \
        == [([], "ĐẠT"), ([], "ĐẠT")]


def test_a_slipped_total_the_total_row_summed_is_one_error(tmp_path):
    write_dossiers(tmp_path / "slip.docx", slip=100)
    result = verify_path(tmp_path / "slip.docx")
    found = [f for f in result.findings if f.severity == "error"]
    assert [(f.code, f.unit, f.reported, f.expected) for f in found] \
        == [("SUM_COLUMNS_MISMATCH", "Sở Xây dựng", "4786", "4686")]
    assert "(“Tổng cộng”) đã được tính theo số ghi sai" in found[0].message
    assert "RATIO_MISMATCH ở “Sở Xây dựng”" in found[0].message


def test_a_slipped_percent_the_mean_rows_averaged_is_one_error(tmp_path):
    write_regions(tmp_path / "slip.docx", slip=Decimal("12.00"))
    result = verify_path(tmp_path / "slip.docx")
    found = [f for f in result.findings if f.severity == "error"]
    assert [(f.code, f.unit, f.reported, f.expected) for f in found] \
        == [("RATIO_MISMATCH", "Xã Phú Sơn", "86.57", "74.57")]
    assert "(“KHU VỰC I (bình quân)”) đã được tính theo số ghi sai" in found[0].message
