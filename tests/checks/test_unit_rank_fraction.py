"""A unit's rank written x/N in the prose ("Sở Y tế … xếp thứ 2/3") is the
unit's rank, held to the rank the table states: sure when N is the number of
units that table ranks, a doubt otherwise."""
from __future__ import annotations

import pytest

from reportgen.checks import CheckContext, run_checks
from reportgen.read import read_path

from support import write_docx_tables

HEAD = ["Thứ hạng", "Đơn vị", "Tổng điểm", "Xếp loại"]
ROWS = [["1", "Sở Tư pháp", "91,50", "Xuất sắc"], ["2", "Sở Y tế", "85,20", "Tốt"],
        ["3", "Sở Xây dựng", "81,75", "Tốt"]]


def _found(tmp_path, rank: str):
    path = tmp_path / "bc.docx"
    write_docx_tables(path, ["UBND TỈNH QUẢNG NINH", "BÁO CÁO", "Kết quả Chỉ số cải cách hành chính năm 2025",
                             "I. KẾT QUẢ", f"Sở Y tế đạt 85,20 điểm, xếp loại Tốt, xếp thứ {rank}.", "II. NHIỆM VỤ",
                             "Tiếp tục cải cách thủ tục hành chính."],
                      [("Phụ lục KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2025", HEAD, ROWS)])
    ctx = CheckContext()
    found = [f for f in run_checks(read_path(path), ctx) if f.code == "UNIT_FIGURE_MISMATCH"]
    return found, ctx


def test_the_rank_of_n_agrees(tmp_path):
    found, ctx = _found(tmp_path, "2/3")
    assert found == []
    [claim] = [c for c in ctx.ledger.claims.values() if c.figure == "2/3"]
    assert claim.relations == {"unit-figure-row", "fraction-bound"}


def test_another_rank_of_as_many_units_as_the_table_is_an_error(tmp_path):
    [f] = _found(tmp_path, "3/3")[0]
    assert (f.severity, f.reported, f.expected, f.column) == ("error", "3", "2", "rank")
    assert f.message == "Văn bản nêu Sở Y tế xếp thứ 3 nhưng bảng ghi 2 (cột “Thứ hạng”, bảng 1)"


@pytest.mark.parametrize("rank", ["3/4", "3"])
def test_another_rank_of_another_count_or_of_none_is_a_doubt(tmp_path, rank):
    assert [f.severity for f in _found(tmp_path, rank)[0]] == ["warning"]


def test_points_out_of_the_tables_own_maximum_are_of_its_total(tmp_path):
    path = tmp_path / "bc.docx"
    head = ["STT", "Đơn vị", "Điểm tối đa", "Tổng điểm", "Xếp loại"]
    rows = [["1", "Sở Tư pháp", "100", "91,50", "Xuất sắc"], ["2", "Sở Y tế", "100", "85,20", "Tốt"],
            ["3", "Sở Xây dựng", "100", "81,75", "Tốt"]]
    write_docx_tables(path, ["BÁO CÁO", "Kết quả Chỉ số cải cách hành chính năm 2025", "I. KẾT QUẢ",
                             "Sở Y tế đạt 86,20/100 điểm, xếp loại Tốt.", "II. NHIỆM VỤ", "Tiếp tục cải cách."],
                      [("Phụ lục KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2025", head, rows)])
    [f] = [f for f in run_checks(read_path(path), CheckContext()) if f.code == "UNIT_FIGURE_MISMATCH"]
    assert (f.severity, f.reported, f.expected) == ("error", "86.20", "85.20")
