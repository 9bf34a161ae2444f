"""Lists that split a whole, written the ways offices write them: "Trong đó:"
opening the sentence after the total, and "trong đó" after a count written
as a fraction ("đã giải quyết 28.543/30.846 hồ sơ; trong đó …", the list
splits the 28.543)."""
from __future__ import annotations

from reportgen.verify import verify_path

REPORT = """UBND TỈNH HẬU GIANG
VĂN PHÒNG
Số: 142/BC-VPUBND\tHậu Giang, ngày 21 tháng 4 năm 2025

BÁO CÁO
Kết quả giải quyết thủ tục hành chính quý I năm 2025

I. KẾT QUẢ
{prose}

Nơi nhận:
- UBND tỉnh;
- Lưu: VT, KSTT.
CHÁNH VĂN PHÒNG
Đỗ Minh Khoa
"""


def _sums(tmp_path, prose):
    path = tmp_path / "bc.txt"
    path.write_text(REPORT.format(prose=prose), encoding="utf-8")
    result = verify_path(path)
    sums = [(st.whole, list(st.parts)) for st in result.report.statements if st.kind == "sum"]
    return sums, [(f.severity, f.reported, f.expected) for f in result.findings if f.code == "SUM_MISMATCH"]


def test_a_list_opening_the_next_sentence_splits_the_total(tmp_path):
    prose = ("Tổng số hồ sơ phải giải quyết là {w} hồ sơ. Trong đó: hồ sơ tồn kỳ trước 1.465 hồ sơ; "
             "hồ sơ mới tiếp nhận 37.886 hồ sơ.")
    assert _sums(tmp_path, prose.format(w="39.351")) == ([(39351, [1465, 37886])], [])
    assert _sums(tmp_path, prose.format(w="39.531"))[1] == [("error", "39531", "39351")]


def test_a_list_after_a_fraction_splits_its_count(tmp_path):
    prose = ("Kết quả: đã giải quyết 28.543/30.846 hồ sơ, đạt 92,53%; trong đó trước hạn {a} hồ sơ, "
             "đúng hạn 5.608 hồ sơ, quá hạn 333 hồ sơ.")
    sums, found = _sums(tmp_path, prose.format(a="22.602"))
    assert (sums, found) == ([(28543, [22602, 5608, 333])], [])
    # late and on-time dossiers are all of the whole (statements_stages): more than it, read either way
    # ("đúng hạn" counting the early ones too, 5.608 + 333 is not 28.543 either), is a slip
    assert _sums(tmp_path, prose.format(a="24.656"))[1] == [("error", "28543", "30597")]


def test_list_items_after_a_count_that_opens_them_are_its_parts_with_their_shares(tmp_path):
    """"Tiếp nhận mới: 34.891 hồ sơ. Trong đó:" then "- Trực tuyến: 9.604 hồ sơ (27,5%);" …"""
    items = ("- Trực tuyến: 9.604 hồ sơ ({p}%);\n- Trực tiếp: 23.126 hồ sơ (66,3%);\n"
             "- Qua bưu chính: 2.161 hồ sơ (6,2%).")
    prose = "Tiếp nhận mới: 34.891 hồ sơ. Trong đó:\n" + items
    path = tmp_path / "bc.txt"
    path.write_text(REPORT.format(prose=prose.format(p="27,5")), encoding="utf-8")
    result = verify_path(path)
    assert [(st.value, st.whole) for st in result.report.statements if st.kind == "share"] == [
        (9604, 34891), (23126, 34891), (2161, 34891)]
    assert [(st.whole, list(st.parts)) for st in result.report.statements if st.kind == "sum"] == [
        (34891, [9604, 23126, 2161])]
    assert [f for f in result.findings if f.severity == "error"] == []
    path.write_text(REPORT.format(prose=prose.format(p="29,5")), encoding="utf-8")
    assert [(f.code, f.reported) for f in verify_path(path).findings if f.severity == "error"] == [
        ("PERCENT_MISMATCH", "29.5")]
