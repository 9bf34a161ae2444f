"""A rank, how far it moved and the earlier rank written beside it hold each
other (rule rank-change): "xếp thứ 12/34, tăng 3 bậc so với quý trước (xếp thứ
15/34)" — up makes the number smaller. With no earlier rank written, nothing is
said (the ranking is outside the document)."""
from __future__ import annotations

from reportgen.verify import verify_path


def _moves(tmp_path, sentence: str):
    path = tmp_path / "bc.txt"
    path.write_text("BÁO CÁO\nKết quả Chỉ số phục vụ người dân, doanh nghiệp quý III năm 2025\n" + sentence + "\n",
                    encoding="utf-8")
    return [(str(f.severity), f.reported, f.expected) for f in verify_path(path).findings
            if f.rule == "rank-change"]


def test_ranks_and_their_move_that_agree(tmp_path):
    assert _moves(tmp_path, "Chỉ số của tỉnh đạt 86,20 điểm, xếp thứ 12/34 tỉnh, thành phố, tăng 3 bậc so với "
                            "quý trước (xếp thứ 15/34).") == []
    assert _moves(tmp_path, "Tỉnh xếp thứ 20/34, giảm 4 bậc so với năm 2024 (thứ 16).") == []
    assert _moves(tmp_path, "Tỉnh xếp hạng 9, tăng 2 bậc, từ thứ 11 lên thứ 9.") == []


def test_a_move_the_ranks_do_not_make_is_an_error(tmp_path):
    assert _moves(tmp_path, "Chỉ số của tỉnh đạt 86,20 điểm, xếp thứ 12/34 tỉnh, thành phố, tăng 2 bậc so với "
                            "quý trước (xếp thứ 15/34).") == [("error", "2", "3")]
    assert _moves(tmp_path, "Tỉnh xếp thứ 20/34, tăng 4 bậc so với năm 2024 (thứ 16).") == [("error", "4", "4")]


def test_a_move_with_no_earlier_rank_says_nothing(tmp_path):
    assert _moves(tmp_path, "Tỉnh xếp thứ 12/34 tỉnh, thành phố, tăng 3 bậc so với quý trước.") == []


def test_the_ranks_the_move_holds_are_checked_claims(tmp_path):
    path = tmp_path / "bc.txt"
    path.write_text("BÁO CÁO\nKết quả quý III năm 2025\nTỉnh đứng thứ 16/34, tăng 5 bậc so với năm 2024 (đứng thứ "
                    "21/34).\n", encoding="utf-8")
    result = verify_path(path)
    assert result.ledger.totals()["claims"] == (2, 2)
    assert result.verdict == "ĐẠT"


def test_a_units_move_with_both_ranks_after_it(tmp_path):
    """"Phường Hòa Bình tăng 3 bậc (từ thứ 10 lên thứ 8)": the two ranks follow the move, no "xếp thứ" before
    it (hold-out h-new26: such a slip passed as ĐẠT)."""
    assert _moves(tmp_path, "Phường Hòa Bình tăng 2 bậc (từ thứ 10 lên thứ 8); Xã Thạch Bàn giảm 2 bậc (từ thứ 8 "
                            "xuống thứ 10).") == []
    assert _moves(tmp_path, "Phường Hòa Bình tăng 3 bậc (từ thứ 10 lên thứ 8); Xã Thạch Bàn giảm 2 bậc (từ thứ 8 "
                            "xuống thứ 10).") == [("error", "3", "2")]
    assert _moves(tmp_path, "Xã Thạch Bàn giảm 1 bậc, từ hạng 8 xuống hạng 10.") == [("error", "1", "2")]
