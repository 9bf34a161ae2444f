"""Tables where each unit takes several rows, one per period or kind, its name
merged down them: every row carries its unit and its sub-label, a unit's
change row is the difference of its two periods, the whole's block is the sum
of the units' rows of the same sub-label, and one slip is one error at its
cell (reportgen/read/blocks.py, reportgen/checks/relations_blocks.py)."""
from __future__ import annotations

from reportgen.read import read_path
from reportgen.verify import verify_path

# (received, online, resolved, on time) of the third and the fourth quarter
OFFICES = {"Sở Tư pháp": [(1210, 845, 1180, 1162), (1344, 990, 1301, 1290)],
           "Sở Xây dựng": [(865, 402, 840, 801), (910, 488, 902, 870)],
           "Sở Công Thương": [(2230, 2011, 2215, 2214), (2105, 1950, 2090, 2088)],
           "Sở Nông nghiệp và Môi trường": [(3120, 1560, 3010, 2890), (3410, 1822, 3350, 3260)],
           "Sở Y tế": [(640, 590, 630, 630), (702, 655, 690, 689)]}
HEAD = ["STT", "Đơn vị", "Kỳ", "Tổng số hồ sơ tiếp nhận", "Trực tuyến", "Trực tiếp, bưu chính", "Đã giải quyết",
        "Đúng hạn", "Quá hạn"]
PERIODS = ("Quý III", "Quý IV", "Tăng (+), giảm (-)")


def th(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def signed(n: int) -> str:
    return ("+" if n > 0 else "-" if n < 0 else "") + th(abs(n))


def line(received: int, online: int, resolved: int, on_time: int) -> list[int]:
    return [received, online, received - online, resolved, on_time, resolved - on_time]


def blocks(offices: dict) -> list[tuple[str, list[list[str]]]]:
    """(unit, its three rows of figures as written), the province's block last."""
    out, third, fourth = [], [0] * 6, [0] * 6
    for name, (a, b) in offices.items():
        la, lb = line(*a), line(*b)
        third, fourth = [x + y for x, y in zip(third, la)], [x + y for x, y in zip(fourth, lb)]
        out.append((name, [list(map(th, la)), list(map(th, lb)), [signed(y - x) for x, y in zip(la, lb)]]))
    out.append(("Toàn tỉnh", [list(map(th, third)), list(map(th, fourth)),
                              [signed(y - x) for x, y in zip(third, fourth)]]))
    return out


def write_periods(path, slip=None, merged: bool = True) -> None:
    """The appendix as a Word table: each unit's name (and STT) merged down its three rows, or
    written on each of them; ``slip`` = (block, row, column of figures, text) sets one cell."""
    from docx import Document

    doc = Document()
    for text in ["ỦY BAN NHÂN DÂN TỈNH ĐỒNG NAI", "Số: 310/BC-VP", "Đồng Nai, ngày 08 tháng 01 năm 2027",
                 "BÁO CÁO", "Tình hình tiếp nhận, giải quyết hồ sơ thủ tục hành chính năm 2026",
                 "Phụ lục: Số liệu tiếp nhận, giải quyết hồ sơ của các sở"]:
        doc.add_paragraph(text)
    data = blocks(OFFICES)
    table = doc.add_table(rows=1 + 3 * len(data), cols=len(HEAD))
    for i, text in enumerate(HEAD):
        table.cell(0, i).text = text
    for k, (name, rows) in enumerate(data):
        for j, figures in enumerate(rows):
            r = 1 + 3 * k + j
            if slip is not None and (k, j) == slip[:2]:
                figures = list(figures)
                figures[slip[2]] = slip[3]
            first = j == 0 or not merged
            cells = [str(k + 1) if first and name != "Toàn tỉnh" else "", name if first else "", PERIODS[j]] + figures
            for c, text in enumerate(cells):
                if text:
                    table.cell(r, c).text = text
        if merged:
            for c in (0, 1):
                table.cell(1 + 3 * k, c).merge(table.cell(3 + 3 * k, c))
    doc.save(path)


def errors(path) -> list[tuple]:
    return [(f.code, f.rule, f.row, f.unit, f.column, f.reported, f.expected)
            for f in verify_path(path).findings if f.severity == "error"]


def test_every_row_of_a_block_carries_its_unit_and_its_sub_label(tmp_path):
    path = tmp_path / "periods.docx"
    write_periods(path)
    [table] = read_path(path).tables
    assert [(r.unit, r.part) for r in table.rows[3:6]] == [
        ("Sở Xây dựng", "Quý III"), ("Sở Xây dựng", "Quý IV"), ("Sở Xây dựng", "Tăng (+), giảm (-)")]
    assert [r.unit for r in table.rows[-3:]] == ["Toàn tỉnh"] * 3
    assert [c.label for c in table.columns][:2] == ["Tổng số hồ sơ tiếp nhận", "Trực tuyến"]  # "Kỳ" is no figure
    assert table.rows[5].scores["k3"] == 45 and table.rows[8].scores["k3"] == -125


def test_a_clean_table_of_periods_checks_its_change_rows_and_its_whole(tmp_path):
    path = tmp_path / "periods.docx"
    write_periods(path)
    result = verify_path(path)
    assert errors(path) == []
    [entry] = result.ledger.tables.values()
    assert {"block-change-equals-difference", "block-total-equals-sum", "total-equals-sum-of-columns"} \
        <= set(entry.relations)


def test_one_wrong_figure_is_one_error_at_its_cell(tmp_path):
    """Sở Xây dựng's fourth-quarter online files written 999 for 488: the row's received total, the
    unit's change row and the province's fourth quarter all break; the one cell that answers them is
    named, not the received total."""
    path = tmp_path / "periods.docx"
    write_periods(path, slip=(1, 1, 1, "999"))
    [(code, rule, row, unit, column, reported, expected)] = errors(path)
    assert (row, unit, column, reported, expected) == (4, "Sở Xây dựng – Quý IV", "k4", "999", "488")
    [finding] = [f for f in verify_path(path).findings if f.severity == "error"]
    assert "CHANGE_MISMATCH ở “Sở Xây dựng – Tăng (+), giảm (-)” (ghi 86, tính ra 597)" in finding.message
    assert "SUM_ROW_MISMATCH ở “Toàn tỉnh – Quý IV” (ghi 5.905, tính ra 6.416)" in finding.message


def test_a_change_written_wrong_is_the_change_rows_error(tmp_path):
    path = tmp_path / "periods.docx"
    write_periods(path, slip=(1, 2, 0, "+54"))  # Sở Xây dựng: 910 − 865 = +45
    assert [e[:2] + e[3:] for e in errors(path)] == [
        ("CHANGE_MISMATCH", "block-change-row", "Sở Xây dựng – Tăng (+), giảm (-)", "k3", "54", "45")]


def test_the_wholes_block_is_the_sum_of_the_units_rows_of_the_same_period(tmp_path):
    path = tmp_path / "periods.docx"
    write_periods(path, slip=(5, 1, 3, th(8333 + 100)), merged=False)  # Toàn tỉnh, Quý IV, resolved
    assert [e[:2] + e[3:] for e in errors(path)] == [
        ("SUM_ROW_MISMATCH", "block-total-rows", "Toàn tỉnh – Quý IV", "k6", "8433", "8333")]


KINDS = """1. Kết quả giải quyết hồ sơ theo cấp của các huyện năm 2026

| STT | Đơn vị | Tiếp nhận | Đã giải quyết | Đúng hạn |
|---|---|---|---|---|
| 1 | Huyện Đức Trọng | | | |
| | Cấp huyện | 4.210 | 4.105 | 4.011 |
| | Cấp xã | 12.874 | 12.650 | 12.602 |
| 2 | Huyện Lâm Hà | | | |
| | Cấp huyện | 3.366 | 3.301 | 3.250 |
| | Cấp xã | 9.415 | 9.388 | 9.377 |
| 3 | Huyện Di Linh | | | |
| | Cấp huyện | 2.957 | 2.940 | 2.902 |
| | Cấp xã | 8.102 | 8.064 | 8.050 |
| | Tổng cộng | | | |
| | Cấp huyện | 10.533 | 10.346 | 10.163 |
| | Cấp xã | 30.391 | 30.102 | 30.029 |
"""


def _text(tmp_path, body: str):
    path = tmp_path / "kinds.txt"
    path.write_text("BÁO CÁO\nKết quả giải quyết hồ sơ năm 2026\n\n" + body, encoding="utf-8")
    return path


def test_kinds_under_each_units_own_row_and_a_total_block(tmp_path):
    """Sub-labels in the unit column, under a row that names the unit: the total block's "Cấp xã"
    is the sum of the districts' "Cấp xã"."""
    path = _text(tmp_path, KINDS)
    [table] = read_path(path).tables
    assert [(r.unit, r.part) for r in table.rows[:2]] == [("Huyện Đức Trọng", "Cấp huyện"),
                                                          ("Huyện Đức Trọng", "Cấp xã")]
    assert errors(path) == []
    path = _text(tmp_path, KINDS.replace("| 30.391 | 30.102 |", "| 30.391 | 30.120 |"))
    assert [e[:2] + e[3:] for e in errors(path)] == [
        ("SUM_ROW_MISMATCH", "block-total-rows", "Tổng cộng – Cấp xã", "k3", "30120", "30102")]


def test_a_category_that_cycles_beside_one_unit_per_row_makes_no_blocks(tmp_path):
    body = """1. Hồ sơ của các đơn vị

| STT | Đơn vị | Loại | Tiếp nhận | Đã giải quyết |
|---|---|---|---|---|
| 1 | Sở Tư pháp | Sở | 1.210 | 1.180 |
| 2 | Huyện Lâm Hà | Huyện | 3.366 | 3.301 |
| 3 | Sở Y tế | Sở | 640 | 630 |
| 4 | Huyện Di Linh | Huyện | 2.957 | 2.940 |
"""
    [table] = read_path(_text(tmp_path, body)).tables
    assert [(r.unit, r.part) for r in table.rows] == [("Sở Tư pháp", None), ("Huyện Lâm Hà", None),
                                                      ("Sở Y tế", None), ("Huyện Di Linh", None)]


TOTALS = """1. Hồ sơ thủ tục hành chính theo cấp giải quyết của các huyện năm 2026

| STT | Đơn vị | Cấp | Tiếp nhận | Đã giải quyết | Đúng hạn |
|---|---|---|---|---|---|
| 1 | Huyện Đức Trọng | Tổng số | 17.084 | 16.755 | 16.613 |
| | | Cấp huyện | 4.210 | 4.105 | 4.011 |
| | | Cấp xã | 12.874 | 12.650 | 12.602 |
| 2 | Huyện Lâm Hà | Tổng số | 12.781 | 12.689 | 12.627 |
| | | Cấp huyện | 3.366 | 3.301 | 3.250 |
| | | Cấp xã | 9.415 | 9.388 | 9.377 |
| 3 | Huyện Di Linh | Tổng số | 11.059 | 11.004 | 10.952 |
| | | Cấp huyện | 2.957 | 2.940 | 2.902 |
| | | Cấp xã | 8.102 | 8.064 | 8.050 |
"""


def _whole_last(body: str) -> str:
    """Each unit's kinds first, its whole ("Cộng") last, the number on the first kind."""
    lines = body.splitlines()
    out = lines[:4]
    for k in range(4, len(lines), 3):
        whole, first, second = lines[k], lines[k + 1], lines[k + 2]
        no_name = "|".join(whole.split("|")[:3]) + "|"
        out += [no_name + first.split("|", 3)[3], "| | |" + second.split("|", 3)[3],
                "| | | Cộng |" + whole.split("|", 4)[4]]
    return "\n".join(out) + "\n"


def test_a_units_whole_row_is_the_sum_of_its_kinds(tmp_path):
    body = _whole_last(TOTALS)
    assert "| 2 | Huyện Lâm Hà | Cấp huyện | 3.366 |" in body and "| | | Cộng | 12.781 |" in body
    path = _text(tmp_path, body)
    assert errors(path) == []
    path = _text(tmp_path, body.replace("| 12.781 | 12.689 |", "| 12.871 | 12.689 |"))
    assert [e[:2] + e[3:] for e in errors(path)] == [
        ("SUM_MISMATCH", "block-parts-sum", "Huyện Lâm Hà – Cộng", "k3", "12871", "12781")]


def test_a_numbered_whole_over_its_kinds_is_one_error_not_two(tmp_path):
    """The whole written first, numbered, over its unnumbered kinds is a parent and its items:
    the parent rule reports it, the block rule does not say it again."""
    path = _text(tmp_path, TOTALS.replace("| 12.781 | 12.689 |", "| 12.871 | 12.689 |"))
    assert [e[:2] + e[3:] for e in errors(path)] == [
        ("PARENT_SUM_MISMATCH", "parent-sum-mismatch", "Huyện Lâm Hà – Tổng số", "k3", "12871", "12781")]


def test_a_name_cut_into_lines_under_one_number_is_one_unit(tmp_path):
    """A PDF cell spanning a block's rows may come out as lines on two rows; the block has one STT."""
    body = TOTALS.replace("| 2 | Huyện Lâm Hà | Tổng số |", "| 2 | Huyện | Tổng số |").replace(
        "| | | Cấp huyện | 3.366 |", "| | Lâm Hà | Cấp huyện | 3.366 |")
    [table] = read_path(_text(tmp_path, body)).tables
    assert [(r.unit, r.part) for r in table.rows[3:6]] == [
        ("Huyện Lâm Hà", "Tổng số"), ("Huyện Lâm Hà", "Cấp huyện"), ("Huyện Lâm Hà", "Cấp xã")]
