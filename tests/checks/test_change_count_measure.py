"""How many units rose or fell, the measure named before the direction ("Có
02/4 đơn vị có số hồ sơ tiếp nhận giảm so với tháng trước"), held to the
table's change column — or to its change and the change's percent together,
which rise and fall on the same rows."""
from __future__ import annotations

import pytest

from reportgen.verify import verify_path

from support import write_docx_tables

ROWS = (("Sở Tư pháp", "1.000", "1.100", "100", "10,00"), ("Sở Y tế", "800", "760", "-40", "-5,00"),
        ("Sở Xây dựng", "500", "450", "-50", "-10,00"), ("Sở Công Thương", "640", "672", "32", "5,00"))
TOTAL = ("Tổng cộng", "2.940", "2.982", "42", "1,43")


def _write(path, sentence: str, with_percent: bool) -> None:
    prose = ["UBND TỈNH PHÚ THỌ", "SỞ NỘI VỤ", "Số: 123/BC-SNV", "Phú Thọ, ngày 05 tháng 11 năm 2025",
             "BÁO CÁO", "Tình hình tiếp nhận hồ sơ thủ tục hành chính tháng 10 năm 2025", sentence]
    head = ["STT", "Cơ quan, đơn vị", "Tháng 9", "Tháng 10", "Tăng/giảm", "Tỷ lệ tăng/giảm (%)"]
    body = [head] + [[str(i), *row] for i, row in enumerate(ROWS, 1)] + [["", *TOTAL]]
    body = [r if with_percent else r[:-1] for r in body]
    write_docx_tables(path, prose, [("", body[0], body[1:])], after=["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Văn An"])


@pytest.mark.parametrize("with_percent", [True, False])
@pytest.mark.parametrize("sentence, right", [
    ("Có {x}/4 đơn vị có số hồ sơ tiếp nhận giảm so với tháng trước.", 2),
    ("Trong tháng, {x}/4 sở có số hồ sơ tiếp nhận tăng.", 2),
    ("So với tháng 9, có {x}/4 đơn vị có lượng hồ sơ giảm, còn lại tăng.", 2),
])
def test_units_that_rose_or_fell_are_counted_in_the_change_column(tmp_path, sentence, right, with_percent):
    for x in (right, right + 1):
        path = tmp_path / f"c{x}.docx"
        _write(path, sentence.format(x=f"{x:02d}"), with_percent)
        result = verify_path(path)
        found = [(f.code, f.reported, f.expected) for f in result.findings
                 if f.code in ("CHANGE_COUNT_MISMATCH", "CLAIM_UNCHECKED")]
        assert found == ([] if x == right else [("CHANGE_COUNT_MISMATCH", str(x), str(right))]), (x, found)
