"""The same change in a second measure after the earlier figure's brackets,
said so ("tăng 867 hồ sơ so với cùng kỳ (11.245 hồ sơ), tương ứng tăng 7,71%"),
is one more measure of that change, checked like the first; a bare second
change there (", tăng 3,2% so với quý trước") is another change, not read so."""
from __future__ import annotations

from reportgen.verify import verify_path

DOC = ("BÁO CÁO\n1. Tình hình tiếp nhận hồ sơ\nTổng số hồ sơ tiếp nhận: 12.112 hồ sơ, trong đó: trực tuyến 9.150 hồ sơ "
       "(75,54%); trực tiếp 2.707 hồ sơ (22,35%); kỳ trước chuyển sang 255 hồ sơ.\n"
       "Số hồ sơ tiếp nhận tăng 867 hồ sơ so với cùng kỳ (11.245 hồ sơ){tail}.\n")


def _run(tmp_path, tail: str):
    path = tmp_path / "bc.txt"
    path.write_text(DOC.format(tail=tail), encoding="utf-8")
    result = verify_path(path)
    return result, [(f.code, f.reported, f.expected) for f in result.findings if str(f.severity) == "error"]


def test_the_percent_after_tuong_ung_is_the_same_change(tmp_path):
    result, errors = _run(tmp_path, ", tương ứng tăng 7,71%")
    assert errors == [] and result.verdict == "ĐẠT"
    assert _run(tmp_path, ", tương ứng tăng 7,91%")[1] == [("CHANGE_MISMATCH", "7.91", "7.71")]


def test_a_bare_second_change_is_not_read_as_it(tmp_path):
    assert _run(tmp_path, ", tăng 3,2% so với quý trước")[1] == []
