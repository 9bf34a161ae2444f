"""A one-stop report under Thông tư 01/2018/TT-VPCP grades its officials in a
table of their own beside the table of agencies: the grade column is known by
what it writes ("Hoàn thành 100% nhiệm vụ" under "Mức độ hoàn thành nhiệm
vụ"), "Tổng điểm/10" states its maximum, the last row "Tổng cộng/Bình quân"
adds the dossiers and averages the points, and "Có 04/07 công chức hoàn thành
100% nhiệm vụ" counts the officials' table, not the agencies' of as many
rows. "Đánh giá 6 tháng đầu năm" is a period, not six units evaluated."""
from __future__ import annotations

from reportgen.verify import verify_path

DOC = """SỞ NỘI VỤ TỈNH ĐỒNG NAI
Số: 112/BC-SNV\tĐồng Nai, ngày 10 tháng 7 năm 2026

BÁO CÁO
Kết quả đánh giá việc giải quyết thủ tục hành chính theo cơ chế một cửa, một cửa liên thông 6 tháng đầu năm 2026

Sở Nội vụ báo cáo kết quả đánh giá 6 tháng đầu năm 2026 như sau:

1. Kết quả đánh giá các cơ quan, đơn vị

| STT | Tên cơ quan, đơn vị | Tổng điểm | Xếp loại |
|---|---|---|---|
| 1 | Sở Tư pháp | 16,2 | Xuất sắc |
| 2 | Sở Y tế | 13,2 | Tốt |
| 3 | Sở Xây dựng | 12,0 | Tốt |
| 4 | Sở Tài chính | 10,8 | Khá |
| 5 | Sở Công Thương | 9,7 | Khá |
| 6 | Sở Nội vụ | 8,1 | Trung bình |
| 7 | Văn phòng UBND tỉnh | 7,9 | Trung bình |

2. Kết quả đánh giá công chức tại Bộ phận Một cửa
Có {n}/07 công chức hoàn thành 100% nhiệm vụ.

Kết quả đánh giá công chức (chỉ số 1, 2, 3, 4, 7; tối đa 10 điểm)

{head}
|---|---|---|---|---|---|---|---|---|---|
| 1 | Hoàng Văn Em | 1.242 | 0,7 | 0,8 | 1,3 | 1,3 | 1,7 | 5,8 | Hoàn thành 100% nhiệm vụ |
| 2 | Ngô Thị Lan | 815 | 0,9 | 1,8 | 0,7 | 0,6 | 0,8 | 4,8 | Hoàn thành từ 70% đến dưới 100% nhiệm vụ |
| 3 | Hồ Văn Phúc | 261 | 0,9 | 0,9 | 0,6 | 0,9 | 1,0 | 4,3 | Hoàn thành từ 70% đến dưới 100% nhiệm vụ |
| 4 | Lê Hoàng Cường | 44 | 0,6 | 1,2 | 1,0 | 1,0 | 1,2 | 5,0 | Hoàn thành 100% nhiệm vụ |
| 5 | Nguyễn Văn An | 1.459 | 1,3 | 0,7 | 0,9 | 1,0 | 0,6 | {an} | Hoàn thành từ 70% đến dưới 100% nhiệm vụ |
| 6 | Lý Thị Ngọc | 1.662 | 0,8 | 0,4 | 0,8 | 0,6 | 0,1 | 2,7 | Hoàn thành dưới 70% nhiệm vụ |
| 7 | Bùi Thị Hoa | 1.282 | 1,4 | 1,8 | 1,4 | 1,6 | 1,9 | 8,1 | Hoàn thành 100% nhiệm vụ |
| | Tổng cộng/Bình quân | {dossiers} | 0,94 | 1,09 | 0,96 | 1,00 | 1,04 | 5,03 | |

Nơi nhận:
- Lưu: VT.
GIÁM ĐỐC
Trần Văn Bình
"""


HEAD = "| " + " | ".join(["STT", "Họ và tên công chức", "Tổng số hồ sơ được đánh giá",
                          "Tổng thời gian giải quyết (tối đa 2 điểm)", "Thời gian từng cơ quan (tối đa 2 điểm)",
                          "Số lần liên hệ hoàn thiện hồ sơ (tối đa 2 điểm)", "Số cơ quan phải liên hệ (tối đa 2 điểm)",
                          "Thái độ của CBCCVC (tối đa 2 điểm)", "Tổng điểm/10", "Mức độ hoàn thành nhiệm vụ"]) + " |"


def run(tmp_path, n="03", an="4,5", dossiers="6.765"):
    path = tmp_path / "bc.txt"
    path.write_text(DOC.format(n=n, an=an, dossiers=dossiers, head=HEAD), encoding="utf-8")
    result = verify_path(path)
    return result, [(f.code, f.reported, f.expected) for f in result.findings if f.severity == "error"]


def test_the_officials_table_is_checked_whole_and_the_count_is_of_its_officials(tmp_path):
    result, errors = run(tmp_path)
    assert errors == []
    officials = result.report.tables[1]
    assert [r.grade for r in officials.rows][:2] == ["Hoàn thành 100% nhiệm vụ",
                                                      "Hoàn thành từ 70% đến dưới 100% nhiệm vụ"]
    assert result.verdict == "ĐẠT"
    assert result.ledger.to_json()["claims"] == {"checked": 1, "total": 1, "external": 0}
    entry = result.ledger.tables[1]
    assert len(entry.numeric_cells) == 7 * 7 and entry.unchecked_cells() == set()  # 7 officials, 7 figures


def test_a_miscounted_grade_is_an_error_against_the_officials_table(tmp_path):
    _, errors = run(tmp_path, n="04")
    assert ("GRADE_COUNT_MISMATCH", "4", "3") in errors


def test_the_total_of_ten_and_the_sum_of_dossiers_are_held_to_their_parts(tmp_path):
    _, errors = run(tmp_path, an="5,4")
    assert [e[0] for e in errors] == ["SUM_COLUMNS_MISMATCH"]
    _, errors = run(tmp_path, dossiers="6.756")
    assert [e[0] for e in errors] == ["SUM_ROW_MISMATCH"]


def test_a_period_evaluated_is_no_count_of_units(tmp_path):
    result, _ = run(tmp_path)
    assert not [s for s in result.report.statements if s.kind == "evaluated_count"]
