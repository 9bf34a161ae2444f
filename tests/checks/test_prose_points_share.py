"""Points said alone with the percent they make ("điểm thẩm định của Sở Nội
vụ đạt 42,25 điểm, tương đương 83,66%") are a share of the one maximum the
paragraph states: 42,25 / 50,50 × 100 = 83,66%."""
from __future__ import annotations

import pytest

from reportgen.verify import verify_path

REPORT = """UBND HUYỆN TÂN LẬP
Số: 88/BC-UBND\tTân Lập, ngày 12 tháng 11 năm 2025

BÁO CÁO
Kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm 2025

{paragraph}{extra}

Nơi nhận:
- Sở Nội vụ;
- Lưu: VT.
CHỦ TỊCH
Nguyễn Văn An
"""
PARAGRAPH = ("Tổng điểm tối đa các tiêu chí, tiêu chí thành phần do UBND huyện tự đánh giá là 50,50 điểm. "
             "Kết quả tự đánh giá đạt 44,25/50,50 điểm, tương đương 87,62%; điểm thẩm định của Sở Nội vụ "
             "đạt 42,25 điểm, tương đương {p}%.")


def _shares(tmp_path, p: str, extra: str = "") -> tuple[list, tuple[int, int]]:
    path = tmp_path / "bc.txt"
    path.write_text(REPORT.format(paragraph=PARAGRAPH.format(p=p), extra=extra), encoding="utf-8")
    result = verify_path(path)
    found = [(f.code, f.severity, f.reported, f.expected) for f in result.findings
             if f.code in ("PERCENT_MISMATCH", "CLAIM_UNCHECKED")]
    return found, result.ledger.totals()["claims"]


def test_the_points_share_of_the_stated_maximum_is_checked(tmp_path):
    found, (checked, claims) = _shares(tmp_path, "83,66")
    assert found == []
    assert checked == claims == 2


def test_a_points_share_that_is_not_of_the_maximum_is_an_error(tmp_path):
    found, _ = _shares(tmp_path, "86,66")
    assert found == [("PERCENT_MISMATCH", "error", "86.66", "83.66")]


@pytest.mark.parametrize("p", ["83,66", "86,66"])
def test_a_paragraph_of_two_maxima_says_not_which(tmp_path, p):
    # the percent is of 50,50 or of 11,50: not known, so left unchecked, never an error
    found, _ = _shares(tmp_path, p, " Điểm tối đa của lĩnh vực cải cách thủ tục hành chính là 11,50 điểm.")
    assert [(code, severity) for code, severity, *_ in found] == [("CLAIM_UNCHECKED", "warning")]
