"""A count of the prose named by the lowest level of a two-level header
("Mức độ đánh giá" over "Rất hài lòng | Hài lòng | Không hài lòng", cells
merged as Word writes them), held to the table's total row; and the levels
of a satisfaction survey as distinct parts of the votes."""
from __future__ import annotations

from docx import Document

from reportgen.checks import CheckContext, run_checks
from reportgen.read import read_path

ROWS = [["1", "Sở Tư pháp", "1.000", "700", "220", "80"], ["2", "Sở Y tế", "1.200", "850", "270", "80"],
        ["3", "Sở Xây dựng", "800", "550", "180", "70"], ["", "Tổng cộng", "3.000", "2.100", "670", "230"]]


def _survey(path, sentence: str, groups=("Mức độ đánh giá",), leaves=("Rất hài lòng", "Hài lòng", "Không hài lòng")):
    doc = Document()
    for text in ("UBND TỈNH BÌNH ĐỊNH", "BÁO CÁO", "Kết quả khảo sát sự hài lòng của người dân năm 2025",
                 "1. Kết quả khảo sát", sentence, "Chi tiết tại bảng sau:"):
        doc.add_paragraph(text)
    width = 3 + len(groups) * len(leaves)
    table = doc.add_table(rows=2, cols=width)
    top, low = table.rows[0].cells, table.rows[1].cells
    for k, text in enumerate(("STT", "Đơn vị", "Tổng số phiếu")):
        top[k].merge(low[k]).text = text
    for g, group in enumerate(groups):
        first = 3 + g * len(leaves)
        for k, leaf in enumerate(leaves):
            low[first + k].text = leaf
        top[first].merge(top[first + len(leaves) - 1]).text = group
    for line in ROWS:
        cells = table.add_row().cells
        for k, text in enumerate(line + line[3:] * (len(groups) - 1)):
            cells[k].text = text
    doc.save(path)
    return read_path(path)


SAID = "Tổng số phiếu thu về là 3.000 phiếu, trong đó có 2.100 phiếu rất hài lòng, 670 phiếu hài lòng và {n} phiếu " \
       "không hài lòng."


def test_a_count_named_by_the_leaf_of_a_grouped_header_agrees_with_the_total_row(tmp_path):
    ctx = CheckContext()
    findings = run_checks(_survey(tmp_path / "ok.docx", SAID.format(n="230")), ctx)
    assert [f for f in findings if f.code in ("QUANTITY_CONFLICT", "SUM_MISMATCH")] == []
    assert ctx.ledger.tables[0].relations >= {"count-vs-total-row"}


def test_a_count_that_differs_from_the_total_row_of_its_leaf_is_an_error(tmp_path):
    [f] = [f for f in run_checks(_survey(tmp_path / "bad.docx", SAID.format(n="320")), CheckContext())
           if f.code == "QUANTITY_CONFLICT"]
    assert (f.severity, f.reported, f.expected, f.column) == ("error", "320", "230", "k5")
    assert f.message.startswith("Văn bản nêu 320 phiếu không hài lòng nhưng dòng “Tổng cộng” của cột "
                                "“Mức độ đánh giá Không hài lòng” (bảng 1) ghi 230")


def test_a_leaf_repeated_under_two_groups_is_not_named_by_itself(tmp_path):
    report = _survey(tmp_path / "two.docx", SAID.format(n="320"), groups=("Năm 2024", "Năm 2025"))
    assert [f for f in run_checks(report, CheckContext()) if f.code == "QUANTITY_CONFLICT"] == []


def test_levels_of_satisfaction_together_never_exceed_the_votes(tmp_path):
    path = tmp_path / "bc.txt"
    path.write_text("BÁO CÁO\nKết quả khảo sát năm 2025\n\n1. Kết quả\n" + SAID.format(n="320") + "\n",
                    encoding="utf-8")
    [f] = [f for f in run_checks(read_path(path), CheckContext()) if f.code == "SUM_MISMATCH"]
    assert (f.severity, f.reported, f.expected) == ("error", "3000", "3090")


def test_a_level_and_the_levels_above_it_are_no_distinct_parts(tmp_path):
    path = tmp_path / "bc.txt"
    path.write_text("BÁO CÁO\nKết quả khảo sát năm 2025\n\n1. Kết quả\nTổng số phiếu thu về là 3.000 phiếu, trong đó "
                    "có 2.100 phiếu rất hài lòng, 2.770 phiếu hài lòng trở lên.\n", encoding="utf-8")
    # "hài lòng trở lên" counts the very satisfied again: more than the whole is a doubt, not a slip
    assert [f.severity for f in run_checks(read_path(path), CheckContext()) if f.code == "SUM_MISMATCH"] == ["warning"]


def test_the_new_dossiers_are_not_the_total_received_with_those_carried_over(tmp_path):
    doc = Document()
    for text in ("BÁO CÁO", "Kết quả giải quyết thủ tục hành chính quý III năm 2025", "1. Kết quả",
                 "Tổng số hồ sơ tiếp nhận mới là 3.030 hồ sơ (trong đó: trực tuyến 2.000 hồ sơ, trực tiếp 1.030 hồ "
                 "sơ). Số hồ sơ kỳ trước chuyển sang là 70 hồ sơ."):
        doc.add_paragraph(text)
    table = doc.add_table(rows=2, cols=6)
    top, low = table.rows[0].cells, table.rows[1].cells
    for k, text in enumerate(("STT", "Đơn vị")):
        top[k].merge(low[k]).text = text
    for k, leaf in enumerate(("Tổng số", "Kỳ trước chuyển sang", "Trực tuyến", "Trực tiếp"), 2):
        low[k].text = leaf
    top[2].merge(top[5]).text = "Hồ sơ tiếp nhận"
    for line in (["1", "Xã An Nhơn", "1.650", "40", "1.100", "510"], ["2", "Xã Tuy Phước", "1.450", "30", "900", "520"],
                 ["", "Tổng cộng", "3.100", "70", "2.000", "1.030"]):
        for cell, text in zip(table.add_row().cells, line):
            cell.text = text
    doc.save(tmp_path / "tt.docx")
    found = [f for f in run_checks(read_path(tmp_path / "tt.docx"), CheckContext()) if f.code == "QUANTITY_CONFLICT"]
    assert found == []
