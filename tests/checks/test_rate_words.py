"""Rates the prose names by their words, held to the table: the parts of a
"Đã giải quyết" group beside a "Đang giải quyết" column, and an overall rate
("chung") of a table that writes the rate on its total row."""
from __future__ import annotations

from docx import Document

from reportgen.checks import CheckContext, run_checks
from reportgen.read import read_path


def _dossiers(path, rate: str):
    doc = Document()
    for text in ("BÁO CÁO", "Kết quả giải quyết thủ tục hành chính quý II năm 2025", "1. Kết quả giải quyết",
                 f"Tỷ lệ hồ sơ giải quyết trước hạn và đúng hạn đạt {rate}%."):
        doc.add_paragraph(text)
    table = doc.add_table(rows=2, cols=11)
    top, low = table.rows[0].cells, table.rows[1].cells
    for k, text in ((0, "STT"), (1, "Đơn vị"), (10, "Số hồ sơ đang giải quyết")):
        top[k].merge(low[k]).text = text
    for k, leaf in enumerate(("Tổng số", "Kỳ trước chuyển sang", "Trực tuyến", "Trực tiếp", "Tổng số", "Trước hạn",
                              "Đúng hạn", "Quá hạn"), 2):
        low[k].text = leaf
    top[2].merge(top[5]).text = "Số hồ sơ tiếp nhận"
    top[6].merge(top[9]).text = "Số hồ sơ đã giải quyết"
    for line in (["1", "Phường Phú Xuân", "3.618", "100", "2.518", "1.000", "3.558", "3.300", "240", "18", "60"],
                 ["2", "Phường Thuận Hóa", "3.278", "78", "2.200", "1.000", "3.208", "2.950", "218", "40", "70"],
                 ["", "Tổng cộng", "6.896", "178", "4.718", "2.000", "6.766", "6.250", "458", "58", "130"]):
        for cell, text in zip(table.add_row().cells, line):
            cell.text = text
    doc.save(path)
    ctx = CheckContext()
    return [f for f in run_checks(read_path(path), ctx) if f.code in ("PERCENT_MISMATCH", "CLAIM_UNCHECKED")], ctx


def test_the_parts_of_the_settled_group_over_its_total(tmp_path):
    found, ctx = _dossiers(tmp_path / "ok.docx", "99,14")  # (6.250 + 458) / 6.766 = 99,143 %
    assert found == []
    assert [c.relations for c in ctx.ledger.claims.values()] == [{"rate-of-named-columns"}]


def test_a_rate_off_is_an_error(tmp_path):
    [f] = _dossiers(tmp_path / "bad.docx", "99,41")[0]
    assert (f.code, f.severity, f.reported, f.expected) == ("PERCENT_MISMATCH", "error", "99.41", "99.14")


def _survey(path, rate: str):
    doc = Document()
    for text in ("BÁO CÁO", "Kết quả khảo sát sự hài lòng quý II năm 2025", "1. Kết quả",
                 f"Tỷ lệ hài lòng chung (gồm rất hài lòng và hài lòng) đạt {rate}%."):
        doc.add_paragraph(text)
    lines = [["STT", "Đơn vị", "Tổng số lượt", "Rất hài lòng", "Hài lòng", "Không hài lòng", "Tỷ lệ hài lòng (%)"],
             ["1", "Sở Tư pháp", "1.000", "700", "290", "10", "99,00"],
             ["2", "Sở Y tế", "800", "600", "200", "0", "100"],
             ["", "Tổng cộng", "1.800", "1.300", "490", "10", "99,44"]]
    table = doc.add_table(rows=0, cols=7)
    for line in lines:
        for cell, text in zip(table.add_row().cells, line):
            cell.text = text
    doc.save(path)
    return [f for f in run_checks(read_path(path), CheckContext()) if f.code in ("PERCENT_MISMATCH", "CLAIM_UNCHECKED")]


def test_the_overall_rate_is_the_total_rows(tmp_path):
    assert _survey(tmp_path / "ok.docx", "99,44") == []
    [f] = _survey(tmp_path / "bad.docx", "98,44")
    assert (f.code, f.severity, f.reported, f.expected) == ("PERCENT_MISMATCH", "error", "98.44", "99.44")
