"""The sentences a report sums its annex up in: the mean followed by its
change ("Điểm trung bình … đạt 71,58 điểm, tăng 2,46 điểm so với quý I năm
2026 (69,12 điểm)") is the annex's mean — the comparison after the figure
names no other population or period of it — and the top unit's figure in a
bracket opened by a verb ("cao nhất là Sở Y tế (đạt 88,40 điểm)") is that
unit's. Hold-out h-new32: a wrong mean whose change was kept true, and a top
unit replaced by the runner-up, passed ĐẠT (11 of 60 mutants)."""
from __future__ import annotations

from reportgen.checks import CheckContext, run_checks
from reportgen.read import read_path

REPORT = """ỦY BAN NHÂN DÂN TỈNH LÂM SƠN

BÁO CÁO
Kết quả đánh giá Bộ chỉ số phục vụ người dân, doanh nghiệp quý II năm 2026

1. Kết quả đánh giá

Điểm trung bình của các cơ quan, đơn vị đạt {mean} điểm, tăng 2,46 điểm so với quý I năm 2026 ({earlier} điểm).

{top}

2. Đánh giá chung và nhiệm vụ thời gian tới

Các cơ quan, đơn vị có kết quả thấp khẩn trương rà soát, khắc phục các chỉ tiêu bị trừ điểm.

PHỤ LỤC
KẾT QUẢ ĐÁNH GIÁ BỘ CHỈ SỐ QUÝ II NĂM 2026

| STT | Cơ quan, đơn vị | Tổng điểm | Xếp hạng |
|---|---|---|---|
| 1 | Sở Y tế | 88,40 | 1 |
| 2 | Sở Nội vụ | 80,25 | 2 |
| 3 | Sở Xây dựng | 72,65 | 3 |
| 4 | Sở Công Thương | 61,50 | 4 |
| 5 | Sở Tư pháp | 55,10 | 5 |
"""


TOP = "Cơ quan, đơn vị có kết quả cao nhất là {} (đạt 88,40 điểm); thấp nhất là Sở Tư pháp (đạt 55,10 điểm)."


def _findings(tmp_path, mean="71,58", earlier="69,12", top="Sở Y tế"):
    path = tmp_path / "bc.txt"
    path.write_text(REPORT.format(mean=mean, earlier=earlier, top=TOP.format(top) if top else ""), encoding="utf-8")
    return [(f.code, str(f.severity), f.reported, f.expected) for f in run_checks(read_path(path), CheckContext())
            if not f.code.startswith("LAYOUT")]


def test_the_unchanged_report_is_checked_whole(tmp_path):
    assert [f for f in _findings(tmp_path) if f[1] != "info"] == []
    assert [f for f in _findings(tmp_path, top="") if f[1] != "info"] == []


def test_a_mean_whose_change_was_kept_true_is_held_to_the_annex(tmp_path):
    # no other statistic of the column beside it to tell which column the mean is of
    assert [f for f in _findings(tmp_path, mean="72,43", earlier="69,97", top="") if f[1] == "error"] == [
        ("STAT_MISMATCH", "error", "72.43", "71.58")]


def test_a_top_unit_named_in_place_of_another_is_held_to_its_own_row(tmp_path):
    assert [f for f in _findings(tmp_path, top="Sở Nội vụ") if f[1] == "error"] == [
        ("UNIT_FIGURE_MISMATCH", "error", "88.40", "80.25")]


OWN_MAXIMA = """UBND TỈNH LÂM SƠN

THÔNG BÁO
Kết quả Chỉ số cải cách hành chính năm 2025

Đơn vị có chỉ số cao nhất là {top}; đơn vị có chỉ số thấp nhất là UBND xã Đông Sơn (61,20%).

| STT | Đơn vị | Điểm tối đa | Điểm đạt được | Chỉ số chung (%) |
|---|---|---|---|---|
| 1 | UBND phường Bắc Hà | 97,00 | 93,69 | 96,59 |
| 2 | UBND phường Quang Trung | 100,00 | 96,15 | 96,15 |
| 3 | UBND xã Tân Lập | 100,00 | 80,40 | 80,40 |
| 4 | UBND xã Đông Sơn | 100,00 | 61,20 | 61,20 |
"""


def test_the_highest_percent_is_the_units_first_by_the_percent(tmp_path):
    # hold-out h-new22: Quang Trung, first by its points only, named the highest index passed ĐẠT
    path = tmp_path / "tb.txt"
    found = {}
    for top in ("UBND phường Bắc Hà (96,59%)", "UBND phường Quang Trung (96,15%)"):
        path.write_text(OWN_MAXIMA.format(top=top), encoding="utf-8")
        found[top] = [(f.code, f.reported, f.expected) for f in run_checks(read_path(path), CheckContext())
                      if str(f.severity) == "error"]
    assert found == {"UBND phường Bắc Hà (96,59%)": [],
                     "UBND phường Quang Trung (96,15%)": [("STAT_MISMATCH", "96.15", "96.59")]}
