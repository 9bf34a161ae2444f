"""Sentences about one unit held to that unit's row, not to the total row:
a sentence that opens on the unit ("Tại Sở Xây dựng, …; tỷ lệ … đạt
100,00%"), a share whose whole is as large as its part ("đã giải quyết
1.569 hồ sơ, trong đó 1.569 hồ sơ … đúng hạn (đạt 100,00%)"), a count said
of two columns ("3.025 lượt hài lòng và rất hài lòng"). Figures: a
province's departments in quarter III 2025."""
from __future__ import annotations

from decimal import Decimal as D

import pytest

from reportgen.read.header import HeaderColumn
from reportgen.verify import verify_path

DOSSIERS = """UBND TỈNH ĐIỆN BIÊN

BÁO CÁO
Kết quả giải quyết hồ sơ quý III năm 2025

1. Kết quả
{prose}

Biểu 01. KẾT QUẢ GIẢI QUYẾT HỒ SƠ
TT\tĐơn vị\tSố hồ sơ tiếp nhận\tĐã giải quyết\tĐúng hạn\tQuá hạn\tTỷ lệ đúng hạn (%)
1\tSở Tài chính\t3.065\t3.057\t2.967\t90\t97,06
2\tSở Xây dựng\t1.950\t1.946\t1.946\t0\t100,00
3\tSở Y tế\t1.647\t1.569\t1.569\t0\t100,00
\tTổng cộng\t6.662\t6.572\t6.482\t90\t98,63
"""


def _found(tmp_path, prose):
    path = tmp_path / "bc.txt"
    path.write_text(DOSSIERS.format(prose=prose), encoding="utf-8")
    result = verify_path(path)
    return result, [(f.code, str(f.severity), f.row, f.reported, f.expected) for f in result.findings
                    if f.severity != "info"]


@pytest.mark.parametrize("rate, expected", [
    ("100,00", []),
    ("99,00", [("UNIT_FIGURE_MISMATCH", "error", 1, "99.00", "100.00")]),
])
def test_a_sentence_that_opens_on_a_unit_is_that_unit_s_across_its_semicolon(tmp_path, rate, expected):
    result, found = _found(tmp_path, "Tại Sở Xây dựng, số hồ sơ đã giải quyết là 1.946 hồ sơ; "
                                     f"tỷ lệ giải quyết đúng hạn đạt {rate}%.")
    assert found == expected


def test_a_share_of_all_is_of_the_whole_as_large_as_it(tmp_path):
    result, found = _found(tmp_path, "Sở Y tế có 1.647 hồ sơ tiếp nhận, đã giải quyết 1.569 hồ sơ, trong đó "
                                     "1.569 hồ sơ giải quyết đúng hạn (đạt 100,00%).")
    assert found == []
    shares = [(s.value, s.whole) for s in result.report.statements if s.kind == "share"]
    assert [(int(v), int(w)) for v, w in shares] == [(1569, 1569)]


def test_tl_percent_is_a_percent_header():
    """"TL%" is "Tỷ lệ %" abbreviated: the units' percent, which a rank may follow."""
    assert HeaderColumn(index=10, path=["TL%"]).role() == "percent"
    assert HeaderColumn(index=10, path=["TL% đúng hạn"]).role() == "percent"


TRANSPOSED = """UBND TỈNH ĐIỆN BIÊN

THÔNG BÁO
Kết quả Chỉ số 766 quý III năm 2025 so với quý II

Điểm trung bình quý III của các sở đạt {mean} điểm.

Nội dung\tSở Y tế\tSở Tư pháp\tSở Nội vụ\tSở Xây dựng\tTrung bình
Điểm quý II\t71,69\t85,26\t89,08\t65,29\t77,83
Điểm quý III\t68,99\t85,76\t93,60\t60,38\t77,18
Chênh lệch\t-2,70\t+0,50\t+4,52\t-4,91\t-0,65
"""


def test_a_table_whose_units_are_its_columns_gives_no_statistic_over_its_rows(tmp_path):
    """The rows are quarters and their change: the mean of the column "Trung bình" over them is no
    statistic of units (before: "cột “Trung bình” của bảng 1 (3 đơn vị) cho 51,45")."""
    path = tmp_path / "tb.txt"
    path.write_text(TRANSPOSED.format(mean="77,18"), encoding="utf-8")
    assert [f for f in verify_path(path).findings if f.code == "STAT_MISMATCH"] == []


QUARTERS = """UBND TỈNH ĐIỆN BIÊN

THÔNG BÁO
Kết quả Chỉ số 766 quý III năm 2025 so với quý II

1. Kết quả
{prose}

STT\tCơ quan, đơn vị\tĐiểm quý II\tĐiểm quý III\tTăng (+)/giảm (-)
1\tSở Y tế\t71,69\t68,99\t-2,70
2\tSở Tư pháp\t85,26\t85,76\t+0,50
3\tSở Nội vụ\t89,08\t93,60\t+4,52
4\tSở Xây dựng\t65,29\t60,38\t-4,91
"""


def _quarters(tmp_path, prose):
    path = tmp_path / "tb.txt"
    path.write_text(QUARTERS.format(prose=prose), encoding="utf-8")
    result = verify_path(path)
    return result, [(f.code, str(f.severity), f.row, f.column, f.reported, f.expected) for f in result.findings
                    if f.severity != "info"]


@pytest.mark.parametrize("name, expected", [
    ("Sở Nội vụ", []),
    # 93,60 is the highest of "Điểm quý III" only: the unit named must hold it
    ("Sở Tư pháp", [("UNIT_FIGURE_MISMATCH", "error", 1, "k3", "93.60", "85.76")]),
])
def test_the_unit_named_for_the_highest_figure_holds_it(tmp_path, name, expected):
    _, found = _quarters(tmp_path, f"Đứng đầu quý III là {name} với 93,60 điểm.")
    assert found == expected


@pytest.mark.parametrize("prose, expected", [
    ("Giảm nhiều nhất là Sở Xây dựng với 60,38 điểm, giảm 4,91 điểm so với quý trước.", []),
    ("Giảm nhiều nhất là Sở Xây dựng với 60,38 điểm, giảm 5,61 điểm so với quý trước.",
     [("CHANGE_MISMATCH", "error", 3, "k4", "-5.61", "-4.91")]),
    # the figure a change follows is the later quarter's
    ("Giảm nhiều nhất là Sở Xây dựng với 60,68 điểm, giảm 4,91 điểm so với quý trước.",
     [("UNIT_FIGURE_MISMATCH", "error", 3, "k3", "60.68", "60.38")]),
])
def test_a_unit_s_change_with_no_earlier_figure_is_held_to_its_row(tmp_path, prose, expected):
    result, found = _quarters(tmp_path, prose)
    assert found == expected
    written = prose.split("giảm ")[1].split(" ")[0]
    assert [s.parts for s in result.report.statements if s.kind == "change"] == [[-D(written.replace(",", "."))]]


@pytest.mark.parametrize("share, expected", [
    ("46,0%", []),
    # 3.065 / 6.482 (the on-time count before it) is 47,3%: the words name the total received, 6.662
    ("47,3%", [("PERCENT_MISMATCH", "error", None, "47.3", "46.01")]),
])
def test_a_share_of_the_total_its_words_name_is_of_that_total_not_of_a_count_it_fits(tmp_path, share, expected):
    _, found = _found(tmp_path, "Tổng số hồ sơ tiếp nhận là 6.662 hồ sơ; đã giải quyết 6.572 hồ sơ, trong đó đúng hạn "
                                f"6.482 hồ sơ, chiếm 98,63%. Sở Tài chính là đơn vị tiếp nhận nhiều hồ sơ nhất với "
                                f"3.065 hồ sơ, chiếm {share} tổng số hồ sơ tiếp nhận.")
    assert found == expected
