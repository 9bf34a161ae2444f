"""A run of numbered items that each give one group's figures after a label
("1. Khối Sở, ban, ngành: điểm trung bình đạt 71,93 điểm; …", "2. Khối UBND
cấp huyện: …") does not open a section for the paragraphs after it: "Có
03/14 cơ quan, đơn vị đạt từ 80 điểm trở lên" is of all 14 units, and "điểm
trung bình năm 2026 tăng 3,77 điểm" is not the second group's mean but the
mean of the table's units (rule change-vs-earlier; hold-out h-new28: six
clean notices had a false CHANGE_MISMATCH error).
A band count with no table after it in its section is held to the units'
own total in the one table of that many units (rule band-count-vs-table)."""
from __future__ import annotations

from reportgen.checks import CheckContext, run_checks
from reportgen.read import read_path

NOTICE = """UBND TỈNH CAO NGUYÊN

THÔNG BÁO
Kết quả đánh giá Bộ chỉ số phục vụ người dân, doanh nghiệp năm 2026

I. KẾT QUẢ CHUNG

Tổng số 6 cơ quan, đơn vị được đánh giá.

1. Khối Sở, ban, ngành: điểm trung bình đạt {group} điểm; cao nhất là Sở Nội vụ (81,68 điểm).

2. Khối UBND cấp huyện: điểm trung bình đạt 70,65 điểm; cao nhất là UBND huyện Đô Lương (85,82 điểm).

Có {band}/6 cơ quan, đơn vị đạt từ 80 điểm trở lên.

So với {then} (điểm trung bình 70,00 điểm), điểm trung bình {now} tăng {change} điểm.

II. NHIỆM VỤ

Đề nghị các cơ quan, đơn vị nghiêm túc thực hiện./.

Nơi nhận:
- Các cơ quan, đơn vị;
- Lưu: VT.

Phụ lục I

BẢNG TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ NĂM 2026

| STT | Tên cơ quan, đơn vị | Tổng điểm (100) | Xếp hạng |
|---|---|---|---|
| A. KHỐI SỞ, BAN, NGÀNH |  |  |  |
| 1 | Sở Nội vụ | 81,68 | 1 |
| 2 | Thanh tra tỉnh | 78,98 | 2 |
| 3 | Sở Xây dựng | 71,36 | 3 |
| B. KHỐI UBND CẤP HUYỆN |  |  |  |
| 4 | UBND huyện Đô Lương | 85,82 | 1 |
| 5 | UBND huyện Nghĩa Đàn | 68,64 | 2 |
| 6 | UBND huyện Tân Kỳ | 57,49 | 3 |
"""


def _findings(tmp_path, band="02", change="4,00", then="năm 2025", now="năm 2026", group="77,34"):
    path = tmp_path / "tb.txt"
    path.write_text(NOTICE.format(band=band, change=change, then=then, now=now, group=group), encoding="utf-8")
    report = read_path(path)
    return report, [(f.code, str(f.severity), f.message) for f in run_checks(report, CheckContext())
                    if f.code in ("CHANGE_MISMATCH", "BAND_COUNT_MISMATCH", "CLAIM_UNCHECKED", "STAT_MISMATCH")]


def test_the_paragraphs_after_a_run_of_group_items_are_of_the_section(tmp_path):
    report, _ = _findings(tmp_path)
    band = next(st for st in report.statements if st.band is not None)
    assert band.scope == "I. KẾT QUẢ CHUNG"


def test_a_change_after_the_group_items_is_of_the_mean_of_all_units(tmp_path):
    """The prose gives the groups' means only (77,34 and 70,65); the six units' mean is 74,00 = 70,00 + 4,00."""
    _, found = _findings(tmp_path)
    assert [f for f in found if f[0] in ("CHANGE_MISMATCH", "CLAIM_UNCHECKED")] == []


def test_a_change_of_six_months_against_the_same_six_months(tmp_path):
    """"So với 6 tháng đầu năm 2025 (…), điểm trung bình 6 tháng đầu năm 2026 tăng 4,00 điểm" is read as the
    yearly change is (before: both figures stayed unchecked claims)."""
    months = {"then": "6 tháng đầu năm 2025", "now": "6 tháng đầu năm 2026"}
    _, found = _findings(tmp_path, **months)
    assert [f for f in found if f[0] in ("CHANGE_MISMATCH", "CLAIM_UNCHECKED")] == []
    _, found = _findings(tmp_path, change="4,50", **months)
    assert [(c, s) for c, s, _ in found if c in ("CHANGE_MISMATCH", "CLAIM_UNCHECKED")] == [
        ("CHANGE_MISMATCH", "warning")]


def test_a_change_no_mean_of_the_table_makes_stays_a_doubt(tmp_path):
    _, found = _findings(tmp_path, change="4,50")
    assert [(c, s) for c, s, _ in found if c == "CHANGE_MISMATCH"] == [("CHANGE_MISMATCH", "warning")]
    assert "chưa chắc số liệu kỳ này" in next(m for c, _, m in found if c == "CHANGE_MISMATCH")


def test_a_band_count_of_all_units_held_to_the_one_table_of_them(tmp_path):
    _, found = _findings(tmp_path, "02")
    assert [f for f in found if f[0] == "BAND_COUNT_MISMATCH"] == []
    _, found = _findings(tmp_path, "03")
    assert [f for f in found if f[0] == "BAND_COUNT_MISMATCH"] == [
        ("BAND_COUNT_MISMATCH", "error",
         "Văn bản nêu 03 cơ quan, đơn vị đạt từ 80 điểm trở lên nhưng cột “Tổng điểm (100)” của bảng 1 có 2 đơn vị "
         "trong khoảng này")]


def test_a_groups_mean_is_held_to_the_section_its_label_names(tmp_path):
    """"1. Khối Sở, ban, ngành: điểm trung bình đạt …" is the mean of the table's "KHỐI SỞ, BAN, NGÀNH" rows."""
    _, found = _findings(tmp_path, group="77,84")
    assert [(c, s, m) for c, s, m in found if c == "STAT_MISMATCH"] == [
        ("STAT_MISMATCH", "error", "Văn bản nêu số trung bình 77,84 nhưng cột “Tổng điểm (100)” của bảng 1 (3 đơn vị) "
                                   "cho 77,34")]


def test_a_groups_heading_written_with_its_letter_apart_opens_a_section(tmp_path):
    """"A | KHỐI SỞ, BAN, NGÀNH": the letter in the STT column, the title in capitals beside it, no figures."""
    path = tmp_path / "tb.txt"
    text = NOTICE.format(band="02", change="4,00", then="năm 2025", now="năm 2026", group="77,84")
    text = text.replace("| A. KHỐI SỞ, BAN, NGÀNH |  |  |  |", "| A | KHỐI SỞ, BAN, NGÀNH |  |  |")
    path.write_text(text.replace("| B. KHỐI UBND CẤP HUYỆN |  |  |  |", "| B | KHỐI UBND CẤP HUYỆN |  |  |"),
                    encoding="utf-8")
    report = read_path(path)
    rows = report.tables[0].rows
    assert [(r.unit, r.section) for r in rows][::3] == [("Sở Nội vụ", "A"), ("UBND huyện Đô Lương", "B")]
    found = [(f.code, str(f.severity)) for f in run_checks(report, CheckContext()) if f.code == "STAT_MISMATCH"]
    assert found == [("STAT_MISMATCH", "error")]
