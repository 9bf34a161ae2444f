"""A 766 unit table headed by the groups' usual abbreviations, "Đ" kept
(TĐGQ, MĐHL) and "SHHS" for Số hóa hồ sơ: every column is bound to its group
(qd766-2022.toml words), none read as another group and over its maximum."""
from __future__ import annotations

import docx

from reportgen.verify import verify_path

HEAD = ("STT", "Cơ quan, đơn vị", "TĐGQ /20", "CKMB /18", "DVCTT /12", "TTTT /10", "SHHS /22", "MĐHL /18",
        "Tổng điểm (100)")
ROWS = [
    ("1", "Ban Quản lý các khu công nghiệp", "18,90", "17,24", "7,41", "6,88", "22,00", "18,00", "90,43"),
    ("2", "Sở Công Thương", "7,34", "10,43", "6,76", "10,00", "19,21", "17,40", "71,14"),
    ("3", "Phường Bửu Long", "15,02", "12,90", "12,00", "5,05", "21,45", "9,95", "76,37"),
]


def test_abbreviated_group_columns_are_bound_to_their_groups(tmp_path):
    d = docx.Document()
    d.add_paragraph("Bảng tổng hợp điểm Bộ chỉ số 766 của các cơ quan, đơn vị tháng 10 năm 2025")
    t = d.add_table(rows=len(ROWS) + 1, cols=len(HEAD))
    for r, row in enumerate([HEAD] + ROWS):
        for c, text in enumerate(row):
            t.cell(r, c).text = text
    path = tmp_path / "bang.docx"
    d.save(str(path))
    result = verify_path(path)
    assert [c.key for c in result.report.tables[0].columns] == ["tdgq", "ckmb", "clgq", "tttt", "mdsh", "mdhl"]
    assert [f for f in result.findings if f.severity == "error"] == []
