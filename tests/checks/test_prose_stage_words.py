"""A count the prose says of dossiers at one stage ("đang giải quyết") is not
held to a column of another ("Số hồ sơ đã giải quyết"): "đã" is a word a
header need not say, so "Số hồ sơ đang giải quyết là 1.241 hồ sơ" named that
column with one word more and warned on a clean report."""
from __future__ import annotations

from reportgen.checks.prose_named import Named, _other_stage
from reportgen.verify import verify_path

DOC = """\
BÁO CÁO
Kết quả giải quyết thủ tục hành chính quý III năm 2025
Số hồ sơ đã giải quyết là {solved} hồ sơ. Số hồ sơ đang giải quyết là 1.241 hồ sơ.
Biểu 01. Tình hình giải quyết hồ sơ
| STT | Đơn vị | Số hồ sơ tiếp nhận | Số hồ sơ đã giải quyết Tổng số | Số hồ sơ đã giải quyết Quá hạn |
|---|---|---|---|---|
| 1 | Sở Tư pháp | 4.120 | 3.500 | 12 |
| 2 | Sở Y tế | 4.898 | 4.277 | 30 |
| | Tổng cộng | 9.018 | 7.777 | 42 |
"""


def _named(label: str, group: str = "") -> Named:
    return Named(None, "k", label, frozenset(), frozenset(), None, group)


def test_a_stage_other_than_the_headers_names_no_column():
    assert _other_stage(_named("Tổng số", "Số hồ sơ đã giải quyết"), "Số hồ sơ đang giải quyết là")
    assert not _other_stage(_named("Tổng số", "Số hồ sơ đã giải quyết"), "Đã giải quyết")
    assert not _other_stage(_named("Số hồ sơ giải quyết"), "Số hồ sơ đang giải quyết là")
    assert not _other_stage(_named("Chưa đến hạn", "Đang giải quyết"), "chưa đến hạn")


def test_the_pending_count_is_not_held_to_the_solved_total(tmp_path):
    path = tmp_path / "bc.md"
    path.write_text(DOC.format(solved="7.777"), encoding="utf-8")
    assert [f.message for f in verify_path(path).findings if f.code == "QUANTITY_CONFLICT"] == []


def test_the_solved_count_is_still_held_to_it(tmp_path):
    path = tmp_path / "bc.md"
    path.write_text(DOC.format(solved="7.770"), encoding="utf-8")
    found = [(f.severity, f.reported, f.expected) for f in verify_path(path).findings if f.code == "QUANTITY_CONFLICT"]
    assert found == [("error", "7770", "7777")]


LIST_DOC = """\
BÁO CÁO
Kết quả giải quyết thủ tục hành chính quý III năm 2025
Tổng số hồ sơ tiếp nhận: 9.018 hồ sơ, trong đó: trực tuyến 5.000 hồ sơ; trực tiếp 3.839 hồ sơ; kỳ trước chuyển sang \
{carried} hồ sơ.
Số hồ sơ đang giải quyết là 1.241 hồ sơ, trong đó: chưa đến hạn 1.201 hồ sơ; quá hạn 40 hồ sơ.
Biểu 01. Tình hình giải quyết hồ sơ
| STT | Đơn vị | Số hồ sơ tiếp nhận Trực tuyến | Số hồ sơ tiếp nhận Trực tiếp | \
Số hồ sơ tiếp nhận Kỳ trước chuyển sang | Số hồ sơ đã giải quyết Tổng số | Số hồ sơ đã giải quyết Quá hạn |
|---|---|---|---|---|---|---|
| 1 | Sở Tư pháp | 2.000 | 2.039 | 81 | 3.500 | 12 |
| 2 | Sở Y tế | 3.000 | 1.800 | 98 | 4.277 | 30 |
| | Tổng cộng | 5.000 | 3.839 | 179 | 7.777 | 42 |
"""


def test_a_list_item_is_named_with_the_words_of_its_whole(tmp_path):
    # "kỳ trước chuyển sang 279 hồ sơ" after "Tổng số hồ sơ tiếp nhận: …, trong đó: …;" is the column
    # "Số hồ sơ tiếp nhận / Kỳ trước chuyển sang"; "quá hạn 40 hồ sơ" of the pending ones is not "đã giải quyết"
    path = tmp_path / "bc.md"
    path.write_text(LIST_DOC.format(carried="179"), encoding="utf-8")
    assert [f.message for f in verify_path(path).findings if f.code == "QUANTITY_CONFLICT"] == []
    path.write_text(LIST_DOC.format(carried="279"), encoding="utf-8")
    found = [(f.severity, f.reported, f.expected) for f in verify_path(path).findings if f.code == "QUANTITY_CONFLICT"]
    assert found == [("error", "279", "179")]
