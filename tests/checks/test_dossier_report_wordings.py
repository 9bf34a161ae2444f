"""A commune's quarterly report on settling dossiers, in the wordings other
offices use (hold-out h-new23). Before, each clean report below came out
KHÔNG ĐẠT or CHƯA KIỂM TRA HẾT:

- "…, quá hạn 6 hồ sơ, tỷ lệ đúng hạn đạt 97,17%" was read as a share of
  the 6 overdue ("6 trên 212 là 2,83%, không phải 97,17%");
- "Đang giải quyết 15 hồ sơ (trong hạn 13 hồ sơ, quá hạn 2 hồ sơ)" was held
  to "HS đã GQ / Quá hạn" (the abbreviation GQ said no stage);
- "trước hạn 150 hồ sơ, đúng hạn 56 hồ sơ" was held to a column "Đúng hạn"
  of 206 that, with no "Trước hạn" beside it, counts both (QĐ 766);
- "trước hạn, đúng hạn 206 HS" was held to "Đúng hạn" alone;
- "quý trước có 200 HS phải giải quyết, quý II tăng 30 HS (tăng 15,00%)"
  was never paired with the quarter's 230.
"""
from __future__ import annotations

import pytest

from reportgen.checks import CheckContext, run_checks
from reportgen.read import read_path

SHORT = """| STT | Lĩnh vực | TS HS phải GQ | HS tiếp nhận | HS tiếp nhận | HS tiếp nhận | HS đã GQ | HS đã GQ \
| HS đã GQ | HS đang GQ | Trả lại/ rút | Tỷ lệ giải quyết đúng hạn (%) |
|---|---|---|---|---|---|---|---|---|---|---|---|
|  |  |  | Kỳ trước | Trực tuyến | Trực tiếp | Tổng | Đúng hạn | Quá hạn |  |  |  |
| 1 | Hộ tịch | 84 | 4 | 60 | 20 | 78 | 76 | 2 | 5 | 1 | 97,44 |
| 2 | Đất đai | 80 | 6 | 40 | 34 | 72 | 68 | 4 | 7 | 1 | 94,44 |
| 3 | Xây dựng | 66 | 2 | 50 | 14 | 62 | 62 | 0 | 3 | 1 | 100,00 |
|  | Tổng cộng | 230 | 12 | 150 | 68 | 212 | 206 | 6 | 15 | 3 | {rate} |
"""

SPLIT = """| STT | Lĩnh vực | Tổng số phải giải quyết | Đã giải quyết | Đã giải quyết | Đã giải quyết | Đã giải quyết \
| Đang giải quyết |
|---|---|---|---|---|---|---|---|
|  |  |  | Tổng | Trước hạn | Đúng hạn | Quá hạn |  |
| 1 | Hộ tịch | 84 | 78 | 60 | 16 | 2 | 6 |
| 2 | Đất đai | 80 | 72 | 50 | 18 | 4 | 8 |
| 3 | Xây dựng | 66 | 62 | 40 | 22 | 0 | 4 |
|  | Tổng cộng | 230 | 212 | 150 | 56 | 6 | 18 |
"""

REPORT = """ỦY BAN NHÂN DÂN
XÃ TÂN HIỆP

BÁO CÁO
Tình hình, kết quả giải quyết thủ tục hành chính quý II năm 2026

I. TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH
1. Tình hình tiếp nhận hồ sơ
- Tổng số HS phải giải quyết: 230 HS (kỳ trước chuyển qua: 12 HS; mới tiếp nhận: 218 HS).
- So với quý trước: quý trước có 200 HS phải giải quyết, quý II tăng 30 HS (tăng {change}%).
2. Kết quả giải quyết
{result}

Kết quả cụ thể như sau:

{table}
"""

FLOWING = ("Đã giải quyết 212 hồ sơ, trong đó: trước hạn 150 hồ sơ, đúng hạn 56 hồ sơ, quá hạn 6 hồ sơ. "
           "Đang giải quyết 15 hồ sơ (trong hạn 13 hồ sơ, quá hạn 2 hồ sơ). Trả lại, rút hồ sơ: 3 hồ sơ.")
RESULT = ("Kết quả: đã giải quyết 212 hồ sơ, trong đó giải quyết trước hạn và đúng hạn 206 hồ sơ, quá hạn 6 hồ sơ, "
          "tỷ lệ đúng hạn đạt {said}%; số hồ sơ trả lại hoặc công dân rút là 3 hồ sơ.")
BULLET = "- Số HS đã giải quyết: 212 HS, trong đó trước hạn, đúng hạn {on_time} HS, quá hạn 6 HS."


def _verify(tmp_path, result, table=SHORT, rate="97,17", change="15,00"):
    path = tmp_path / "bc.txt"
    path.write_text(REPORT.format(result=result, table=table.replace("{rate}", rate), change=change),
                    encoding="utf-8")
    ctx = CheckContext()
    findings = run_checks(read_path(path), ctx=ctx)
    return ctx, [f for f in findings if not f.code.startswith("LAYOUT")]


@pytest.mark.parametrize("result, table", [(FLOWING, SHORT), (RESULT.format(said="97,17"), SHORT),
                                           (BULLET.format(on_time="206"), SPLIT)],
                         ids=["flowing", "result", "bullet"])
def test_clean_reports_in_each_wording_pass(tmp_path, result, table):
    ctx, findings = _verify(tmp_path, result, table)
    assert [(f.code, f.message) for f in findings] == []
    assert ctx.ledger.unchecked_claims() == []


def test_the_on_time_rate_after_the_overdue_count_is_held_to_the_rate_column(tmp_path):
    _, findings = _verify(tmp_path, RESULT.format(said="96,17"))
    assert [(f.code, f.severity, f.message) for f in findings] == [
        ("PERCENT_MISMATCH", "error", "Văn bản nêu tỷ lệ đúng hạn 96,17% nhưng cột “Tỷ lệ giải quyết đúng hạn (%)” "
                                      "của bảng 1 ghi 97,17% ở dòng “Tổng cộng”")]


def test_a_count_said_of_two_columns_joined_by_a_comma_is_their_sum(tmp_path):
    _, findings = _verify(tmp_path, BULLET.format(on_time="208"), SPLIT)
    # 208 is neither 150 + 56 nor the rest of 212 after 6 overdue; it is never "Đúng hạn" 56 alone
    assert [(f.code, f.severity, f.message) for f in findings] == [
        ("SUM_MISMATCH", "warning", "Các thành phần 208 + 6 = 214, không bằng tổng 212 (lệch 2)")]


def test_the_change_a_leading_earlier_figure_states_is_checked(tmp_path):
    _, findings = _verify(tmp_path, FLOWING, change="16,00")
    assert [(f.code, f.severity) for f in findings] == [("CHANGE_MISMATCH", "error")]
    assert "16,00%" in findings[0].message and "15,00%" in findings[0].message
