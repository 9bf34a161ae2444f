"""A group column merged down its block ("Cấp | STT | Lĩnh vực": "Cấp huyện"
over three fields, then "Cộng I"): the units are the fields, the merged
label is the block's, written once; the level's figure in the prose is its
"Cộng" row, never the first field's."""
from __future__ import annotations

import docx

from reportgen.read import read_path
from reportgen.verify import verify_path

HEAD = ["Cấp", "STT", "Lĩnh vực", "Số hồ sơ tiếp nhận", "Đã giải quyết", "Quá hạn"]
BLOCKS = (("Cấp huyện", (("Xây dựng", 2536, 2405, 4), ("Giáo dục và Đào tạo", 1709, 1697, 26),
                         ("Lao động - Thương binh và Xã hội", 874, 868, 2)), "Cộng I"),
          ("Cấp xã", (("Đất đai", 909, 881, 14), ("Người có công", 734, 696, 2), ("Hộ tịch", 1546, 1520, 8)),
           "Cộng II"))


def _vi(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def _write(path, said: int) -> None:
    d = docx.Document()
    for text in ("UBND HUYỆN THỌ XUÂN", "Số: 116/BC-UBND", "Thọ Xuân, ngày 12 tháng 7 năm 2025", "BÁO CÁO",
                 "Tình hình giải quyết thủ tục hành chính quý II năm 2025",
                 f"Cấp huyện tiếp nhận {_vi(said)} hồ sơ.", "BIỂU TỔNG HỢP"):
        d.add_paragraph(text)
    rows = [HEAD]
    merges = []
    grand = [0, 0, 0]
    for level, fields, total in BLOCKS:
        start = len(rows)
        sums = [0, 0, 0]
        for k, (name, *figures) in enumerate(fields, 1):
            rows.append([level, str(k), name, *map(_vi, figures)])
            sums = [a + b for a, b in zip(sums, figures)]
        merges.append((start, len(rows) - 1))
        rows.append(["", "", total, *map(_vi, sums)])
        grand = [a + b for a, b in zip(grand, sums)]
    rows.append(["", "", "Tổng cộng", *map(_vi, grand)])
    table = d.add_table(rows=len(rows), cols=len(HEAD))
    for row, values in zip(table.rows, rows):
        for cell, value in zip(row.cells, values):
            cell.text = value
    for a, b in merges:
        table.cell(a, 0).merge(table.cell(b, 0)).text = rows[a][0]
    d.save(path)


def test_the_fields_are_the_units_and_the_merged_level_is_none(tmp_path):
    path = tmp_path / "bc.docx"
    _write(path, 5119)
    [table] = read_path(path).tables
    assert [r.unit for r in table.rows] == ["Xây dựng", "Giáo dục và Đào tạo", "Lao động - Thương binh và Xã hội",
                                            "Cộng I", "Đất đai", "Người có công", "Hộ tịch", "Cộng II", "Tổng cộng"]


def test_the_levels_count_is_its_subtotal(tmp_path):
    path = tmp_path / "bc.docx"
    _write(path, 5119)
    result = verify_path(path)
    assert [f.code for f in result.findings if f.severity == "error"] == []
    assert result.verdict == "ĐẠT"
