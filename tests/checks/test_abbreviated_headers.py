"""Headers abbreviated as a form writes them ("SL đánh giá", "Rất HL", "HL",
"Không HL", "TL% hài lòng") are named by the prose's full words: "Tỷ lệ hài
lòng chung (gồm rất hài lòng và hài lòng)" is the "TL% hài lòng" of the
"Cộng" row. Figures: three communes' survey, quarter III 2025."""
from __future__ import annotations

import pytest

from reportgen.verify import verify_path

SURVEY = """UBND TỈNH ĐIỆN BIÊN

BÁO CÁO
Kết quả đánh giá mức độ hài lòng quý III năm 2025

Tỷ lệ hài lòng chung (gồm rất hài lòng và hài lòng) đạt {rate}.

TT\tĐvị\tSL đánh giá\tRất HL\tHL\tKhông HL\tTL% hài lòng
1\tUBND xã Thanh Sơn\t2.126\t1.835\t245\t46\t97,84
2\tUBND xã Na Sang\t1.049\t489\t513\t47\t95,52
3\tUBND xã Tân Lập\t609\t365\t184\t60\t90,15
\tCộng\t3.784\t2.689\t942\t153\t95,96
"""


@pytest.mark.parametrize("rate, expected", [
    ("95,96%", []),
    ("96,96%", [("PERCENT_MISMATCH", "error", "96.96", "95.96")]),
])
def test_a_rate_named_in_full_words_is_the_abbreviated_column(tmp_path, rate, expected):
    path = tmp_path / "ks.txt"
    path.write_text(SURVEY.format(rate=rate), encoding="utf-8")
    result = verify_path(path)
    assert [(f.code, str(f.severity), f.reported, f.expected) for f in result.findings
            if f.severity != "info"] == expected
    assert result.ledger.unchecked_claims() == []
