"""A space just inside a bracket of a header ("Tỷ lệ (% )", as a PDF's gap before the
bracket reads, or as typed) is no part of the label: the 766 table with a "Tỷ lệ (%) |
Điểm" pair under each group read its rate columns as points and gave 49 false errors."""
from __future__ import annotations

import docx

from reportgen.read.header import clean_label
from reportgen.verify import verify_path

GROUPS = [("Công khai, minh bạch (18 điểm)", 18), ("Tiến độ, kết quả giải quyết (20 điểm)", 20),
          ("Dịch vụ công trực tuyến (12 điểm)", 12)]
UNITS = [("Sở Tư pháp", ["100,00", "52,30", "75,00"]), ("Sở Xây dựng", ["88,89", "54,31", "97,81"]),
         ("Sở Y tế", ["90,21", "54,87", "100,00"]), ("Sở Nội vụ", ["77,78", "61,20", "83,33"])]


def _points(rate: str, most: int) -> str:
    from decimal import ROUND_HALF_UP, Decimal

    value = Decimal(rate.replace(",", ".")) * most / 100
    return f"{value.quantize(Decimal('0.01'), ROUND_HALF_UP)}".replace(".", ",")


def test_a_space_inside_a_bracket_is_dropped():
    assert clean_label("Tỷ lệ (% )") == "Tỷ lệ (%)"
    assert clean_label("Công khai ( 18 điểm )") == "Công khai (18 điểm)"


def test_rate_and_points_pairs_under_groups_with_a_spaced_percent_sign(tmp_path):
    d = docx.Document()
    d.add_paragraph("KẾT QUẢ CHỈ SỐ THEO QUYẾT ĐỊNH 766/QĐ-TTg")
    t = d.add_table(rows=2, cols=2 + 2 * len(GROUPS) + 1)
    t.style = "Table Grid"
    for k, text in enumerate(["STT", "Đơn vị"]):
        t.cell(0, k).merge(t.cell(1, k)).text = text
    for g, (name, _) in enumerate(GROUPS):
        t.cell(0, 2 + 2 * g).merge(t.cell(0, 3 + 2 * g)).text = name
        t.cell(1, 2 + 2 * g).text, t.cell(1, 3 + 2 * g).text = "Tỷ lệ (% )", "Điểm"
    last = 2 + 2 * len(GROUPS)
    t.cell(0, last).merge(t.cell(1, last)).text = "Tổng điểm"
    for n, (unit, rates) in enumerate(UNITS, 1):
        points = [_points(r, most) for r, (_, most) in zip(rates, GROUPS)]
        total = sum(float(p.replace(",", ".")) for p in points)
        cells = [str(n), unit] + [x for pair in zip(rates, points) for x in pair] + [f"{total:.2f}".replace(".", ",")]
        for c, text in zip(t.add_row().cells, cells):
            c.text = text
    d.save(tmp_path / "bang.docx")
    result = verify_path(tmp_path / "bang.docx")
    assert [f.code for f in result.findings if str(f.severity) == "error"] == []
