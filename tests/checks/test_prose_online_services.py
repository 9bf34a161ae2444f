"""A report on online public services: procedures offered fully or partly
online, dossiers received online, fees paid online — one table under a
two-level header (a group over its leaves), and the sentences that quote
its total row.

- "181 thủ tục dịch vụ công trực tuyến một phần (41,80%)": what a count
  counts runs past six words; its last words ("một phần") name its column,
  not the "toàn trình" said before it.
- "152 thủ tục được cung cấp dịch vụ công trực tuyến toàn trình (35,10%)":
  a share after a long noun is of the whole the sentence states (433).
- "Số hồ sơ thanh toán phí, lệ phí trực tuyến là 2.530 hồ sơ": the commas
  of a label-like subject are no clause; it names "Thanh toán trực tuyến /
  Số hồ sơ" or none, never the "Tỷ lệ (%)" beside it (a count is no
  percent) nor "Hồ sơ trực tuyến"; the share it states of the online
  dossiers checks it.
"""
from __future__ import annotations

import docx
import pytest

from reportgen.verify import verify_path

GROUPS = [("", ["STT", "Đơn vị", "Số TTHC"]), ("Dịch vụ công trực tuyến", ["Toàn trình", "Một phần"]),
          ("Hồ sơ", ["Tổng số hồ sơ tiếp nhận", "Hồ sơ trực tuyến", "Tỷ lệ (%)"]),
          ("Thanh toán trực tuyến", ["Số hồ sơ", "Tỷ lệ (%)"])]
ROWS = [["1", "UBND huyện Cao Lộc", "271", "98", "112", "8.512", "4.367", "51,30", "1.700", "38,93"],
        ["2", "UBND xã Đồng Đăng", "54", "18", "23", "1.391", "675", "48,53", "241", "35,70"],
        ["3", "UBND xã Thạch Đạn", "54", "18", "23", "1.004", "482", "48,01", "190", "39,42"],
        ["4", "UBND xã Gia Cát", "54", "18", "23", "1.463", "825", "56,39", "399", "48,36"],
        ["", "Tổng cộng", "433", "152", "181", "12.370", "6.349", "51,33", "2.530", "39,85"]]
PROSE = ["UBND HUYỆN CAO LỘC", "Số: 215/BC-UBND", "Cao Lộc, ngày 08 tháng 10 năm 2025", "BÁO CÁO",
         "Kết quả cung cấp dịch vụ công trực tuyến 9 tháng năm 2025",
         "Tổng số thủ tục hành chính đang thực hiện là 433 thủ tục; trong đó 152 thủ tục được cung cấp dịch vụ "
         "công trực tuyến toàn trình (35,10%) và {partly} thủ tục dịch vụ công trực tuyến một phần (41,80%).",
         "Số hồ sơ thanh toán phí, lệ phí trực tuyến là {paid} hồ sơ, chiếm 39,85% tổng số hồ sơ trực tuyến."]


def _write(path, partly: str = "181", paid: str = "2.530") -> None:
    document = docx.Document()
    for text in PROSE:
        document.add_paragraph(text.format(partly=partly, paid=paid))
    width = sum(len(leaves) for _, leaves in GROUPS)
    table = document.add_table(rows=2, cols=width)
    at = 0
    for group, leaves in GROUPS:
        if group:
            top = table.cell(0, at).merge(table.cell(0, at + len(leaves) - 1))
            top.text = group
            for k, leaf in enumerate(leaves):
                table.cell(1, at + k).text = leaf
        else:
            for k, leaf in enumerate(leaves):
                table.cell(0, at + k).merge(table.cell(1, at + k)).text = leaf
        at += len(leaves)
    for line in ROWS:
        cells = table.add_row().cells
        for cell, text in zip(cells, line):
            cell.text = text
    for text in ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "Nguyễn Văn An"):
        document.add_paragraph(text)
    document.save(str(path))


def _prose(path) -> tuple[str, list[tuple[str, str, str | None]], tuple[int, int]]:
    result = verify_path(path)
    found = [(f.code, f.severity, f.reported) for f in result.findings
             if f.code in ("QUANTITY_CONFLICT", "PERCENT_MISMATCH", "CLAIM_UNCHECKED", "SHARE_MISMATCH")]
    return result.verdict, found, result.ledger.totals()["claims"]


def test_every_sentence_of_the_report_is_checked_against_the_total_row(tmp_path):
    path = tmp_path / "dvc.docx"
    _write(path)
    verdict, found, (checked, claims) = _prose(path)
    assert found == []
    assert checked == claims
    assert verdict == "ĐẠT"


@pytest.mark.parametrize("partly, paid, slip", [
    ("118", "2.530", ("QUANTITY_CONFLICT", "error", "118")),  # not the "Một phần" total, 181
    # its share of the online dossiers: 2.350 / 6.349 is 37,01%, not 39,85%
    ("181", "2.350", ("PERCENT_MISMATCH", "error", "39.85")),
])
def test_a_count_that_differs_from_its_column_s_total_is_named(tmp_path, partly, paid, slip):
    path = tmp_path / "slip.docx"
    _write(path, partly=partly, paid=paid)
    verdict, found, _ = _prose(path)
    assert slip in found
    assert verdict == "KHÔNG ĐẠT"
