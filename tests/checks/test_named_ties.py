"""A ranking notice that names a tie ("UBND xã Phú Thịnh và UBND xã Hòa Bình
đồng hạng 2 với 85,0 điểm"): the two units share rank 2 in the table, and a
table that ranks them 2 and 3 contradicts the sentence. Without the
sentence a tie may be ranked either way."""
from __future__ import annotations

from reportgen.verify import verify_path

from support import write_docx_tables

UNITS = (("UBND xã Tân Lập", "92,5", "Xuất sắc"), ("UBND xã Phú Thịnh", "85,0", "Tốt"),
         ("UBND xã Hòa Bình", "85,0", "Tốt"), ("UBND xã Đông Sơn", "71,3", "Khá"),
         ("UBND xã Yên Lạc", "64,8", "Trung bình"))
TIE = "UBND xã Phú Thịnh và UBND xã Hòa Bình đồng hạng 2 với 85,0 điểm."


def _write(path, ranks, sentence: str | None = TIE) -> None:
    prose = ["UBND TỈNH PHÚ THỌ", "Số: 45/TB-UBND", "Phú Thọ, ngày 08 tháng 10 năm 2025", "THÔNG BÁO",
             "Kết quả xếp hạng Chỉ số phục vụ người dân, doanh nghiệp của UBND các xã tháng 9 năm 2025",
             *([sentence] if sentence else [])]
    body = [["STT", "Xã, phường", "Tổng điểm", "Xếp hạng", "Xếp loại"]]
    body += [[str(i), name, points, str(rank), grade] for i, ((name, points, grade), rank) in
             enumerate(zip(UNITS, ranks), 1)]
    write_docx_tables(path, prose, [("", body[0], body[1:])],
                      after=["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "Nguyễn Văn An"])


def _ranks(path) -> list[tuple[str, str, str, str]]:
    return [(f.code, f.unit, f.reported, str(f.expected)) for f in verify_path(path).findings
            if f.code in ("RANK_MISMATCH", "RANK_ORDER")]


def test_the_named_tie_shares_its_rank(tmp_path):
    path = tmp_path / "tie.docx"
    _write(path, (1, 2, 2, 4, 5))
    assert _ranks(path) == []


def test_a_named_tie_ranked_apart_is_a_slip(tmp_path):
    path = tmp_path / "apart.docx"
    _write(path, (1, 2, 3, 4, 5))
    assert _ranks(path) == [("RANK_MISMATCH", "UBND xã Hòa Bình", "3", "2")]


def test_an_unnamed_tie_may_be_ranked_apart(tmp_path):
    path = tmp_path / "silent.docx"
    _write(path, (1, 2, 3, 4, 5), sentence=None)
    assert _ranks(path) == []


PORTAL = ("Công khai, minh bạch (18)", "Tiến độ, kết quả giải quyết (20)", "Dịch vụ công trực tuyến (12)",
          "Thanh toán trực tuyến (10)", "Mức độ hài lòng (18)", "Số hóa hồ sơ (22)")
SCORED = (("UBND xã Tân Lập", ("17,7", "18,7", "10,2", "9,9", "15,7", "18,0"), "90,2", "Xuất sắc"),
          ("UBND xã Minh Khai", ("13,4", "15,1", "8,7", "7,3", "13,1", "16,3"), "73,9", "Khá"),
          ("UBND xã Nam Tiến", ("13,1", "15,7", "9,0", "7,2", "12,6", "16,3"), "73,9", "Khá"),
          ("UBND xã Yên Thế", ("13,4", "13,5", "8,4", "7,9", "12,4", "16,4"), "72,0", "Khá"),
          ("UBND xã Thanh Sơn", ("9,7", "11,9", "5,6", "5,6", "9,6", "13,8"), "56,2", "Trung bình"))


def _write_scored(path, ranks) -> None:
    """The portal's six indicators with their maxima: a table the 766 scheme binds."""
    prose = ["UBND TỈNH LÂM ĐỒNG", "Số: 579/TB-UBND", "Lâm Đồng, ngày 23 tháng 12 năm 2025", "THÔNG BÁO",
             "Kết quả xếp hạng Chỉ số phục vụ người dân, doanh nghiệp của UBND các xã tháng 11 năm 2025"]
    body = [["STT", "Xã, phường", *PORTAL, "Tổng điểm", "Xếp hạng", "Xếp loại"]]
    body += [[str(i), name, *points, total, str(rank), grade]
             for i, ((name, points, total, grade), rank) in enumerate(zip(SCORED, ranks), 1)]
    write_docx_tables(path, prose, [("Bảng xếp hạng tháng 11 năm 2025", body[0], body[1:])],
                      after=["UBND xã Minh Khai và UBND xã Nam Tiến đồng hạng 2 với 73,9 điểm.", "TM. ỦY BAN NHÂN DÂN",
                             "Nguyễn Văn An"])


def test_a_named_tie_in_a_schemes_table_shares_its_rank(tmp_path):
    path = tmp_path / "scored.docx"
    _write_scored(path, (1, 2, 2, 4, 5))
    assert _ranks(path) == []
    _write_scored(path, (1, 2, 3, 4, 5))
    assert _ranks(path) == [("RANK_MISMATCH", "UBND xã Nam Tiến", "3", "2")]


RULE = "Các đơn vị có điểm bằng nhau được xếp đồng hạng."


def test_a_stated_tie_rule_holds_every_tie(tmp_path):
    # The notice states its rule for ties without naming a unit: a tie ranked 2 and 3 breaks it,
    # in a plain table and in a scheme's table alike.
    path = tmp_path / "rule.docx"
    _write(path, (1, 2, 3, 4, 5), sentence=RULE)
    assert _ranks(path) == [("RANK_MISMATCH", "UBND xã Hòa Bình", "3", "2")]
    _write(path, (1, 2, 2, 4, 5), sentence=RULE)
    assert _ranks(path) == []


def test_a_rule_that_breaks_ties_does_not_hold_them_together(tmp_path):
    # "… bằng điểm thì xếp theo điểm Mức độ hài lòng": a tie-break parts the tie, as the table does.
    path = tmp_path / "break.docx"
    _write(path, (1, 2, 3, 4, 5), sentence="Trường hợp các đơn vị bằng điểm thì xếp theo điểm Mức độ hài lòng, "
                                             "không xếp đồng hạng.")
    assert _ranks(path) == []
