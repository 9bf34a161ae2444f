"""A share's whole is the count "trong đó" splits, even when the sentence
counts the same things more than once before it: "Tổng số hồ sơ tiếp nhận là
3.496 hồ sơ (kỳ trước chuyển sang 160 hồ sơ, mới tiếp nhận 3.336 hồ sơ); đã
giải quyết 3.228 hồ sơ, trong đó đúng hạn và trước hạn 3.155 hồ sơ, đạt tỷ lệ
97,7%" — 3.155 / 3.228 = 97,74 %. A wrong rate is then a sure error."""
from __future__ import annotations

import pytest

from reportgen.checks import CheckContext, run_checks
from reportgen.read import read_path

SENTENCE = ("Tổng số hồ sơ tiếp nhận trong kỳ là 3.496 hồ sơ (kỳ trước chuyển sang 160 hồ sơ, mới tiếp nhận 3.336 "
            "hồ sơ); đã giải quyết 3.228 hồ sơ, trong đó đúng hạn và trước hạn 3.155 hồ sơ, đạt tỷ lệ {p}; quá hạn "
            "73 hồ sơ.")


@pytest.mark.parametrize("written, found", [
    ("97,7%", []),
    ("97,4%", [("PERCENT_MISMATCH", "error", "97.4", "97.74")]),
])
@pytest.mark.parametrize("title", ["BÁO CÁO\nKết quả giải quyết thủ tục hành chính quý III năm 2026\n", ""])
def test_the_whole_is_the_count_trong_do_splits(tmp_path, written, found, title):
    # with the title, or the sentence alone: the total opening it splits nothing, "trong đó" splits 3.228
    path = tmp_path / "bc.txt"
    path.write_text(title + SENTENCE.format(p=written) + "\n", encoding="utf-8")
    report = read_path(path)
    [share] = [st for st in report.statements if str(st.kind) == "share"]
    assert (share.value, share.whole) == (3155, 3228)
    findings = run_checks(report, CheckContext())
    assert [(f.code, str(f.severity), f.reported, f.expected) for f in findings
            if f.code == "PERCENT_MISMATCH"] == found
