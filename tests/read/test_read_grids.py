"""Header interpretation shared by every format: grids with row and column
spans (as the DOCX, PDF and XLSX parsers give them) bind like the text seeds."""
from __future__ import annotations

from decimal import Decimal as D

from reportgen.raw import RawCell, RawDocument, RawParagraph, RawTable
from reportgen.read import read_report


def cell(text, row, col, rowspan=1, colspan=1, page=None):
    return RawCell(text=text, row=row, col=col, rowspan=rowspan, colspan=colspan, page=page)


def header_002() -> list[list[RawCell]]:
    """Seed 002's appendix header as Word merges it."""
    top = [cell("STT", 0, 0, rowspan=3), cell("TÊN ĐƠN VỊ", 0, 1, rowspan=3),
           cell("ĐIỂM CÁC CHỈ SỐ", 0, 2, colspan=11), cell("TỔNG ĐIỂM ĐẠT ĐƯỢC", 0, 13, rowspan=3),
           cell("TỔNG ĐIỂM QUY ĐỔI", 0, 14, rowspan=3), cell("XẾP LOẠI", 0, 15, rowspan=3)]
    groups = [cell("Nhóm công khai, minh bạch", 1, 2, colspan=3),
              cell("Tiến độ, KQ giải quyết (30đ)", 1, 5, rowspan=2),
              cell("Cung cấp DVCTT", 1, 6, colspan=2), cell("Số hóa hồ sơ", 1, 8, colspan=2),
              cell("Mức độ hài lòng", 1, 10, colspan=3)]
    leaves = ["Chỉ số 1 (5đ)", "Chỉ số 2 (5đ)", "Chỉ số 3 (10đ)", None, "Chỉ số 1 (10đ)", "Chỉ số 2 (10đ)",
              "Chỉ số 1 (5đ)", "Chỉ số 2 (10đ)", "Chỉ số 1 (5đ)", "Chỉ số 2 (5đ)", "Chỉ số 3 (5đ)"]
    third = [cell(t, 2, 2 + i) for i, t in enumerate(leaves) if t]
    return [top, groups, third]


def body_row(r, texts, page=5):
    return [cell(t, r, c, page=page) for c, t in enumerate(texts)]


def table_002(index=0, rows=None, header=True) -> RawTable:
    out = header_002() if header else []
    n = len(out)
    for i, texts in enumerate(rows or []):
        if len(texts) == 2:
            out.append([cell(texts[0], n + i, 0, page=5), cell(texts[1], n + i, 1, colspan=15, page=5)])
        else:
            out.append(body_row(n + i, texts))
    return RawTable(index=index, rows=out, header_rows=3 if header else None, page=5)


QLDD = ["1", "Trung tâm QLĐĐ", "-", "4,81", "-", "23,45", "5,16", "5,60", "1,26", "5,33", "5", "5", "3,33",
        "58,69/85", "69,34", "Trung bình"]
TU_PHAP = ["2", "Phòng Tư pháp", "-", "4,81", "-", "28,24", "8.32", "7,18", "0,25", "8,32", "5", "5", "3,33",
           "70,45/85", "82,88", "Tốt"]
NUA_NGAM = ["10", "UBND xã Núa Ngam", "-", "4,81", "-", "29,71", "10", "4,81", "4,79", "11,5", "5", "5", "5",
            "80,62", "94,85", "XS"]


def doc(*blocks) -> RawDocument:
    return RawDocument(source="bc.docx", format="docx", blocks=list(blocks))


def test_merged_two_level_header_binds_to_the_2023_scheme():
    raw = doc(RawParagraph("Phụ lục", 0), RawParagraph("KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI", 1),
              table_002(rows=[["I", "CÁC CƠ QUAN CHUYÊN MÔN THUỘC HUYỆN"], QLDD, TU_PHAP,
                              ["II", "UBND CÁC XÃ"], NUA_NGAM]))
    report = read_report(raw)
    (table,) = report.tables
    assert table.scheme == "dienbien-2023" and table.kind == "scores"
    assert [c.key for c in table.columns] == ["ck1", "ck2", "ck3", "td", "dv1", "dv2", "sh1", "sh2", "hl1", "hl2",
                                              "hl3"]
    qldd, tu_phap, nua_ngam = table.rows
    assert (qldd.section, qldd.total, qldd.max, qldd.percent, qldd.grade, qldd.page) == (
        "I", D("58.69"), D("85"), D("69.34"), "Trung bình", 5)
    assert tu_phap.scores["dv1"] == D("8.32")
    assert (nua_ngam.section, nua_ngam.section_title, nua_ngam.scores["sh2"], nua_ngam.grade, nua_ngam.max) == (
        "II", "UBND CÁC XÃ", D("11.5"), "Xuất sắc", None)
    assert [f.code for f in report.read_findings] == ["NUMBER_FORMAT"]
    assert table.title == "Phụ lục KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI"


def test_a_table_continued_on_the_next_page_without_its_header_is_one_table():
    raw = doc(table_002(0, rows=[QLDD, TU_PHAP]), table_002(1, rows=[NUA_NGAM], header=False))
    (table,) = read_report(raw).tables
    assert [r.unit for r in table.rows] == ["Trung tâm QLĐĐ", "Phòng Tư pháp", "UBND xã Núa Ngam"]


def test_a_header_repeated_on_the_next_page_is_not_data():
    raw = doc(table_002(0, rows=[QLDD]), table_002(1, rows=[TU_PHAP]))
    (table,) = read_report(raw).tables
    assert [r.unit for r in table.rows] == ["Trung tâm QLĐĐ", "Phòng Tư pháp"]


def test_scheme_override_wins_over_detection():
    raw = doc(table_002(rows=[QLDD]))
    (table,) = read_report(raw, scheme="dienbien-2023").tables
    assert table.scheme == "dienbien-2023"


def test_portal_codes_name_the_766_groups():
    header = ["TEN", "MA_COQUAN", "TDGQ", "MDHL", "MDSH", "TTTT", "CLGQ", "CKMB", "TONG_SCORE", "ROW_STT"]
    body = ["UBND tỉnh Bắc Ninh", "H05", "19,05", "17,86", "20,79", "10", "8,36", "15,64", "91,7", "1"]
    table = RawTable(index=0, rows=[body_row(0, header, None), body_row(1, body, None)])
    (bound,) = read_report(RawDocument(source="p.xlsx", format="xlsx", blocks=[table])).tables
    assert (bound.kind, bound.scheme) == ("scores", "qd766-2022")
    (row,) = bound.rows
    assert row.scores == {"tdgq": D("19.05"), "mdhl": D("17.86"), "mdsh": D("20.79"), "tttt": D("10"),
                          "clgq": D("8.36"), "ckmb": D("15.64")}
    assert (row.unit, row.total, row.rank, row.extra["MA_COQUAN"]) == ("UBND tỉnh Bắc Ninh", D("91.7"), 1, "H05")


def test_rate_columns_beside_points_are_not_scores():
    header = [[cell("STT", 0, 0, rowspan=2), cell("Đơn vị", 0, 1, rowspan=2),
               cell("Công khai, minh bạch", 0, 2, colspan=2), cell("Tiến độ, kết quả giải quyết", 0, 4, colspan=2)],
              [cell("Tỷ lệ %", 1, 2), cell("Điểm đạt (tối đa 18 điểm)", 1, 3),
               cell("Tỷ lệ %", 1, 4), cell("Điểm đạt (tối đa 20 điểm)", 1, 5)]]
    rows = header + [body_row(2, ["1", "Sở Tài chính", "85,5", "15,39", "96,2", "19,24"], None)]
    extra_cols = [cell(t, r, 6 + i) for r, texts in ((0, ["Thanh toán trực tuyến", "Dịch vụ công trực tuyến",
                                                          "Mức độ hài lòng", "Số hóa hồ sơ", "Tổng điểm"]),
                                                     (2, ["8", "9", "17", "20", "88,63"]))
                  for i, t in enumerate(texts)]
    rows[0].extend(c for c in extra_cols if c.row == 0)
    for c in rows[0][-5:]:
        c.rowspan = 2
    rows[2].extend(c for c in extra_cols if c.row == 2)
    table = RawTable(index=0, rows=rows, header_rows=2)
    (bound,) = read_report(RawDocument(source="a.docx", format="docx", blocks=[table])).tables
    assert bound.scheme == "qd766-2022"
    (row,) = bound.rows
    assert row.scores == {"ckmb": D("15.39"), "tdgq": D("19.24"), "tttt": D("8"), "clgq": D("9"), "mdhl": D("17"),
                          "mdsh": D("20")}
    assert row.total == D("88.63")
    assert row.extra["Công khai, minh bạch Tỷ lệ %"] == "85,5"


def test_group_rows_written_in_one_merged_cell_set_the_section():
    rows = header_002()
    n = len(rows)
    rows.append([cell("I. CÁC CƠ QUAN CHUYÊN MÔN", n, 0, colspan=16)])
    rows.append(body_row(n + 1, QLDD))
    rows.append([cell("", n + 2, 0), cell("UBND CÁC XÃ", n + 2, 1, colspan=15)])
    rows.append(body_row(n + 3, NUA_NGAM))
    (table,) = read_report(doc(RawTable(index=0, rows=rows, header_rows=3))).tables
    assert [(r.section, r.section_title) for r in table.rows] == [("I", "CÁC CƠ QUAN CHUYÊN MÔN"),
                                                                 (None, "UBND CÁC XÃ")]


def _grouped(leaves: list[str]) -> RawTable:
    """Two groups of three indicators whose header states each group's maximum."""
    top = [cell("STT", 0, 0, rowspan=2), cell("Đơn vị", 0, 1, rowspan=2),
           cell("Hạ tầng số (30 điểm)", 0, 2, colspan=3), cell("Dữ liệu số (30 điểm)", 0, 5, colspan=3),
           cell("Tổng điểm (tối đa 60)", 0, 8, rowspan=2)]
    rows = [top, [cell(t, 1, 2 + i) for i, t in enumerate(leaves)]]
    for r, (unit, scores) in enumerate([("Xã Tà Nung", ["8", "9,5", "7", "10", "6,5", "9"]),
                                         ("Xã Xuân Thọ", ["10", "7", "8,5", "9", "9", "7,5"]),
                                         ("Phường 1", ["9", "8", "10", "7,5", "8", "10"])], 2):
        total = sum(D(s.replace(",", ".")) for s in scores)
        rows.append(body_row(r, [str(r - 1), unit, *scores, str(total).replace(".", ",")]))
    return RawTable(index=0, rows=rows, header_rows=2, page=1)


def test_bare_numbers_under_a_group_that_states_its_maximum_are_the_indicators_maxima():
    # "Mạng (10)" + "Thiết bị (10)" + "An toàn (10)" = "Hạ tầng số (30 điểm)": each indicator is out of 10
    leaves = ["Mạng (10)", "Thiết bị (10)", "An toàn (10)", "CSDL (5)", "Chia sẻ (15)", "Mở (10)"]
    [table] = read_report(doc(_grouped(leaves))).tables
    assert [c.max for c in table.columns] == [D(10), D(10), D(10), D(5), D(15), D(10)]


def test_bare_numbers_that_do_not_add_up_to_the_group_are_no_maxima():
    # "(1)", "(2)", "(3)": the columns' numbers, not maxima (1 + 2 + 3 ≠ 30)
    leaves = ["Mạng (1)", "Thiết bị (2)", "An toàn (3)", "CSDL (4)", "Chia sẻ (5)", "Mở (6)"]
    [table] = read_report(doc(_grouped(leaves))).tables
    assert D(1) not in {c.max for c in table.columns} and D(6) not in {c.max for c in table.columns}


def test_a_number_format_message_names_a_result_column_by_its_header_never_by_its_key():
    # The portal export writes points with a decimal point; its total column's
    # header is the code TONG_SCORE, which a message calls "Tổng điểm".
    header = ["TEN", "MA_COQUAN", "TDGQ", "MDHL", "MDSH", "TTTT", "CLGQ", "CKMB", "TONG_SCORE", "ROW_STT"]
    rows = [["UBND tỉnh Bắc Ninh", "H05", "19.05", "17.86", "20.79", "10", "8.36", "15.64", "91.7", "1"],
            ["UBND tỉnh Đồng Nai", "H19", "18.79", "17.39", "19.93", "10", "8.33", "16.09", "90.53", "2"]]
    table = RawTable(index=0, rows=[body_row(r, texts, None) for r, texts in enumerate([header] + rows)])
    report = read_report(RawDocument(source="p.xlsx", format="xlsx", blocks=[table]))
    totals = [f for f in report.read_findings if f.column == "total"]
    assert [f.message for f in totals] == [
        "2 số ở cột “Tổng điểm” không viết theo định dạng Việt Nam (ví dụ “91.7”, nên viết “91,7”; "
        "UBND tỉnh Bắc Ninh: “91.7”; UBND tỉnh Đồng Nai: “90.53”)"]
    assert not any("“total”" in f.message or "“k" in f.message for f in report.read_findings)


def test_a_number_format_message_quotes_a_total_column_header_as_written():
    header = ["STT", "Đơn vị", "Công khai, minh bạch", "Tiến độ, kết quả giải quyết", "Dịch vụ công trực tuyến",
              "Thanh toán trực tuyến", "Mức độ hài lòng", "Số hóa hồ sơ", "Tổng điểm đạt được"]
    rows = [["1", "UBND tỉnh Bắc Ninh", "15,64", "19,05", "8,36", "10", "17,86", "20,79", "91.7"],
            ["2", "UBND tỉnh Đồng Nai", "16,09", "18,79", "8,33", "10", "17,39", "19,93", "90.53"]]
    table = RawTable(index=0, rows=[body_row(r, texts, None) for r, texts in enumerate([header] + rows)])
    report = read_report(RawDocument(source="p.docx", format="docx", blocks=[table]))
    assert report.tables[0].kind == "scores"
    assert [f.message for f in report.read_findings] == [
        "2 số ở cột “Tổng điểm đạt được” không viết theo định dạng Việt Nam (ví dụ “91.7”, nên viết “91,7”; "
        "UBND tỉnh Bắc Ninh: “91.7”; UBND tỉnh Đồng Nai: “90.53”)"]
