"""Counts by grade written some bare, some as x/y of the units evaluated ("02 cơ
quan xếp loại Tốt, chiếm 18,18%; có 08/11 cơ quan đạt loại Khá; có 01/11 … Trung
bình") all make the whole: the bare ones alone (2) were held to the 11 evaluated
and warned on a clean report, and a slip in an x/y count went past the sum."""
from __future__ import annotations

from reportgen.verify import verify_path

TEXT = ("BÁO CÁO\nKết quả đánh giá 11 cơ quan, đơn vị: 02 cơ quan, đơn vị xếp loại Tốt, chiếm 18,18%; "
        "có 08/11 cơ quan, đơn vị đạt loại Khá; có {tb}/11 cơ quan, đơn vị đạt loại Trung bình.\n")


def _sums(tmp_path, tb: str):
    path = tmp_path / "bc.txt"
    path.write_text(TEXT.format(tb=tb), encoding="utf-8")
    return [(f.severity, f.reported, f.expected) for f in verify_path(path).findings if f.code == "SUM_MISMATCH"]


def test_bare_and_fraction_counts_make_the_whole(tmp_path):
    assert _sums(tmp_path, "01") == []


def test_a_fraction_count_too_many_breaks_the_sum(tmp_path):
    assert [(str(s), r, e) for s, r, e in _sums(tmp_path, "02")] == [("error", "12", "11")]
