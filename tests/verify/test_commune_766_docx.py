"""A district's quarterly QĐ 766 report on its communes, as an office writes it
in Word: the six groups of the national portal with their maxima in a
two-level header, the total, the rank and a grade by bands the document states
in its prose (Tốt from 85 points, not the provincial 80), and "Cao nhất /
Bình quân / Thấp nhất" rows under the units. The figures are drawn at random
(three seeds) and every derived figure is computed here, so each clean
document must verify with no error and each planted slip must be named."""
from __future__ import annotations

import random
from decimal import ROUND_HALF_UP, Decimal

import pytest
from docx import Document

from reportgen.verify import verify_path

GROUPS = [("Công khai, minh bạch", 18), ("Tiến độ, kết quả giải quyết", 20), ("Dịch vụ công trực tuyến", 12),
          ("Thanh toán trực tuyến", 10), ("Mức độ hài lòng", 18), ("Số hóa hồ sơ", 22)]
NAMES = ["Xã Tà Năng", "Xã Đà Loan", "Xã Ninh Gia", "Thị trấn Liên Nghĩa", "Xã Hiệp An", "Xã N'Thol Hạ",
         "Xã Tân Hội", "Xã Phú Hội", "Xã Bình Thạnh", "Xã Hiệp Thạnh", "Xã Đạ Quyn"]
BANDS = [(Decimal(85), "Tốt"), (Decimal(70), "Khá"), (Decimal(55), "Trung bình"), (Decimal(0), "Yếu")]
LEGEND = ("Mức xếp loại: Tốt (từ 85 điểm trở lên); Khá (từ 70 đến dưới 85 điểm); "
          "Trung bình (từ 55 đến dưới 70 điểm); Yếu (dưới 55 điểm).")


def _q(x) -> Decimal:
    return Decimal(x).quantize(Decimal("0.01"), ROUND_HALF_UP)


def _vi(x: Decimal) -> str:
    return f"{x:.2f}".replace(".", ",")


def units(seed: int) -> list[dict]:
    rnd = random.Random(seed)
    out = []
    for name in NAMES:
        scores = [_q(Decimal(m) * rnd.randint(62, 100) / 100) for _, m in GROUPS]
        total = sum(scores)
        out.append({"name": name, "scores": scores, "total": total,
                    "grade": next(g for lo, g in BANDS if total >= lo)})
    for rank, u in enumerate(sorted(out, key=lambda u: -u["total"]), 1):
        u["rank"] = rank
    return out


def write(path, us: list[dict], cell=None, prose=None) -> None:
    """The report; ``cell`` = (unit index, column index, text) overwrites one
    table cell, ``prose`` = (old, new) changes the summary paragraph."""
    doc = Document()
    doc.add_paragraph("BÁO CÁO")
    doc.add_paragraph("Kết quả đánh giá Bộ chỉ số phục vụ người dân, doanh nghiệp của UBND các xã quý III năm 2026")
    doc.add_paragraph(LEGEND)
    counts = {g: sum(u["grade"] == g for u in us) for _, g in BANDS}
    n = len(us)
    mean = _q(sum(u["total"] for u in us) / n)
    text = (f"Điểm bình quân của {n} xã đạt {_vi(mean)}/100 điểm. "
            f"Có {counts['Tốt']:02d}/{n} đơn vị xếp loại Tốt; {counts['Khá']:02d} đơn vị xếp loại Khá; "
            f"{counts['Trung bình']:02d} đơn vị xếp loại Trung bình.")
    if prose:
        assert prose[0] in text
        text = text.replace(*prose)
    doc.add_paragraph(text)
    doc.add_paragraph("Kết quả chi tiết của từng đơn vị như sau:")
    k = len(GROUPS)
    t = doc.add_table(rows=2, cols=k + 5)
    t.style = "Table Grid"
    t.cell(0, 2).text = "Điểm các nhóm chỉ số"
    for i, (g, m) in enumerate(GROUPS):
        t.cell(1, 2 + i).text = f"{g} ({m} điểm)"
    t.cell(0, 2).merge(t.cell(0, 1 + k))
    for c, label in ((0, "STT"), (1, "Đơn vị"), (k + 2, "Tổng điểm (100 điểm)"), (k + 3, "Xếp hạng"),
                     (k + 4, "Xếp loại")):
        t.cell(0, c).merge(t.cell(1, c)).text = label
    for i, u in enumerate(us):
        vals = [str(i + 1), u["name"], *(_vi(s) for s in u["scores"]), _vi(u["total"]), str(u["rank"]), u["grade"]]
        if cell and cell[0] == i:
            vals[cell[1]] = cell[2]
        for c, v in zip(t.add_row().cells, vals):
            c.text = v
    for label, stat in (("Cao nhất", max), ("Bình quân", None), ("Thấp nhất", min)):
        cells = t.add_row().cells
        cells[1].text = label
        for c in range(k + 1):
            col = [(u["scores"] + [u["total"]])[c] for u in us]
            cells[2 + c].text = _vi(_q(sum(col) / n) if stat is None else stat(col))
    doc.save(path)


def errors(path) -> list[tuple[str, str | None, str | None]]:
    return [(f.code, f.unit, f.column) for f in verify_path(path).findings if f.severity == "error"]


SEEDS = (766, 2026, 7)


@pytest.mark.parametrize("seed", SEEDS)
def test_a_clean_report_graded_by_its_own_bands_with_statistics_rows_has_no_error(tmp_path, seed):
    path = tmp_path / "clean.docx"
    write(path, units(seed))
    assert errors(path) == []
    assert verify_path(path).verdict == "ĐẠT"  # every claim held to the table, the mean x/100 too


@pytest.mark.parametrize("seed", SEEDS)
def test_the_statistics_rows_are_no_units(tmp_path, seed):
    path = tmp_path / "clean.docx"
    write(path, units(seed))
    [table] = verify_path(path).report.tables
    assert [r.unit for r in table.rows] == NAMES


@pytest.mark.parametrize("seed", SEEDS)
def test_a_rank_in_order_but_one_too_low_is_named(tmp_path, seed):
    us = units(seed)
    second = next(i for i, u in enumerate(us) if u["rank"] == 2)  # written 3: two units ranked 3, none 2
    path = tmp_path / "rank.docx"
    write(path, us, cell=(second, len(GROUPS) + 3, "3"))
    assert errors(path) == [("RANK_MISMATCH", us[second]["name"], "rank")]


@pytest.mark.parametrize("seed", SEEDS)
def test_a_grade_count_of_the_stated_whole_that_differs_from_the_table_is_an_error(tmp_path, seed):
    us = units(seed)
    kha = sum(u["grade"] == "Khá" for u in us)
    path = tmp_path / "count.docx"
    write(path, us, prose=(f"{kha:02d} đơn vị xếp loại Khá", f"{kha + 1:02d} đơn vị xếp loại Khá"))
    assert [(code, column) for code, _, column in errors(path)] == [("GRADE_COUNT_MISMATCH", "grade")]


@pytest.mark.parametrize("seed", SEEDS)
def test_a_mean_written_out_of_100_that_is_not_the_table_s_is_an_error(tmp_path, seed):
    us = units(seed)
    mean = _q(sum(u["total"] for u in us) / len(us))
    path = tmp_path / "mean.docx"
    write(path, us, prose=(f"{_vi(mean)}/100", f"{_vi(mean + Decimal('1.50'))}/100"))
    [finding] = [f for f in verify_path(path).findings if f.severity == "error"]
    assert (finding.code, finding.column, finding.expected) == ("STAT_MISMATCH", "total", str(mean))
