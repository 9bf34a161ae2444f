"""A browser's two-level header without rules (parsers/pdf_words.py): the
group's title sits in its own row, the one-line headers beside it ("STT")
are centred down both rows, the long ones wrap above and below them. The
figures are those of a Chromium print of such a table (A4 landscape,
12 pt header, zebra rows)."""
from __future__ import annotations

from parsers.pdf_words import aligned_tables

SIZE = 12.0


def _words(line: list[tuple[str, float, float]], top: float) -> list[dict]:
    """One visual line: each (text, x0, x1) a glyph-like box."""
    return [{"text": t, "x0": x0, "x1": x1, "top": top, "bottom": top + SIZE, "size": SIZE,
             "fontname": "LiberationSans"} for t, x0, x1 in line]


HEADER = [
    ([("Điểm thành phần", 434, 532), ("Tổng", 700, 729)], 100.0),
    ([("điểm", 700, 728)], 113.5),
    ([("STT", 44, 67), ("Khối", 95, 122), ("Cơ quan, đơn vị", 168, 260), ("Chỉ đạo, điều", 296, 372),
      ("Thủ tục hành", 402, 478), ("Chính quyền", 505, 578), ("Mức độ hài", 605, 669), ("Xếp loại", 750, 796)], 124.8),
    ([("(tối đa", 696, 732)], 127.0),
    ([("hành (20)", 307, 361), ("chính (30)", 412, 468), ("số (25)", 522, 561), ("lòng (25)", 612, 662),
      ("100)", 702, 726)], 140.5),
]
BODY = [["1", "Khối A", "Sở Tư pháp", "16,60", "27,00", "21,00", "20,75", "85,35", "Tốt"],
        ["2", "Khối A", "Sở Nội vụ", "17,40", "27,60", "16,75", "16,50", "78,25", "Khá"],
        ["3", "Khối B", "Sở Tài chính", "17,40", "25,50", "23,75", "23,50", "90,15", "Xuất sắc"]]
X = [(44, 51), (76, 150), (150, 260), (352, 382), (459, 489), (555, 585), (650, 680), (710, 740), (749, 796)]


def test_a_group_title_centred_over_its_columns_spans_those_columns_only():
    """The title was left out of the header (its row is two lines above the
    headers of its columns), so 'Tổng' lost its top line and the table was
    not joined to its part on the next page; made header, it must span the
    four columns it is centred over, not 'STT', 'Khối' and 'Cơ quan, đơn
    vị', which also lie lower than it."""
    chars = [c for line, top in HEADER for c in _words(line, top)]
    for r, row in enumerate(BODY):
        top = 160.0 + 18 * r
        chars += _words([(t, X[j][0], X[j][0] + 6 * len(t)) if j < 3 else (t, X[j][1] - 6 * len(t), X[j][1])
                         for j, t in enumerate(row) if t], top)
    tables, _ = aligned_tables(chars, 1)
    (t,) = tables
    assert t.header_rows == 2
    grid = t.grid()
    assert grid[0] == ["STT", "Khối", "Cơ quan, đơn vị", "Điểm thành phần", "", "", "", "Tổng điểm (tối đa 100)",
                       "Xếp loại"]
    assert grid[1][3:7] == ["Chỉ đạo, điều hành (20)", "Thủ tục hành chính (30)", "Chính quyền số (25)",
                            "Mức độ hài lòng (25)"]
    assert grid[2:] == BODY
