"""A unit's change of a count stated with no earlier figure ("giảm nhiều nhất
là Sở Xây dựng, giảm 50 hồ sơ so với tháng trước") is held to the unit's
cell of the change column — never to the change's percent beside it — or,
with no change column, to the difference of its two months."""
from __future__ import annotations

import pytest

from reportgen.verify import verify_path

from support import write_docx_tables

ROWS = (("Sở Tư pháp", "1.000", "2.250", "1.250", "125,00"), ("Sở Y tế", "800", "760", "-40", "-5,00"),
        ("Sở Xây dựng", "500", "450", "-50", "-10,00"), ("Sở Công Thương", "640", "672", "32", "5,00"))
TOTAL = ("Tổng cộng", "2.940", "4.132", "1.192", "40,54")


def _write(path, sentence: str, change_columns: bool) -> None:
    prose = ["UBND TỈNH PHÚ THỌ", "SỞ NỘI VỤ", "Số: 123/BC-SNV", "Phú Thọ, ngày 05 tháng 11 năm 2025", "BÁO CÁO",
             "Tình hình tiếp nhận hồ sơ thủ tục hành chính tháng 10 năm 2025", sentence]
    head = ["STT", "Cơ quan, đơn vị", "Tháng 9", "Tháng 10", "Tăng/giảm", "Tỷ lệ tăng/giảm (%)"]
    body = [head] + [[str(i), *row] for i, row in enumerate(ROWS, 1)] + [["", *TOTAL]]
    body = [r if change_columns else r[:4] for r in body]
    write_docx_tables(path, prose, [("", body[0], body[1:])], after=["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Văn An"])


@pytest.mark.parametrize("change_columns", [True, False])
@pytest.mark.parametrize("written, right", [("tăng 1.250 hồ sơ", True), ("tăng 1.205 hồ sơ", False),
                                            ("giảm 1.250 hồ sơ", False)])
def test_the_most_risen_units_count_change(tmp_path, change_columns, written, right):
    path = tmp_path / "r.docx"
    _write(path, f"Tăng nhiều nhất là Sở Tư pháp, {written} so với tháng trước.", change_columns)
    result = verify_path(path)
    found = [(f.code, f.unit, f.reported, f.expected) for f in result.findings if f.code == "CHANGE_MISMATCH"]
    signed = ("-" if written.startswith("giảm") else "") + written.split()[1].replace(".", "")
    assert found == ([] if right else [("CHANGE_MISMATCH", "Sở Tư pháp", signed, "1250")])
    claims = result.to_json()["coverage"]["claims"]
    assert claims["checked"] == claims["total"] == 1


def test_a_fall_of_dossiers_is_the_units_change_cell(tmp_path):
    path = tmp_path / "f.docx"
    _write(path, "Giảm nhiều nhất là Sở Xây dựng, giảm 62 hồ sơ so với tháng trước.", True)
    errors = [(f.code, f.reported, f.expected, f.message) for f in verify_path(path).findings if f.severity == "error"]
    assert errors == [("CHANGE_MISMATCH", "-62", "-50",
                       "Văn bản nêu Sở Xây dựng giảm 62 hồ sơ nhưng bảng ghi “Tăng/giảm” bảng 1: -50")]
