"""A report by field of procedure ("Lĩnh vực": Hộ tịch, Y tế, Đất đai …) is
read as a report by unit: a sentence naming a field holds that field's row
(a two-word name shorter than five letters, "Y tế", is a name all the same),
a count of fields with none of something is held to the table, and the
"Một cửa" of "Bộ phận Một cửa" is a name, never a count of one."""
from __future__ import annotations

import pytest

from reportgen.verify import verify_path

TEXT = """UBND XÃ HIỆP THẠNH
Số: 190/BC-UBND\tHiệp Thạnh, ngày 06 tháng 4 năm 2026

BÁO CÁO
Kết quả giải quyết thủ tục hành chính tháng 3 năm 2026

1. Kết quả
Trong kỳ, UBND xã thực hiện niêm yết công khai 263/263 thủ tục hành chính tại Bộ phận Một cửa, đạt tỷ lệ 100%.
Lĩnh vực có số hồ sơ tiếp nhận nhiều nhất là Y tế với {y} hồ sơ, trong đó trực tuyến {o} hồ sơ.
Có {z}/4 lĩnh vực không có hồ sơ quá hạn.

| STT | Lĩnh vực | Tổng số hồ sơ tiếp nhận | Trực tuyến | Trực tiếp | Đã giải quyết | Đúng hạn | Quá hạn |
|---|---|---|---|---|---|---|---|
| 1 | Đất đai | 104 | 72 | 32 | 103 | 103 | 0 |
| 2 | Chứng thực | 195 | 150 | 45 | 192 | 192 | 0 |
| 3 | Y tế | 251 | 171 | 80 | 240 | 240 | 0 |
| 4 | Công thương | 231 | 109 | 122 | 223 | 219 | 4 |
| | Tổng cộng | 781 | 502 | 279 | 758 | 754 | 4 |
"""


def _verify(tmp_path, **figures):
    path = tmp_path / "bc.txt"
    path.write_text(TEXT.format(**{"y": "251", "o": "171", "z": "3", **figures}), encoding="utf-8")
    result = verify_path(path)
    return str(result.verdict), [(f.code, f.reported, f.expected) for f in result.findings
                                 if str(f.severity) in ("error", "warning")]


def test_a_field_report_whose_sentences_agree_with_its_rows_passes(tmp_path):
    assert _verify(tmp_path) == ("ĐẠT", [])


@pytest.mark.parametrize("figures, expected", [
    ({"y": "215"}, ("QUANTITY_CONFLICT", "215", "251")),  # the Y tế row, never the total row
    ({"o": "117"}, ("QUANTITY_CONFLICT", "117", "171")),
    ({"z": "2"}, ("BAND_COUNT_MISMATCH", "2", "3")),
])
def test_a_figure_of_a_field_is_held_to_its_row(tmp_path, figures, expected):
    verdict, findings = _verify(tmp_path, **figures)
    assert verdict == "KHÔNG ĐẠT"
    assert findings == [expected]
