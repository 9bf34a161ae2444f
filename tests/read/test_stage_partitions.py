"""A "trong đó" list of dossiers late and on time is all of its whole: a
dossier is settled (or stands) late or not, so "trước hạn …; đúng hạn …; quá
hạn …" after "Đã giải quyết 11.623 hồ sơ" must make 11.623 (read as some of
it, a part written 10 short passed). A list naming only some stages, or
saying more of an item than its stage, stays some of the whole."""
from __future__ import annotations

from reportgen.read.statements_lists import list_items
from reportgen.read.statements_stages import stages_make_whole
from reportgen.verify import verify_path


def _whole(text: str) -> bool:
    return stages_make_whole(list_items(text))


def test_late_and_on_time_lists_are_all_of_the_whole():
    assert _whole("trước hạn 5.958 hồ sơ; đúng hạn 5.523 hồ sơ; quá hạn 142 hồ sơ")
    assert _whole("trước hạn 3.100, đúng hạn 7.800 (chiếm 70,8%), quá hạn 120 hồ sơ")
    assert _whole("chưa đến hạn 1.195 hồ sơ; quá hạn 46 hồ sơ")
    assert _whole("giải quyết trong hạn 980 hồ sơ, trễ hạn 20 hồ sơ")


def test_lists_that_may_leave_some_out_are_not():
    assert not _whole("trước hạn 3.100 hồ sơ, quá hạn 120 hồ sơ")  # the on-time ones are not named
    assert not _whole("đúng hạn 500 hồ sơ lĩnh vực đất đai, quá hạn 3 hồ sơ")
    assert not _whole("trực tuyến 8.505 hồ sơ; trực tiếp 4.553 hồ sơ")
    assert not _whole("trước hạn 5.958 hồ sơ; đúng hạn 5.523 hồ sơ")


def _verify(tmp_path, body: str):
    path = tmp_path / "bc.txt"
    path.write_text("BÁO CÁO\nKết quả giải quyết thủ tục hành chính quý III năm 2025\n" + body, encoding="utf-8")
    return [(f.code, f.severity, f.reported, f.expected) for f in verify_path(path).findings
            if str(f.severity) == "error"]


def test_a_part_written_short_of_the_whole_is_an_error(tmp_path):
    body = ("Đã giải quyết 11.623 hồ sơ, trong đó: trước hạn 5.958 hồ sơ; đúng hạn 5.513 hồ sơ; quá hạn 142 hồ sơ.\n"
            "Số hồ sơ đang giải quyết là 1.241 hồ sơ (trong đó: chưa đến hạn 1.185 hồ sơ, quá hạn 46 hồ sơ).\n")
    assert _verify(tmp_path, body) == [("SUM_MISMATCH", "error", "11623", "11613"),
                                       ("SUM_MISMATCH", "error", "1241", "1231")]


def test_the_same_lists_adding_up_pass(tmp_path):
    body = ("Đã giải quyết 11.623 hồ sơ, trong đó: trước hạn 5.958 hồ sơ; đúng hạn 5.523 hồ sơ; quá hạn 142 hồ sơ.\n"
            "Số hồ sơ đang giải quyết là 1.241 hồ sơ (trong đó: chưa đến hạn 1.195 hồ sơ, quá hạn 46 hồ sơ).\n"
            "Đã giải quyết 9.000 hồ sơ, trong đó trước hạn 3.100 hồ sơ, quá hạn 120 hồ sơ.\n")
    assert _verify(tmp_path, body) == []


def test_on_time_counting_the_early_ones_too_is_read_so(tmp_path):
    # QĐ 766's "đúng hạn" may hold the early ones: 5.608 + 333 = 5.941, the 2.000 early among the 5.608
    body = "Đã giải quyết 5.941 hồ sơ, trong đó: trước hạn 2.000 hồ sơ, đúng hạn 5.608 hồ sơ, quá hạn 333 hồ sơ.\n"
    assert _verify(tmp_path, body) == []


def test_an_item_that_leaves_the_noun_out_is_still_a_part(tmp_path):
    # "trước hạn 6.566 (chiếm 47,8%)": its siblings say "hồ sơ"; the list was not read at all
    body = ("Tổng số hồ sơ đã giải quyết là 13.743 hồ sơ, trong đó trước hạn {a} (chiếm 47,8%), đúng hạn 6.934 hồ sơ "
            "(chiếm 50,5%), trễ hạn 243 hồ sơ (chiếm 1,8%).\n")
    assert _verify(tmp_path, body.format(a="6.566")) == []
    # the part's own share (47,8% of 13.743 = 6.569) says the slip is the part, not the whole: named there
    assert _verify(tmp_path, body.format(a="6.586")) == [("SUM_MISMATCH", "error", "6586", "6566")]
