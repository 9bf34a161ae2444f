"""The same figure of the same unit in two tables of one document: the
district scores of seed 004's Phụ lục II (UBND huyện Nam Đông 62,84, Quảng
Điền 62,75, Hương Trà 59,79, Phú Lộc 56,12, Phong Điền 54,53) ranked in one
table and restated, with their three groups, in another whose names carry
"- tỉnh Thừa Thiên Huế". The ranking's scores are only bounded by their own
table (a rank keeps their order, 56,21 for 56,12 keeps it too); the second
table's total is the sum of its groups, so a ranking score that differs from
it is the slip. A pair of columns is the same quantity when the two agree on
at least 3 units and 80 % of those both tables name, with 3 different values
at least; headers that name different things are never paired."""
from __future__ import annotations

from pathlib import Path

from reportgen.verify import verify_path

GOOD = (Path(__file__).parent / "figure-across-tables" / "good.txt").read_text(encoding="utf-8")


def _verify(tmp_path, text: str):
    path = tmp_path / "across.txt"
    path.write_text(text, encoding="utf-8")
    return verify_path(path)


def test_the_restated_scores_check_the_ranking(tmp_path):
    result = _verify(tmp_path, GOOD)
    tables = result.to_json()["coverage"]["by_table"]
    assert [t["cells"] for t in tables] == [{"checked": 10, "total": 10}, {"checked": 20, "total": 20}]
    assert all("figure-across-tables" in t["relations"] for t in tables)
    assert result.verdict == "ĐẠT"


def test_a_ranking_score_copied_wrong_is_the_error(tmp_path):
    result = _verify(tmp_path, GOOD.replace("| 4 | UBND huyện Phú Lộc | 56,12 |", "| 4 | UBND huyện Phú Lộc | 56,21 |"))
    [f] = [f for f in result.findings if f.severity == "error"]
    assert (f.code, f.rule, f.table, f.unit, f.reported, f.expected) == (
        "QUANTITY_CONFLICT", "figure-across-tables", 0, "UBND huyện Phú Lộc", "56.21", "56.12")
    assert "bảng 2 (“Phụ lục II. ĐIỂM THEO NHÓM CHỈ SỐ”) ghi 56,12 cho cùng đơn vị ở cột “Điểm” — hai bảng ghi " \
           "giống nhau ở 4/5 đơn vị chung" in f.message


def test_a_group_point_of_the_detail_is_one_error_where_it_is_written(tmp_path):
    # 17,62 written 17,26: the detail's total no longer adds up; the ranking agrees with the total,
    # so the slip is the group point (one error, on its cell).
    result = _verify(tmp_path, GOOD.replace("| 17,62 | 22,00 |", "| 17,26 | 22,00 |"))
    errors = [(f.table, f.unit, f.reported) for f in result.findings if f.severity == "error"]
    assert len(errors) == 1 and errors[0][0] == 1 and errors[0][1].startswith("UBND huyện Phú Lộc")
    assert [f for f in result.findings if f.code == "QUANTITY_CONFLICT"] == []


def test_a_total_of_the_detail_copied_wrong_is_one_error_there(tmp_path):
    # 56,12 written 56,21 in the detail: its groups make 56,12 and so does the ranking.
    result = _verify(tmp_path, GOOD.replace("| 22,00 | 16,50 | 56,12 |", "| 22,00 | 16,50 | 56,21 |"))
    errors = [(f.table, f.reported, f.expected) for f in result.findings if f.severity == "error"]
    assert errors == [(1, "56.21", "56.12")]


def test_different_stages_of_a_score_are_never_one_quantity(tmp_path):
    # A self-assessed score and the council's agree on most units but are two figures: not paired,
    # and the one unit where they differ is no conflict.
    text = GOOD.replace("| Thứ hạng | Đơn vị | Điểm |", "| Thứ hạng | Đơn vị | Điểm tự đánh giá |") \
        .replace("Mức độ hài lòng | Điểm |", "Mức độ hài lòng | Điểm thẩm định |") \
        .replace("| 4 | UBND huyện Phú Lộc | 56,12 |", "| 4 | UBND huyện Phú Lộc | 58,00 |")
    result = _verify(tmp_path, text)
    assert [f for f in result.findings if f.code == "QUANTITY_CONFLICT"] == []
    assert all("figure-across-tables" not in t["relations"] for t in result.to_json()["coverage"]["by_table"])


def test_the_same_measure_of_two_periods_is_two_figures(tmp_path):
    # Scores that mostly stay from one quarter to the next are no restatement: titles naming two periods.
    text = GOOD.replace("Phụ lục I. XẾP HẠNG UBND CẤP HUYỆN", "Phụ lục I. XẾP HẠNG UBND CẤP HUYỆN QUÝ I NĂM 2026") \
        .replace("Phụ lục II. ĐIỂM THEO NHÓM CHỈ SỐ", "Phụ lục II. ĐIỂM THEO NHÓM CHỈ SỐ QUÝ II NĂM 2026") \
        .replace("| 4 | UBND huyện Phú Lộc | 56,12 |", "| 4 | UBND huyện Phú Lộc | 56,21 |")
    result = _verify(tmp_path, text)
    assert [f for f in result.findings if f.code == "QUANTITY_CONFLICT"] == []
