"""A statistic of the prose that fits no column is held to the column the
other statistics of its sentence are of: "Điểm trung bình đạt 78,95 điểm; cao
nhất là Sở Y tế (83,88 điểm), thấp nhất là Xã Yên Bình (70,15 điểm)" with the
table in an annex (no table after it in its section): the maximum and the
minimum are the "Tổng điểm" column's, so the mean is held to its mean (76,95)
— an error when two statistics agree on the column, a doubt on one."""
from __future__ import annotations

from reportgen.verify import verify_path

DOC = """\
BÁO CÁO
Kết quả Bộ chỉ số phục vụ người dân, doanh nghiệp quý III năm 2025
II. KẾT QUẢ ĐÁNH GIÁ
Điểm trung bình đạt {mean} điểm; cao nhất là Sở Y tế (83,88 điểm), thấp nhất là Xã Yên Bình ({low} điểm).
Nơi nhận:
- Lưu: VT.
PHỤ LỤC I
| STT | Đơn vị | Công khai, minh bạch (40 điểm) | Tiến độ giải quyết (60 điểm) | Tổng điểm (100) | Xếp loại |
|---|---|---|---|---|---|
| 1 | Sở Tư pháp | 30,00 | 44,50 | 74,50 | Khá |
| 2 | Sở Y tế | 36,38 | 47,50 | 83,88 | Tốt |
| 3 | Xã Yên Bình | 28,15 | 42,00 | 70,15 | Khá |
| 4 | Phường Uông Bí | 31,27 | 48,00 | 79,27 | Khá |
"""


def _stats(tmp_path, mean: str, low: str = "70,15"):
    path = tmp_path / "bc.md"
    path.write_text(DOC.format(mean=mean, low=low), encoding="utf-8")
    return [(str(f.severity), f.reported, f.expected) for f in verify_path(path).findings if f.code == "STAT_MISMATCH"]


def test_the_mean_is_of_the_column_its_sentence_s_extremes_are_of(tmp_path):
    assert _stats(tmp_path, "76,95") == []
    assert _stats(tmp_path, "78,95") == [("error", "78.95", "76.95")]


def test_the_minimum_is_of_it_too(tmp_path):
    assert _stats(tmp_path, "76,95", low="73,15") == [("error", "73.15", "70.15")]


def test_a_number_ending_a_unit_s_name_is_no_statistic(tmp_path):
    # "thấp nhất là Phường Móng Cái 1 (70,15 điểm)": the 1 names the ward (two-level local government, 2025)
    path = tmp_path / "bc.md"
    path.write_text(DOC.format(mean="76,95", low="70,15").replace("Xã Yên Bình", "Phường Móng Cái 1"),
                    encoding="utf-8")
    result = verify_path(path)
    assert [f.message for f in result.findings if str(f.severity) != "info"] == []
    assert result.verdict == "ĐẠT"
