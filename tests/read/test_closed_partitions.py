"""A "trong đó" list that names every member of a closed vocabulary is all of
its whole: a dossier comes in online, in person or by post; it was carried
over or is new; it was received at the province or at a commune (two levels
since 1 July 2025). "Tiếp nhận 12.450 hồ sơ, trong đó: trực tuyến 8.120 hồ
sơ, trực tiếp 3.980 hồ sơ, qua dịch vụ bưu chính công ích 350 hồ sơ" must make
12.450 (read as some of it, a part written 90 short passed). A list naming some
members only, an item narrowed, or a whole counting the carried-over dossiers
besides the channels' stays some of it. A share whose part names only its
channel ("trong đó 3.200 trực tuyến, chiếm 64%"), or its stage ("trước hạn 6.566
(chiếm 47,8%)"), is of the count before "trong đó"."""
from __future__ import annotations

from reportgen.read.statements_closed import closed_partition
from reportgen.read.statements_lists import list_items
from reportgen.verify import verify_path

REPORT = """UBND TỈNH NINH BÌNH
Số: 215/BC-UBND\tNinh Bình, ngày 08 tháng 10 năm 2025

BÁO CÁO
Kết quả giải quyết thủ tục hành chính quý III năm 2025

I. KẾT QUẢ
{prose}

Nơi nhận:
- Văn phòng Chính phủ;
- Lưu: VT, KSTT.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Trần Văn Hòa
"""


def _all(text: str, head: str = "", two_levels: bool = False) -> bool:
    return closed_partition(list_items(text), head, two_levels)


def _run(tmp_path, prose):
    path = tmp_path / "bc.txt"
    path.write_text(REPORT.format(prose=prose), encoding="utf-8")
    result = verify_path(path)
    sums = [(st.whole, list(st.parts), st.mode) for st in result.report.statements if st.kind == "sum"]
    return sums, [(f.code, f.severity, f.reported, f.expected) for f in result.findings if f.severity != "info"
                  and f.code != "CLAIM_UNCHECKED"]


def test_lists_naming_every_member_are_all_of_the_whole():
    assert _all("trực tuyến 8.120 hồ sơ, trực tiếp 3.980 hồ sơ, qua dịch vụ bưu chính công ích 350 hồ sơ")
    assert _all("qua dịch vụ công trực tuyến 27.407; trực tiếp 6.931; qua BCCI 274")
    assert _all("nộp trực tuyến 5.120 hồ sơ (chiếm 71,2%); trực tiếp 2.021 hồ sơ; qua bưu điện 50 hồ sơ")
    assert _all("kỳ trước chuyển sang 1.465 hồ sơ; mới tiếp nhận 37.886 hồ sơ")
    assert _all("tồn kỳ trước 55 hồ sơ, trực tuyến 823, trực tiếp 230, qua bưu chính 4 hồ sơ",
                "Tổng số hồ sơ phải giải quyết là 1.112 hồ sơ")
    assert _all("cấp tỉnh 2.051 hồ sơ, tại cấp xã 6.772 hồ sơ", two_levels=True)
    assert _all("cấp tỉnh 2.051 hồ sơ, cấp huyện 800 hồ sơ, cấp xã 5.972 hồ sơ")
    # one item of two channels, cut at its "và" by the list's reader
    assert _all("trực tuyến 609 hồ sơ, chiếm 28,52%; trực tiếp và qua bưu chính công ích 1.478 hồ sơ; "
                "kỳ trước chuyển sang 58 hồ sơ")


def test_lists_that_may_leave_some_out_are_not():
    assert not _all("trực tuyến 8.120 hồ sơ; trực tiếp 3.980 hồ sơ")  # by post not named
    assert not _all("trực tuyến toàn trình 5.000 hồ sơ; trực tiếp 3.980 hồ sơ; qua BCCI 350 hồ sơ")
    # the carried-over dossiers are counted in the whole and not named in the list
    assert not _all("trực tuyến 8.120 hồ sơ, trực tiếp 3.980 hồ sơ, qua BCCI 350 hồ sơ",
                    "Tổng số hồ sơ phải giải quyết là 12.900 hồ sơ")
    assert not _all("cấp tỉnh 2.051 hồ sơ, cấp xã 6.772 hồ sơ")  # the document names districts
    assert not _all("trực tuyến 8.120 hồ sơ, cấp xã 3.980 hồ sơ")  # two vocabularies


def test_a_channel_list_must_make_its_whole(tmp_path):
    prose = ("Tiếp nhận {w} hồ sơ, trong đó: trực tuyến 8.120 hồ sơ, trực tiếp 3.980 hồ sơ, "
             "qua dịch vụ bưu chính công ích 350 hồ sơ.")
    assert _run(tmp_path, prose.format(w="12.450")) == ([(12450, [8120, 3980, 350], "partition")], [])
    # 90 short: read as some of the whole, it passed
    assert _run(tmp_path, prose.format(w="12.540"))[1] == [("SUM_MISMATCH", "error", "12540", "12450")]


def test_items_without_the_noun_and_lists_in_brackets(tmp_path):
    prose = "Tiếp nhận mới {w} hồ sơ, trong đó qua dịch vụ công trực tuyến 27.407; trực tiếp 6.931; qua BCCI 274."
    assert _run(tmp_path, prose.format(w="34.612"))[0] == [(34612, [27407, 6931, 274], "partition")]
    assert _run(tmp_path, prose.format(w="34.672"))[1] == [("SUM_MISMATCH", "error", "34672", "34612")]
    prose = ("Tổng số hồ sơ tiếp nhận mới là {w} hồ sơ (trong đó: trực tuyến 4.993, trực tiếp tại Bộ phận Một "
             "cửa 1.917 và qua dịch vụ bưu chính công ích 66 hồ sơ).")
    assert _run(tmp_path, prose.format(w="6.976"))[0] == [(6976, [4993, 1917, 66], "partition")]
    assert _run(tmp_path, prose.format(w="6.376"))[1] == [("SUM_MISMATCH", "error", "6376", "6976")]


def test_carried_over_and_new_make_what_is_to_be_settled(tmp_path):
    prose = "Số hồ sơ phải giải quyết {w} hồ sơ. Trong đó: tiếp nhận trong kỳ 76.841; kỳ trước chuyển qua 519 hồ sơ."
    assert _run(tmp_path, prose.format(w="77.360"))[0] == [(77360, [76841, 519], "partition")]
    assert _run(tmp_path, prose.format(w="77.380"))[1] == [("SUM_MISMATCH", "error", "77380", "77360")]


def test_province_and_commune_in_a_document_of_two_levels(tmp_path):
    prose = "Số hồ sơ tiếp nhận mới {w} hồ sơ, trong đó cấp tỉnh 5.000 hồ sơ, cấp xã 15.000 hồ sơ."
    assert _run(tmp_path, prose.format(w="20.000")) == ([(20000, [5000, 15000], "partition")], [])
    assert _run(tmp_path, prose.format(w="21.000"))[1] == [("SUM_MISMATCH", "error", "21000", "20000")]
    # a document that names districts: the province and the communes may be some of the whole
    district = prose.format(w="21.000") + " Cấp huyện không còn tiếp nhận hồ sơ."
    assert _run(tmp_path, district)[1] == []


def test_items_ending_in_semicolons_keep_their_commas_and_name_the_communes_by_their_kinds(tmp_path):
    """h-prose4: "trong đó cấp tỉnh 15.170; các xã, phường, đặc khu 81.230 hồ sơ" — the commas name
    the kinds of communes inside one item, the semicolon ends it."""
    assert list_items("cấp tỉnh 15.170; các xã, phường, đặc khu 81.230 hồ sơ.") == [
        "cấp tỉnh 15.170", "các xã, phường, đặc khu 81.230 hồ sơ"]
    assert _all("cấp tỉnh 15.170; các xã, phường, đặc khu 81.230 hồ sơ", two_levels=True)
    prose = "Số hồ sơ tiếp nhận mới {w} hồ sơ, trong đó cấp tỉnh 15.170; các xã, phường, đặc khu 81.230 hồ sơ."
    assert _run(tmp_path, prose.format(w="96.400")) == ([(96400, [15170, 81230], "partition")], [])
    assert _run(tmp_path, prose.format(w="92.400"))[1] == [("SUM_MISMATCH", "error", "92400", "96400")]


def test_a_list_in_brackets_whose_items_carry_their_shares_in_brackets(tmp_path):
    prose = ("Tổng số hồ sơ tiếp nhận mới là 95.048 hồ sơ (trong đó: nộp trực tuyến 67.363 hồ sơ (chiếm 70,87%); "
             "trực tiếp 26.971 (chiếm 28,38%); qua BCCI {p} hồ sơ (0,75%)).")
    assert _run(tmp_path, prose.format(p="714")) == ([(95048, [67363, 26971, 714], "partition")], [])
    assert _run(tmp_path, prose.format(p="719"))[1] == [("SUM_MISMATCH", "error", "95048", "95053")]


def test_a_share_whose_part_names_only_its_channel(tmp_path):
    prose = ("Tổng số hồ sơ tiếp nhận mới là 139.775 hồ sơ, trong đó 87.405 trực tuyến, chiếm {p}%; "
             "52.350 trực tiếp, chiếm 37,45%.")
    path = tmp_path / "bc.txt"
    path.write_text(REPORT.format(prose=prose.format(p="62,53")), encoding="utf-8")
    result = verify_path(path)
    assert [(st.value, st.whole) for st in result.report.statements if st.kind == "share"] == [
        (87405, 139775), (52350, 139775)]  # the second was held to 87.405: a false error
    assert [f for f in result.findings if f.severity == "error"] == []
    path.write_text(REPORT.format(prose=prose.format(p="64,53")), encoding="utf-8")
    assert [(f.code, f.reported) for f in verify_path(path).findings if f.severity == "error"] == [
        ("PERCENT_MISMATCH", "64.53")]


def test_channel_lines_after_a_lead_that_opens_with_a_period(tmp_path):
    """The whole is the count right before "trong đó:", not "9 tháng"."""
    prose = ("Trong 9 tháng, tổng số hồ sơ tiếp nhận là {w} hồ sơ, trong đó:\n- Nộp trực tuyến: 3.364 hồ sơ;\n"
             "- Nộp trực tiếp: 1.917 hồ sơ;\n- Qua dịch vụ bưu chính công ích: 23 hồ sơ;\n"
             "- Kỳ trước chuyển sang: 98 hồ sơ.")
    assert _run(tmp_path, prose.format(w="5.402")) == ([(5402, [3364, 1917, 23, 98], "partition")], [])
    assert _run(tmp_path, prose.format(w="5.102"))[1] == [("SUM_MISMATCH", "error", "5102", "5402")]


def _verified(tmp_path, prose: str):
    path = tmp_path / "bc.txt"
    path.write_text(REPORT.format(prose=prose), encoding="utf-8")
    return verify_path(path)


def _shares(result) -> list[tuple]:
    return sorted((st.value, st.whole) for st in result.report.statements if st.kind == "share")


def _errors(result) -> list[tuple]:
    return [(f.code, f.reported) for f in result.findings if f.severity == "error"]


def test_a_share_whose_part_names_its_channel_before_a_bare_count(tmp_path):
    prose = ("Tổng số hồ sơ tiếp nhận: 1.112 hồ sơ, trong đó tồn kỳ trước 55 hồ sơ (4,95%), qua dịch vụ công "
             "trực tuyến 823, chiếm {p}%, nộp trực tiếp 230 hồ sơ (20,68%) và qua bưu chính công ích 4 (0,36%).")
    result = _verified(tmp_path, prose.format(p="74,01"))
    assert _shares(result) == [(4, 1112), (55, 1112), (230, 1112), (823, 1112)]
    assert _errors(result) == []
    assert _errors(_verified(tmp_path, prose.format(p="47,01"))) == [("PERCENT_MISMATCH", "47.01")]


def test_a_share_whose_part_names_only_its_stage(tmp_path):
    # "trước hạn 6.566 (chiếm 47,8%)": the stage stands before a bare count, as a channel does
    prose = ("Tổng số hồ sơ đã giải quyết là 13.743 hồ sơ, trong đó trước hạn {n} (chiếm 47,8%), đúng hạn "
             "6.934 hồ sơ (chiếm 50,5%), trễ hạn 243 hồ sơ (chiếm 1,8%).")
    result = _verified(tmp_path, prose.format(n="6.566"))
    assert _shares(result) == [(243, 13743), (6566, 13743), (6934, 13743)]
    assert result.ledger.to_json()["claims"]["checked"] == result.ledger.to_json()["claims"]["total"]
    # the count slipped: the parts no longer make the whole and its share no longer fits; named once, at it
    assert _errors(_verified(tmp_path, prose.format(n="6.366"))) == [("SUM_MISMATCH", "6366")]
