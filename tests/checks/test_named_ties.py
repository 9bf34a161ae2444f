"""A ranking notice that names a tie ("UBND xã Phú Thịnh và UBND xã Hòa Bình
đồng hạng 2 với 85,0 điểm"): the two units share rank 2 in the table, and a
table that ranks them 2 and 3 contradicts the sentence. Without the
sentence a tie may be ranked either way."""
from __future__ import annotations

import docx

from reportgen.verify import verify_path

UNITS = (("UBND xã Tân Lập", "92,5", "Xuất sắc"), ("UBND xã Phú Thịnh", "85,0", "Tốt"),
         ("UBND xã Hòa Bình", "85,0", "Tốt"), ("UBND xã Đông Sơn", "71,3", "Khá"),
         ("UBND xã Yên Lạc", "64,8", "Trung bình"))
TIE = "UBND xã Phú Thịnh và UBND xã Hòa Bình đồng hạng 2 với 85,0 điểm."


def _write(path, ranks, sentence: str | None = TIE) -> None:
    d = docx.Document()
    for text in ("UBND TỈNH PHÚ THỌ", "Số: 45/TB-UBND", "Phú Thọ, ngày 08 tháng 10 năm 2025", "THÔNG BÁO",
                 "Kết quả xếp hạng Chỉ số phục vụ người dân, doanh nghiệp của UBND các xã tháng 9 năm 2025",
                 *([sentence] if sentence else [])):
        d.add_paragraph(text)
    body = [["STT", "Xã, phường", "Tổng điểm", "Xếp hạng", "Xếp loại"]]
    body += [[str(i), name, points, str(rank), grade] for i, ((name, points, grade), rank) in
             enumerate(zip(UNITS, ranks), 1)]
    table = d.add_table(rows=len(body), cols=len(body[0]))
    for row, values in zip(table.rows, body):
        for cell, value in zip(row.cells, values):
            cell.text = value
    for text in ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "Nguyễn Văn An"):
        d.add_paragraph(text)
    d.save(path)


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
