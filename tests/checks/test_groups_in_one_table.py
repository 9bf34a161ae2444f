"""One table of two groups, each under a heading merged across the row ("A.
CÁC SỞ, BAN, NGÀNH", "B. UBND CẤP XÃ"), the first right under the header:
the headings are no header and no unit, each group is a section, and a
group's statistic in the prose ("Chỉ số trung bình của khối UBND cấp xã đạt
…") is its section's, never the whole table's. Grades the document's key
abbreviates ("XS" of "Xuất sắc (XS)") are counted by their names."""
from __future__ import annotations

import docx

from reportgen.verify import verify_path

GROUPS = (("A. CÁC SỞ, BAN, NGÀNH", (("Sở Y tế", "91,90", "XS"), ("Sở Nội vụ", "82,00", "T"),
                                     ("Sở Tư pháp", "47,64", "Y"))),
          ("B. UBND CẤP XÃ", (("UBND phường Yên Hòa", "96,06", "XS"), ("UBND xã Kim Sơn", "73,10", "K"),
                              ("UBND xã Vĩnh Phúc", "60,20", "TB"), ("UBND xã An Lạc", "65,00", "TB"))))
LEGEND = ("Xuất sắc (XS): từ 90 điểm trở lên; Tốt (T): từ 80 đến dưới 90 điểm; Khá (K): từ 70 đến dưới 80 điểm; "
          "Trung bình (TB): từ 50 đến dưới 70 điểm; Yếu (Y): dưới 50 điểm.")


def _write(path, a_mean: str, b_mean: str):
    d = docx.Document()
    for line in ("UBND TỈNH HÀ NAM", "THÔNG BÁO", "Kết quả Chỉ số cải cách hành chính năm 2025", LEGEND,
                 f"Khối sở, ban, ngành: 1/3 đơn vị xếp loại Xuất sắc. Chỉ số trung bình của khối sở, ban, ngành "
                 f"đạt {a_mean}%.",
                 f"Khối UBND cấp xã: 1/4 đơn vị xếp loại Xuất sắc. Chỉ số trung bình của khối UBND cấp xã đạt "
                 f"{b_mean}%.", "Kết quả cụ thể như sau:"):
        d.add_paragraph(line)
    table = d.add_table(rows=1, cols=4)
    for cell, text in zip(table.rows[0].cells, ("STT", "Đơn vị", "Chỉ số chung (%)", "Xếp loại")):
        cell.text = text
    for heading, units in GROUPS:
        row = table.add_row().cells
        merged = row[0].merge(row[3])
        merged.text = heading
        for rank, (unit, index, grade) in enumerate(units, 1):
            for cell, text in zip(table.add_row().cells, (str(rank), unit, index, grade)):
                cell.text = text
    d.save(path)


def _findings(tmp_path, a_mean: str, b_mean: str):
    path = tmp_path / "tb.docx"
    _write(path, a_mean, b_mean)
    result = verify_path(path)
    return [(f.code, str(f.severity), f.reported, f.expected) for f in result.findings
            if str(f.severity) in ("error", "warning") and not f.code.startswith("LAYOUT")]




def test_the_groups_means_pass(tmp_path):
    assert _findings(tmp_path, "73,85", "73,59") == []


def test_a_group_s_wrong_mean_is_held_to_its_section(tmp_path):
    assert _findings(tmp_path, "73,85", "74,59") == [("STAT_MISMATCH", "error", "74.59", "73.59")]
