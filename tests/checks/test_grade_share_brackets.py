"""A grade count with its share in bare brackets ("04 xã, phường đạt loại Tốt
(30,77%)") is a share of the units graded in the table, its whole stated in
the lead paragraph or not at all: checked, and a slipped percent is an error
when the passage's other shares confirm the whole. Figures: a province's 13
communes in its PAR index of 2026."""
from __future__ import annotations

import pytest

from reportgen.verify import verify_path

UNITS = [("UBND xã Bảo Yên", "93,65", "Tốt"), ("UBND xã Bắc Hà", "92,55", "Tốt"),
         ("UBND xã Mường Khương", "88,10", "Tốt"),
         ("UBND phường Cam Đường", "81,20", "Tốt"), ("UBND xã Bát Xát", "79,50", "Khá"),
         ("UBND xã Si Ma Cai", "77,30", "Khá"), ("UBND phường Nghĩa Lộ", "74,98", "Khá"),
         ("UBND xã Văn Bàn", "71,00", "Khá"), ("UBND xã Bảo Thắng", "68,40", "Khá"),
         ("UBND xã Mù Cang Chải", "66,10", "Khá"), ("UBND xã Trạm Tấu", "63,20", "Trung bình"),
         ("UBND xã Lục Yên", "60,00", "Trung bình"), ("UBND phường Sa Pa", "55,50", "Trung bình")]
GRADES = "2. Về xếp loại, 04 xã, phường đạt loại Tốt (30,77%), 06 xã, phường đạt loại Khá ({kha}), " \
         "03 xã, phường đạt loại Trung bình (23,08%)."


def _verify(tmp_path, kha="46,15%"):
    rows = "\n".join(f"{i}\t{u}\t{p}\t{g}" for i, (u, p, g) in enumerate(UNITS, 1))
    text = ("UBND TỈNH LÀO CAI\n\nTHÔNG BÁO\nKết quả Chỉ số cải cách hành chính năm 2026\n\n"
            "Sở Nội vụ thông báo kết quả Chỉ số cải cách hành chính năm 2026 của 13 xã, phường như sau:\n"
            "Xếp loại theo Chỉ số: Tốt: từ 80% trở lên; Khá: từ 65% đến dưới 80%; Trung bình: từ 50% đến dưới 65%.\n"
            f"{GRADES.format(kha=kha)}\n\n"
            f"Bảng kết quả Chỉ số CCHC năm 2026\nThứ hạng\tĐơn vị\tChỉ số (%)\tXếp loại\n{rows}\n")
    path = tmp_path / "tb.txt"
    path.write_text(text, encoding="utf-8")
    return verify_path(path)


def test_bracketed_shares_of_grade_counts_are_checked_against_the_graded_units(tmp_path):
    result = _verify(tmp_path)
    assert [(f.code, str(f.severity)) for f in result.findings if f.severity != "info"] == []
    assert result.ledger.unchecked_claims() == []


@pytest.mark.parametrize("kha, severity", [("45,15%", "error"), ("50,00%", "error")])
def test_a_slipped_bracketed_share_is_an_error_its_siblings_confirm(tmp_path, kha, severity):
    result = _verify(tmp_path, kha)
    found = [(f.code, str(f.severity), f.reported, f.expected) for f in result.findings if f.severity != "info"]
    assert found == [("PERCENT_MISMATCH", severity, kha.rstrip("%").replace(",", "."), "46.15")]
