"""A share whose words after its percent name the count it is of, without
"tổng" ("… là 8.856 hồ sơ, đạt 75,36% số hồ sơ tiếp nhận trực tuyến"), is a
share of that count, stated before it as a fraction's part ("Tổng số hồ sơ
tiếp nhận trực tuyến là 11.751/17.244 hồ sơ"): 8.856 / 11.751 = 75,36%
(hold-out h-new27: the sentence stayed unchecked in 10 clean notices)."""
from __future__ import annotations

from reportgen.text.short_forms import written_out
from reportgen.verify import verify_path

TEXT = """UBND TỈNH HÒA BÌNH NAM

THÔNG BÁO
Kết quả cung cấp dịch vụ công trực tuyến quý III năm 2025

I. KẾT QUẢ

Tổng số hồ sơ tiếp nhận trực tuyến là 11.751/17.244 hồ sơ, đạt tỷ lệ 68,15%.

Số hồ sơ thanh toán phí, lệ phí trực tuyến là 8.856 hồ sơ, đạt {p}% số hồ sơ tiếp nhận trực tuyến.
"""


def _result(tmp_path, p):
    path = tmp_path / "tb.txt"
    path.write_text(TEXT.format(p=p), encoding="utf-8")
    return verify_path(path)


def test_the_share_of_a_count_its_words_name_is_checked(tmp_path):
    result = _result(tmp_path, "75,36")
    assert [f.code for f in result.findings if str(f.severity) in ("error", "warning")
            and not f.code.startswith("LAYOUT")] == []
    assert result.ledger.totals()["claims"][0] == result.ledger.totals()["claims"][1]


def test_a_wrong_share_of_the_named_count_is_an_error(tmp_path):
    result = _result(tmp_path, "76,36")
    assert [(f.code, str(f.severity), f.reported) for f in result.findings if str(f.severity) == "error"] == [
        ("PERCENT_MISMATCH", "error", "76.36")]


SHORT = """UBND TỈNH HÒA BÌNH NAM

THÔNG BÁO
Kết quả cung cấp dịch vụ công trực tuyến quý III năm 2025

I. KẾT QUẢ

Trong quý III năm 2025, các xã, phường đã tiếp nhận 17.244 HS TTHC, trong đó tiếp nhận TT 11.751 HS, đạt tỷ lệ 68,15%.

Số hồ sơ thanh toán phí, lệ phí trực tuyến là 8.856 hồ sơ, đạt {p}% số hồ sơ tiếp nhận trực tuyến.
"""


def test_the_named_count_written_in_short(tmp_path):
    """"tiếp nhận TT 11.751 HS" is the "số hồ sơ tiếp nhận trực tuyến" the share names."""
    path = tmp_path / "tb.txt"
    path.write_text(SHORT.format(p="75,36"), encoding="utf-8")
    assert verify_path(path).verdict == "ĐẠT"
    path.write_text(SHORT.format(p="76,36"), encoding="utf-8")
    assert [(f.code, f.reported) for f in verify_path(path).findings if str(f.severity) == "error"] == [
        ("PERCENT_MISMATCH", "76.36")]


def test_short_forms_written_out():
    assert written_out("tiếp nhận TT 13.710 HS, đạt tỷ lệ") == "tiếp nhận trực tuyến 13.710 hồ sơ, đạt tỷ lệ"
    assert written_out("theo TT 01/2018 về TTHC") == "theo TT 01/2018 về thủ tục hành chính"
