"""A result against its target in points of percent ("chỉ tiêu 95%, đạt
97,16%, vượt 2,16 điểm phần trăm"; "đạt 43,87%, thấp hơn chỉ tiêu 80% là
36,13 điểm phần trăm") is the result less the target; a change after a
semicolon that names nothing ("…; so với tháng 02/2026 (38,37%) tăng 5,50
điểm phần trăm") is of its own sentence's figure before it, never of a target
(hold-out h-new34: 9 such slips were CHƯA only because the claim was never
read)."""
from __future__ import annotations

import pytest

from reportgen.checks import CheckContext, run_checks
from reportgen.read import read_path


def _errors(tmp_path, sentence):
    path = tmp_path / "cv.txt"
    path.write_text(f"UBND TỈNH GIA HÒA\n\nBÁO CÁO\nKết quả số hóa hồ sơ tháng 3 năm 2026\n\n{sentence}\n",
                    encoding="utf-8")
    return [(f.code, f.reported, f.expected) for f in run_checks(read_path(path), CheckContext())
            if str(f.severity) == "error"]


@pytest.mark.parametrize("exceeded, found", [("2,16", []), ("3,16", [("CHANGE_MISMATCH", "3.16", "2.16")])])
def test_a_result_above_its_target(tmp_path, exceeded, found):
    text = f"- Tỷ lệ hồ sơ giải quyết đúng hạn: chỉ tiêu 95%, đạt 97,16%, vượt {exceeded} điểm phần trăm."
    assert _errors(tmp_path, text) == found


@pytest.mark.parametrize("short, change, found", [
    ("36,13", "5,50", []),
    ("34,63", "5,50", [("CHANGE_MISMATCH", "-34.63", "-36.13")]),
    ("36,13", "6,10", [("CHANGE_MISMATCH", "6.10", "5.50")]),
])
def test_a_result_below_its_target_and_its_change(tmp_path, short, change, found):
    text = (f"Toàn tỉnh đã số hóa 34.844/79.421 hồ sơ, đạt 43,87%, thấp hơn chỉ tiêu 80% là {short} điểm phần "
            f"trăm; so với tháng 02/2026 (38,37%) tăng {change} điểm phần trăm.")
    assert _errors(tmp_path, text) == found
