"""What the prose points at: an annex this document says it carries but does
not (REFERENCE_NOT_FOUND), told from an annex of another document."""
from __future__ import annotations

import pytest

from reportgen.verify import verify_path

REPORT = """UBND TỈNH BẾN TRE
VĂN PHÒNG
Số: 215/BC-VPUBND\tBến Tre, ngày 22 tháng 7 năm 2025

BÁO CÁO
Kết quả giải quyết thủ tục hành chính quý II năm 2025

I. KẾT QUẢ
Kết quả tiếp nhận, giải quyết hồ sơ của từng cơ quan {mention}.

Nơi nhận:
- UBND tỉnh;
- Lưu: VT, KSTT.
KT. CHÁNH VĂN PHÒNG
PHÓ CHÁNH VĂN PHÒNG
Lê Thị Hoa

Phụ lục I
KẾT QUẢ TIẾP NHẬN HỒ SƠ CỦA CÁC CƠ QUAN

Phụ lục II
KẾT QUẢ ĐÁNH GIÁ CÁC CƠ QUAN
"""


def _refs(tmp_path, mention):
    path = tmp_path / "bc.txt"
    path.write_text(REPORT.format(mention=mention), encoding="utf-8")
    return [(f.severity, f.reported, f.expected) for f in verify_path(path).findings
            if f.code == "REFERENCE_NOT_FOUND"]


def test_an_annex_said_to_be_attached_that_the_document_lacks_is_an_error(tmp_path):
    assert _refs(tmp_path, "(chi tiết tại Phụ lục II kèm theo)") == []
    assert _refs(tmp_path, "(chi tiết tại Phụ lục III kèm theo)") == [
        ("error", "Phụ lục III", "Phụ lục I, Phụ lục II")]
    assert _refs(tmp_path, "(Phụ lục III đính kèm)") == [("error", "Phụ lục III", "Phụ lục I, Phụ lục II")]


def test_an_annex_named_without_saying_it_is_attached_is_a_warning(tmp_path):
    assert _refs(tmp_path, "(xem Phụ lục III)") == [("warning", "Phụ lục III", "Phụ lục I, Phụ lục II")]


@pytest.mark.parametrize("mention", [
    "theo mẫu tại Phụ lục III ban hành kèm theo Thông tư số 01/2018/TT-VPCP",
    "theo Phụ lục IV của Nghị định số 30/2020/NĐ-CP",
    "theo Phụ lục III kèm theo Quyết định số 1085/QĐ-UBND",
])
def test_an_annex_of_another_document_is_not_this_document_s(tmp_path, mention):
    assert _refs(tmp_path, mention) == []
