"""A report that gives each level's figures in one sentence ("Cấp tỉnh: tổng
số 3.794 hồ sơ …, đang giải quyết 190 hồ sơ, trả lại, rút 13 hồ sơ; cấp
huyện: tổng số 5.379 hồ sơ …") holds each clause to its level's row: "Cấp
huyện" is never "Cấp tỉnh" (both are "Cấp" and a level word), a level's
total is no sibling of the last count of the level before, and "trả lại,
rút 13 hồ sơ" names no column the count before it named. The period's flow
split over sentences and clauses ("Đã giải quyết …; đang giải quyết …. Trả
lại 38 hồ sơ …; công dân, tổ chức rút 6 hồ sơ.") adds up to its total."""
from __future__ import annotations

import pytest

from reportgen.verify import verify_path

TEXT = """UBND TỈNH HÀ TĨNH
Số: 114/BC-UBND\tHà Tĩnh, ngày 04 tháng 6 năm 2026

BÁO CÁO
Tình hình giải quyết hồ sơ thủ tục hành chính tháng 5 năm 2026

1. Tình hình chung
Tổng số hồ sơ phải giải quyết trong kỳ: 13.484 hồ sơ (kỳ trước chuyển sang 815 hồ sơ; mới tiếp nhận \
12.669 hồ sơ). Đã giải quyết {settled} hồ sơ (trước hạn 7.255 hồ sơ, đúng hạn 5.478 hồ sơ, quá hạn 63 hồ sơ); \
đang giải quyết 644 hồ sơ (trong hạn 614 hồ sơ, quá hạn 30 hồ sơ). Trả lại 38 hồ sơ do không đủ điều kiện giải \
quyết; công dân, tổ chức rút 6 hồ sơ.
2. Kết quả theo từng cấp
Cấp tỉnh: tổng số 3.794 hồ sơ (kỳ trước chuyển sang 112, mới tiếp nhận 3.682), đã giải quyết 3.591 hồ sơ, \
đang giải quyết 190 hồ sơ, trả lại, rút 13 hồ sơ; cấp huyện: tổng số 5.379 hồ sơ (kỳ trước chuyển sang 377, \
mới tiếp nhận 5.002), đã giải quyết {district} hồ sơ, đang giải quyết 238 hồ sơ, trả lại, rút 18 hồ sơ; cấp xã: \
tổng số 4.311 hồ sơ (kỳ trước chuyển sang 326, mới tiếp nhận 3.985), đã giải quyết 4.082 hồ sơ, đang giải quyết \
216 hồ sơ, trả lại, rút 13 hồ sơ.

TT | Cấp | Tổng số | Kỳ trước chuyển sang | Mới tiếp nhận | Đã giải quyết | Đang giải quyết | Trả lại/Rút
1 | Cấp tỉnh | 3.794 | 112 | 3.682 | 3.591 | 190 | 13
2 | Cấp huyện | 5.379 | 377 | 5.002 | 5.123 | 238 | 18
3 | Cấp xã | 4.311 | 326 | 3.985 | 4.082 | 216 | 13
 | Tổng cộng | 13.484 | 815 | 12.669 | 12.796 | 670 | 44
"""


def _verify(tmp_path, settled="12.796", district="5.123"):
    path = tmp_path / "bc.txt"
    path.write_text(TEXT.format(settled=settled, district=district).replace("| 670 |", "| 644 |"), encoding="utf-8")
    result = verify_path(path)
    return str(result.verdict), [(f.code, str(f.severity), f.reported, f.expected) for f in result.findings
                                 if str(f.severity) in ("error", "warning")]


def test_each_level_s_clause_agrees_with_its_row_and_the_flow_adds_up(tmp_path):
    assert _verify(tmp_path) == ("ĐẠT", [])


def test_a_district_figure_is_held_to_the_district_row(tmp_path):
    verdict, findings = _verify(tmp_path, district="5.132")
    assert verdict == "KHÔNG ĐẠT"
    assert ("QUANTITY_CONFLICT", "error", "5132", "5123") in findings
    assert not [f for f in findings if f[2] != "5132"]


@pytest.mark.parametrize("settled", ["12.769", "12.896"])
def test_a_settled_count_off_the_flow_is_found(tmp_path, settled):
    verdict, findings = _verify(tmp_path, settled=settled)
    assert verdict == "KHÔNG ĐẠT"


def test_a_level_s_total_off_its_bracketed_carried_and_new_dossiers_is_an_error(tmp_path):
    """"tổng số 5.397 hồ sơ (kỳ trước chuyển sang 377, mới tiếp nhận 5.002)": carried and new are all of a
    level's dossiers, the noun left out and no "trong đó" said."""
    path = tmp_path / "bc.txt"
    path.write_text(TEXT.format(settled="12.796", district="5.123").replace("| 670 |", "| 644 |").replace(
        "cấp huyện: tổng số 5.379 hồ sơ", "cấp huyện: tổng số 5.397 hồ sơ"), encoding="utf-8")
    errors = [(f.code, f.reported, f.expected) for f in verify_path(path).findings if str(f.severity) == "error"]
    assert ("SUM_MISMATCH", "5397", "5379") in errors
