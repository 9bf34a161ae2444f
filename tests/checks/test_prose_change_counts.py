"""The prose counts the units that rose or fell ("có 8/13 đơn vị tăng điểm", "2/5
đơn vị tăng thứ hạng"); the table writes each unit's change. The count is the
rows of the change column above 0 (below 0 for "giảm"); ranks are counted only
in a column whose header says which sign rises."""
from __future__ import annotations

from reportgen.verify import verify_path

HEAD = """UBND TỈNH KHÁNH HÒA
Số: 834/BC-UBND\tKhánh Hòa, ngày 24 tháng 11 năm 2025

BÁO CÁO
Kết quả Bộ chỉ số phục vụ người dân, doanh nghiệp tháng 10 năm 2025

1. So sánh với kỳ trước

| TT | Cơ quan, đơn vị | Tháng 9 | Tháng 10 | Chênh lệch | Hạng tháng 9 | Hạng tháng 10 | {rank_head} |
|---|---|---|---|---|---|---|---|
| 1 | Sở Văn hóa, Thể thao và Du lịch | 81,55 | 76,91 | -4,64 | 3 | 4 | -1 |
| 2 | Sở Dân tộc và Tôn giáo | 84,00 | 86,19 | +2,19 | 2 | 2 | 0 |
| 3 | Sở Nông nghiệp và Môi trường | 73,61 | 75,36 | +1,75 | 5 | 5 | 0 |
| 4 | Sở Tư pháp | 88,20 | 90,05 | +1,85 | 1 | 1 | 0 |
| 5 | Sở Y tế | 79,40 | 78,12 | -1,28 | 4 | 3 | +1 |

{prose}

Nơi nhận:
- Lưu: VT.
CHỦ TỊCH
Nguyễn Văn An
"""


def run(tmp_path, prose: str, rank_head: str = "Tăng (+)/giảm (-) bậc"):
    path = tmp_path / "bc.txt"
    path.write_text(HEAD.format(prose=prose, rank_head=rank_head), encoding="utf-8")
    result = verify_path(path)
    return result, [(f.code, f.reported, f.expected) for f in result.findings if f.severity == "error"]


def test_units_that_rose_and_fell_are_counted_from_the_change_columns(tmp_path):
    result, errors = run(tmp_path, "Có 3/5 đơn vị tăng điểm, 2/5 đơn vị giảm điểm; 1/5 đơn vị tăng thứ hạng.")
    assert errors == []
    assert result.ledger.to_json()["claims"] == {"checked": 3, "total": 3, "external": 0}


def test_a_miscount_is_an_error_with_the_tables_count(tmp_path):
    _, errors = run(tmp_path, "Có 4/5 đơn vị tăng điểm; 2/5 đơn vị tăng bậc.")
    assert errors == [("CHANGE_COUNT_MISMATCH", "4", "3"), ("CHANGE_COUNT_MISMATCH", "2", "1")]


def test_ranks_in_a_column_that_does_not_say_which_sign_rises_are_not_counted(tmp_path):
    result, errors = run(tmp_path, "Có 2/5 đơn vị tăng bậc.", rank_head="Chênh lệch hạng")
    assert errors == []
    assert result.ledger.to_json()["claims"]["checked"] == 0


def test_units_whose_index_rose_are_counted_too(tmp_path):
    """"có 3/5 sở, ngành tăng Chỉ số" (a PAR index): the same count as "tăng điểm"; a miscount whose
    halves were adjusted to add up (4/5 and 1/5) is still an error."""
    _, errors = run(tmp_path, "Có 3/5 sở, ngành tăng Chỉ số và 2/5 sở, ngành giảm Chỉ số.")
    assert errors == []
    _, errors = run(tmp_path, "Có 4/5 sở, ngành tăng Chỉ số và 1/5 sở, ngành giảm Chỉ số.")
    assert errors and {code for code, _, _ in errors} == {"CHANGE_COUNT_MISMATCH"}
